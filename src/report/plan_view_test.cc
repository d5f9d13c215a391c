#include "report/plan_view.h"

#include <gtest/gtest.h>

#include "report/test_support.h"

namespace offsetctl::report {
namespace {

using planner::Action;

TEST(ActionLabel, NamesEveryAction) {
  EXPECT_STREQ(action_label(Action::Change), "change");
  EXPECT_STREQ(action_label(Action::Noop), "noop");
  EXPECT_STREQ(action_label(Action::Blocked), "blocked");
  EXPECT_STREQ(action_label(Action::Invalid), "invalid");
}

TEST(GroupSections, OnePerGroupWithCounts) {
  const auto result = test::sample_result();
  const auto sections = group_sections(result);
  ASSERT_EQ(sections.size(), 4u);
  EXPECT_EQ(sections[0].group, "orders-consumer");
  EXPECT_EQ(sections[0].report, &result.groups[0]);
  EXPECT_EQ(sections[0].counts.to_change, 8u);
  EXPECT_EQ(sections[0].counts.unchanged, 2u);
  EXPECT_TRUE(sections[0].has_note);
  EXPECT_EQ(sections[1].group, "payments-consumer");
  EXPECT_EQ(sections[1].counts.blocked, 2u);
  EXPECT_EQ(sections[1].end - sections[1].begin, 2u);
  EXPECT_EQ(sections[2].instance, "ckafka-9m4p2w");
  EXPECT_EQ(sections[2].counts.invalid, 4u);
  EXPECT_EQ(sections[2].counts.skipped, 0);  // an invalid row moves nothing
  EXPECT_EQ(sections[3].group, "reports-billing");
  EXPECT_EQ(sections[3].counts.skipped, 5000);
  EXPECT_EQ(sections[3].counts.first_commits, 1u);
  EXPECT_EQ(sections[3].end, result.changes.size());
}

TEST(GroupSections, GroupsWithoutPartitionsAndPartitionsWithoutGroups) {
  auto result = test::sample_result();
  planner::GroupReport idle;
  idle.instance = "ckafka-7x2k9q";
  idle.group = "aaa-idle";
  idle.state = "Empty";
  result.groups.push_back(idle);
  result.groups.erase(result.groups.begin() + 1);  // payments-consumer: no report
  const auto sections = group_sections(result);
  ASSERT_EQ(sections.size(), 5u);
  EXPECT_EQ(sections[0].group, "aaa-idle");
  EXPECT_EQ(sections[0].begin, sections[0].end);
  EXPECT_EQ(sections[1].group, "orders-consumer");
  EXPECT_EQ(sections[2].group, "payments-consumer");
  EXPECT_EQ(sections[2].report, nullptr);
}

TEST(SummaryLine, CountsEveryAction) {
  EXPECT_EQ(summary_line(test::sample_result().summary), "Plan: 10 to change (replays 2,390 messages, skips 5,600, 3 first commits), 3 unchanged, 2 blocked, 4 invalid.");
  planner::PlanSummary s;
  s.to_change = 12;
  s.unchanged = 1;
  s.replayed = 3400;
  s.skipped = 98000;
  EXPECT_EQ(summary_line(s), "Plan: 12 to change (replays 3,400 messages, skips 98,000), 1 unchanged, 0 blocked, 0 invalid.");
  s.replayed = 0;
  EXPECT_EQ(summary_line(s), "Plan: 12 to change (skips 98,000 messages), 1 unchanged, 0 blocked, 0 invalid.");
  s.skipped = 0;
  s.first_commits = 1;
  EXPECT_EQ(summary_line(s), "Plan: 12 to change (1 first commit), 1 unchanged, 0 blocked, 0 invalid.");
  EXPECT_EQ(with_thousands(1234567), "1,234,567");
  EXPECT_EQ(with_thousands(999), "999");
  EXPECT_EQ(with_thousands(-1234), "-1,234");
  EXPECT_EQ(with_thousands(INT64_MIN), "-9,223,372,036,854,775,808");
  EXPECT_EQ(summary_line({}), "Plan: 0 to change, 0 unchanged, 0 blocked, 0 invalid.");
}

TEST(Numbers, OffsetsAndSignedDeltas) {
  std::string out;
  append_offset(out, std::nullopt);
  out += ' ';
  append_offset(out, 42);
  out += ' ';
  append_offset(out, 42, true);
  out += ' ';
  append_delta(out, -100);
  out += ' ';
  append_delta(out, 250);
  out += ' ';
  append_delta(out, 0);
  out += ' ';
  append_delta(out, std::nullopt);
  out += ' ';
  append_delta(out, 3, true);
  EXPECT_EQ(out, "- 42 ~42 -100 +250 0 - ~+3");
}

TEST(Notes, ReasonAndApplyTime) {
  planner::PartitionChange c;
  EXPECT_FALSE(has_note(c));
  c.reason = "clamped to the log end offset 4000";
  std::string out;
  append_note(out, c);
  EXPECT_EQ(out, "clamped to the log end offset 4000");
  c.apply_timestamp = -1;
  out.clear();
  append_note(out, c);
  EXPECT_EQ(out, "clamped to the log end offset 4000; resolved at apply time: latest");
  c.action = Action::Blocked;
  out.clear();
  append_note(out, c);
  EXPECT_EQ(out, "resolved at apply time: latest");  // the group header gives the blocked reason
  EXPECT_EQ(apply_time_anchor(-2), "earliest");
  EXPECT_EQ(apply_time_anchor(test::kPlannedAt), "first offset at or after 2026-11-23T12:00:00.000Z");
}

TEST(Notes, DtsResolvesADatetimeToTheOffsetNearestBefore) {
  planner::PartitionChange c;
  c.action = Action::Change;
  c.spec = "dts: datetime: 2026-11-20T00:00:00+08:00 (2026-11-20 00:00:00 Beijing time)";
  c.apply_timestamp = 1795104000000;
  std::string out;
  append_note(out, c);
  EXPECT_EQ(out, "resolved by DTS at apply time: the offset nearest before 2026-11-19T16:00:00.000Z");
}

TEST(Labels, SeveralPlansAreCountedNotListed) {
  planner::GroupReport g;
  g.plan_name = "a";
  EXPECT_EQ(plans_label(g), "plan a");
  g.plan_name = "a, b, c, d, e, f, g";
  EXPECT_EQ(plans_label(g), "7 plans");
  EXPECT_EQ(plan_names(g).size(), 7u);
  planner::PartitionChange first;
  first.action = Action::Change;
  first.target = 10;
  std::string cell;
  append_delta_cell(cell, first);
  EXPECT_EQ(cell, "first commit");
  first.current = 5;
  EXPECT_EQ(action_text(first), "change (skip)");
}

TEST(Members, OneLineEach) {
  planner::Member m;
  m.member_id = "consumer-1";
  m.client_id = "app";
  m.client_host = "/10.0.0.12";
  m.assignment = {{"orders", {3, 0, 1, 2}}, {"payments", {7}}};
  EXPECT_EQ(member_line(m), "app@10.0.0.12 (member consumer-1, assigned orders(0-3),payments(7))");
  EXPECT_EQ(member_line(planner::Member{}), "(no member id)");
}

}  // namespace
}  // namespace offsetctl::report
