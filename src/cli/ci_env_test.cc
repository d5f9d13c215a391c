#include "cli/ci_env.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace offsetctl::cli {
namespace {

// Sets an environment variable for one test and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    value ? setenv(name, value, 1) : unsetenv(name);
  }
  ~ScopedEnv() { old_.empty() ? unsetenv(name_) : setenv(name_, old_.c_str(), 1); }

 private:
  const char* name_;
  std::string old_;
};

TEST(CiEnv, AnnotationsAreRelativeToTheWorkspace) {
  ScopedEnv ws("GITHUB_WORKSPACE", "/home/runner/work/repo");
  plan::GithubOptions o = github_options("validate", {"plans", "more.yaml"});
  EXPECT_EQ(o.workspace, "/home/runner/work/repo");
  EXPECT_EQ(o.rerun, "offsetctl validate plans more.yaml");
}

TEST(CiEnv, TheSummaryFlagWinsOverTheRunnersFile) {
  ScopedEnv summary("GITHUB_STEP_SUMMARY", "/tmp/step-summary");
  EXPECT_EQ(step_summary_path("mine.md"), "mine.md");
  EXPECT_EQ(step_summary_path(""), "/tmp/step-summary");
  ScopedEnv none("GITHUB_STEP_SUMMARY", nullptr);
  EXPECT_EQ(step_summary_path(""), std::nullopt);
  ScopedEnv empty("GITHUB_STEP_SUMMARY", "");
  EXPECT_EQ(step_summary_path(""), std::nullopt);
}

}  // namespace
}  // namespace offsetctl::cli
