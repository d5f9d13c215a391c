#include "planner/planner.h"
#include "planner/offset_resolver.h"

#include <gtest/gtest.h>

#include "planner/plan_builders_test.h"

namespace offsetctl::planner {
namespace {

constexpr int64_t kNow = 1'763'900'000'000;

using builders::entry;

plan::OffsetPlan offset_plan(std::string group, std::vector<plan::TopicSpec> topics, plan::Policy policy = {}) {
  plan::OffsetPlan p;
  p.name = "replay";
  p.instance = "ckafka-1";
  p.policy = policy;
  plan::GroupSpec g;
  g.group = std::move(group);
  g.topics = std::move(topics);
  p.groups.push_back(std::move(g));
  return p;
}

plan::PlanSet set_of(std::vector<plan::OffsetPlan> plans) {
  plan::PlanSet set;
  plan::PlanFile f;
  f.path = "plans/a.yaml";
  f.offset_plans = std::move(plans);
  set.files.push_back(std::move(f));
  return set;
}

// Instance ckafka-1: topic orders (partitions 0-2, messages 100..999),
// topic audit (partition 0, empty log at 50); group billing is Empty and has
// committed 500 and 600 on orders 0 and 1, nothing on orders 2.
LiveState live() {
  LiveState s;
  InstanceLive& in = s.instances["ckafka-1"];
  for (int32_t p = 0; p < 3; ++p) in.topics["orders"].partitions[p] = {100, 1000};
  in.topics["audit"].partitions[0] = {50, 50};
  GroupLive& g = in.groups["billing"];
  g.state = "Empty";
  g.committed["orders"] = {{0, 500}, {1, 600}, {2, std::nullopt}};
  return s;
}

PlanResult plan_of(std::vector<plan::OffsetPlan> plans, const LiveState& state = live()) {
  return make_plan(set_of(std::move(plans)), state, PlanOptions{kNow, "ap-guangzhou"});
}

TEST(MakePlan, ResolvesEveryPartitionOfTheTopicInOrder) {
  PlanResult r = plan_of({offset_plan("billing", {entry("orders", plan::SingleOffset{600})})});
  ASSERT_EQ(r.changes.size(), 3u);
  EXPECT_EQ(r.changes[0].partition, 0);
  EXPECT_EQ(r.changes[0].action, Action::Change);
  EXPECT_EQ(r.changes[0].delta(), 100);
  EXPECT_EQ(r.changes[1].action, Action::Noop);
  EXPECT_EQ(r.changes[2].action, Action::Change);  // from nothing committed
  EXPECT_EQ(r.changes[2].current, std::nullopt);
  EXPECT_EQ(r.changes[2].delta(), std::nullopt);
  EXPECT_EQ(r.changes[2].begin_offset, 100);
  EXPECT_EQ(r.changes[2].end_offset, 1000);
  EXPECT_EQ(r.changes[2].lag_after(), 400);
  EXPECT_EQ(r.changes[0].spec, "offset: 600");
  EXPECT_EQ(r.summary.to_change, 2u);
  EXPECT_EQ(r.summary.unchanged, 1u);
  EXPECT_EQ(r.summary.skipped, 100);  // 500 -> 600 on partition 0
  EXPECT_EQ(r.summary.replayed, 0);
  EXPECT_EQ(r.summary.first_commits, 1u);  // partition 2
  EXPECT_EQ(r.planned_at_ms, kNow);
}

TEST(MakePlan, NamesEveryPlanWithItsDescriptionAndWhereItIsWritten) {
  plan::OffsetPlan p = offset_plan("billing", {entry("orders", plan::SingleOffset{600})});
  p.description = "Replay orders after the 11-20 incident";
  p.loc = {"plans/a.yaml", 3, 1};
  PlanResult r = plan_of({p});
  ASSERT_EQ(r.plans.size(), 1u);
  EXPECT_EQ(r.plans[0].name, "replay");
  EXPECT_EQ(r.plans[0].description, "Replay orders after the 11-20 incident");
  EXPECT_EQ(r.plans[0].file, "plans/a.yaml");
  EXPECT_EQ(r.plans[0].line, 3);
}

TEST(MakePlan, ExplicitOffsetsTouchOnlyTheListedPartitions) {
  PlanResult r = plan_of({offset_plan("billing", {entry("orders", plan::ExplicitOffsets{{{2, 150}, {0, 500}}})})});
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.changes[0].partition, 0);
  EXPECT_EQ(r.changes[0].action, Action::Noop);
  EXPECT_EQ(r.changes[1].partition, 2);
  EXPECT_EQ(r.changes[1].target, 150);
  EXPECT_EQ(r.changes[1].action, Action::Change);
}

TEST(MakePlan, APartitionSelectionLimitsTheEntry) {
  PlanResult r = plan_of({offset_plan("billing", {entry("orders", plan::ToAnchor{plan::Anchor::Latest},
                                                             std::vector<int32_t>{2, 1})})});
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.changes[0].partition, 1);
  EXPECT_EQ(r.changes[1].partition, 2);
  EXPECT_EQ(r.changes[0].target, 1000);
}

