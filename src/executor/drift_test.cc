#include "executor/drift.h"

#include <gtest/gtest.h>

#include "testing/temp_dir.h"
#include "util/crypto.h"

namespace offsetctl::executor {
namespace {

using planner::Action;
using planner::PartitionChange;

PartitionChange change(const std::string& group, const std::string& topic, int32_t partition,
                       std::optional<int64_t> current, std::optional<int64_t> target, Action action = Action::Change) {
  PartitionChange c;
  c.instance = "ckafka-a";
  c.group = group;
  c.topic = topic;
  c.partition = partition;
  c.current = current;
  c.target = target;
  c.action = action;
  return c;
}

LiveOffsets live_of(std::initializer_list<std::tuple<std::string, std::string, int32_t, std::optional<int64_t>>> rows,
                    const std::string& state = "Empty") {
  LiveOffsets live;
  for (const auto& [group, topic, partition, committed] : rows) {
    LiveGroup& g = live.groups[{"ckafka-a", group}];
    g.state = state;
    g.topics[topic][partition] = LivePartition{committed, 5000};
  }
  return live;
}

std::vector<std::string> messages(const DriftCheck& d) {
  std::vector<std::string> out;
  for (const auto& x : d.drift) out.push_back(x.message);
  return out;
}

TEST(Drift, NothingMovedNothingDrifted) {
  std::vector<PartitionChange> changes = {change("g", "t", 0, 1720, 1500), change("g", "t", 1, std::nullopt, 0)};
  DriftCheck d = check_drift(changes, live_of({{"g", "t", 0, 1720}, {"g", "t", 1, std::nullopt}}));
  EXPECT_TRUE(d.drift.empty());
  EXPECT_TRUE(d.at_target.empty());
}

TEST(Drift, AMovedOffsetIsNamed) {
  std::vector<PartitionChange> changes = {
      change("orders-consumer", "orders", 1, 1720, 1500),
      change("orders-consumer", "orders", 2, 1720, 1500),
      change("orders-consumer", "orders", 3, std::nullopt, 1500),
  };
  DriftCheck d = check_drift(changes, live_of({{"orders-consumer", "orders", 1, 1800},
                                               {"orders-consumer", "orders", 2, std::nullopt},
                                               {"orders-consumer", "orders", 3, 12}}));
  EXPECT_EQ(messages(d), (std::vector<std::string>{
                             "orders-consumer/orders[1]: committed offset is 1800, the plan saw 1720",
                             "orders-consumer/orders[2]: nothing is committed, the plan saw 1720",
                             "orders-consumer/orders[3]: committed offset is 12, the plan saw nothing committed",
                         }));
  ASSERT_EQ(d.drift.size(), 3u);
  EXPECT_EQ(d.drift[0].instance, "ckafka-a");
  EXPECT_EQ(d.drift[0].group, "orders-consumer");
  EXPECT_EQ(d.drift[0].topic, "orders");
  EXPECT_EQ(d.drift[0].partition, 1);
}

TEST(Drift, AlreadyAtTheTargetIsDoneNotDrift) {
  std::vector<PartitionChange> changes = {change("g", "t", 0, 1720, 1500), change("g", "t", 1, 1720, 1500)};
  DriftCheck d = check_drift(changes, live_of({{"g", "t", 0, 1500}, {"g", "t", 1, 1720}}));
  EXPECT_TRUE(d.drift.empty());
  EXPECT_EQ(d.at_target, std::vector<size_t>{0});
}

TEST(Drift, OnlyChangesAreChecked) {
  std::vector<PartitionChange> changes = {change("g", "t", 0, 1720, 1720, Action::Noop)};
  DriftCheck d = check_drift(changes, LiveOffsets{});
  EXPECT_TRUE(d.drift.empty());
}

TEST(Drift, AnActiveGroupIsNamedOnce) {
  std::vector<PartitionChange> changes = {change("g", "t", 0, 5, 1), change("g", "t", 1, 5, 1)};
  LiveOffsets live = live_of({{"g", "t", 0, 5}, {"g", "t", 1, 5}}, "PreparingRebalance");
  live.groups[{"ckafka-a", "g"}].members = {"c1@h1", "c2@h2", "c3@h3", "c4@h4"};
  EXPECT_EQ(messages(check_drift(changes, live)),
            std::vector<std::string>{"g: the group is PreparingRebalance with 4 members (c1@h1, c2@h2, c3@h3, ...); "
                                     "offsets can only be reset while it is Empty: stop its consumers"});
  EXPECT_TRUE(check_drift(changes, live_of({{"g", "t", 0, 5}, {"g", "t", 1, 5}}, "Dead")).drift.empty());
}

TEST(Drift, MissingTopicsAndPartitions) {
  std::vector<PartitionChange> changes = {change("g", "gone", 0, 5, 1), change("g", "gone", 1, 5, 1),
                                          change("g", "t", 7, 5, 1)};
  EXPECT_EQ(messages(check_drift(changes, live_of({{"g", "t", 0, 5}}))),
            (std::vector<std::string>{"g/gone: the topic no longer exists",
                                      "g/t[7]: the partition no longer exists"}));
}

TEST(Drift, ATargetBeyondTheLogEnd) {
  std::vector<PartitionChange> changes = {change("g", "t", 0, 5, 6000)};
  EXPECT_EQ(messages(check_drift(changes, live_of({{"g", "t", 0, 5}}))),
            std::vector<std::string>{
                "g/t[0]: the target 6000 is beyond the log end offset 5000 (was the topic recreated?)"});
}

TEST(Drift, AGroupThatCouldNotBeRead) {
  std::vector<PartitionChange> changes = {change("g", "t", 0, 5, 1)};
  LiveOffsets live;
  live.groups[{"ckafka-a", "g"}].error =
      api::ApiFailure{api::ApiFailure::Kind::Transport, "DescribeGroupOffsets", "Timeout", "no answer", ""};
  EXPECT_EQ(messages(check_drift(changes, live)),
            std::vector<std::string>{"g: could not be read again: DescribeGroupOffsets failed: Timeout: no answer"});
}

TEST(Drift, ResolvedAtApplyAcceptsItsPreview) {
  PartitionChange c = change("g", "t", 0, 100, 900);
  c.apply_timestamp = -1;
  std::vector<PartitionChange> changes = {c};
  EXPECT_TRUE(check_drift(changes, live_of({{"g", "t", 0, 100}})).drift.empty());
  EXPECT_EQ(check_drift(changes, live_of({{"g", "t", 0, 900}})).at_target, std::vector<size_t>{0});
  EXPECT_EQ(messages(check_drift(changes, live_of({{"g", "t", 0, 950}}))),
            std::vector<std::string>{"g/t[0]: committed offset is 950, the plan saw 100"});
}

TEST(Drift, ChangedPlanFiles) {
  offsetctl::testing::TempDir dir;
  std::string a = dir.write("a.yaml", "a\n");
  std::string b = dir.write("b.yaml", "b, edited\n");
  std::vector<report::PlanFileHash> files = {
      {a, util::sha256_hex("a\n")}, {b, util::sha256_hex("b\n")}, {dir.path("gone.yaml"), util::sha256_hex("c\n")}};
  EXPECT_EQ(changed_plan_files(files),
            std::vector<std::string>{b + " changed since the plan was made (sha256 is " +
                                     util::sha256_hex("b, edited\n").substr(0, 12) + ", the plan saw " +
                                     util::sha256_hex("b\n").substr(0, 12) + ")"});
}

TEST(Drift, UnappliableEntriesAreGroupedByReason) {
  PartitionChange b0 = change("g", "t", 0, 5, 1, Action::Blocked);
  b0.reason = "the group is Stable";
  PartitionChange b1 = b0;
  b1.partition = 1;
  PartitionChange inv = change("g", "missing", planner::kEveryPartition, std::nullopt, std::nullopt, Action::Invalid);
  inv.reason = "the topic does not exist";
  PartitionChange no_target = change("h", "t", 0, 5, std::nullopt);
  PartitionChange dup = change("h", "u", 0, 5, 1);
  std::vector<PartitionChange> changes = {b0, b1, inv, no_target, dup, dup, change("h", "v", 0, 1, 1, Action::Noop)};
  EXPECT_EQ(unappliable_entries(changes), (std::vector<std::string>{
                                              "h/u[0]: appears twice in the plan",
                                              "g/missing[*]: invalid: the topic does not exist",
                                              "g/t[0,1]: blocked: the group is Stable",
                                              "h/t[0]: a change without a target",
                                          }));
}

}  // namespace
}  // namespace offsetctl::executor
