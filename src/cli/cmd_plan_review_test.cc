// offsetctl plan's report as a reviewer reads it, through the real programs:
// data loss said in words, the request behind an invalid row, a comment never cut.
#include <gtest/gtest.h>

#include "cli/cmd_plan_test.h"
#include "report/saved_plan.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

using namespace plan_test;  // NOLINT: the shared cluster and helpers of plan's tests

// What a reviewer approves: a move to latest that skips messages, said in words
// in every format, with the plan's description, the file and the apply command.
TEST_F(PlanCommand, ASkipIsDataLossAndSaysSoInEveryFormat) {
  const std::string text = "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: skip-billing\n"
                           "description: Billing skips the poisoned backlog\ninstance: ckafka-test\n"
                           "region: ap-guangzhou\ngroups:\n" + std::string(R"(  - group: billing
    topics:
      - topic: orders
        partitions: [0, 1, 7]
        to: latest
      - topic: audit
        to: earliest
)");
  auto t = plan(text);
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find("Plan skip-billing (" + dir.path("plans/plan.yaml") +
                       ":1): Billing skips the poisoned backlog\nLive state read at "),
            std::string::npos)
      << t.out;
  EXPECT_NE(t.out.find("  Skips 1,000 messages: the group will never read them\n"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("  orders          0      500    1000          +500          0  change (skip)  to: latest\n"),
            std::string::npos)
      << t.out;
  EXPECT_NE(t.out.find("  orders          7        -    1000  first commit          0  change\n"), std::string::npos)
      << t.out;
  EXPECT_NE(t.out.find("Plan: 4 to change (replays 50 messages, skips 1,000, 1 first commit), 0 unchanged, "
                       "0 blocked, 0 invalid.\n"),
            std::string::npos)
      << t.out;

  const std::string saved = dir.path("reviewed.json");
  auto md = plan(text, {"--format", "markdown", "--out", saved});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  auto file = util::read_file(saved);
  ASSERT_TRUE(file);
  const std::string checksum = report::saved_plan_checksum(*file);
  ASSERT_EQ(checksum.rfind("sha256:", 0), 0u);
  EXPECT_EQ(md.out.rfind("<!-- offsetctl plan skip-billing part 1/1 -->\n**Plan: 4 to change (replays 50 messages, "
                         "skips 1,000, 1 first commit), 0 unchanged, 0 blocked, 0 invalid.**\n\n"
                         "> [!CAUTION]\n> **Skips 1,000 messages:** the groups below will never read them",
                         0),
            0u)
      << md.out;
  EXPECT_NE(md.out.find("> - group **billing** on ckafka-test, topic **orders**: skips 1,000 messages (partitions 0-1)\n"),
            std::string::npos)
      << md.out;
  EXPECT_NE(md.out.find("- Plan **skip-billing** (`" + dir.path("plans/plan.yaml") +
                        ":1`): Billing skips the poisoned backlog\n"),
            std::string::npos)
      << md.out;
  EXPECT_NE(md.out.find("- Saved plan `" + saved + "` (`" + checksum + "`); apply exactly this with `offsetctl apply " +
                        saved + "`\n"),
            std::string::npos)
      << md.out;
  EXPECT_NE(md.out.find("<details open><summary><b>billing</b>"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("| orders | 0 | 500 | 1000 | +500 | 0 | **change (skip)** | to: latest |"), std::string::npos)
      << md.out;

  auto js = plan(text, {"--format", "json", "--out", saved});
  ASSERT_EQ(js.exit_code, 0) << js.err;
  const json doc = json::parse(js.out);
  EXPECT_EQ(doc["format_minor"], 1);
  EXPECT_EQ(doc["summary"]["skipped"], 1000);
  EXPECT_EQ(doc["summary"]["replayed"], 50);
  EXPECT_EQ(doc["summary"]["first_commits"], 1);
  EXPECT_EQ(doc["plans"][0]["description"], "Billing skips the poisoned backlog");
  EXPECT_EQ(doc["saved_plan"]["apply_command"], "offsetctl apply " + saved);
  EXPECT_EQ(doc["saved_plan"]["checksum"], report::saved_plan_checksum(*util::read_file(saved)));
  EXPECT_EQ(rows(js.out)["billing/orders/1"]["skipped"], 500);
  EXPECT_EQ(rows(js.out)["billing/orders/7"]["first_commit"], true);
}

TEST_F(PlanCommand, AnOutOfRangeRowShowsTheRequestNotANegativeLag) {
  auto r = plan(plan_head("too-far") + R"(  - group: billing
    topics:
      - topic: orders
        offsets: {0: 20000}
)");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  orders          0      500   20000      -          -  invalid  offsets  offset 20000 is past "
                       "the log end offset 1000"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("-19000"), std::string::npos) << r.out;
}

