#pragma once
// CLI11 finds what is wrong with a command line; this says it in offsetctl's
// voice: what is wrong, for which command, and the one thing to do next
// (never CLI11's own "is required", "not in {...}" or "Expected at least").

#include <CLI/CLI.hpp>

#include <string>

namespace offsetctl::cli {

// The deepest command named on the command line (`offsetctl audit verify` ->
// verify), or `root` when none was.
CLI::App& deepest_command(CLI::App& root);

// "offsetctl audit verify" for the verify command.
std::string command_path(const CLI::App& app);

// The message for a parse error raised while parsing `root` (no "offsetctl:
// error: " prefix).
std::string explain_parse_error(const CLI::ParseError& e, CLI::App& root);

}  // namespace offsetctl::cli
