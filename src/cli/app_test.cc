#include "cli/app.h"
#include "cli/command.h"
#include "cli/run_cli_test.h"

#include <gtest/gtest.h>

namespace offsetctl::cli {
namespace {

using cli_testing::CliRun;
using cli_testing::run_cli;

TEST(App, VersionPrintsTheVersion) {
  CliRun r = run_cli({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("offsetctl ", 0), 0u) << r.out;
}

TEST(App, HelpListsEveryCommand) {
  CliRun r = run_cli({"--help"});
  EXPECT_EQ(r.code, 0);
  for (const auto& c : commands()) EXPECT_NE(r.out.find(c.name), std::string::npos) << c.name;
}

TEST(App, NoCommandIsAnError) {
  CliRun r = run_cli({});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: a command is required (see 'offsetctl --help')\n");
}

TEST(App, UnknownFlagAtTopLevelSuggests) {
  CliRun r = run_cli({"--verbsoe"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: unknown flag '--verbsoe'; did you mean '--verbose'?\n");
}

TEST(App, RunsTwiceInOneProcess) {
  // A command runs past parsing (and sets up logging) each time; the second must not fail.
  for (int i = 0; i < 2; ++i) {
    CliRun r = run_cli({"validate", "/nonexistent-offsetctl-plan.yaml"});
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_EQ(r.err.find("already exists"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace offsetctl::cli
