// --comment-dir never overwrites what it did not write: not the plan files, not
// a file of the user's, and it refuses before any call.
#include "cli/comment_dir.h"

#include <gtest/gtest.h>

#include "testing/emulator.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

using offsetctl::testing::at;
using offsetctl::testing::concat;
using offsetctl::testing::Emulator;
using offsetctl::testing::offsetctl;

constexpr const char* kCluster = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 1
        end: 1000
    groups:
      - name: billing
        state: Empty
        offsets:
          orders: {0: 500}
)";

constexpr const char* kPlan = R"(apiVersion: offsetctl/v1
kind: OffsetPlan
name: rewind
instance: ckafka-test
region: ap-guangzhou
groups:
  - group: billing
    topics:
      - topic: orders
        offsets: {0: 10}
)";

struct CommentDir : ::testing::Test {
  testing::TempDir dir;
  Emulator emulator{dir, kCluster, {"--no-rate-limit"}};
  std::string plan_path;
  void SetUp() override {
    ASSERT_FALSE(emulator.url().empty()) << "the emulator did not start";
    plan_path = dir.write("plans/rewind.yaml", kPlan);
  }
  testing::ProcessResult plan_to(const std::string& comments) {
    return offsetctl(dir, concat({"plan", plan_path, "--format", "markdown", "--comment-dir", comments}, at(emulator)));
  }
};

TEST_F(CommentDir, ThePlansFolderIsRefusedBeforeAnyCall) {
  const size_t before = emulator.requests().size();
  auto r = plan_to(dir.path("plans"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --comment-dir " + dir.path("plans") +
                       ": the folder holds the plan files this command reads (" + plan_path +
                       "); write the comment's parts to a folder of its own\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(emulator.requests().size(), before);
  EXPECT_FALSE(util::read_file(dir.path("plans/comment-1.md")));
}

TEST_F(CommentDir, AFileIsNotAFolder) {
  const std::string file = dir.write("notes.md", "mine");
  auto r = plan_to(file);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --comment-dir " + file + ": that is a file; name a folder for the comment's "
                                                               "parts\n");
  EXPECT_EQ(*util::read_file(file), "mine");
}

TEST_F(CommentDir, ACommentFileOffsetctlDidNotWriteIsLeftAlone) {
  const std::string mine = dir.write("comments/comment-1.md", "my review notes\n");
  const size_t before = emulator.requests().size();
  auto r = plan_to(dir.path("comments"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --comment-dir " + dir.path("comments") + ": " + mine +
                       " is not a comment offsetctl wrote (it does not start with '<!-- offsetctl'), so it is left "
                       "alone; move it away or choose another folder\n");
  EXPECT_EQ(*util::read_file(mine), "my review notes\n");
  EXPECT_EQ(emulator.requests().size(), before);
}

TEST_F(CommentDir, ItsOwnPartsAreReplacedAndOtherFilesKept) {
  dir.write("comments/comment-1.md", "<!-- offsetctl plan rewind part 1/2 -->\nold\n");
  dir.write("comments/comment-2.md", "<!-- offsetctl plan rewind part 2/2 -->\nold\n");
  const std::string other = dir.write("comments/README.md", "kept\n");
  auto r = plan_to(dir.path("comments"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "Wrote the comment to " + dir.path("comments/comment-1.md") + "\n");
  auto part = util::read_file(dir.path("comments/comment-1.md"));
  ASSERT_TRUE(part);
  EXPECT_EQ(part->rfind("<!-- offsetctl plan rewind part 1/1 -->\n", 0), 0u) << *part;
  EXPECT_FALSE(util::read_file(dir.path("comments/comment-2.md")));  // the earlier, longer comment's last part
  EXPECT_EQ(*util::read_file(other), "kept\n");
}

}  // namespace
}  // namespace offsetctl::cli
