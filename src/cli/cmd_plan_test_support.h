#pragma once
// For the plan and export command tests: the real ckafka-emulator program in
// the background, with a state file and a request log, and offsetctl run
// against it with the example credentials and nothing from the environment.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::cli::plan_testing {

class Emulator {
 public:
  // Starts the emulator on a free loopback port; empty url() when it did not start.
  Emulator(const testing::TempDir& dir, const std::string& state_yaml, bool rate_limit = false)
      : log_(dir.path("requests.jsonl")) {
    std::string state = dir.write("emulator-state.yaml", state_yaml);
    int out[2];
    if (::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      std::string prog = testing::program_path("ckafka-emulator");
      std::vector<std::string> args = {prog, "--listen", "127.0.0.1:0", "--state", state, "--request-log", log_};
      if (!rate_limit) args.push_back("--no-rate-limit");
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c = 0;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    const std::string prefix = "listening on ";
    if (line.rfind(prefix, 0) == 0) url_ = line.substr(prefix.size());
  }
  ~Emulator() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  const std::string& url() const { return url_; }

  // The requests served so far, one parsed line each.
  std::vector<nlohmann::json> requests() const {
    std::vector<nlohmann::json> out;
    std::ifstream in(log_);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    }
    return out;
  }
  std::map<std::string, int> calls() const {
    std::map<std::string, int> n;
    for (const auto& r : requests()) ++n[r.at("action").get<std::string>()];
    return n;
  }

 private:
  std::string log_;
  std::string url_;
  pid_t pid_ = -1;
};

// Runs offsetctl with the emulator's credentials, HOME in `dir` (no profile
// file) and no TENCENTCLOUD_* variables of the developer's own.
inline testing::ProcessResult offsetctl(const testing::TempDir& dir, std::vector<std::string> args,
                                        const std::map<std::string, std::string>& env = {}) {
  args.insert(args.begin(), "offsetctl");
  testing::ProcessOptions o;
  o.env = {{"HOME", dir.root()}, {"TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE"}, {"TENCENTCLOUD_SECRET_KEY", "secretEXAMPLE"}};
  for (const auto& [k, v] : env) o.env[k] = v;
  o.unset_env = {"TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_REGION", "NO_COLOR"};
  o.cwd = dir.root();
  return testing::run_process(args, o);
}

// The API flags that point offsetctl at the emulator.
inline std::vector<std::string> at(const Emulator& e) {
  return {"--endpoint", e.url(), "--region", "ap-guangzhou"};
}

inline std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace offsetctl::cli::plan_testing
