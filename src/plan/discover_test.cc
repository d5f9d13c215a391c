#include "plan/discover.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "testing/temp_dir.h"

namespace offsetctl::plan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::vector<std::string> relative(const TempDir& dir, const std::vector<std::string>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.substr(dir.root().size() + 1));
  return out;
}

TEST(Discover, FindsYamlFilesRecursivelySortedAndSkipsHiddenOnes) {
  TempDir dir;
  for (const char* name : {"plans/b.yaml", "plans/a.yml", "plans/sub/c.yaml", "plans/sub/deeper/d.yaml",
                           "plans/.hidden/x.yaml", "plans/.draft.yaml", "plans/notes.txt", "plans/e.YAML",
                           "plans/sub/z.json"})
    dir.write(name, "x");
  Discovered d = discover_plan_files({dir.path("plans")});
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(relative(dir, d.files), (std::vector<std::string>{"plans/a.yml", "plans/b.yaml", "plans/sub/c.yaml",
                                                              "plans/sub/deeper/d.yaml"}));
}

TEST(Discover, KeepsTheOrderOfThePathsGivenAndReadsEachFileOnce) {
  TempDir dir;
  dir.write("plans/a.yaml", "x");
  dir.write("plans/b.yaml", "x");
  dir.write("other.conf", "x");
  Discovered d = discover_plan_files({dir.path("other.conf"), dir.path("plans"), dir.path("plans/./a.yaml")});
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(relative(dir, d.files), (std::vector<std::string>{"other.conf", "plans/a.yaml", "plans/b.yaml"}));
}

TEST(Discover, ReportsMissingPathsAndFoldersWithoutPlans) {
  TempDir dir;
  dir.write("empty/readme.txt", "x");
  Discovered d = discover_plan_files({dir.path("nope.yaml"), dir.path("empty")});
  EXPECT_TRUE(d.files.empty());
  ASSERT_EQ(d.errors.size(), 2u);
  EXPECT_EQ(d.errors[0].format(), dir.path("nope.yaml") + ": error: no such file or folder\n");
  EXPECT_EQ(d.errors[1].format(), dir.path("empty") + ": error: no plan files (*.yaml, *.yml) in this folder\n");
}

TEST(Discover, ListsDanglingLinksSoThatReadingThemFailsClearly) {
  TempDir dir;
  dir.write("plans/a.yaml", "x");
  fs::create_symlink(dir.path("missing.yaml"), dir.path("plans/b.yaml"));
  fs::create_directories(dir.path("elsewhere"));
  dir.write("elsewhere/c.yaml", "x");
  fs::create_directory_symlink(dir.path("elsewhere"), dir.path("plans/link"));  // not followed: no loops
  Discovered d = discover_plan_files({dir.path("plans")});
  EXPECT_EQ(relative(dir, d.files), (std::vector<std::string>{"plans/a.yaml", "plans/b.yaml"}));
  EXPECT_EQ(relative(dir, discover_plan_files({dir.path("plans/b.yaml")}).files),
            (std::vector<std::string>{"plans/b.yaml"}));
}

}  // namespace
}  // namespace offsetctl::plan
