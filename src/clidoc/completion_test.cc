#include "clidoc/completion.h"

#include <gtest/gtest.h>

#include "clidoc/clidoc_test_app.h"
#include "clidoc/shell_completion_test.h"
#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::clidoc {
namespace {

using V = std::vector<std::string>;

class CompletionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("work/plan.yaml", "");
    dir_.write("work/saved.json", "");
    dir_.write("work/sub/x.txt", "");
  }
  std::string script(const std::string& shell) {
    return dir_.write("tool." + shell, *completion_script(shell, describe(app_.app)));
  }
  std::string work() const { return dir_.path("work"); }

  offsetctl::testing::TempDir dir_;
  testing::TestApp app_;
};

TEST_F(CompletionTest, OnlyTheThreeShells) {
  EXPECT_FALSE(completion_script("tcsh", describe(app_.app)));
}

TEST_F(CompletionTest, BashOffersCommandsFlagsChoicesAndFiles) {
  std::string s = script("bash");
  EXPECT_EQ(testing::bash_complete(s, "tool", "tool ", work()), (V{"audit", "plan"}));
  EXPECT_EQ(testing::bash_complete(s, "tool", "tool au", work()), (V{"audit"}));
  EXPECT_EQ(testing::bash_complete(s, "tool", "tool audit ", work()), (V{"verify"}));
  EXPECT_EQ(testing::bash_complete(s, "tool", "tool -v audit verify --", work()), (V{"--help", "--verbose", "--yes"}));
  EXPECT_EQ(testing::bash_complete(s, "tool", "tool plan --f", work()), (V{"--format"}));
  EXPECT_EQ(testing::bash_complete(s, "tool", "tool plan --format ", work()), (V{"json", "text"}));
  // A saved plan is a *.json (folders too, to walk into); a path argument is any file.
  EXPECT_EQ(testing::bash_complete(s, "tool", "tool plan --out ", work()), (V{"saved.json", "sub"}));
  EXPECT_EQ(testing::bash_complete(s, "tool", "tool plan --format json ", work()),
            (V{"plan.yaml", "saved.json", "sub"}));
  EXPECT_EQ(testing::bash_complete(s, "tool", "tool plan a.yaml --name ", work()), V{});
}

TEST_F(CompletionTest, FishOffersTheSame) {
  std::string s = script("fish");
  EXPECT_EQ(testing::fish_complete(s, "tool ", work()), (V{"audit", "plan"}));
  EXPECT_EQ(testing::fish_complete(s, "tool audit ", work()), (V{"verify"}));
  EXPECT_EQ(testing::fish_complete(s, "tool plan --f", work()), (V{"--format"}));
  EXPECT_EQ(testing::fish_complete(s, "tool plan --format ", work()), (V{"json", "text"}));
  EXPECT_EQ(testing::fish_complete(s, "tool plan --out ", work()), (V{"saved.json", "sub/"}));
}

TEST_F(CompletionTest, ZshReadsItsScript) {
  std::string s = script("zsh");
  auto r = offsetctl::testing::run_process({"/usr/bin/zsh", "-n", s});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(s.empty(), false);
  std::string text = *completion_script("zsh", describe(app_.app));
  EXPECT_EQ(text.rfind("#compdef tool\n", 0), 0u);
  EXPECT_NE(text.find("    'audit') echo 'verify:Check it'\\''s whole' ;;\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    'plan|--format') echo 'choice text json' ;;\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    'plan|--out') echo 'json' ;;\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace offsetctl::clidoc
