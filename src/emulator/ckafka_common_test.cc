#include "emulator/ckafka_common.h"

#include <gtest/gtest.h>

#include "emulator/test_support.h"

namespace offsetctl::emulator {
namespace {

TEST(CkafkaCommonTest, PagesCapTheLimitAndClipTheRange) {
  nlohmann::json body = {{"Offset", 40}, {"Limit", 500}};
  Params p(body, {"Offset", "Limit"});
  Page page = read_page(p, 50, 50);
  EXPECT_EQ(page.limit, 50);
  EXPECT_FALSE(page_error(page, p));
  EXPECT_EQ(page_range(page, 45), (std::pair<size_t, size_t>{40, 45}));
  EXPECT_EQ(page_range(page, 10), (std::pair<size_t, size_t>{10, 10}));
  nlohmann::json empty = nlohmann::json::object();
  Params defaults(empty, {});
  EXPECT_EQ(read_page(defaults, 20, 100).limit, 20);
}

TEST(CkafkaCommonTest, PageErrors) {
  nlohmann::json negative = {{"Offset", -1}};
  Params p(negative, {"Offset", "Limit"});
  EXPECT_TRUE(page_error(read_page(p, 50, 50), p));
  EXPECT_EQ(p.error()->message, "The parameter `Offset` must be 0 or more, not -1.");
  nlohmann::json zero = {{"Limit", 0}};
  Params q(zero, {"Offset", "Limit"});
  EXPECT_TRUE(page_error(read_page(q, 50, 50), q));
  EXPECT_EQ(q.error()->message, "The parameter `Limit` must be 1 or more, not 0.");
}

TEST(CkafkaCommonTest, LookupsSayWhatIsMissing) {
  State s = testing::fixture_state();
  std::string region = "ap-guangzhou";
  ActionContext ctx{s, region, 0};
  auto missing = find_instance_or_error(ctx, "ckafka-sh");  // exists, but in another region
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "InvalidParameterValue.InstanceNotExist");
  EXPECT_EQ(missing.error().message, "The instance `ckafka-sh` does not exist in region ap-guangzhou.");
  Instance& in = **find_instance_or_error(ctx, "ckafka-test");
  EXPECT_EQ(find_topic_or_error(in, "nope").error().message,
            "The topic `nope` does not exist in instance ckafka-test.");
  Topic& orders = **find_topic_or_error(in, "orders");
  EXPECT_EQ(find_partition_or_error(orders, 3).error().message, "The topic `orders` has no partition 3.");
  EXPECT_EQ(find_partition_or_error(orders, -1).error().code, "InvalidParameterValue");
  EXPECT_EQ((*find_partition_or_error(orders, 2))->partition, 2);
}

TEST(CkafkaCommonTest, Messages) {
  EXPECT_EQ(group_active_error("g", "Stable").message,
            "The consumer group `g` is active (state Stable): Kafka accepts an offset change only while the "
            "group is "
            "Empty or Dead. Stop its consumers, then retry.");
  PartitionLog log;
  log.begin = 5;
  log.end = 9;
  EXPECT_EQ(offset_out_of_range("t", 1, 10, log).message,
            "The offset 10 for partition 1 of topic `t` is outside the log [5, 9].");
}

TEST(CkafkaCommonTest, TopicIdsAreStable) {
  EXPECT_EQ(topic_id("i", "t"), topic_id("i", "t"));
  EXPECT_NE(topic_id("i", "t"), topic_id("i", "u"));
  EXPECT_EQ(topic_id("i", "t").size(), 14u);
  EXPECT_EQ(topic_id("i", "t").rfind("topic-", 0), 0u);
}

TEST(CkafkaCommonTest, FuzzyMatchIgnoresCase) {
  EXPECT_TRUE(fuzzy_match("Orders-EU", "ders-e"));
  EXPECT_TRUE(fuzzy_match("orders", ""));
  EXPECT_FALSE(fuzzy_match("orders", "pay"));
}

}  // namespace
}  // namespace offsetctl::emulator
