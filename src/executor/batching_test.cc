#include "executor/batching.h"

#include <gtest/gtest.h>

#include <sstream>

namespace offsetctl::executor {
namespace {

using planner::Action;
using planner::PartitionChange;

PartitionChange change(const std::string& group, const std::string& topic, int32_t partition,
                       int64_t target, Action action = Action::Change, std::string instance = "ckafka-a") {
  PartitionChange c;
  c.instance = std::move(instance);
  c.group = group;
  c.topic = topic;
  c.partition = partition;
  c.current = 100;
  c.target = target;
  c.action = action;
  return c;
}

PartitionChange at_apply(const std::string& group, const std::string& topic, int32_t partition, int64_t ts) {
  PartitionChange c = change(group, topic, partition, 0);
  c.apply_timestamp = ts;
  return c;
}

// One line per call, so a whole call list compares in one assertion.
std::string show(const std::vector<WriteCall>& calls) {
  std::ostringstream o;
  for (const WriteCall& c : calls) {
    o << c.action() << " " << c.instance << "/" << c.group;
    if (c.kind == WriteCall::Kind::Batch) {
      EXPECT_EQ(c.batch.InstanceId, c.instance);
      EXPECT_EQ(c.batch.GroupName, c.group);
      o << " topics=";
      for (const auto& t : c.batch.TopicName) o << t << ",";
      o << " partitions=";
      for (const auto& p : c.batch.Partitions) o << p.Partition << ":" << p.Offset << ",";
    } else {
      EXPECT_EQ(c.modify.InstanceId, c.instance);
      EXPECT_EQ(c.modify.Group, c.group);
      EXPECT_EQ(c.modify.Strategy, 1);
      EXPECT_FALSE(c.modify.Offset.has_value());
      EXPECT_FALSE(c.modify.Shift.has_value());
      o << " ts=" << c.modify.ShiftTimestamp.value_or(0) << " topics=";
      for (const auto& t : c.modify.Topics) o << t << ",";
      o << " partitions=";
      for (auto p : c.modify.Partitions) o << p << ",";
    }
    o << " changes=";
    for (auto i : c.changes) o << i << ",";
    o << "\n";
  }
  return o.str();
}

TEST(Batching, NoChangesNoCalls) {
  EXPECT_TRUE(plan_write_calls({}).empty());
  EXPECT_TRUE(plan_write_calls({change("g", "t", 0, 5, Action::Noop), change("g", "t", 1, 5, Action::Blocked),
                                change("g", "t", 2, 5, Action::Invalid)})
                  .empty());
}

TEST(Batching, TopicsWithTheSameSetShareOneCall) {
  std::vector<PartitionChange> changes = {
      change("orders-consumer", "orders", 0, 1500), change("orders-consumer", "orders", 1, 1720),
      change("orders-consumer", "payments", 0, 1500), change("orders-consumer", "payments", 1, 1720),
      change("orders-consumer", "refunds", 0, 1500),  change("orders-consumer", "refunds", 1, 1721),
  };
  EXPECT_EQ(show(plan_write_calls(changes)),
            "BatchModifyGroupOffsets ckafka-a/orders-consumer topics=orders,payments, "
            "partitions=0:1500,1:1720, changes=0,1,2,3,\n"
            "BatchModifyGroupOffsets ckafka-a/orders-consumer topics=refunds, partitions=0:1500,1:1721, "
            "changes=4,5,\n");
}

TEST(Batching, PartitionOrderInThePlanDoesNotMatter) {
  std::vector<PartitionChange> changes = {
      change("g", "b", 1, 20), change("g", "b", 0, 10),
      change("g", "a", 0, 10), change("g", "a", 1, 20),
  };
  EXPECT_EQ(show(plan_write_calls(changes)),
            "BatchModifyGroupOffsets ckafka-a/g topics=a,b, partitions=0:10,1:20, changes=2,3,1,0,\n");
}

TEST(Batching, ASubsetIsADifferentSet) {
  // The API sets the same list on every named topic: a topic needing only
  // partition 0 cannot ride along with one needing 0 and 1.
  std::vector<PartitionChange> changes = {
      change("g", "a", 0, 10), change("g", "a", 1, 20), change("g", "b", 0, 10),
  };
  EXPECT_EQ(show(plan_write_calls(changes)),
            "BatchModifyGroupOffsets ckafka-a/g topics=a, partitions=0:10,1:20, changes=0,1,\n"
            "BatchModifyGroupOffsets ckafka-a/g topics=b, partitions=0:10, changes=2,\n");
}

TEST(Batching, NoopPartitionsAreLeftOutOfTheSet) {
  // Partition 1 of b is already at 20: b still shares a's call only if a needs
  // exactly partition 0 too.
  std::vector<PartitionChange> changes = {
      change("g", "a", 0, 10), change("g", "a", 1, 20, Action::Noop),
      change("g", "b", 0, 10), change("g", "b", 1, 20, Action::Noop),
  };
  EXPECT_EQ(show(plan_write_calls(changes)),
            "BatchModifyGroupOffsets ckafka-a/g topics=a,b, partitions=0:10, changes=0,2,\n");
}

TEST(Batching, ExcludedChangesAreLeftOut) {
  // A rerun: b[1] is already at its target, so b now needs only partition 0, like a.
  std::vector<PartitionChange> changes = {
      change("g", "a", 0, 10), change("g", "b", 0, 10), change("g", "b", 1, 20),
  };
  EXPECT_EQ(show(plan_write_calls(changes, {false, false, true})),
            "BatchModifyGroupOffsets ckafka-a/g topics=a,b, partitions=0:10, changes=0,1,\n");
  EXPECT_TRUE(plan_write_calls(changes, {true, true, true}).empty());
}

TEST(Batching, GroupsAndInstancesNeverShare) {
  std::vector<PartitionChange> changes = {
      change("g2", "t", 0, 10),
      change("g1", "t", 0, 10),
      change("g1", "t", 0, 10, Action::Change, "ckafka-b"),
  };
  EXPECT_EQ(show(plan_write_calls(changes)),
            "BatchModifyGroupOffsets ckafka-a/g1 topics=t, partitions=0:10, changes=1,\n"
            "BatchModifyGroupOffsets ckafka-a/g2 topics=t, partitions=0:10, changes=0,\n"
            "BatchModifyGroupOffsets ckafka-b/g1 topics=t, partitions=0:10, changes=2,\n");
}

TEST(Batching, EveryTopicDifferentIsOneCallPerTopic) {
  std::vector<PartitionChange> changes;
  for (int t = 0; t < 4; ++t)
    for (int p = 0; p < 16; ++p) changes.push_back(change("g", "topic-" + std::to_string(t), p, t * 1000 + p));
  std::vector<WriteCall> calls = plan_write_calls(changes);
  ASSERT_EQ(calls.size(), 4u);
  for (size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i].batch.TopicName, std::vector<std::string>{"topic-" + std::to_string(i)});
    EXPECT_EQ(calls[i].batch.Partitions.size(), 16u);
    EXPECT_EQ(calls[i].changes.size(), 16u);
  }
}

