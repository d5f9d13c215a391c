#include <gtest/gtest.h>

#include "emulator/test_support.h"

namespace offsetctl::emulator {
namespace {

using nlohmann::json;
using testing::error_code;
using testing::error_message;
using testing::Harness;

testing::Sign dts() {
  testing::Sign s;
  s.service = "dts";
  return s;
}

DtsGroup group(const Harness& h, const std::string& name) {
  return h.state().find_subscription("subs-test", "ap-guangzhou")->groups.at(name);
}

TEST(DescribeConsumerGroupsTest, ItemsWithFullNamesStatesAndPartitions) {
  Harness h;
  h.clock().set(testing::kT0 + 450 * 60000 + 30000);  // 30 s after message 450
  json r = h.call("DescribeConsumerGroups", {{"SubscribeId", "subs-test"}}, dts());
  ASSERT_EQ(error_code(r), "") << r;
  EXPECT_EQ(r["TotalCount"], 3);
  ASSERT_EQ(r["Items"].size(), 3u);
  EXPECT_EQ(r["Items"][0], json::parse(R"({"ConsumerGroupName": "consumer-grp-subs-test-g1",
      "Account": "account-subs-test-g1", "Description": "", "ConsumerGroupState": "Empty",
      "StateOfPartition": [
        {"PartitionNo": 0, "ConsumerGroupOffset": 100, "ConsumerGroupLag": 400, "Latency": 21030},
        {"PartitionNo": 1, "ConsumerGroupOffset": -1, "ConsumerGroupLag": 0, "Latency": 0}],
      "PartitionAssignment": []})"));
  EXPECT_EQ(r["Items"][1]["ConsumerGroupState"], "Stable");
  EXPECT_EQ(r["Items"][1]["PartitionAssignment"],
            json::parse(R"([{"ClientId": "cl-1", "PartitionNo": [0, 1]}])"));
  EXPECT_EQ(r["Items"][2]["ConsumerGroupName"], "consumer-grp-subs-test-g3");
  EXPECT_EQ(r["Items"][2]["ConsumerGroupState"], "Dead");
}

TEST(DescribeConsumerGroupsTest, Pages) {
  Harness h;
  json r =
      h.call("DescribeConsumerGroups", {{"SubscribeId", "subs-test"}, {"Offset", 1}, {"Limit", 1}}, dts());
  EXPECT_EQ(r["TotalCount"], 3);
  ASSERT_EQ(r["Items"].size(), 1u);
  EXPECT_EQ(r["Items"][0]["ConsumerGroupName"], "consumer-grp-subs-test-g2");
}

TEST(DescribeConsumerGroupsTest, Errors) {
  Harness h;
  json r = h.call("DescribeConsumerGroups", {{"SubscribeId", "subs-nope"}}, dts());
  EXPECT_EQ(error_code(r), "ResourceNotFound");
  EXPECT_EQ(error_message(r), "The subscription `subs-nope` does not exist in region ap-guangzhou.");
  EXPECT_EQ(error_code(h.call("DescribeConsumerGroups", json::object(), dts())), "MissingParameter");
  // A DTS action under the CKafka version is not an action of CKafka.
  EXPECT_EQ(error_code(h.call("DescribeConsumerGroups", {{"SubscribeId", "subs-test"}})), "InvalidAction");
}

TEST(DescribeOffsetByTimeTest, TheOffsetNearestBeforeABeijingTime) {
  Harness h;
  // kT0 is 2026-11-16 08:00:00 in Beijing; message 10 is 10 minutes later.
  json r =
      h.call("DescribeOffsetByTime", {{"SubscribeId", "subs-test"}, {"Time", "2026-11-16 08:10:30"}}, dts());
  ASSERT_EQ(error_code(r), "") << r;
  EXPECT_EQ(r["Items"],
            json::parse(R"([{"PartitionNo": 0, "Offset": 10}, {"PartitionNo": 1, "Offset": 10}])"));
  json before =
      h.call("DescribeOffsetByTime", {{"SubscribeId", "subs-test"}, {"Time", "2026-11-16 07:59:59"}}, dts());
  EXPECT_EQ(before["Items"][0]["Offset"], 0);
  json after =
      h.call("DescribeOffsetByTime", {{"SubscribeId", "subs-test"}, {"Time", "2027-01-01 00:00:00"}}, dts());
  EXPECT_EQ(after["Items"][0]["Offset"], 499);
  // The SDKs' models document RFC 3339 (their own example form) and an empty Time as the oldest offset.
  json rfc3339 = h.call("DescribeOffsetByTime",
                        {{"SubscribeId", "subs-test"}, {"Time", "2026-11-16T08:10:30+08:00"}}, dts());
  ASSERT_EQ(error_code(rfc3339), "") << rfc3339;
  EXPECT_EQ(rfc3339["Items"], r["Items"]);
  json oldest = h.call("DescribeOffsetByTime", {{"SubscribeId", "subs-test"}, {"Time", ""}}, dts());
  ASSERT_EQ(error_code(oldest), "") << oldest;
  EXPECT_EQ(oldest["Items"][0]["Offset"], 0);
}

TEST(DescribeOffsetByTimeTest, Errors) {
  Harness h;
  json r = h.call("DescribeOffsetByTime",
                  {{"SubscribeId", "subs-test"}, {"Time", "2026-11-16T08:10:30"}}, dts());
  EXPECT_EQ(error_code(r), "InvalidParameterValue");
  EXPECT_EQ(error_message(r), "The parameter `Time` must be `Y-m-d h:m:s` (Beijing time), RFC 3339 or empty, "
                              "not `2026-11-16T08:10:30`.");
  EXPECT_EQ(error_code(h.call("DescribeOffsetByTime", {{"SubscribeId", "subs-test"}}, dts())),
            "MissingParameter");
}

json reset(Harness& h, json extra) {
  json body = {{"SubscribeId", "subs-test"},
               {"TopicName", "subs-topic"},
               {"ConsumerGroupName", "g1"},
               {"PartitionNos", {0, 1}}};
  body.update(extra);
  return h.call("ResetConsumerGroupOffset", body, dts());
}

TEST(ResetConsumerGroupOffsetTest, EarliestLatestAndDatetime) {
  Harness h;
  json r = reset(h, {{"ResetMode", "latest"}});
  ASSERT_EQ(error_code(r), "") << r;
  EXPECT_EQ(r.size(), 1u);  // RequestId only
  EXPECT_EQ(group(h, "g1").offsets, (std::map<int32_t, int64_t>{{0, 500}, {1, 500}}));
  ASSERT_EQ(error_code(reset(h, {{"ResetMode", "earliest"}, {"PartitionNos", {1}}})), "");
  EXPECT_EQ(group(h, "g1").offsets, (std::map<int32_t, int64_t>{{0, 500}, {1, 0}}));
  ASSERT_EQ(error_code(reset(h, {{"ResetMode", "datetime"}, {"ResetDatetime", "2026-11-16 08:20:00"}})), "");
  EXPECT_EQ(group(h, "g1").offsets, (std::map<int32_t, int64_t>{{0, 20}, {1, 20}}));
  ASSERT_EQ(error_code(reset(h, {{"ResetMode", "datetime"}})), "");  // no datetime: time 0, as earliest
  EXPECT_EQ(group(h, "g1").offsets, (std::map<int32_t, int64_t>{{0, 0}, {1, 0}}));
}

TEST(ResetConsumerGroupOffsetTest, FullNamesAndPartitionNumbersAsStrings) {
  Harness h;
  ASSERT_EQ(error_code(reset(h, {{"ConsumerGroupName", "consumer-grp-subs-test-g1"},
                                 {"PartitionNos", {"0", "1"}},
                                 {"ResetMode", "latest"}})),
            "");
  EXPECT_EQ(group(h, "g1").offsets.at(1), 500);
}

TEST(ResetConsumerGroupOffsetTest, AnActiveGroupSilentlyStaysAsItWas) {
  Harness h;
  json r = reset(h, {{"ConsumerGroupName", "g2"}, {"ResetMode", "earliest"}});
  EXPECT_EQ(error_code(r), "");  // success, as the real API answers
  EXPECT_EQ(group(h, "g2").offsets, (std::map<int32_t, int64_t>{{0, 400}, {1, 450}}));
}

TEST(ResetConsumerGroupOffsetTest, ADeadGroupBecomesEmpty) {
  Harness h;
  ASSERT_EQ(error_code(reset(h, {{"ConsumerGroupName", "g3"}, {"ResetMode", "latest"}})), "");
  EXPECT_EQ(group(h, "g3").state, "Empty");
  EXPECT_EQ(group(h, "g3").offsets.at(0), 500);
}

TEST(ResetConsumerGroupOffsetTest, Errors) {
  Harness h;
  EXPECT_EQ(error_message(reset(h, {{"ResetMode", "newest"}})),
            "The parameter `ResetMode` must be earliest, latest or datetime, not `newest`.");
  EXPECT_EQ(error_message(reset(h, {{"ResetMode", "datetime"}, {"ResetDatetime", "yesterday"}})),
            "The parameter `ResetDatetime` must be `Y-m-d h:m:s` (Beijing time), RFC 3339 or empty, not `yesterday`.");
  EXPECT_EQ(error_message(reset(h, {{"ResetMode", "latest"}, {"TopicName", "other"}})),
            "The topic `other` is not the topic of subscription subs-test (subs-topic).");
  EXPECT_EQ(error_message(reset(h, {{"ResetMode", "latest"}, {"ConsumerGroupName", "g9"}})),
            "The consumer group `g9` does not exist in subscription subs-test.");
  EXPECT_EQ(error_message(reset(h, {{"ResetMode", "latest"}, {"PartitionNos", {0, 2}}})),
            "The topic `subs-topic` has no partition 2.");
  EXPECT_EQ(error_message(reset(h, {{"ResetMode", "latest"}, {"PartitionNos", json::array()}})),
            "The parameter `PartitionNos` must not be empty.");
  EXPECT_EQ(error_code(reset(h, json::object())), "MissingParameter");
  EXPECT_EQ(error_code(reset(h, {{"ResetMode", "latest"}, {"SubscribeId", "subs-x"}})), "ResourceNotFound");
  EXPECT_EQ(group(h, "g1").offsets, (std::map<int32_t, int64_t>{{0, 100}}));
}

}  // namespace
}  // namespace offsetctl::emulator
