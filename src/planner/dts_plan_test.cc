#include "planner/dts_plan.h"

#include <gtest/gtest.h>

#include "planner/dts_test_support.h"
#include "util/files.h"
#include "util/time.h"

namespace offsetctl::planner {
namespace {

using testing::DtsEmulated;

constexpr const char* kHead =
    "apiVersion: offsetctl/v1\nkind: DtsOffsetPlan\nname: t\nsubscribeId: subs-635ns8r71g\n"
    "region: ap-guangzhou\ngroups:\n";

const PartitionChange& row(const PlanResult& r, const std::string& group, int32_t partition) {
  for (const auto& c : r.changes) {
    if (c.group == group && c.partition == partition) return c;
  }
  static PartitionChange none;
  ADD_FAILURE() << "no row " << group << "[" << partition << "]";
  return none;
}

TEST(DtsNames, FullGroupNameAndBeijingTime) {
  EXPECT_EQ(dts_full_group_name("subs-635ns8r71g", "grp-1"), "consumer-grp-subs-635ns8r71g-grp-1");
  // A zone other than +08:00, and the date moves forward across the conversion.
  auto t = util::parse_rfc3339("2026-11-19T20:30:00-05:00");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(dts_datetime(*t), "2026-11-20 09:30:00");
  EXPECT_EQ(dts_datetime(*util::parse_rfc3339("2026-11-20T00:00:00+08:00")), "2026-11-20 00:00:00");
  EXPECT_EQ(dts_datetime(*util::parse_rfc3339("2026-12-31T16:00:00Z")), "2027-01-01 00:00:00");
}

TEST_F(DtsEmulated, ExamplePlansCleanlyAgainstTheDemoState) {
  start();
  auto text = util::read_file(offsetctl::testing::source_dir() + "/plans/examples/dts-subscription.yaml");
  ASSERT_TRUE(text.ok());
  PlanResult r = plan(load(*text));
  EXPECT_EQ(r.summary.blocked, 0u);
  EXPECT_EQ(r.summary.invalid, 0u);
  EXPECT_EQ(r.summary.to_change, 8u);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].instance, "subs-635ns8r71g");
  EXPECT_EQ(r.groups[0].group, "grp-1");
  EXPECT_EQ(r.groups[0].state, "Empty");
  EXPECT_EQ(r.groups[0].region, "ap-guangzhou");
  EXPECT_EQ(r.groups[1].state, "Empty");
  const auto& e = row(r, "grp-1", 1);
  EXPECT_EQ(e.current, 4100);
  EXPECT_EQ(e.end_offset, 5000);  // offset + lag
  EXPECT_EQ(e.target, 0);  // earliest: previewed by the checkpoint nearest before the epoch
  EXPECT_EQ(e.delta(), -4100);
  EXPECT_EQ(e.apply_timestamp, -2);
  EXPECT_EQ(e.spec, "dts: to: earliest");
  EXPECT_TRUE(is_dts_change(e));
  // 2026-11-20T00:00:00+08:00 = 2026-11-19T16:00:00Z: (t - 2026-11-16T00:00Z) / 180 s = 1760, the
  // message at or before that time.
  const auto& d = row(r, "grp-2", 3);
  EXPECT_EQ(d.current, 4550);
  EXPECT_EQ(d.target, 1760);
  EXPECT_EQ(d.delta(), 1760 - 4550);
  EXPECT_EQ(d.action, Action::Change);
  EXPECT_EQ(d.spec, "dts: datetime: 2026-11-20T00:00:00+08:00 (2026-11-20 00:00:00 Beijing time)");
  EXPECT_EQ(d.reason, "");  // the report says how DTS resolves the time, from apply_timestamp
  EXPECT_EQ(d.apply_timestamp, 1795104000000);
}

TEST_F(DtsEmulated, LatestPreviewsTheEndAndIsANoopWhereAlreadyThere) {
  start();
  PlanResult r = plan(load(std::string(kHead) +
                           "  - group: grp-1\n    topic: account-subs-635ns8r71g-1\n    to: latest\n"));
  ASSERT_EQ(r.changes.size(), 4u);
  for (const auto& c : r.changes) {
    EXPECT_EQ(c.target, 5000);
    EXPECT_EQ(c.apply_timestamp, -1);
    EXPECT_EQ(c.action, Action::Change);
  }
  EXPECT_EQ(row(r, "grp-1", 2).delta(), 1100);
}