TEST(Batching, ResolveAtApplyGoesThroughModifyGroupOffsets) {
  std::vector<PartitionChange> changes = {
      at_apply("g", "a", 0, -2), at_apply("g", "a", 1, -2),
      at_apply("g", "b", 1, -2), at_apply("g", "b", 0, -2),   // same partitions, same timestamp: shared
      at_apply("g", "c", 0, -2),                              // other partitions
      at_apply("g", "d", 0, -1), at_apply("g", "d", 1, -1),   // latest
      at_apply("g", "e", 0, 1763568000000), at_apply("g", "e", 1, 1763568000000),
      change("g", "z", 0, 7),
  };
  EXPECT_EQ(show(plan_write_calls(changes)),
            "BatchModifyGroupOffsets ckafka-a/g topics=z, partitions=0:7, changes=9,\n"
            "ModifyGroupOffsets ckafka-a/g ts=-2 topics=a,b, partitions=0,1, changes=0,1,3,2,\n"
            "ModifyGroupOffsets ckafka-a/g ts=-2 topics=c, partitions=0, changes=4,\n"
            "ModifyGroupOffsets ckafka-a/g ts=-1 topics=d, partitions=0,1, changes=5,6,\n"
            "ModifyGroupOffsets ckafka-a/g ts=1763568000000 topics=e, partitions=0,1, changes=7,8,\n");
}

TEST(Batching, OneTopicWithTwoTimestampsIsTwoCalls) {
  // Two plan entries on one topic (different partitions, different times).
  std::vector<PartitionChange> changes = {at_apply("g", "a", 0, -2), at_apply("g", "a", 1, -1)};
  EXPECT_EQ(show(plan_write_calls(changes)),
            "ModifyGroupOffsets ckafka-a/g ts=-2 topics=a, partitions=0, changes=0,\n"
            "ModifyGroupOffsets ckafka-a/g ts=-1 topics=a, partitions=1, changes=1,\n");
}

TEST(Batching, GroupWriteCallsSplitsByGroupInOrder) {
  std::vector<PartitionChange> changes = {
      change("g1", "a", 0, 10), change("g1", "b", 0, 11), change("g2", "a", 0, 10), at_apply("g2", "c", 0, -1),
  };
  std::vector<GroupCalls> groups = group_write_calls(plan_write_calls(changes));
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].group, "g1");
  EXPECT_EQ(groups[0].calls.size(), 2u);
  EXPECT_EQ(groups[1].group, "g2");
  ASSERT_EQ(groups[1].calls.size(), 2u);
  EXPECT_EQ(groups[1].calls[0].kind, WriteCall::Kind::Batch);
  EXPECT_EQ(groups[1].calls[1].kind, WriteCall::Kind::Modify);
}

}  // namespace
}  // namespace offsetctl::executor