TEST(MakePlan, UnknownPartitionIsInvalidAndSaysWhichExist) {
  PlanResult r = plan_of({offset_plan("billing", {entry("orders", plan::ExplicitOffsets{{{7, 150}}})})});
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].action, Action::Invalid);
  EXPECT_EQ(r.changes[0].target, 150);
  EXPECT_EQ(r.changes[0].reason,
            "partition 7 does not exist: topic 'orders' has partitions 0-2; remove it from the entry");
}

TEST(MakePlan, UnknownTopicIsInvalidWithASuggestion) {
  PlanResult r = plan_of({offset_plan("billing", {entry("ordres", plan::ToAnchor{plan::Anchor::Latest})})});
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].partition, kEveryPartition);
  EXPECT_EQ(r.changes[0].action, Action::Invalid);
  EXPECT_EQ(r.changes[0].reason, "topic 'ordres' does not exist on instance ckafka-1; did you mean 'orders'?");
  PlanResult far = plan_of({offset_plan("billing", {entry("payments", plan::SingleOffset{1},
                                                               std::vector<int32_t>{0, 1})})});
  ASSERT_EQ(far.changes.size(), 2u);
  EXPECT_EQ(far.changes[1].partition, 1);
  EXPECT_EQ(far.changes[1].reason,
            "topic 'payments' does not exist on instance ckafka-1; check the name, or create the topic before "
            "applying");
  EXPECT_EQ(far.summary.invalid, 2u);
}

TEST(MakePlan, AGroupWithNoCommitsAtAllIsDeadAndChangesFromNothing) {
  PlanResult r = plan_of({offset_plan("newcomer", {entry("orders", plan::ToAnchor{plan::Anchor::Earliest})})});
  ASSERT_EQ(r.changes.size(), 3u);
  for (const auto& c : r.changes) {
    EXPECT_EQ(c.action, Action::Change);
    EXPECT_EQ(c.current, std::nullopt);
    EXPECT_EQ(c.target, 100);
  }
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].state, "Dead");
  EXPECT_EQ(r.groups[0].region, "ap-guangzhou");
  EXPECT_EQ(r.groups[0].plan_name, "replay");
}

TEST(MakePlan, AStableGroupIsBlockedAndTheReasonNamesItsMembers) {
  LiveState s = live();
  GroupLive& g = s.instances["ckafka-1"].groups["billing"];
  g.state = "Stable";
  g.members = {{"m-1", "consumer-1", "/10.0.0.1", {}}, {"m-2", "consumer-2", "/10.0.0.2", {}}};
  PlanResult r = plan_of({offset_plan("billing", {entry("orders", plan::SingleOffset{600})})}, s);
  ASSERT_EQ(r.changes.size(), 3u);
  EXPECT_EQ(r.changes[0].action, Action::Blocked);
  EXPECT_EQ(r.changes[0].reason,
            "group is Stable with 2 members (consumer-1@10.0.0.1, consumer-2@10.0.0.2); Kafka refuses an outside "
            "reset of an active group: stop the consumers first");
  EXPECT_EQ(r.changes[1].action, Action::Noop);
  EXPECT_EQ(r.summary.blocked, 2u);
  EXPECT_EQ(r.groups[0].state, "Stable");
  EXPECT_EQ(r.groups[0].members.size(), 2u);
}

