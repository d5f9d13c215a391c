#pragma once
// A subcommand: its name, one line of help, and a function that declares its
// flags on the CLI11 app and returns what to run once they are parsed.
// Commands are listed in one table (commands.cc); each lives in cmd_<name>.cc.

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "util/clock.h"
#include "util/result.h"

namespace offsetctl::cli {

// What a command may touch besides its flags: the streams it writes to and the clock.
struct Context {
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;
  bool color = false;  // colour allowed: a terminal, no --no-color, no NO_COLOR
  int verbosity = 0;
  const util::Clock& clock;
  bool err_is_tty = false;
};

// Runs the command: the exit code, or an error that main prints as
// "offsetctl: error: <message>" and turns into exit code 1.
using Runner = std::function<Result<int>(Context&)>;

struct Command {
  const char* name;
  const char* summary;
  std::function<Runner(CLI::App& sub)> setup;
};

const std::vector<Command>& commands();

}  // namespace offsetctl::cli