// A comment past 65,000 characters is never cut with --comment-dir: it is
// written whole in parts, each with its marker.
TEST(PlanCommentDir, WritesTheWholeCommentInPartsEachUnderTheLimit) {
  testing::TempDir dir;
  Emulator emulator{dir, R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: huge
        partitions: 2500
        end: 1000
    groups:
      - name: bulk
        state: Empty
)", {"--no-rate-limit"}};
  ASSERT_FALSE(emulator.url().empty());
  const std::string path = dir.write("plans/huge.yaml", plan_head("bulk-start") + R"(  - group: bulk
    topics:
      - topic: huge
        to: latest
)");
  auto single = offsetctl(dir, concat({"plan", path, "--format", "markdown"}, at(emulator)));
  ASSERT_EQ(single.exit_code, 0) << single.err;
  EXPECT_LE(single.out.size(), 65000u);
  EXPECT_NE(single.out.find("**Cut short:** 1 group (2500 partitions) left out to keep this comment under 65,000 "
                            "characters. `offsetctl plan --format markdown --comment-dir DIR` writes all of it as "),
            std::string::npos)
      << single.out.substr(0, 3000);

  const std::string comments = dir.path("comments");
  dir.write("comments/comment-9.md", "<!-- offsetctl plan bulk-start part 9/9 -->\nstale");
  auto r = offsetctl(dir, concat({"plan", path, "--format", "markdown", "--comment-dir", comments}, at(emulator)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(timeless(r.out), timeless(single.out));  // the single comment is still printed, for a job summary
  size_t parts = 0;
  while (util::read_file(comments + "/comment-" + std::to_string(parts + 1) + ".md")) ++parts;
  ASSERT_GE(parts, 2u);
  ASSERT_NE(timeless(r.out), r.out);
  EXPECT_EQ(r.err, "Wrote the comment in " + std::to_string(parts) + " parts: " + comments + "/comment-1.md to " +
                       comments + "/comment-" + std::to_string(parts) +
                       ".md (each under 65,000 characters; post them in order)\n");
  EXPECT_FALSE(util::read_file(comments + "/comment-9.md")) << "a stale part from an earlier run is removed";
  size_t rows = 0;
  for (size_t k = 1; k <= parts; ++k) {
    const std::string part = *util::read_file(comments + "/comment-" + std::to_string(k) + ".md");
    EXPECT_LE(part.size(), 65000u);
    EXPECT_EQ(part.rfind("<!-- offsetctl plan bulk-start part " + std::to_string(k) + "/" + std::to_string(parts) +
                             " -->\n**Part " + std::to_string(k) + " of " + std::to_string(parts) + "**",
                         0),
              0u);
    for (size_t at = part.find("\n| huge | "); at != std::string::npos; at = part.find("\n| huge | ", at + 1)) ++rows;
  }
  EXPECT_EQ(rows, 2500u);

  auto wrong = offsetctl(dir, concat({"plan", path, "--comment-dir", comments}, at(emulator)));
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_EQ(wrong.err, "offsetctl: error: --comment-dir " + comments +
                           " writes Markdown comments: add --format markdown\n");
}

}  // namespace
}  // namespace offsetctl::cli

namespace offsetctl::cli {
namespace {

}  // namespace
}  // namespace offsetctl::cli
