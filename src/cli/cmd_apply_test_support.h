#pragma once
// For the apply command tests: the real ckafka-emulator program on a loopback
// port that survives restarts (a saved plan names its endpoint, so a restarted
// emulator with another state must answer at the same URL), each start with a
// request log of its own.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::cli::apply_testing {

class Emulator {
 public:
  // Starts the emulator with `state_yaml` on a free port; empty url() when it did not start.
  Emulator(const testing::TempDir& dir, const std::string& state_yaml, std::vector<std::string> extra = {})
      : dir_(dir) {
    start(state_yaml, std::move(extra), 0);
  }
  ~Emulator() { stop(); }
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  // Stops it and starts it again, at the same URL, with another state.
  bool restart(const std::string& state_yaml, std::vector<std::string> extra = {}) {
    int port = port_;
    stop();
    for (int attempt = 0; attempt < 50 && url_.empty(); ++attempt) {
      start(state_yaml, extra, port);
      if (url_.empty()) ::usleep(100 * 1000);  // the port may take a moment to be free again
    }
    return !url_.empty();
  }

  const std::string& url() const { return url_; }

  // The requests the current start has served, one parsed line each.
  std::vector<nlohmann::json> requests() const {
    std::vector<nlohmann::json> out;
    std::ifstream in(log_);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    }
    return out;
  }
  // Calls per action, counting from request number `from` of the current start.
  std::map<std::string, int> calls(size_t from = 0) const {
    std::map<std::string, int> n;
    auto all = requests();
    for (size_t i = from; i < all.size(); ++i) ++n[all[i].at("action").get<std::string>()];
    return n;
  }

 private:
  void start(const std::string& state_yaml, const std::vector<std::string>& extra, int port) {
    ++starts_;
    std::string state = dir_.write("emulator-state-" + std::to_string(starts_) + ".yaml", state_yaml);
    log_ = dir_.path("requests-" + std::to_string(starts_) + ".jsonl");
    int out[2];
    if (::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<std::string> args = {testing::program_path("ckafka-emulator"),
                                       "--listen",
                                       "127.0.0.1:" + std::to_string(port),
                                       "--state",
                                       state,
                                       "--request-log",
                                       log_};
      args.insert(args.end(), extra.begin(), extra.end());
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
    if (line.rfind(prefix, 0) != 0) {
      reap();
      return;
    }
    url_ = line.substr(prefix.size());
    port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
  }

  void stop() {
    if (pid_ > 0) ::kill(pid_, SIGTERM);
    reap();
    url_.clear();
  }
  void reap() {
    if (pid_ > 0) {
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    pid_ = -1;
  }

  const testing::TempDir& dir_;
  std::string log_;
  std::string url_;
  int port_ = 0;
  int starts_ = 0;
  pid_t pid_ = -1;
};

// Runs offsetctl in `dir` with the emulator's credentials, HOME in `dir` (no
// profile file) and no TENCENTCLOUD_* variables of the developer's own.
inline testing::ProcessResult offsetctl(const testing::TempDir& dir, std::vector<std::string> args,
                                        int timeout_ms = 120000) {
  args.insert(args.begin(), "offsetctl");
  testing::ProcessOptions o;
  o.env = {{"HOME", dir.root()}, {"TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE"}, {"TENCENTCLOUD_SECRET_KEY", "secretEXAMPLE"}};
  o.unset_env = {"TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_REGION", "NO_COLOR", "CI", "GITHUB_ACTIONS", "GITLAB_CI"};
  o.cwd = dir.root();
  o.timeout_ms = timeout_ms;
  return testing::run_process(args, o);
}

}  // namespace offsetctl::cli::apply_testing
