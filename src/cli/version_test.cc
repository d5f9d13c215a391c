#include "cli/version.h"

#include <gtest/gtest.h>

#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::cli {
namespace {

TEST(Version, SaysTheVersionTheCommitAndTheBuildType) {
  EXPECT_EQ(std::string(build_info::kVersion), OFFSETCTL_VERSION);  // the package's version too
  EXPECT_STRNE(build_info::kType, "");
  EXPECT_EQ(version_text(), std::string("offsetctl ") + OFFSETCTL_VERSION + " (commit " + build_info::kCommit + ", " +
                                build_info::kType + " build)");
}

TEST(Version, TheCommitIsTheSourceTreesHead) {
  auto git = testing::run_process({"/usr/bin/git", "-C", testing::source_dir(), "rev-parse", "--short=12", "HEAD"});
  if (git.exit_code != 0) GTEST_SKIP() << "the source tree is not a git checkout: " << git.err;
  std::string head = git.out.substr(0, git.out.find('\n'));
  std::string commit = build_info::kCommit;
  EXPECT_EQ(commit.substr(0, commit.find('-')), head);
}

TEST(Version, TheProgramPrintsIt) {
  testing::TempDir dir;
  auto r = testing::run_process({"offsetctl", "--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, version_text() + "\n");
}

}  // namespace
}  // namespace offsetctl::cli
