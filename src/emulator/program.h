#pragma once
// The ckafka-emulator program: command line, serving until SIGINT/SIGTERM,
// saving the state on the way out. main() only calls run_program.

namespace offsetctl::emulator {

// The exit code: 0 after a clean stop, 1 after an error (printed as "ckafka-emulator: error: ...").
int run_program(int argc, char** argv);

}  // namespace offsetctl::emulator
