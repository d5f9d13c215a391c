#include "audit/git.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

#include "testing/temp_dir.h"

namespace offsetctl::audit {
namespace {

using testing::TempDir;

const std::string kCommit = "0123456789abcdef0123456789abcdef01234567";
const std::string kOther = "89abcdef0123456789abcdef0123456789abcdef";

std::string real(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) ? buf : path;
}

TEST(GitCheckout, BranchInALooseRef) {
  TempDir dir;
  dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
  dir.write("repo/.git/refs/heads/main", kCommit + "\n");
  std::string plan = dir.write("repo/plans/prod/a.yaml", "kind: OffsetPlan\n");
  auto found = find_git_checkout(plan);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->root, real(dir.path("repo")));
  EXPECT_EQ(found->commit, kCommit);
  EXPECT_EQ(find_git_checkout(dir.path("repo/plans"))->commit, kCommit);
}

TEST(GitCheckout, BranchInPackedRefs) {
  TempDir dir;
  dir.write("repo/.git/HEAD", "ref: refs/heads/release/1.x\n");
  dir.write("repo/.git/packed-refs", "# pack-refs with: peeled fully-peeled sorted\n" + kOther +
                                         " refs/heads/main\n" + kCommit + " refs/heads/release/1.x\n^" +
                                         kOther + "\n");
  EXPECT_EQ(find_git_checkout(dir.path("repo"))->commit, kCommit);
}

TEST(GitCheckout, DetachedHead) {
  TempDir dir;
  dir.write("repo/.git/HEAD", kCommit + "\n");
  EXPECT_EQ(find_git_checkout(dir.path("repo"))->commit, kCommit);
}

TEST(GitCheckout, LinkedWorkTree) {
  TempDir dir;
  dir.write("main/.git/refs/heads/feature", kCommit + "\n");
  dir.write("main/.git/worktrees/wt/HEAD", "ref: refs/heads/feature\n");
  dir.write("main/.git/worktrees/wt/commondir", "../..\n");
  dir.write("wt/.git", "gitdir: " + dir.path("main/.git/worktrees/wt") + "\n");
  auto found = find_git_checkout(dir.path("wt"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->root, real(dir.path("wt")));
  EXPECT_EQ(found->commit, kCommit);
}

TEST(GitCheckout, NoCommitYet) {
  TempDir dir;
  dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
  auto found = find_git_checkout(dir.path("repo"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->commit, std::nullopt);
}

TEST(GitCheckout, RefsMayNotLeaveTheGitFolder) {
  TempDir dir;
  dir.write("secret", kCommit + "\n");
  dir.write("repo/.git/HEAD", "ref: refs/../../../secret\n");
  EXPECT_EQ(find_git_checkout(dir.path("repo"))->commit, std::nullopt);
}

TEST(GitCheckout, NotInARepository) {
  TempDir dir;
  std::string plan = dir.write("plans/a.yaml", "x");
  auto found = find_git_checkout(plan);
  // The temp folder itself could sit in a checkout; it must at least not be ours.
  if (found) {
    EXPECT_EQ(found->root.find(real(dir.root())), std::string::npos);
  }
  EXPECT_EQ(find_git_checkout(dir.path("missing")), std::nullopt);
}

TEST(GitCheckout, MatchesGitItself) {
  if (std::system("git --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "git is not installed";
  TempDir dir;
  dir.write("repo/plans/a.yaml", "x");
  std::string git = "git -C " + dir.path("repo") + " -c user.name=t -c user.email=t@example.com ";
  ASSERT_EQ(std::system((git + "init -q && " + git + "add . && " + git + "commit -qm x && " + git +
                         "rev-parse HEAD > " + dir.path("head") + " && " + git + "pack-refs --all")
                            .c_str()),
            0);
  FILE* f = std::fopen(dir.path("head").c_str(), "r");
  ASSERT_TRUE(f);
  char buf[80] = {};
  ASSERT_TRUE(std::fgets(buf, sizeof buf, f));
  std::fclose(f);
  std::string expected(buf);
  expected.erase(expected.find_last_not_of("\n") + 1);
  auto found = find_git_checkout(dir.path("repo/plans/a.yaml"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->commit, expected);
}

}  // namespace
}  // namespace offsetctl::audit
