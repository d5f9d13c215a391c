#include "planner/topic_ends.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "api/fake_ckafka_test.h"

namespace offsetctl::planner {
namespace {

using api::fakes::FakeCkafka;

TEST(TopicEnds, ATopicManyGroupsNeedAtOnceIsReadOnce) {
  FakeCkafka api;
  for (int p = 0; p < 150; ++p) api.set("g", "orders", p, 5, 1000 + p);  // two pages of 100
  TopicEnds ends;
  std::vector<std::thread> groups;
  std::vector<const TopicEnds::Ends*> seen(8);
  for (size_t i = 0; i < seen.size(); ++i) {
    groups.emplace_back([&, i] { seen[i] = &ends.get(api, "ckafka-a", "orders"); });
  }
  for (auto& t : groups) t.join();
  EXPECT_EQ(api.count("DescribeTopicSyncReplica"), 2);
  for (const auto* e : seen) {
    ASSERT_EQ(e, seen[0]);  // every asker has the one answer
  }
  const TopicEnds::Ends& e = *seen[0];
  EXPECT_FALSE(e.failure);
  EXPECT_FALSE(e.gone);
  ASSERT_EQ(e.by_partition.size(), 150u);
  EXPECT_EQ(e.by_partition.at("0"), 1000);
  EXPECT_EQ(e.by_partition.at("149"), 1149);
}

TEST(TopicEnds, InstancesAndTopicsAreReadApart) {
  FakeCkafka api;
  api.set("g", "orders", 0, 5, 10);
  api.set("g", "refunds", 0, 5, 20);
  TopicEnds ends;
  EXPECT_EQ(ends.get(api, "ckafka-a", "orders").by_partition.at("0"), 10);
  EXPECT_EQ(ends.get(api, "ckafka-a", "refunds").by_partition.at("0"), 20);
  EXPECT_EQ(ends.get(api, "ckafka-b", "orders").by_partition.at("0"), 10);
  EXPECT_EQ(ends.get(api, "ckafka-a", "orders").by_partition.at("0"), 10);
  EXPECT_EQ(api.count("DescribeTopicSyncReplica"), 3);
}

TEST(TopicEnds, AGoneTopicAndAFailureAreAnsweredOnceForEveryAsker) {
  FakeCkafka api;
  api.set("g", "orders", 0, 5, 10);
  api.fail_sync_replica_for = {"orders"};
  TopicEnds ends;
  const TopicEnds::Ends& failed = ends.get(api, "ckafka-a", "orders");
  ASSERT_TRUE(failed.failure);
  EXPECT_EQ(failed.failure->code, "InternalError");
  EXPECT_TRUE(ends.get(api, "ckafka-a", "orders").failure);
  const TopicEnds::Ends& gone = ends.get(api, "ckafka-a", "deleted");
  EXPECT_TRUE(gone.gone);
  EXPECT_FALSE(gone.failure);
  EXPECT_TRUE(ends.get(api, "ckafka-a", "deleted").gone);
  EXPECT_EQ(api.count("DescribeTopicSyncReplica"), 2);
}

}  // namespace
}  // namespace offsetctl::planner
