#pragma once
// The ckafka-emulator program: command line, serving until SIGINT/SIGTERM,
// saving the state on the way out. main() only calls run_program.

#include <cstdint>
#include <string>

namespace CLI {
class App;
}

namespace offsetctl::emulator {

struct ProgramFlags {
  std::string listen;
  std::string state_path;
  std::string request_log;
  double fault_rate = 0;
  uint64_t seed = 1;
  bool no_rate_limit = false;
  std::string save_state;
  int fault_delay_ms = 31000;
  int latency_ms = 0;         // every answer held this long ...
  int latency_jitter_ms = 0;  // ... give or take up to this much (seeded with `seed`)
};

// Declares the program's name, description and flags on `app` (its man page is made from them).
void declare_flags(CLI::App& app, ProgramFlags& flags);

// The exit code: 0 after a clean stop, 1 after an error (printed as "ckafka-emulator: error: ...").
int run_program(int argc, char** argv);

}  // namespace offsetctl::emulator
