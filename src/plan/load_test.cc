#include "plan/load.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "plan/test_support.h"
#include "testing/temp_dir.h"
#include "util/crypto.h"

namespace offsetctl::plan {
namespace {

using testing::TempDir;
using test::formatted;
using test::plan_for;
using test::plan_with;

std::string named_plan(const std::string& name, const std::string& entry) {
  return plan_for(name, "orders-consumer", "orders", entry);
}

TEST(Load, ReadsFilesAndFoldersIntoOnePlanSet) {
  TempDir dir;
  dir.write("plans/a.yaml", named_plan("a", "        offset: 1\n") + "---\n" +
                                plan_for("a2", "other-consumer", "orders", "        offset: 2\n"));
  dir.write("plans/sub/b.yml",
            "# comment\n---\n" + plan_for("b", "orders-consumer", "events", "        partitions: [1]\n        offset: 3\n"));
  LoadResult r = load_plans({dir.path("plans")});
  ASSERT_TRUE(r.ok()) << formatted(r);
  EXPECT_EQ(r.files_read, 2u);
  EXPECT_EQ(r.files, (std::vector<std::string>{dir.path("plans/a.yaml"), dir.path("plans/sub/b.yml")}));
  EXPECT_EQ(r.plan_count(), 3u);
  ASSERT_EQ(r.plans.files.size(), 2u);
  EXPECT_EQ(r.plans.files[0].path, dir.path("plans/a.yaml"));
  EXPECT_EQ(r.plans.files[0].offset_plans.size(), 2u);
  EXPECT_EQ(r.plans.files[0].offset_plans[1].name, "a2");
  EXPECT_EQ(r.plans.files[1].offset_plans.at(0).groups.at(0).topics.at(0).loc.line, 10);
  EXPECT_EQ(r.files_with_errors(), 0u);
}

TEST(Load, RecordsTheHashOfTheBytesAsRead) {
  TempDir dir;
  const std::string bytes = "\xEF\xBB\xBF" + plan_with("        offset: 1\n");
  std::string path = dir.write("a.yaml", bytes);
  LoadResult r = load_plans({path});
  ASSERT_TRUE(r.ok()) << formatted(r);
  EXPECT_EQ(r.plans.files.at(0).sha256, util::sha256_hex(bytes));
}

TEST(Load, AcceptsByteOrderMarkAndCrlf) {
  std::string text = plan_with("        offset: x\n");
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  LoadResult r = load_plan_text("\xEF\xBB\xBF" + crlf, "w.yaml");
  EXPECT_EQ(formatted(r),
            "w.yaml:9:17: error: 'offset' must be an integer, not 'x'\n"
            "        offset: x\n"
            "                ^\n");
}

TEST(Load, KeepsOnlyTheFilesWithoutErrors) {
  TempDir dir;
  dir.write("p/a.yaml", named_plan("a", "        offset: 1\n"));
  dir.write("p/b.yaml", plan_for("b", "x", "orders", "        offset: -1\n"));
  LoadResult r = load_plans({dir.path("p")});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.files_read, 2u);
  EXPECT_EQ(r.plan_count(), 1u);
  EXPECT_EQ(r.files_with_errors(), 1u);
  ASSERT_EQ(r.plans.files.size(), 1u);
  EXPECT_EQ(r.plans.files[0].path, dir.path("p/a.yaml"));
}

TEST(Load, ErrorsComeInFileThenLineOrder) {
  TempDir dir;
  dir.write("p/a.yaml", named_plan("a", "        partitions: [0]\n        offset: 1\n"));
  dir.write("p/b.yaml", named_plan("b", "        partitions: [0]\n        offset: 1\n"
                                        "      - topic: payments\n        offset: x\n"));
  dir.write("p/c.yaml", "kind: [\n");
  LoadResult r = load_plans({dir.path("p")});
  ASSERT_EQ(r.errors.size(), 3u) << formatted(r);
  EXPECT_EQ(r.errors[0].file, dir.path("p/b.yaml"));
  EXPECT_EQ(r.errors[0].line, 8);  // the conflict with a.yaml, at b's entry
  EXPECT_EQ(r.errors[0].message, "partition 0 of topic 'orders' of group 'orders-consumer' on instance 'ckafka-demo' "
                                 "is already declared at " + dir.path("p/a.yaml") +
                                     ":8:9: each partition may have one target");
  EXPECT_EQ(r.errors[0].source_line, "      - topic: orders");
  EXPECT_EQ(r.errors[1].line, 12);
  EXPECT_EQ(r.errors[2].file, dir.path("p/c.yaml"));
}

// Files load on several threads at once; what comes out is in the order the files were named.
TEST(Load, ManyFilesComeOutInTheOrderNamedWhicheverLoadsFirst) {
  TempDir dir;
  std::string big = "        offsets: {";  // the first file is the largest, so it finishes last
  for (int p = 0; p < 5000; ++p) big += (p ? ", " : "") + std::to_string(p) + ": 1";
  big += "}\n";
  std::vector<std::string> paths, good, bad;
  for (int i = 0; i < 30; ++i) {
    const std::string name = "p" + std::to_string(100 + i);
    paths.push_back(dir.path(name + ".yaml"));
    if (i % 3 == 2) {
      dir.write(name + ".yaml", "kind: [\n");
      bad.push_back(paths.back());
    } else {
      dir.write(name + ".yaml", plan_for(name, "group-" + std::to_string(i), "orders", i == 0 ? big : "        offset: 1\n"));
      good.push_back(paths.back());
    }
  }
  LoadResult r = load_plans(paths);
  EXPECT_EQ(r.files, paths);
  std::vector<std::string> with_errors, loaded;
  for (const auto& e : r.errors)
    if (with_errors.empty() || with_errors.back() != e.file) with_errors.push_back(e.file);
  for (const auto& f : r.plans.files) loaded.push_back(f.path);
  EXPECT_EQ(with_errors, bad);
  EXPECT_EQ(loaded, good);
  ASSERT_FALSE(r.plans.files.empty());
  const Spec& spec = r.plans.files[0].offset_plans.at(0).groups.at(0).topics.at(0).spec;
  ASSERT_TRUE(std::holds_alternative<ExplicitOffsets>(spec));
  EXPECT_EQ(std::get<ExplicitOffsets>(spec).by_partition.size(), 5000u);
}

TEST(Load, ReportsFilesThatCannotBeRead) {
  TempDir dir;
  std::filesystem::create_symlink(dir.path("gone.yaml"), dir.path("dangling.yaml"));
  LoadResult r = load_plans({dir.path("dangling.yaml")});
  EXPECT_EQ(formatted(r), dir.path("dangling.yaml") + ": error: cannot read: No such file or directory\n");
  EXPECT_EQ(r.files_read, 1u);
}

TEST(Load, ReportsPermissionDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  TempDir dir;
  std::string path = dir.write("secret.yaml", plan_with("        offset: 1\n"));
  ::chmod(path.c_str(), 0);
  EXPECT_EQ(formatted(load_plans({path})), path + ": error: cannot read: Permission denied\n");
}

TEST(Load, RefusesFilesOver16MiBWithoutReadingThem) {
  TempDir dir;
  std::string path = dir.path("big.yaml");
  std::filesystem::resize_file(dir.write("big.yaml", ""), (16u << 20) + 1);
  EXPECT_EQ(formatted(load_plans({path})),
            path + ": error: file is 16777217 bytes, more than the limit of 16777216 bytes: plan files are at most 16 MiB\n");
}

TEST(Load, NeverWaitsOnAPipe) {
  TempDir dir;
  std::string path = dir.path("pipe.yaml");
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  EXPECT_EQ(formatted(load_plans({path})), path + ": error: not a regular file: give plan files or folders\n");
  EXPECT_EQ(formatted(load_plans({dir.root()})), path + ": error: not a regular file: give plan files or folders\n");
}

TEST(Load, ReportsAFolderWithoutPlanFiles) {
  TempDir dir;
  dir.write("docs/README.md", "x");
  LoadResult r = load_plans({dir.path("docs")});
  EXPECT_EQ(formatted(r), dir.path("docs") + ": error: no plan files (*.yaml, *.yml) in this folder\n");
  EXPECT_EQ(r.files_read, 0u);
  EXPECT_EQ(r.files_with_errors(), 1u);
}

TEST(Load, TheSameFileTwiceIsReadOnce) {
  TempDir dir;
  std::string path = dir.write("p/a.yaml", plan_with("        offset: 1\n"));
  LoadResult r = load_plans({path, dir.path("p"), path});
  EXPECT_TRUE(r.ok()) << formatted(r);
  EXPECT_EQ(r.files_read, 1u);
}

TEST(Load, PlanTextUsesThePathGiven) {
  LoadResult r = load_plan_text("", "plans/empty.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, "plans/empty.yaml");
  EXPECT_EQ(r.files, (std::vector<std::string>{"plans/empty.yaml"}));
}

}  // namespace
}  // namespace offsetctl::plan
