// `offsetctl completion SHELL` run for real, and its bash script loaded in a real bash with
// Debian's bash-completion, as a user's shell does.
#include <gtest/gtest.h>

#include "clidoc/shell_completion_test.h"
#include "testing/emulator.h"
#include "testing/process.h"
#include "testing/temp_dir.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

using V = std::vector<std::string>;
using testing::TempDir;

class CompletionCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("work/orders.yaml", "");
    dir_.write("work/reviewed.json", "");
    dir_.write("work/plans/a.yaml", "");
  }
  std::string script(const std::string& shell) {
    auto r = testing::offsetctl(dir_, {"completion", shell});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return dir_.write("offsetctl." + shell, r.out);
  }
  std::vector<std::string> bash(const std::string& line) {
    return clidoc::testing::bash_complete(bash_, "offsetctl", line, dir_.path("work"));
  }
  TempDir dir_;
  std::string bash_;
};

TEST_F(CompletionCommand, BashCompletesCommandsFlagsAndTheirValues) {
  bash_ = script("bash");
  EXPECT_EQ(bash("offsetctl pl"), V{"plan"});
  EXPECT_EQ(bash("offsetctl plan --for"), V{"--format"});
  EXPECT_EQ(bash("offsetctl plan --format "), (V{"csv", "json", "markdown", "text"}));
  EXPECT_EQ(bash("offsetctl plan plans/a.yaml --out "), (V{"plans", "reviewed.json"}));  // a saved plan: *.json
  EXPECT_EQ(bash("offsetctl plan "), (V{"orders.yaml", "plans", "reviewed.json"}));
  EXPECT_EQ(bash("offsetctl apply --format "), (V{"json", "text"}));
  EXPECT_EQ(bash("offsetctl validate --format "), (V{"github", "json", "text"}));
  EXPECT_EQ(bash("offsetctl plan --diagnostics "), (V{"github", "json", "text"}));
  EXPECT_EQ(bash("offsetctl apply --summary "), (V{"orders.yaml", "plans", "reviewed.json"}));
  EXPECT_EQ(bash("offsetctl audit "), V{"verify"});
  EXPECT_EQ(bash("offsetctl -v audit v"), V{"verify"});
  EXPECT_EQ(bash("offsetctl completion "), (V{"bash", "fish", "zsh"}));
  EXPECT_EQ(bash("offsetctl --ver"), (V{"--verbose", "--version"}));
}

TEST_F(CompletionCommand, EveryCommandOfTheTableCompletes) {
  bash_ = script("bash");
  V offered = bash("offsetctl ");
  auto help = testing::offsetctl(dir_, {"--help"});
  for (const auto& word : offered) EXPECT_NE(help.out.find("  " + word), std::string::npos) << word;
  EXPECT_GE(offered.size(), 7u);
}

TEST_F(CompletionCommand, FishAndZsh) {
  std::string fish = script("fish");
  EXPECT_EQ(clidoc::testing::fish_complete(fish, "offsetctl pl", dir_.path("work")), V{"plan"});
  EXPECT_EQ(clidoc::testing::fish_complete(fish, "offsetctl plan --for", dir_.path("work")), V{"--format"});
  std::string zsh = script("zsh");
  auto r = testing::run_process({"/usr/bin/zsh", "-n", zsh});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(CompletionCommand, TheInstalledScriptsAreWhatTheCommandPrints) {
  const std::pair<const char*, const char*> files[] = {
      {"bash", "bash/offsetctl"}, {"zsh", "zsh/_offsetctl"}, {"fish", "fish/offsetctl.fish"}};
  for (const auto& [shell, file] : files) {
    auto printed = testing::offsetctl(dir_, {"completion", shell});
    auto built = util::read_file(testing::build_dir() + "/docs/completion/" + file);
    ASSERT_TRUE(built) << file;
    EXPECT_EQ(*built, printed.out) << file;
  }
}

TEST_F(CompletionCommand, AnotherShellIsRefused) {
  auto r = testing::offsetctl(dir_, {"completion", "tcsh"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: no completion for shell 'tcsh'; use bash, zsh or fish\n");
}

// The choices a flag names for completion leave the refusal to the command, in its own words.
TEST_F(CompletionCommand, AChoiceFlagsRefusalIsTheCommands) {
  auto plan = testing::offsetctl(dir_, {"plan", "--format", "xml", "work/orders.yaml"});
  EXPECT_EQ(plan.exit_code, 1);
  EXPECT_EQ(plan.err, "offsetctl: error: --format xml: use text, markdown, json or csv\n");
  auto apply = testing::offsetctl(dir_, {"apply", "--format", "yaml", "work/reviewed.json"});
  EXPECT_EQ(apply.exit_code, 1);
  EXPECT_EQ(apply.err, "offsetctl: error: --format yaml: use text or json\n");
  auto help = testing::offsetctl(dir_, {"validate", "--help"});
  EXPECT_NE(help.out.find("--format FORMAT:{text,json,github}"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace offsetctl::cli
