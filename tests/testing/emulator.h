#pragma once
// The real ckafka-emulator program of the build tree, in the background on a
// loopback port, as the CLI tests run it: a state file and a request log in
// the test's temp dir. It can be restarted at the same URL with another state
// (a saved plan names its endpoint), each start with a request log of its own.
// When it stops, every request body of its log is checked against the official
// Node SDK's model of its action (testing/sdk_models.h), when that is installed.

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::testing {

class Emulator {
 public:
  // Starts it with `state_yaml` and `extra_args` (e.g. "--no-rate-limit") on a free port;
  // url() is empty when it did not start. OFFSETCTL_TEST_UNCOMMITTED_TOPICS=omit in the
  // environment adds "--uncommitted-topics omit" (CTest's second run of the plan tests).
  Emulator(const TempDir& dir, const std::string& state_yaml, std::vector<std::string> extra_args = {});
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  // Stops it and starts it again at the same URL with another state.
  bool restart(const std::string& state_yaml, std::vector<std::string> extra_args = {});

  const std::string& url() const { return url_; }

  // The requests the current start has served, one parsed line each.
  std::vector<nlohmann::json> requests() const;
  // Calls per action, counting from request number `from` of the current start.
  std::map<std::string, int> calls(size_t from = 0) const;

 private:
  void start(const std::string& state_yaml, const std::vector<std::string>& extra_args, int port);
  void stop();

  const TempDir& dir_;
  std::string log_;
  std::string url_;
  int port_ = 0;
  int starts_ = 0;
  pid_t pid_ = -1;
};

// Runs the build tree's offsetctl in `dir` with the emulator's example credentials,
// HOME in `dir` (no profile file) and none of the developer's TENCENTCLOUD_* or CI
// variables; `env` adds to or replaces that environment.
ProcessResult offsetctl(const TempDir& dir, std::vector<std::string> args,
                        const std::map<std::string, std::string>& env = {}, int timeout_ms = 120000);

// The API flags that point offsetctl at the emulator.
std::vector<std::string> at(const Emulator& emulator);

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b);

}  // namespace offsetctl::testing
