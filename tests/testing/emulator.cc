#include "testing/emulator.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "testing/sdk_models.h"

namespace offsetctl::testing {

Emulator::Emulator(const TempDir& dir, const std::string& state_yaml, std::vector<std::string> extra_args)
    : dir_(dir) {
  start(state_yaml, extra_args, 0);
}

Emulator::~Emulator() { stop(); }

bool Emulator::restart(const std::string& state_yaml, std::vector<std::string> extra_args) {
  const int port = port_;
  stop();
  for (int attempt = 0; attempt < 50 && url_.empty(); ++attempt) {
    start(state_yaml, extra_args, port);
    if (url_.empty()) ::usleep(100 * 1000);  // the port may take a moment to be free again
  }
  return !url_.empty();
}

std::vector<nlohmann::json> Emulator::requests() const {
  std::vector<nlohmann::json> out;
  std::ifstream in(log_);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

std::map<std::string, int> Emulator::calls(size_t from) const {
  std::map<std::string, int> n;
  const auto all = requests();
  for (size_t i = from; i < all.size(); ++i) ++n[all[i].at("action").get<std::string>()];
  return n;
}

void Emulator::start(const std::string& state_yaml, const std::vector<std::string>& extra_args, int port) {
  ++starts_;
  const std::string state = dir_.write("emulator-state-" + std::to_string(starts_) + ".yaml", state_yaml);
  log_ = dir_.path("requests-" + std::to_string(starts_) + ".jsonl");
  std::vector<std::string> args = {program_path("ckafka-emulator"),
                                   "--listen",
                                   "127.0.0.1:" + std::to_string(port),
                                   "--state",
                                   state,
                                   "--request-log",
                                   log_};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  // CTest runs the plan tests a second time with the other DescribeGroupOffsets answer style.
  if (const char* style = std::getenv("OFFSETCTL_TEST_UNCOMMITTED_TOPICS"); style != nullptr && *style != '\0') {
    args.push_back("--uncommitted-topics");
    args.push_back(style);
  }
  int out[2];
  if (::pipe(out) != 0) return;
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::close(out[1]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  // Its first line says where it listens; anything else (or nothing) means it did not start.
  std::string line;
  char c = 0;
  while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(out[0]);
  const std::string prefix = "listening on ";
  if (line.rfind(prefix, 0) != 0) {
    stop();
    return;
  }
  url_ = line.substr(prefix.size());
  port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
}

void Emulator::stop() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    // Every request offsetctl sent must fit the official SDK's model of its action.
    if (const SdkModels* models = installed_sdk_models()) {
      for (const std::string& problem : check_request_log(*models, log_))
        ADD_FAILURE() << "a request the official Node SDK's model does not allow: " << problem;
    }
  }
  pid_ = -1;
  url_.clear();
}

ProcessResult offsetctl(const TempDir& dir, std::vector<std::string> args,
                        const std::map<std::string, std::string>& env, int timeout_ms) {
  args.insert(args.begin(), "offsetctl");
  ProcessOptions o;
  o.env = {{"HOME", dir.root()},
           {"TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE"},
           {"TENCENTCLOUD_SECRET_KEY", "secretEXAMPLE"}};
  for (const auto& [k, v] : env) o.env[k] = v;
  o.unset_env = {
      "TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_REGION", "NO_COLOR", "CI", "GITHUB_ACTIONS", "GITLAB_CI"};
  o.cwd = dir.root();
  o.timeout_ms = timeout_ms;
  return run_process(args, o);
}

std::vector<std::string> at(const Emulator& emulator) {
  return {"--endpoint", emulator.url(), "--region", "ap-guangzhou"};
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace offsetctl::testing
