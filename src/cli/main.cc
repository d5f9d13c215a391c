// offsetctl: parses the command line and dispatches; everything else is in the library.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/app.h"
#include "util/clock.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  offsetctl::util::SystemClock clock;
  const char* no_color = std::getenv("NO_COLOR");
  offsetctl::cli::Io io{std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1,
                        no_color != nullptr && *no_color != '\0', ::isatty(STDERR_FILENO) == 1};
  int code = offsetctl::cli::run(args, io, clock);
  std::cout.flush();
  return code;
}
