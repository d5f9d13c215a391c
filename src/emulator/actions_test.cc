#include "emulator/actions.h"

#include <gtest/gtest.h>

namespace offsetctl::emulator {
namespace {

TEST(ActionsTest, EveryActionWithItsServiceAndLimit) {
  struct Want {
    const char* service;
    const char* name;
    int limit;
  };
  for (const Want& w :
       {Want{"ckafka", "DescribeGroupOffsets", 100}, Want{"ckafka", "DescribeGroupInfo", 20},
        Want{"ckafka", "DescribeConsumerGroup", 20}, Want{"ckafka", "DescribeGroup", 100},
        Want{"ckafka", "DescribeTopicSyncReplica", 20},
        Want{"ckafka", "FetchMessageListByTimestamp", 20}, Want{"ckafka", "BatchModifyGroupOffsets", 20},
        Want{"ckafka", "ModifyGroupOffsets", 100}, Want{"dts", "DescribeConsumerGroups", 20},
        Want{"dts", "DescribeOffsetByTime", 20}, Want{"dts", "ResetConsumerGroupOffset", 20}}) {
    const ActionSpec* a = find_action(w.service, w.name);
    ASSERT_NE(a, nullptr) << w.name;
    EXPECT_EQ(a->limit_per_second, w.limit) << w.name;
  }
  EXPECT_EQ(action_table().size(), 11u);
}

TEST(ActionsTest, ActionsBelongToOneService) {
  EXPECT_EQ(find_action("dts", "DescribeGroupOffsets"), nullptr);
  EXPECT_EQ(find_action("ckafka", "ResetConsumerGroupOffset"), nullptr);
  EXPECT_EQ(find_action("ckafka", "describegroupoffsets"), nullptr);  // names are case-sensitive
}

}  // namespace
}  // namespace offsetctl::emulator
