#pragma once
// What a CLI11 command line offers, read from the CLI11 app itself: the commands, their
// flags and arguments with their help. The man pages and the shell completions are made
// from this, so they say exactly what `--help` says and never list anything by hand.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace offsetctl::clidoc {

// What a flag or argument takes, from its CLI11 type name: FILE, PATH, DIR and names
// ending in .yaml/.json are files; SAVED_PLAN is a saved plan (*.json); a validator
// like CLI::IsMember gives choices ("FORMAT:{text,json}").
enum class ValueKind { kNone, kText, kChoice, kFile, kJson, kDir };

struct Option {
  std::vector<std::string> names;  // "--format", "-v"; empty for an argument
  std::string value_name;          // "FORMAT", "PATH"; empty for a flag
  std::string help;
  std::string group;  // CLI11's option group ("Options" unless set)
  ValueKind kind = ValueKind::kNone;
  std::vector<std::string> choices;
  bool required = false;
  bool repeatable = false;  // an argument that takes several values, or a flag given again

  bool positional() const { return names.empty(); }
  std::string label() const;  // "--format, -f" or "PATH..."
};

struct Command {
  std::vector<std::string> path;  // {} for the program itself, {"audit", "verify"}
  std::string program;            // "offsetctl"
  std::string summary;
  std::vector<Option> flags;        // --help included
  std::vector<Option> positionals;  // in order
  std::vector<Command> subcommands;

  std::string name() const;   // "offsetctl audit verify"
  std::string usage() const;  // "offsetctl plan [FLAGS] PATH..."
};

Command describe(const CLI::App& app);

// The program and every command under it, depth first in declaration order.
std::vector<const Command*> all_commands(const Command& root);

// Every option and argument name a command accepts (for did-you-mean and tests).
std::vector<std::string> flag_names(const Command& command);

}  // namespace offsetctl::clidoc
