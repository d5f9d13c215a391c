#include "emulator_process.h"

#include <signal.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace offsetctl::hardening {

EmulatorProcess::EmulatorProcess(const testing::TempDir& dir, const std::string& state_yaml,
                                 const EmulatorOptions& options)
    : request_log_(dir.path(options.name + "-requests.jsonl")),
      saved_state_(dir.path(options.name + "-final-state.yaml")),
      out_path_(dir.path(options.name + ".out")),
      err_path_(dir.path(options.name + ".err")) {
  const std::string state = dir.write(options.name + "-state.yaml", state_yaml);
  std::vector<std::string> argv = {"ckafka-emulator", "--listen",     "127.0.0.1:0",   "--state",
                                   state,             "--request-log", request_log_, "--save-state",
                                   saved_state_};
  if (options.fault_rate > 0) {
    argv.insert(argv.end(), {"--fault-rate", std::to_string(options.fault_rate), "--seed",
                             std::to_string(options.seed)});
  }
  if (options.fault_delay_ms >= 0) argv.insert(argv.end(), {"--fault-delay-ms", std::to_string(options.fault_delay_ms)});
  if (!options.rate_limit) argv.push_back("--no-rate-limit");
  ChildOptions co;
  co.out_path = out_path_;
  co.err_path = err_path_;
  child_ = std::make_unique<Child>(argv, co);

  // It prints "listening on http://127.0.0.1:PORT" once it accepts requests.
  const std::string prefix = "listening on ";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string out = slurp(out_path_);
    const auto at = out.find(prefix);
    const auto eol = out.find('\n', at);
    if (at != std::string::npos && eol != std::string::npos) {
      url_ = out.substr(at + prefix.size(), eol - at - prefix.size());
      return;
    }
    if (child_->exited() || ::kill(child_->pid(), 0) != 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  error_ = "the emulator did not start: " + slurp(err_path_);
}

EmulatorProcess::~EmulatorProcess() {
  if (child_ && !child_->exited()) {
    child_->signal(SIGTERM);
    child_->wait(30000);
  }
}

std::vector<nlohmann::json> EmulatorProcess::requests() const {
  std::vector<nlohmann::json> out;
  std::ifstream in(request_log_);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded()) out.push_back(std::move(j));
  }
  return out;
}

std::optional<emulator::State> EmulatorProcess::stop() {
  child_->signal(SIGTERM);
  const ExitStatus st = child_->wait(60000);
  if (st.exit_code != 0) {
    error_ = "the emulator exited with " + std::to_string(st.exit_code) + " (signal " + std::to_string(st.signal) +
             "): " + slurp(err_path_);
    return std::nullopt;
  }
  auto state = emulator::load_state_file(saved_state_);
  if (!state) {
    error_ = state.error().message;
    return std::nullopt;
  }
  return std::move(*state);
}

}  // namespace offsetctl::hardening
