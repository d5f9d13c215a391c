#pragma once
// The real build/ckafka-emulator in the background, as CI and users run it:
// a state file, a request log, optional faults, and the final state saved on
// SIGTERM so a test can check every committed offset afterwards.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "child.h"
#include "emulator/state.h"
#include "testing/temp_dir.h"

namespace offsetctl::hardening {

struct EmulatorOptions {
  double fault_rate = 0;
  uint64_t seed = 1;
  int fault_delay_ms = -1;  // -1: the emulator's default
  bool rate_limit = true;
  std::string name = "emulator";  // prefix of its files in the temp dir
};

class EmulatorProcess {
 public:
  // Starts it with `state_yaml`; url() is empty (and error() says why) when it did not start.
  EmulatorProcess(const testing::TempDir& dir, const std::string& state_yaml, const EmulatorOptions& options = {});
  ~EmulatorProcess();

  const std::string& url() const { return url_; }
  const std::string& error() const { return error_; }
  const std::string& request_log_path() const { return request_log_; }

  // The requests served so far, one parsed line each (a torn last line is skipped).
  std::vector<nlohmann::json> requests() const;
  // Stops it (SIGTERM) and returns the state it saved; nullopt (with error()) when that failed.
  std::optional<emulator::State> stop();

 private:
  std::string request_log_;
  std::string saved_state_;
  std::string out_path_;
  std::string err_path_;
  std::unique_ptr<Child> child_;
  std::string url_;
  std::string error_;
};

}  // namespace offsetctl::hardening
