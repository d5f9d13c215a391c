#pragma once
// For the CLI tests: one command run in process through cli::run, as main runs
// it, at a fixed clock, with what it printed.

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "util/clock.h"

namespace offsetctl::cli::cli_testing {

inline constexpr int64_t kNowMs = 1795435200000;  // 2026-11-23T12:00:00Z, the audit tests' kT0

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

inline CliRun run_cli(const std::vector<std::string>& args, int64_t now_ms = kNowMs) {
  std::ostringstream out, err;
  util::FakeClock clock(now_ms);
  const int code = run(args, Io{out, err, false, false}, clock);
  return {code, out.str(), err.str()};
}

}  // namespace offsetctl::cli::cli_testing
