#pragma once
// The offsetctl command line: parses argv, runs one command, returns the exit code.
// Lives in the library (not main.cc) so tests can run it in-process.

#include <iosfwd>
#include <string>
#include <vector>

#include "util/clock.h"

namespace offsetctl::cli {

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;
  bool no_color_env = false;  // NO_COLOR is set
  bool err_is_tty = false;    // a progress line is redrawn in place only on a terminal
};

int run(const std::vector<std::string>& args, Io io, const util::Clock& clock);

}  // namespace offsetctl::cli
