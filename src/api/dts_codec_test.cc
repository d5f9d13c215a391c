#include "api/dts_codec.h"

#include <gtest/gtest.h>

namespace offsetctl::api {
namespace {

using nlohmann::json;

json response_of(const char* text) { return json::parse(text)["Response"]; }

// The request of the ResetConsumerGroupOffset document's example (seed 002), partitions as integers.
TEST(DtsCodec, RequestsUseTheApiFieldNames) {
  ResetConsumerGroupOffsetRequest r{"subs-635ns8r71g", "account-subs-635ns8r71g-1", "consumer-grp-subs-635ns8r71g-1",
                                    {0, 1, 2, 3}, "datetime", std::string("2023-05-16 00:00:00")};
  EXPECT_EQ(to_json(r).dump(),
            R"({"ConsumerGroupName":"consumer-grp-subs-635ns8r71g-1","PartitionNos":[0,1,2,3],)"
            R"("ResetDatetime":"2023-05-16 00:00:00","ResetMode":"datetime","SubscribeId":"subs-635ns8r71g",)"
            R"("TopicName":"account-subs-635ns8r71g-1"})");
  r.ResetMode = "earliest";
  r.ResetDatetime.reset();
  EXPECT_EQ(to_json(r).count("ResetDatetime"), 0u);
  EXPECT_EQ(to_json(DescribeConsumerGroupsRequest{"subs-1", 10, 10}).dump(),
            R"({"Limit":10,"Offset":10,"SubscribeId":"subs-1"})");
  EXPECT_EQ(to_json(DescribeOffsetByTimeRequest{"subs-1", "2023-05-16 00:00:00"}).dump(),
            R"({"SubscribeId":"subs-1","Time":"2023-05-16 00:00:00"})");
}

TEST(DtsCodec, ParsesDescribeConsumerGroups) {
  auto r = parse_describe_consumer_groups(response_of(R"({"Response": {"TotalCount": 1, "Items": [
      {"ConsumerGroupName": "consumer-grp-subs-1-g", "Description": "", "ConsumerGroupState": "Empty",
       "StateOfPartition": [{"PartitionNo": 0, "ConsumerGroupOffset": 12, "ConsumerGroupLag": 3, "Latency": 0}],
       "PartitionAssignment": [{"ClientId": "c", "PartitionNo": [0]}]}], "RequestId": "r"}})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->TotalCount, 1);
  EXPECT_EQ(r->Items[0].ConsumerGroupState, "Empty");
  EXPECT_EQ(r->Items[0].StateOfPartition[0].ConsumerGroupOffset, 12);
  EXPECT_EQ(r->Items[0].PartitionAssignment[0].PartitionNo, (std::vector<int64_t>{0}));

  auto bad = parse_describe_consumer_groups(response_of(R"({"Response": {"TotalCount": 1, "Items": [
      {"ConsumerGroupName": "g", "ConsumerGroupState": "Empty", "StateOfPartition": [{"PartitionNo": -1,
       "ConsumerGroupOffset": 1}]}]}})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "Response.Items[0].StateOfPartition[0].PartitionNo is -1, below the smallest possible 0");
}

TEST(DtsCodec, ParsesDescribeOffsetByTime) {
  auto r = parse_describe_offset_by_time(
      response_of(R"({"Response": {"Items": [{"PartitionNo": 0, "Offset": 5}, {"PartitionNo": 1, "Offset": 9}],
                   "RequestId": "r"}})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[1].Offset, 9);
  auto bad = parse_describe_offset_by_time(response_of(R"({"Response": {"RequestId": "r"}})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "Response.Items is missing");
}

}  // namespace
}  // namespace offsetctl::api
