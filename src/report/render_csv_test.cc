#include "report/render_csv.h"

#include <gtest/gtest.h>

namespace offsetctl::report {
namespace {

planner::PartitionChange csv_row(std::string group, std::string topic, int32_t partition, std::optional<int64_t> target,
                             planner::Action action, std::string instance = "ckafka-test") {
  planner::PartitionChange c;
  c.instance = std::move(instance);
  c.group = std::move(group);
  c.topic = std::move(topic);
  c.partition = partition;
  c.current = 10;
  c.target = target;
  c.action = action;
  return c;
}

TEST(RenderCsv, OneGroupIsTopicPartitionOffsetOfWhatWouldBeReset) {
  planner::PlanResult r;
  r.changes = {csv_row("billing", "audit", 0, 50, planner::Action::Noop),
               csv_row("billing", "orders", 0, 500, planner::Action::Change),
               csv_row("billing", "orders", 1, 600, planner::Action::Invalid),
               csv_row("billing", "orders", 2, std::nullopt, planner::Action::Noop),  // to: current, nothing committed
               csv_row("billing", "ordres", planner::kEveryPartition, std::nullopt, planner::Action::Invalid)};
  auto csv = render_csv(r);
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(*csv, "audit,0,50\norders,0,500\n");
}

TEST(RenderCsv, SeveralGroupsHaveTheGroupColumnAndBlockedGroupsAreLeftOut) {
  planner::PlanResult r;
  r.changes = {csv_row("billing", "orders", 0, 500, planner::Action::Change),
               csv_row("live", "orders", 0, 100, planner::Action::Blocked)};
  auto csv = render_csv(r);
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(*csv, "billing,orders,0,500\n");
}

TEST(RenderCsv, SeveralInstancesAreRefused) {
  planner::PlanResult r;
  r.changes = {csv_row("billing", "orders", 0, 500, planner::Action::Change, "ckafka-a"),
               csv_row("billing", "orders", 0, 500, planner::Action::Change, "ckafka-b")};
  auto csv = render_csv(r);
  ASSERT_FALSE(csv.ok());
  EXPECT_EQ(csv.error().message,
            "the plan spans 2 instances (ckafka-a, ckafka-b) and kafka-consumer-groups' CSV has no instance column: "
            "plan each instance on its own to export it as CSV");
}

}  // namespace
}  // namespace offsetctl::report
