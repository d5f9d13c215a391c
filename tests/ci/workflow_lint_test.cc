// The workflows users copy pass @action-validator/cli (GitHub's workflow schema),
// and the sticky comment script does what its header says, with a fake API.
#include <gtest/gtest.h>

#include <filesystem>

#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::testing {
namespace {

namespace fs = std::filesystem;

// Installed by scripts/deps (npm), into the checkout's .cache/.
std::string action_validator() { return source_dir() + "/.cache/node/node_modules/.bin/action-validator"; }

ProcessResult validate(const std::string& workflow) {
  ProcessOptions o;
  o.timeout_ms = 60000;
  return run_process({action_validator(), workflow}, o);
}

TEST(WorkflowLint, EveryExampleWorkflowIsValid) {
  ASSERT_TRUE(fs::exists(action_validator())) << action_validator() << " is missing: run scripts/deps";
  size_t checked = 0;
  for (const auto& e : fs::directory_iterator(source_dir() + "/examples/github-actions/.github/workflows")) {
    if (e.path().extension() != ".yml") continue;
    ++checked;
    auto r = validate(e.path().string());
    EXPECT_EQ(r.exit_code, 0) << e.path() << "\n" << r.out << r.err;
  }
  EXPECT_EQ(checked, 2u);
}

// The check can fail: a typo in a job is refused.
TEST(WorkflowLint, ABrokenWorkflowIsRefused) {
  ASSERT_TRUE(fs::exists(action_validator())) << action_validator() << " is missing: run scripts/deps";
  TempDir dir;
  auto r = validate(dir.write("broken.yml", "name: x\non: [push]\njobs:\n  a:\n    runs-onn: ubuntu-24.04\n"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE((r.out + r.err).find("Additional property 'runs-onn' is not allowed"), std::string::npos) << r.out << r.err;
}

TEST(StickyComment, EditsItsOwnCommentsAndDeletesPartsNoLongerNeeded) {
  auto r = run_process({"/usr/bin/env", "node", source_dir() + "/tests/ci/sticky_comment_check.js",
                        source_dir() + "/examples/github-actions/.github/offsetctl/sticky-comment.js"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out,
            "update 11 <!-- offsetctl plan replay part 1/2 -->\n"
            "create 7 <!-- offsetctl plan replay part 2/2 -->\n"
            "parts 2\n"
            "update 11 <!-- offsetctl plan replay part 1/1 -->\n"
            "delete 12\n"
            "parts 1\n");
}

}  // namespace
}  // namespace offsetctl::testing
