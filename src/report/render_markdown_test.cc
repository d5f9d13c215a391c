#include <gtest/gtest.h>

#include "report/render.h"
#include "report/test_support.h"

namespace offsetctl::report {
namespace {

size_t count_of(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(RenderMarkdown, Golden) { test::expect_golden("plan.md", render_markdown(test::sample_result())); }

// Two groups, four rows: a comment this small is not collapsed at all.
planner::PlanResult small_result() {
  auto r = test::sample_result();
  std::vector<planner::PartitionChange> kept;
  for (auto& c : r.changes) {
    if (c.group == "payments-consumer" || c.group == "reports-billing") kept.push_back(c);
  }
  r.changes = kept;
  r.groups = {r.groups[1], r.groups[3]};
  r.plans = {r.plans[0], r.plans[3]};
  test::recount(r);
  return r;
}

TEST(RenderMarkdown, GoldenSmallWithSavedPlan) {
  MarkdownOptions options;
  options.context.saved = SavedPlanRef{"plans/reviewed.json", "sha256:" + std::string(64, 'c')};
  test::expect_golden("plan-small.md", render_markdown(small_result(), options));
}

TEST(RenderMarkdown, GoldenSplitIntoThreeComments) {
  MarkdownOptions options;
  options.limit = 3300;
  const auto parts = render_markdown_parts(test::sample_result(), options);
  ASSERT_EQ(parts.size(), 3u);
  for (size_t k = 0; k < parts.size(); ++k) {
    EXPECT_LE(parts[k].size(), options.limit);
    test::expect_golden("plan-part-" + std::to_string(k + 1) + ".md", parts[k]);
  }
}

TEST(RenderMarkdown, SmallCommentsAreOpenLargeOnesOpenOnlyWhatNeedsAttention) {
  const std::string small = render_markdown(small_result());
  EXPECT_EQ(count_of(small, "<details open>"), 2u);
  auto large = test::large_result(3, 2, 5);  // 30 rows; group 2 has a noop only... all changes replay
  const std::string md = render_markdown(large);
  EXPECT_EQ(count_of(md, "<details open>"), 0u) << md;  // replays only: collapsed
  large.changes[0].target = *large.changes[0].current + 10;  // a skip in the first group
  test::recount(large);
  const std::string skipping = render_markdown(large);
  EXPECT_EQ(skipping.find("<details open><summary><b>group-10000</b>"), skipping.find("<details")) << skipping;
  EXPECT_EQ(count_of(skipping, "<details open>"), 1u);
}

TEST(RenderMarkdown, TheMarkerNamesTheOnePlanOrHashesSeveral) {
  auto r = small_result();
  r.plans = {r.plans[0]};
  EXPECT_EQ(comment_marker_id(r), "skip-billing");
  r.plans[0].name = "no spaces allowed";
  EXPECT_EQ(comment_marker_id(r).size(), 12u);
  EXPECT_NE(comment_marker_id(r), comment_marker_id(test::sample_result()));
}

TEST(RenderMarkdown, SummaryThenProblemsThenGroups) {
  const std::string md = render_markdown(test::sample_result());
  EXPECT_EQ(md.rfind("<!-- offsetctl plan 83bf9a415795 part 1/1 -->\n**Plan: 10 to change (replays 2,390 messages, skips 5,600, 3 first commits), 3 unchanged, 2 blocked, 4 invalid.**\n\n> [!CAUTION]\n", 0), 0u);
  const size_t warning = md.find("> [!WARNING]");
  EXPECT_LT(md.find("> [!CAUTION]"), warning);
  const size_t first_group = md.find("<details");
  ASSERT_NE(first_group, std::string::npos);
  EXPECT_LT(warning, first_group);
  EXPECT_EQ(count_of(md, "<details>"), 0u);  // every group skips, blocks or fails: all open
  EXPECT_EQ(count_of(md, "<details open>"), 4u);
  EXPECT_EQ(count_of(md, "</details>"), 4u);
  // The warning gives every problem its reason.
  const std::string head = md.substr(0, first_group);
  EXPECT_NE(head.find("> - **blocked**: group payments-consumer on ckafka-7x2k9q (2 partitions): group is Stable with "
                      "2 members (consumer-1@10.0.0.12, consumer-2@10.0.0.13);"),
            std::string::npos);
  EXPECT_NE(head.find("> - **invalid**: group legacy\\|sync &lt;v2&gt; on ckafka-9m4p2w, topic inventory, partition 7: "
                      "partition 7 does not exist: topic 'inventory' has partitions 0-1; "
                      "remove it from the entry\n"),
            std::string::npos);
  EXPECT_NE(head.find("topic ghost-topic, every partition: topic 'ghost-topic' does not exist"), std::string::npos);
  // The blocked group's members are listed in full with its table.
  EXPECT_NE(md.find("- consumer-1@10.0.0.12 (member consumer-1-7d1c2a4e, assigned payments(0))\n"),
            std::string::npos);
}

TEST(RenderMarkdown, NoWarningWhenNothingIsBlockedOrInvalid) {
  auto result = test::large_result(2, 1, 3);
  const std::string md = render_markdown(result);
  EXPECT_EQ(md.find("WARNING"), std::string::npos);
  EXPECT_EQ(md.find("CAUTION"), std::string::npos);
  EXPECT_NE(md.find("**Plan: 6 to change (replays 60,036 messages), 0 unchanged, 0 blocked, 0 invalid.**\n\n"
                    "- Live state read at 2026-11-23T12:00:00.000Z (UTC)\n\n<details open>"),
            std::string::npos)
      << md;
}

TEST(RenderMarkdown, EscapesNamesEverywhere) {
  const std::string md = render_markdown(test::sample_result());
  EXPECT_EQ(md.find("<v2>"), std::string::npos);
  EXPECT_EQ(md.find("legacy|sync", md.find("</summary>")), md.find("legacy|sync &lt;v2&gt;</b>", md.find("</summary>")))
      << "a raw | outside <summary> would break a table";
  EXPECT_NE(md.find("<summary><b>legacy|sync &lt;v2&gt;</b>"), std::string::npos);  // HTML: no Markdown there
  EXPECT_NE(md.find("group legacy\\|sync &lt;v2&gt; on ckafka-9m4p2w"), std::string::npos);
  auto result = test::large_result(1, 1, 1);
  result.changes[0].topic = "a`b|c<d>";
  EXPECT_NE(render_markdown(result).find("| a\\`b\\|c&lt;d&gt; | 0 |"), std::string::npos);
}

TEST(RenderMarkdown, HugeResultStaysUnderTheLimitAndSaysWhatWasLeftOut) {
  const auto result = test::large_result(1000, 4, 25);  // 100,000 partitions
  const std::string md = render_markdown(result);
  EXPECT_LE(md.size(), kMarkdownLimit);
  const size_t shown = count_of(md, "<details");
  EXPECT_GT(shown, 0u);
  EXPECT_EQ(shown, count_of(md, "</details>"));  // cut at a group boundary
  const size_t left = 1000 - shown;
  EXPECT_NE(md.find("**Cut short:** " + std::to_string(left) + " more groups (" + std::to_string(left * 100) +
                    " partitions) left out to keep this comment under 65,000 characters. `offsetctl plan --format "
                    "markdown --comment-dir DIR` writes all of it as "),
            std::string::npos);
  EXPECT_EQ(md.back(), '\n');
  // The warning block is capped too, and counts what it could not list.
  EXPECT_NE(md.find("> - …and "), std::string::npos);
  EXPECT_NE(md.find("more partitions; `offsetctl plan --format json` lists every one.\n"), std::string::npos);
}

TEST(RenderMarkdown, CutAtGroupBoundaryForASmallLimit) {
  const auto result = test::sample_result();
  const std::string full = render_markdown(result);
  const size_t second_group = full.find("<details", full.find("<details") + 1);
  // Room for the head and the first group only.
  const std::string md = render_markdown(result, second_group + 400);
  EXPECT_EQ(count_of(md, "<details"), 1u);
  EXPECT_NE(md.find("**Cut short:** 3 more groups (9 partitions) left out to keep this comment under"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find(" writes all of it as 2 comments (`DIR/comment-1.md`, …); `--format text` or `--format json` "
                    "shows every partition.\n"),
            std::string::npos)
      << md;
  EXPECT_LE(md.size(), second_group + 400);
}

TEST(RenderMarkdown, AGroupTooBigForAnyCommentIsLeftOutWhole) {
  const auto result = test::large_result(1, 1, 5000);
  const std::string md = render_markdown(result);
  EXPECT_LE(md.size(), kMarkdownLimit);
  EXPECT_EQ(md.find("<details"), std::string::npos);
  EXPECT_NE(md.find("**Cut short:** 1 group (5000 partitions) left out"), std::string::npos);
}

TEST(RenderMarkdown, AFullResultIsNotCut) {
  const std::string md = render_markdown(test::sample_result());
  EXPECT_EQ(md.find("Cut short"), std::string::npos);
}

}  // namespace
}  // namespace offsetctl::report
