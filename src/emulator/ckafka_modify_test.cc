#include <gtest/gtest.h>

#include "emulator/test_support.h"

namespace offsetctl::emulator {
namespace {

using nlohmann::json;
using testing::error_code;
using testing::error_message;
using testing::Harness;
using testing::kT0;

const json kOk = json::parse(R"({"ReturnCode": "0", "ReturnMessage": "SUCCESS", "Data": {"FlowId": 0}})");

std::map<int32_t, int64_t> offsets(const Harness& h, const std::string& group, const std::string& topic) {
  State s = h.state();
  const Instance* in = s.find_instance("ckafka-test", "ap-guangzhou");
  auto g = in->groups.find(group);
  if (g == in->groups.end() || !g->second.offsets.count(topic)) return {};
  return g->second.offsets.at(topic);
}

json batch(Harness& h, const std::string& group, json partitions, std::optional<json> topics = {}) {
  json body = {{"InstanceId", "ckafka-test"}, {"GroupName", group}, {"Partitions", std::move(partitions)}};
  if (topics) body["TopicName"] = *topics;
  return h.call("BatchModifyGroupOffsets", body);
}

TEST(BatchModifyGroupOffsetsTest, SetsTheListedPartitionsOnTheListedTopics) {
  Harness h;
  json r =
      batch(h, "idle", json::parse(R"([{"Partition": 0, "Offset": 700}, {"Partition": 2, "Offset": 0}])"),
            json{"orders"});
  ASSERT_EQ(error_code(r), "") << r;
  EXPECT_EQ(r["Result"], kOk);
  EXPECT_EQ(offsets(h, "idle", "orders"), (std::map<int32_t, int64_t>{{0, 700}, {1, 20}, {2, 0}}));
}

TEST(BatchModifyGroupOffsetsTest, WithoutTopicNameEveryTopicOfTheGroup) {
  Harness h;
  ASSERT_EQ(error_code(batch(h, "idle", json::parse(R"([{"Partition": 1, "Offset": 1000}])"))), "");
  EXPECT_EQ(offsets(h, "idle", "orders").at(1), 1000);  // the log end is a valid offset
  EXPECT_TRUE(offsets(h, "idle", "payments").empty());
}

TEST(BatchModifyGroupOffsetsTest, ADeadOrAbsentGroupBecomesEmpty) {
  Harness h;
  ASSERT_EQ(
      error_code(batch(h, "gone", json::parse(R"([{"Partition": 0, "Offset": 150}])"), json{"payments"})),
      "");
  ASSERT_EQ(
      error_code(batch(h, "new-group", json::parse(R"([{"Partition": 0, "Offset": 5}])"), json{"orders"})),
      "");
  State s = h.state();
  const Instance* in = s.find_instance("ckafka-test", "ap-guangzhou");
  EXPECT_EQ(in->groups.at("gone").state, "Empty");
  EXPECT_EQ(in->groups.at("gone").offsets.at("payments").at(0), 150);
  EXPECT_EQ(in->groups.at("new-group").state, "Empty");
  EXPECT_EQ(in->groups.at("new-group").offsets.at("orders").at(0), 5);
}

TEST(BatchModifyGroupOffsetsTest, AnActiveGroupIsRefused) {
  Harness h;
  json r = batch(h, "busy", json::parse(R"([{"Partition": 0, "Offset": 1}])"), json{"orders"});
  EXPECT_EQ(error_code(r), "FailedOperation");
  EXPECT_EQ(error_message(r),
            "The consumer group `busy` is active (state Stable): Kafka accepts an offset change only "
            "while the group is Empty or Dead. Stop its consumers, then retry.");
  EXPECT_EQ(offsets(h, "busy", "orders").at(0), 500);
}

TEST(BatchModifyGroupOffsetsTest, AllOrNothing) {
  Harness h;
  // Partition 1 of payments is empty [0, 0]; 150 is fine for orders but not for payments.
  json r = batch(h, "idle", json::parse(R"([{"Partition": 0, "Offset": 150}])"), json{"orders", "payments"});
  EXPECT_EQ(error_code(r), "");
  json bad =
      batch(h, "idle", json::parse(R"([{"Partition": 0, "Offset": 250}])"), json{"orders", "payments"});
  EXPECT_EQ(error_code(bad), "InvalidParameterValue");
  EXPECT_EQ(error_message(bad),
            "The offset 250 for partition 0 of topic `payments` is outside the log [100, 200].");
  EXPECT_EQ(offsets(h, "idle", "orders").at(0), 150);  // the failed call changed nothing
  EXPECT_EQ(offsets(h, "idle", "payments").at(0), 150);
}

TEST(BatchModifyGroupOffsetsTest, Errors) {
  Harness h;
  EXPECT_EQ(
      error_message(batch(h, "idle", json::parse(R"([{"Partition": 0, "Offset": 1001}])"), json{"orders"})),
      "The offset 1001 for partition 0 of topic `orders` is outside the log [0, 1000].");
  EXPECT_EQ(
      error_message(batch(h, "idle", json::parse(R"([{"Partition": 0, "Offset": -1}])"), json{"orders"})),
      "The offset -1 for partition 0 of topic `orders` is outside the log [0, 1000].");
  EXPECT_EQ(
      error_message(batch(h, "idle", json::parse(R"([{"Partition": 5, "Offset": 1}])"), json{"orders"})),
      "The topic `orders` has no partition 5.");
  EXPECT_EQ(error_message(batch(h, "idle", json::parse(R"([{"Partition": 0, "Offset": 1}])"), json{"nope"})),
            "The topic `nope` does not exist in instance ckafka-test.");
  EXPECT_EQ(error_message(batch(h, "new", json::parse(R"([{"Partition": 0, "Offset": 1}])"))),
            "The consumer group `new` has no committed offsets: name the topics with `TopicName`.");
  EXPECT_EQ(error_message(batch(h, "idle", json::array(), json{"orders"})),
            "The parameter `Partitions` must not be empty.");
  EXPECT_EQ(error_message(batch(h, "idle", json::parse(R"([{"Partition": 0}])"), json{"orders"})),
            "The request is missing a required parameter `Partitions.0.Offset`.");
  EXPECT_EQ(
      error_message(batch(h, "idle", json::parse(R"([{"Partition": 0, "Offset": "1"}])"), json{"orders"})),
      "The parameter `Partitions.0.Offset` must be of type Integer, not String.");
  EXPECT_EQ(error_message(batch(h, "idle", json::parse(R"([{"Partition": 0, "Offset": 1, "X": 2}])"))),
            "The parameter `Partitions.0.X` is not recognized.");
  EXPECT_EQ(error_message(batch(
                h, "idle", json::parse(R"([{"Partition": 0, "Offset": 1}, {"Partition": 0, "Offset": 2}])"))),
            "The partition 0 is listed twice in `Partitions`.");
  EXPECT_EQ(
      error_code(h.call(
          "BatchModifyGroupOffsets",
          {{"InstanceId", "x"}, {"GroupName", "g"}, {"Partitions", {{{"Partition", 0}, {"Offset", 0}}}}})),
      "InvalidParameterValue.InstanceNotExist");
  EXPECT_EQ(offsets(h, "idle", "orders"), (std::map<int32_t, int64_t>{{0, 10}, {1, 20}, {2, 30}}));
}

json modify(Harness& h, const std::string& group, json extra) {
  json body = {{"InstanceId", "ckafka-test"}, {"Group", group}};
  body.update(extra);
  return h.call("ModifyGroupOffsets", body);
}

TEST(ModifyGroupOffsetsTest, ShiftIsClampedToTheLog) {
  Harness h;
  ASSERT_EQ(error_code(modify(h, "idle", {{"Strategy", 0}, {"Topics", {"orders"}}, {"Shift", 5}})), "");
  EXPECT_EQ(offsets(h, "idle", "orders"), (std::map<int32_t, int64_t>{{0, 15}, {1, 25}, {2, 35}}));
  ASSERT_EQ(error_code(modify(h, "idle", {{"Strategy", 0}, {"Topics", {"orders"}}, {"Shift", -20}})), "");
  EXPECT_EQ(offsets(h, "idle", "orders"), (std::map<int32_t, int64_t>{{0, 0}, {1, 5}, {2, 15}}));
  ASSERT_EQ(
      error_code(modify(
          h, "idle", {{"Strategy", 0}, {"Topics", {"orders"}}, {"Shift", INT64_MAX}, {"Partitions", {1}}})),
      "");
  EXPECT_EQ(offsets(h, "idle", "orders"), (std::map<int32_t, int64_t>{{0, 0}, {1, 1000}, {2, 15}}));
}

TEST(ModifyGroupOffsetsTest, ShiftNeedsACommittedOffset) {
  Harness h;
  json r = modify(h, "idle", {{"Strategy", 0}, {"Topics", {"payments"}}, {"Shift", 1}});
  EXPECT_EQ(error_message(r), "The partition 0 of topic `payments` has no committed offset to shift from.");
}

TEST(ModifyGroupOffsetsTest, TimestampEarliestLatestAndTimes) {
  Harness h;
  ASSERT_EQ(
      error_code(modify(h, "idle", {{"Strategy", 1}, {"Topics", {"payments"}}, {"ShiftTimestamp", -2}})), "");
  EXPECT_EQ(offsets(h, "idle", "payments"), (std::map<int32_t, int64_t>{{0, 100}, {1, 0}}));
  ASSERT_EQ(error_code(modify(h, "idle", {{"Strategy", 1}, {"Topics", {"orders"}}, {"ShiftTimestamp", -1}})),
            "");
  EXPECT_EQ(offsets(h, "idle", "orders"), (std::map<int32_t, int64_t>{{0, 1000}, {1, 1000}, {2, 1000}}));
  ASSERT_EQ(error_code(modify(h, "idle",
                              {{"Strategy", 1},
                               {"Topics", {"orders"}},
                               {"ShiftTimestamp", kT0 + 90 * 1000},
                               {"Partitions", {0}}})),
            "");
  EXPECT_EQ(offsets(h, "idle", "orders").at(0), 2);  // 90 s after the first message: the one at 120 s
  ASSERT_EQ(
      error_code(modify(h, "idle", {{"Strategy", 1}, {"Topics", {"orders"}}, {"ShiftTimestamp", kT0 * 2}})),
      "");
  EXPECT_EQ(offsets(h, "idle", "orders").at(2), 1000);  // no message at or after: the log end
}

TEST(ModifyGroupOffsetsTest, ToOffset) {
  Harness h;
  ASSERT_EQ(
      error_code(modify(h, "idle",
                        {{"Strategy", 2}, {"Topics", {"orders"}}, {"Offset", 42}, {"Partitions", {0, 2}}})),
      "");
  EXPECT_EQ(offsets(h, "idle", "orders"), (std::map<int32_t, int64_t>{{0, 42}, {1, 20}, {2, 42}}));
  json out = modify(h, "idle", {{"Strategy", 2}, {"Topics", {"orders", "payments"}}, {"Offset", 42}});
  EXPECT_EQ(error_message(out),
            "The offset 42 for partition 0 of topic `payments` is outside the log [100, 200].");
  EXPECT_EQ(offsets(h, "idle", "orders").at(1), 20);  // nothing applied
}

TEST(ModifyGroupOffsetsTest, TopicsIsRequiredAndMustNameATopic) {
  // The SDKs' model makes Topics required; an empty list is refused, not read as "every topic".
  Harness h;
  json empty = modify(h, "idle", {{"Strategy", 2}, {"Topics", json::array()}, {"Offset", 3}});
  EXPECT_EQ(error_code(empty), "InvalidParameterValue");
  EXPECT_EQ(error_message(empty), "The parameter `Topics` must name at least one topic.");
  EXPECT_EQ(error_code(modify(h, "idle", {{"Strategy", 2}, {"Offset", 3}})), "MissingParameter");
  EXPECT_EQ(offsets(h, "idle", "orders"), (std::map<int32_t, int64_t>{{0, 10}, {1, 20}, {2, 30}}));  // unchanged
}

TEST(ModifyGroupOffsetsTest, ActiveGroupsAndDeadGroups) {
  Harness h;
  EXPECT_EQ(error_code(modify(h, "busy", {{"Strategy", 2}, {"Topics", {"orders"}}, {"Offset", 3}})),
            "FailedOperation");
  ASSERT_EQ(error_code(modify(h, "gone", {{"Strategy", 1}, {"Topics", {"orders"}}, {"ShiftTimestamp", -2}})),
            "");
  EXPECT_EQ(h.state().find_instance("ckafka-test", "ap-guangzhou")->groups.at("gone").state, "Empty");
}

TEST(ModifyGroupOffsetsTest, ParameterErrors) {
  Harness h;
  EXPECT_EQ(error_message(modify(h, "idle", {{"Strategy", 3}, {"Topics", {"orders"}}})),
            "The parameter `Strategy` must be 0 (shift), 1 (timestamp) or 2 (offset), not 3.");
  EXPECT_EQ(error_message(modify(h, "idle", {{"Strategy", 0}, {"Topics", {"orders"}}})),
            "The request is missing a required parameter `Shift`.");
  EXPECT_EQ(error_message(modify(h, "idle", {{"Strategy", 1}, {"Topics", {"orders"}}})),
            "The request is missing a required parameter `ShiftTimestamp`.");
  EXPECT_EQ(
      error_message(modify(h, "idle", {{"Strategy", 1}, {"Topics", {"orders"}}, {"ShiftTimestamp", -3}})),
      "The parameter `ShiftTimestamp` must be -2 (earliest), -1 (latest) or a time in ms, not -3.");
  EXPECT_EQ(error_message(modify(h, "idle", {{"Strategy", 2}, {"Topics", {"orders"}}})),
            "The request is missing a required parameter `Offset`.");
  EXPECT_EQ(error_message(modify(h, "idle", {{"Strategy", 2}, {"Offset", 1}})),
            "The request is missing a required parameter `Topics`.");
  EXPECT_EQ(error_message(modify(
                h, "idle", {{"Strategy", 2}, {"Topics", {"orders"}}, {"Offset", 1}, {"Partitions", {7}}})),
            "The topic `orders` has no partition 7.");
  EXPECT_EQ(error_code(modify(h, "idle", {{"Strategy", "2"}, {"Topics", {"orders"}}, {"Offset", 1}})),
            "InvalidParameter");
  EXPECT_EQ(offsets(h, "idle", "orders"), (std::map<int32_t, int64_t>{{0, 10}, {1, 20}, {2, 30}}));
}

}  // namespace
}  // namespace offsetctl::emulator
