#pragma once
// offsetctl's whole command line declared on one CLI11 app: the global flags and every
// command of the table with its flags. run() parses with it; the man page and the shell
// completions are made from it, so all three say the same.

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"

namespace offsetctl::cli {

struct CommandLine {
  CLI::App app{"offsetctl: declarative consumer group offsets for Tencent Cloud CKafka", "offsetctl"};
  int verbosity = 0;
  bool no_color = false;
  std::vector<std::pair<CLI::App*, Runner>> runners;  // one per command of the table
};

std::unique_ptr<CommandLine> make_command_line();

// Names the values a flag takes, for --help ("FORMAT:{text,json}"), the man page and the
// completions. It accepts any value: the command checks it, so that every refusal says
// "--format xml: use text or json" in the CLI's own words rather than CLI11's.
CLI::Validator one_of(const std::vector<std::string>& choices);

}  // namespace offsetctl::cli