TEST(MakePlan, BlockedReasonListsAtMostThreeMembers) {
  GroupLive g;
  g.state = "PreparingRebalance";
  for (int i = 0; i < 5; ++i) g.members.push_back({"m", "c" + std::to_string(i), "", {}});
  EXPECT_EQ(blocked_reason(g),
            "group is PreparingRebalance with 5 members (c0, c1, c2, and 2 more); Kafka refuses an outside reset "
            "of an active group: stop the consumers first");
}

TEST(MakePlan, ShiftOnAPartitionWithNothingCommittedIsInvalid) {
  PlanResult r = plan_of({offset_plan("billing", {entry("orders", plan::Shift{-100})})});
  ASSERT_EQ(r.changes.size(), 3u);
  EXPECT_EQ(r.changes[0].target, 400);
  EXPECT_EQ(r.changes[1].target, 500);
  EXPECT_EQ(r.changes[2].action, Action::Invalid);
}

TEST(MakePlan, TimeSpecsReadTheirLookups) {
  LiveState s = live();
  auto& times = s.instances["ckafka-1"].offset_at_time;
  const int64_t at = 1'763'800'000'000;
  times[{"orders", 0, at}] = 420;  // the first message at or after `at`
  times[{"orders", 1, at}] = 700;
  times[{"orders", 2, at}] = std::nullopt;  // `at` is past the last message
  times[{"orders", 0, kNow - 3'600'000}] = 900;
  PlanResult r = plan_of({offset_plan("billing", {entry("orders", plan::Datetime{at, "2025-11-22T08:26:40Z"})})}, s);
  ASSERT_EQ(r.changes.size(), 3u);
  EXPECT_EQ(r.changes[0].target, 420);
  EXPECT_EQ(r.changes[1].target, 700);
  EXPECT_EQ(r.changes[2].target, 1000);
  EXPECT_EQ(r.changes[0].spec, "datetime: 2025-11-22T08:26:40Z");
  PlanResult d = plan_of(
      {offset_plan("billing", {entry("orders", plan::Duration{3'600'000, "PT1H"}, std::vector<int32_t>{0})})}, s);
  ASSERT_EQ(d.changes.size(), 1u);
  EXPECT_EQ(d.changes[0].target, 900);
}

TEST(MakePlan, ResolveAtApplyKeepsAPreviewAndTheTimestamp) {
  PlanResult r = plan_of({offset_plan(
      "billing", {entry("orders", plan::ToAnchor{plan::Anchor::Earliest, plan::ResolveAt::Apply})})});
  ASSERT_EQ(r.changes.size(), 3u);
  EXPECT_EQ(r.changes[0].apply_timestamp, -2);
  EXPECT_EQ(r.changes[0].target, 100);
  EXPECT_EQ(r.changes[0].spec, "to: earliest (resolved at apply)");
}

TEST(MakePlan, TwoEntriesNamingOnePartitionAreBothInvalid) {
  PlanResult r = plan_of({offset_plan("billing", {entry("orders", plan::SingleOffset{200}, std::vector<int32_t>{0, 1}, 10),
                                                  entry("orders", plan::ToAnchor{plan::Anchor::Latest},
                                                        std::vector<int32_t>{1, 2}, 20)})});
  ASSERT_EQ(r.changes.size(), 4u);
  EXPECT_EQ(r.changes[0].partition, 0);
  EXPECT_EQ(r.changes[0].action, Action::Change);
  EXPECT_EQ(r.changes[1].partition, 1);
  EXPECT_EQ(r.changes[2].partition, 1);
  EXPECT_EQ(r.changes[1].action, Action::Invalid);
  EXPECT_EQ(r.changes[2].action, Action::Invalid);
  EXPECT_EQ(r.changes[1].reason,
            "partition named by 2 entries of this group (plans/a.yaml:10:7, plans/a.yaml:20:7); keep one entry per "
            "partition");
  EXPECT_EQ(r.changes[3].partition, 2);
  EXPECT_EQ(r.changes[3].action, Action::Change);
}

