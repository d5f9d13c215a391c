#include "cli/command_line.h"

#include "cli/version.h"

namespace offsetctl::cli {

CLI::Validator one_of(const std::vector<std::string>& choices) {
  std::string names;
  for (const auto& c : choices) names += (names.empty() ? "" : ",") + c;
  return CLI::Validator([](const std::string&) { return std::string(); }, "{" + names + "}", "one_of");
}

std::unique_ptr<CommandLine> make_command_line() {
  auto line = std::make_unique<CommandLine>();
  CLI::App& app = line->app;
  app.set_version_flag("--version", version_text(), "Print the version, the commit it was built from and the build type");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_flag("-v,--verbose", line->verbosity, "More log output on standard error (-vv debug, -vvv trace)");
  app.add_flag("--no-color", line->no_color, "Never colour the output (also: NO_COLOR in the environment)");

  // Every command first, then their flags: a command's setup may look at the whole table
  // (completion describes it).
  std::vector<std::pair<CLI::App*, const Command*>> subs;
  for (const auto& cmd : commands()) subs.emplace_back(app.add_subcommand(cmd.name, cmd.summary), &cmd);
  for (auto& [sub, cmd] : subs) line->runners.emplace_back(sub, cmd->setup(*sub));
  return line;
}

}  // namespace offsetctl::cli