TEST_F(DtsEmulated, DatetimeInAnotherZoneIsLookedUpInBeijingTime) {
  start();
  // 2026-11-19T20:30:00-05:00 = 2026-11-20T01:30:00Z: offset (4 days + 1.5 h) / 180 s = 1950.
  PlanResult r = plan(load(std::string(kHead) +
                           "  - group: grp-1\n    topic: account-subs-635ns8r71g-1\n    partitions: [0]\n"
                           "    datetime: \"2026-11-19T20:30:00-05:00\"\n"));
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].target, 1950);
  EXPECT_EQ(r.changes[0].delta(), 1950 - 4000);
  EXPECT_EQ(r.changes[0].spec, "dts: datetime: 2026-11-19T20:30:00-05:00 (2026-11-20 09:30:00 Beijing time)");
}

TEST_F(DtsEmulated, AnActiveGroupIsBlockedNamingItsMembers) {
  start();
  PlanResult r = plan(load(std::string(kHead) +
                           "  - group: grp-live\n    topic: account-subs-635ns8r71g-1\n    to: earliest\n"));
  ASSERT_EQ(r.changes.size(), 4u);
  EXPECT_EQ(r.summary.blocked, 4u);
  EXPECT_EQ(r.changes[0].reason,
            "group is Stable with 2 members (dts-consumer-1, dts-consumer-2); ResetConsumerGroupOffset silently "
            "does nothing unless the group is Dead or Empty: stop the consumers first");
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].state, "Stable");
  ASSERT_EQ(r.groups[0].members.size(), 2u);
  EXPECT_EQ(r.groups[0].members[1].assignment.at("account-subs-635ns8r71g-1"), (std::vector<int32_t>{2, 3}));
}

TEST_F(DtsEmulated, UnknownPartitionsAreInvalid) {
  start();
  // (Two entries naming one partition are refused by the loader already.)
  PlanResult r = plan(load(std::string(kHead) +
                           "  - group: grp-1\n    topic: account-subs-635ns8r71g-1\n    partitions: [3, 7]\n"
                           "    to: earliest\n"));
  EXPECT_EQ(r.summary.invalid, 1u);
  EXPECT_EQ(r.summary.to_change, 1u);
  EXPECT_EQ(row(r, "grp-1", 7).action, Action::Invalid);
  EXPECT_EQ(row(r, "grp-1", 7).reason,
            "partition 7 does not exist in subscription subs-635ns8r71g (partitions 0-3); list partitions that "
            "exist");
}

TEST_F(DtsEmulated, AnUnknownSubscriptionFailsTheFetchNamingIt) {
  start();
  auto plans = load(
      "apiVersion: offsetctl/v1\nkind: DtsOffsetPlan\nname: t\nsubscribeId: subs-nothere\n"
      "groups:\n  - group: g\n    topic: x\n    to: earliest\n");
  PlanOptions options;
  options.now_ms = testing::kDtsNowMs;
  auto live = fetch_dts_live_state(plans, factory(), options);
  ASSERT_FALSE(live.ok());
  EXPECT_EQ(live.error().message.rfind("reading DTS subscription subs-nothere: DescribeConsumerGroups failed: "
                                       "ResourceNotFound",
                                       0),
            0u)
      << live.error().message;
}

TEST(DtsMerge, KeepsTheOrderAndRecountsTheSummary) {
  PlanResult a;
  PartitionChange c1;
  c1.instance = "ckafka-1";
  c1.action = Action::Change;
  a.changes.push_back(c1);
  a.summary.to_change = 1;
  PlanResult b;
  PartitionChange c2;
  c2.instance = "a-subs";
  c2.action = Action::Blocked;
  b.changes.push_back(c2);
  merge_plan_results(a, std::move(b));
  ASSERT_EQ(a.changes.size(), 2u);
  EXPECT_EQ(a.changes[0].instance, "a-subs");
  EXPECT_EQ(a.summary.to_change, 1u);
  EXPECT_EQ(a.summary.blocked, 1u);
}

}  // namespace
}  // namespace offsetctl::planner

namespace offsetctl::planner {
namespace {

using testing::DtsEmulated;

TEST_F(DtsEmulated, AGroupThatDoesNotExistIsDeadAndMayBeReset) {
  start();
  PlanResult r = plan(load(std::string(kHead) +
                           "  - group: grp-new\n    topic: account-subs-635ns8r71g-1\n    to: latest\n"));
  ASSERT_EQ(r.changes.size(), 4u);  // every partition of the subscription
  EXPECT_EQ(r.groups.at(0).state, "Dead");
  EXPECT_EQ(r.changes[0].current, std::nullopt);
  EXPECT_EQ(r.changes[0].action, Action::Change);
  // The log end, from the groups that committed on the partition: saved plans need a target.
  EXPECT_EQ(r.changes[0].target, 5000);
  EXPECT_EQ(r.summary.to_change, 4u);
}

}  // namespace
}  // namespace offsetctl::planner