TEST(MakePlan, OutputIsSortedByInstanceGroupTopicPartition) {
  LiveState s = live();
  s.instances["ckafka-0"] = s.instances["ckafka-1"];
  plan::OffsetPlan p1 = offset_plan("zeta", {entry("orders", plan::ToAnchor{plan::Anchor::Latest}),
                                             entry("audit", plan::ToAnchor{plan::Anchor::Latest})});
  plan::OffsetPlan p2 = offset_plan("billing", {entry("orders", plan::ToAnchor{plan::Anchor::Latest})});
  p2.name = "second";
  plan::OffsetPlan p3 = p2;
  p3.instance = "ckafka-0";
  PlanResult r = plan_of({p1, p2, p3}, s);
  std::vector<std::string> keys;
  for (const auto& c : r.changes) keys.push_back(c.instance + "/" + c.group + "/" + c.topic + "/" + std::to_string(c.partition));
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "ckafka-0/billing/orders/0", "ckafka-0/billing/orders/1", "ckafka-0/billing/orders/2",
                      "ckafka-1/billing/orders/0", "ckafka-1/billing/orders/1", "ckafka-1/billing/orders/2",
                      "ckafka-1/zeta/audit/0", "ckafka-1/zeta/orders/0", "ckafka-1/zeta/orders/1",
                      "ckafka-1/zeta/orders/2"}));
  ASSERT_EQ(r.groups.size(), 3u);
  EXPECT_EQ(r.groups[0].instance, "ckafka-0");
  EXPECT_EQ(r.groups[1].group, "billing");
  EXPECT_EQ(r.groups[1].plan_name, "second");
  EXPECT_EQ(r.groups[2].group, "zeta");
  EXPECT_EQ(r.groups[2].plan_name, "replay");
}

TEST(MakePlan, AGroupInSeveralPlansListsEveryPlanName) {
  plan::OffsetPlan a = offset_plan("billing", {entry("orders", plan::ToAnchor{plan::Anchor::Latest})});
  plan::OffsetPlan b = offset_plan("billing", {entry("audit", plan::ToAnchor{plan::Anchor::Latest})});
  b.name = "other";
  b.region = "ap-shanghai";
  PlanResult r = plan_of({a, b});
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].plan_name, "replay, other");
  EXPECT_EQ(r.groups[0].region, "ap-guangzhou");
}

TEST(MakePlan, AnEmptyPlanSetIsAnEmptyResult) {
  PlanResult r = make_plan({}, {}, PlanOptions{kNow, ""});
  EXPECT_TRUE(r.changes.empty());
  EXPECT_TRUE(r.groups.empty());
  EXPECT_EQ(r.summary.to_change + r.summary.unchanged + r.summary.blocked + r.summary.invalid, 0u);
}

TEST(DescribeSpec, SaysWhatThePlanSays) {
  EXPECT_EQ(describe_spec(plan::ExplicitOffsets{}), "offsets");
  EXPECT_EQ(describe_spec(plan::SingleOffset{42}), "offset: 42");
  EXPECT_EQ(describe_spec(plan::ToAnchor{plan::Anchor::Current}), "to: current");
  EXPECT_EQ(describe_spec(plan::Shift{-100}), "shift: -100");
  EXPECT_EQ(describe_spec(plan::Shift{100}), "shift: +100");
  EXPECT_EQ(describe_spec(plan::Datetime{0, "2026-11-20T00:00:00+08:00", plan::ResolveAt::Apply}),
            "datetime: 2026-11-20T00:00:00+08:00 (resolved at apply)");
  EXPECT_EQ(describe_spec(plan::Duration{7'200'000, "PT2H"}), "duration: PT2H");
}

}  // namespace
}  // namespace offsetctl::planner
