#pragma once
// A small CLI11 command line with each kind of flag and argument, for clidoc's tests.

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

namespace offsetctl::clidoc::testing {

struct TestApp {
  CLI::App app{"tool: does things to plans", "tool"};
  std::vector<std::string> paths;
  std::string format, out, log, name;
  bool verbose = false, yes = false;

  TestApp() {
    app.add_flag("-v,--verbose", verbose, "Say more");
    CLI::App* plan = app.add_subcommand("plan", "Show what would change");
    plan->add_option("paths", paths, "Plan files")->required()->type_name("PATH");
    plan->add_option("--format", format, "Report format")->check(CLI::IsMember({"text", "json"}))->type_name("FORMAT");
    plan->add_option("--out", out, "Save the plan")->type_name("SAVED_PLAN");
    plan->add_option("--name", name, "A name")->type_name("NAME")->group("Shared");
    CLI::App* audit = app.add_subcommand("audit", "Read audit logs: the hash chain");
    CLI::App* verify = audit->add_subcommand("verify", "Check it's whole");
    verify->add_option("file", log, "The log")->required()->type_name("FILE");
    verify->add_flag("--yes", yes, "Don't ask");
  }
};

}  // namespace offsetctl::clidoc::testing
