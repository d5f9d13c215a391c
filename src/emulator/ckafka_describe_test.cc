#include <gtest/gtest.h>

#include "emulator/test_support.h"

namespace offsetctl::emulator {
namespace {

using nlohmann::json;
using testing::error_code;
using testing::error_message;
using testing::Harness;
using testing::kT0;

// An instance with 60 one-partition topics t00..t59 (and 25 partitions on "wide"), a group on all of them.
State many_topics() {
  std::string yaml =
      "credentials: [{secretId: AKIDEXAMPLE, secretKey: secretEXAMPLE}]\n"
      "instances:\n  - id: ckafka-test\n    region: ap-guangzhou\n    topics:\n"
      "      - {name: wide, partitions: 25, begin: 3, end: 9}\n";
  std::string offsets;
  for (int i = 0; i < 60; ++i) {
    char name[8];
    std::snprintf(name, sizeof name, "t%02d", i);
    yaml += std::string("      - {name: ") + name + ", partitions: 1, end: 100}\n";
    offsets += std::string(offsets.empty() ? "" : ", ") + name + ": {0: " + std::to_string(i) + "}";
  }
  yaml += "    groups:\n      - name: g\n        offsets: {" + offsets + "}\n";
  auto s = parse_state(yaml, "many.yaml");
  EXPECT_TRUE(s) << s.error().message;
  return *s;
}

TEST(DescribeGroupOffsetsTest, WithoutFilterTheTopicsTheGroupHasOffsetsOn) {
  Harness h;
  json r = h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Group", "idle"}});
  ASSERT_EQ(error_code(r), "") << r;
  EXPECT_EQ(r["Result"], json::parse(R"({"TotalCount": 1, "TopicList": [{"Topic": "orders", "Partitions": [
      {"Partition": 0, "Offset": 10, "Metadata": "", "ErrorCode": 0, "LogEndOffset": 1000, "Lag": 990},
      {"Partition": 1, "Offset": 20, "Metadata": "", "ErrorCode": 0, "LogEndOffset": 1000, "Lag": 980},
      {"Partition": 2, "Offset": 30, "Metadata": "", "ErrorCode": 0, "LogEndOffset": 1000, "Lag": 970}]}]})"));
  EXPECT_TRUE(r.contains("RequestId"));
}

TEST(DescribeGroupOffsetsTest, FilterGivesEveryExistingTopicWithAllPartitions) {
  Harness h;
  json r =
      h.call("DescribeGroupOffsets",
             {{"InstanceId", "ckafka-test"}, {"Group", "busy"}, {"Topics", {"payments", "nope", "orders"}}});
  ASSERT_EQ(error_code(r), "") << r;
  EXPECT_EQ(r["Result"]["TotalCount"], 2);  // unknown topics are left out
  const json& list = r["Result"]["TopicList"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["Topic"], "orders");
  EXPECT_EQ(list[0]["Partitions"][0]["Offset"], 500);
  EXPECT_EQ(list[0]["Partitions"][1]["Offset"], -1);  // nothing committed there
  EXPECT_EQ(list[0]["Partitions"][1]["LogEndOffset"], 1000);
  EXPECT_EQ(list[0]["Partitions"][1]["Lag"], 0);
  EXPECT_EQ(list[1]["Topic"], "payments");
  EXPECT_EQ(list[1]["Partitions"].size(), 2u);
  EXPECT_EQ(list[1]["Partitions"][0]["LogEndOffset"], 200);
}

TEST(DescribeGroupOffsetsTest, AnAbsentGroupIsDeadWithNothingCommitted) {
  Harness h;
  json all = h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Group", "never-seen"}});
  EXPECT_EQ(all["Result"], json::parse(R"({"TotalCount": 0, "TopicList": []})"));
  json some = h.call("DescribeGroupOffsets",
                     {{"InstanceId", "ckafka-test"}, {"Group", "never-seen"}, {"Topics", {"orders"}}});
  ASSERT_EQ(some["Result"]["TopicList"].size(), 1u);
  for (const auto& p : some["Result"]["TopicList"][0]["Partitions"]) EXPECT_EQ(p["Offset"], -1);
}

TEST(DescribeGroupOffsetsTest, PagesByTopicWithLimitCappedAtFifty) {
  Harness h(many_topics());
  json first = h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Group", "g"}});
  EXPECT_EQ(first["Result"]["TotalCount"], 60);
  ASSERT_EQ(first["Result"]["TopicList"].size(), 50u);
  EXPECT_EQ(first["Result"]["TopicList"][0]["Topic"], "t00");
  EXPECT_EQ(first["Result"]["TopicList"][49]["Topic"], "t49");
  json second =
      h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Group", "g"}, {"Offset", 50}});
  ASSERT_EQ(second["Result"]["TopicList"].size(), 10u);
  EXPECT_EQ(second["Result"]["TopicList"][9]["Topic"], "t59");
  EXPECT_EQ(second["Result"]["TopicList"][9]["Partitions"][0]["Offset"], 59);
  json capped =
      h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Group", "g"}, {"Limit", 500}});
  EXPECT_EQ(capped["Result"]["TopicList"].size(), 50u);
  json small = h.call("DescribeGroupOffsets",
                      {{"InstanceId", "ckafka-test"}, {"Group", "g"}, {"Limit", 7}, {"Offset", 55}});
  EXPECT_EQ(small["Result"]["TopicList"].size(), 5u);
  json past =
      h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Group", "g"}, {"Offset", 600}});
  EXPECT_EQ(past["Result"]["TotalCount"], 60);
  EXPECT_TRUE(past["Result"]["TopicList"].empty());
}

TEST(DescribeGroupOffsetsTest, SearchWordFiltersAndCounts) {
  Harness h(many_topics());
  json r =
      h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Group", "g"}, {"SearchWord", "T5"}});
  EXPECT_EQ(r["Result"]["TotalCount"], 10);  // t50..t59, case-insensitively
  EXPECT_EQ(r["Result"]["TopicList"][0]["Topic"], "t50");
}

TEST(DescribeGroupOffsetsTest, Errors) {
  Harness h;
  json no_instance = h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-nope"}, {"Group", "g"}});
  EXPECT_EQ(error_code(no_instance), "InvalidParameterValue.InstanceNotExist");
  EXPECT_EQ(error_message(no_instance), "The instance `ckafka-nope` does not exist in region ap-guangzhou.");
  testing::Sign shanghai;
  shanghai.region = "ap-shanghai";
  EXPECT_EQ(
      error_code(h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Group", "g"}}, shanghai)),
      "InvalidParameterValue.InstanceNotExist");
  json missing = h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}});
  EXPECT_EQ(error_code(missing), "MissingParameter");
  EXPECT_EQ(error_message(missing), "The request is missing a required parameter `Group`.");
  EXPECT_EQ(error_code(h.call("DescribeGroupOffsets",
                              {{"InstanceId", "ckafka-test"}, {"Group", "g"}, {"Topics", "orders"}})),
            "InvalidParameter");
  EXPECT_EQ(error_code(h.call("DescribeGroupOffsets",
                              {{"InstanceId", "ckafka-test"}, {"Group", "g"}, {"Limit", 0}})),
            "InvalidParameterValue");
  EXPECT_EQ(error_code(h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Grp", "g"}})),
            "UnknownParameter");
}

TEST(DescribeGroupInfoTest, StatesMembersAndDeadGroups) {
  Harness h;
  json r = h.call("DescribeGroupInfo",
                  {{"InstanceId", "ckafka-test"}, {"GroupList", {"busy", "idle", "gone", "nope"}}});
  ASSERT_EQ(error_code(r), "") << r;
  EXPECT_EQ(r["Result"], json::parse(R"([
    {"ErrorCode": "0", "State": "Stable", "ProtocolType": "consumer", "Protocol": "range", "Group": "busy",
     "Members": [{"MemberId": "m-1", "ClientId": "c-1", "ClientHost": "/10.0.0.1",
                  "Assignment": {"Version": 0, "Topics": [{"Topic": "orders", "Partitions": [0, 1, 2]}]}}]},
    {"ErrorCode": "0", "State": "Empty", "ProtocolType": "consumer", "Protocol": "", "Members": [], "Group": "idle"},
    {"ErrorCode": "0", "State": "Dead", "ProtocolType": "", "Protocol": "", "Members": [], "Group": "gone"},
    {"ErrorCode": "0", "State": "Dead", "ProtocolType": "", "Protocol": "", "Members": [], "Group": "nope"}])"));
}

TEST(DescribeGroupInfoTest, Errors) {
  Harness h;
  EXPECT_EQ(error_message(
                h.call("DescribeGroupInfo", {{"InstanceId", "ckafka-test"}, {"GroupList", json::array()}})),
            "The parameter `GroupList` must not be empty.");
  json many = json::array();
  for (int i = 0; i < 101; ++i) many.push_back("g" + std::to_string(i));
  EXPECT_EQ(error_message(h.call("DescribeGroupInfo", {{"InstanceId", "ckafka-test"}, {"GroupList", many}})),
            "The parameter `GroupList` names 101 groups; at most 100 are allowed per call.");
  EXPECT_EQ(error_code(h.call("DescribeGroupInfo", {{"InstanceId", "ckafka-test"}})), "MissingParameter");
  EXPECT_EQ(error_code(h.call("DescribeGroupInfo", {{"InstanceId", "x"}, {"GroupList", {"a"}}})),
            "InvalidParameterValue.InstanceNotExist");
}

TEST(DescribeConsumerGroupTest, ListsLiveGroupsWithTheirOffsets) {
  Harness h;
  json r = h.call("DescribeConsumerGroup", {{"InstanceId", "ckafka-test"}});
  ASSERT_EQ(error_code(r), "") << r;
  const json& res = r["Result"];
  EXPECT_EQ(res["TotalCount"], 2);  // busy and idle; the Dead group does not exist for Kafka
  ASSERT_EQ(res["GroupList"].size(), 2u);
  EXPECT_EQ(res["GroupList"][0]["ConsumerGroupName"], "busy");
  const json& idle = res["GroupList"][1];
  EXPECT_EQ(idle["ConsumerGroupName"], "idle");
  EXPECT_EQ(idle["SubscribedInfo"][0]["TopicName"], "orders");
  EXPECT_EQ(idle["SubscribedInfo"][0]["Partition"], json::parse("[0, 1, 2]"));
  EXPECT_EQ(idle["SubscribedInfo"][0]["PartitionOffset"][2],
            json::parse(R"({"Partition": "2", "Offset": 30})"));  // Offset a number, as in the SDKs' models
  EXPECT_EQ(res["TopicList"][0]["TopicName"], "orders");
  EXPECT_EQ(res["TopicList"][0]["TopicId"], idle["SubscribedInfo"][0]["TopicId"]);
  EXPECT_EQ(res["TotalTopic"], 1);
  EXPECT_EQ(res["TotalPartition"], 3);
  EXPECT_EQ(res["GroupListForMonitor"], json::parse(R"([{"GroupName": "busy"}, {"GroupName": "idle"}])"));
}

TEST(DescribeConsumerGroupTest, Filters) {
  Harness h;
  json by_name = h.call("DescribeConsumerGroup", {{"InstanceId", "ckafka-test"}, {"GroupName", "idle"}});
  EXPECT_EQ(by_name["Result"]["TotalCount"], 1);
  json by_topic = h.call("DescribeConsumerGroup", {{"InstanceId", "ckafka-test"}, {"TopicName", "payments"}});
  EXPECT_EQ(by_topic["Result"]["TotalCount"], 0);
  json paged = h.call("DescribeConsumerGroup", {{"InstanceId", "ckafka-test"}, {"Limit", 1}, {"Offset", 1}});
  EXPECT_EQ(paged["Result"]["TotalCount"], 2);
  EXPECT_EQ(paged["Result"]["GroupList"][0]["ConsumerGroupName"], "idle");
}

TEST(DescribeGroupOffsetsTest, UncommittedTopicsAreListedOrOmittedAsSwitched) {
  json request = {{"InstanceId", "ckafka-test"}, {"Group", "busy"}, {"Topics", {"orders", "payments"}}};
  Harness listed;
  EXPECT_EQ(listed.call("DescribeGroupOffsets", request)["Result"]["TotalCount"], 2);
  State state = testing::fixture_state();
  state.uncommitted_topics = UncommittedTopics::Omit;
  Harness omitted(state);
  json r = omitted.call("DescribeGroupOffsets", request);
  ASSERT_EQ(error_code(r), "") << r;
  EXPECT_EQ(r["Result"]["TotalCount"], 1);  // busy has nothing committed on payments
  EXPECT_EQ(r["Result"]["TopicList"][0]["Topic"], "orders");
}

TEST(ThinAnswersTest, LeaveOutTheOptionalFieldsAnAnswerIsNotFor) {
  State state = testing::fixture_state();
  state.thin_answers = true;
  Harness h(state);
  json offsets = h.call("DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Group", "idle"}});
  ASSERT_EQ(error_code(offsets), "") << offsets;
  EXPECT_EQ(offsets["Result"], json::parse(R"({"TotalCount": 1, "TopicList": [{"Topic": "orders", "Partitions": [
      {"Partition": 0, "Offset": 10}, {"Partition": 1, "Offset": 20}, {"Partition": 2, "Offset": 30}]}]})"));
  json info = h.call("DescribeGroupInfo", {{"InstanceId", "ckafka-test"}, {"GroupList", {"busy", "gone"}}});
  ASSERT_EQ(error_code(info), "") << info;
  EXPECT_EQ(info["Result"], json::parse(R"([
    {"State": "Stable", "Group": "busy",
     "Members": [{"MemberId": "m-1", "ClientId": "c-1", "ClientHost": "/10.0.0.1",
                  "Assignment": {"Version": 0, "Topics": [{"Topic": "orders", "Partitions": [0, 1, 2]}]}}]},
    {"State": "Dead", "Group": "gone"}])"));
  json replicas = h.call("DescribeTopicSyncReplica", {{"InstanceId", "ckafka-test"}, {"TopicName", "payments"}});
  ASSERT_EQ(error_code(replicas), "") << replicas;
  EXPECT_EQ(replicas["Result"], json::parse(R"({"TotalCount": 2, "TopicInSyncReplicaList": [
    {"Partition": "0", "BeginOffset": 100, "EndOffset": 200}, {"Partition": "1", "BeginOffset": 0, "EndOffset": 0}]})"));
  json groups = h.call("DescribeGroup", {{"InstanceId", "ckafka-test"}, {"SearchWord", "busy"}});
  ASSERT_EQ(error_code(groups), "") << groups;
  EXPECT_EQ(groups["Result"], json::parse(R"({"TotalCount": 1, "GroupList": [{"Group": "busy"}]})"));
}

TEST(DescribeGroupTest, ListsTheGroupsThatExistPagedByName) {
  Harness h;
  json r = h.call("DescribeGroup", {{"InstanceId", "ckafka-test"}});
  ASSERT_EQ(error_code(r), "") << r;
  EXPECT_EQ(r["Result"], json::parse(R"({"TotalCount": 2, "GroupCountQuota": 10000, "GroupList": [
      {"Group": "busy", "Protocol": "consumer"}, {"Group": "idle", "Protocol": "consumer"}]})"));
  json second = h.call("DescribeGroup", {{"InstanceId", "ckafka-test"}, {"Offset", 1}, {"Limit", 1}});
  EXPECT_EQ(second["Result"]["TotalCount"], 2);
  ASSERT_EQ(second["Result"]["GroupList"].size(), 1u);
  EXPECT_EQ(second["Result"]["GroupList"][0]["Group"], "idle");
}

TEST(DescribeGroupTest, SearchWordAndStateFilter) {
  Harness h;
  json r = h.call("DescribeGroup", {{"InstanceId", "ckafka-test"}, {"SearchWord", "US"}});
  EXPECT_EQ(r["Result"]["TotalCount"], 1);
  json stable = h.call("DescribeGroup", {{"InstanceId", "ckafka-test"},
                                         {"Filters", {{{"Name", "GroupState"}, {"Values", {"Stable"}}}}}});
  ASSERT_EQ(stable["Result"]["GroupList"].size(), 1u);
  EXPECT_EQ(stable["Result"]["GroupList"][0]["Group"], "busy");
}

TEST(DescribeGroupTest, Errors) {
  Harness h;
  EXPECT_EQ(error_code(h.call("DescribeGroup", json::object())), "MissingParameter");
  EXPECT_EQ(error_code(h.call("DescribeGroup", {{"InstanceId", "ckafka-nope"}})),
            "InvalidParameterValue.InstanceNotExist");
  json bad_filter = h.call("DescribeGroup", {{"InstanceId", "ckafka-test"},
                                             {"Filters", {{{"Name", "GroupState"}, {"Values", {"Dead"}}}}}});
  EXPECT_EQ(error_code(bad_filter), "InvalidParameterValue");
  EXPECT_EQ(error_message(bad_filter), "GroupState filters take Empty or Stable, not `Dead`.");
  EXPECT_EQ(error_code(h.call("DescribeGroup", {{"InstanceId", "ckafka-test"}, {"Limit", 0}})),
            "InvalidParameterValue");
}

TEST(DescribeTopicSyncReplicaTest, PartitionsAsStringsWithTheirBounds) {
  Harness h;
  json r = h.call("DescribeTopicSyncReplica", {{"InstanceId", "ckafka-test"}, {"TopicName", "payments"}});
  ASSERT_EQ(error_code(r), "") << r;
  EXPECT_EQ(r["Result"], json::parse(R"({"TotalCount": 2, "TopicInSyncReplicaList": [
    {"Partition": "0", "Leader": 0, "Replica": "0,1,2", "InSyncReplica": "0,1,2", "BeginOffset": 100,
     "EndOffset": 200, "MessageCount": 100, "OutOfSyncReplica": ""},
    {"Partition": "1", "Leader": 1, "Replica": "1,2,0", "InSyncReplica": "1,2,0", "BeginOffset": 0,
     "EndOffset": 0, "MessageCount": 0, "OutOfSyncReplica": ""}]})"));
}

TEST(DescribeTopicSyncReplicaTest, PagesOfTwentyUpToAHundred) {
  Harness h(many_topics());
  json first = h.call("DescribeTopicSyncReplica", {{"InstanceId", "ckafka-test"}, {"TopicName", "wide"}});
  EXPECT_EQ(first["Result"]["TotalCount"], 25);
  EXPECT_EQ(first["Result"]["TopicInSyncReplicaList"].size(), 20u);
  json rest = h.call("DescribeTopicSyncReplica",
                     {{"InstanceId", "ckafka-test"}, {"TopicName", "wide"}, {"Offset", 20}});
  ASSERT_EQ(rest["Result"]["TopicInSyncReplicaList"].size(), 5u);
  EXPECT_EQ(rest["Result"]["TopicInSyncReplicaList"][4]["Partition"], "24");
  json all = h.call("DescribeTopicSyncReplica",
                    {{"InstanceId", "ckafka-test"}, {"TopicName", "wide"}, {"Limit", 1000}});
  EXPECT_EQ(all["Result"]["TopicInSyncReplicaList"].size(), 25u);
  json in_sync =
      h.call("DescribeTopicSyncReplica",
             {{"InstanceId", "ckafka-test"}, {"TopicName", "wide"}, {"OutOfSyncReplicaOnly", true}});
  EXPECT_EQ(in_sync["Result"], json::parse(R"({"TotalCount": 0, "TopicInSyncReplicaList": []})"));
}

TEST(DescribeTopicSyncReplicaTest, Errors) {
  Harness h;
  json r = h.call("DescribeTopicSyncReplica", {{"InstanceId", "ckafka-test"}, {"TopicName", "nope"}});
  EXPECT_EQ(error_code(r), "InvalidParameterValue");
  EXPECT_EQ(error_message(r), "The topic `nope` does not exist in instance ckafka-test.");
  EXPECT_EQ(error_code(h.call(
                "DescribeTopicSyncReplica",
                {{"InstanceId", "ckafka-test"}, {"TopicName", "orders"}, {"OutOfSyncReplicaOnly", "yes"}})),
            "InvalidParameter");
}

json fetch(Harness& h, const std::string& topic, int64_t partition, int64_t start,
           std::optional<int64_t> n = {}) {
  json body = {
      {"InstanceId", "ckafka-test"}, {"Topic", topic}, {"Partition", partition}, {"StartTime", start}};
  if (n) body["SinglePartitionRecordNumber"] = *n;
  return h.call("FetchMessageListByTimestamp", body);
}

TEST(FetchMessageListByTimestampTest, TheFirstRecordAtOrAfterTheTime) {
  Harness h;
  json at = fetch(h, "orders", 1, kT0 + 5 * 60000, 1);
  ASSERT_EQ(error_code(at), "") << at;
  EXPECT_EQ(at["Result"], json::parse(R"([{"Topic": "orders", "Partition": 1, "Offset": 5, "Key": null,
      "Value": null, "Timestamp": 1794787500000, "Headers": null}])"));  // no message contents, as the service
  EXPECT_EQ(fetch(h, "orders", 1, kT0 + 5 * 60000 + 1, 1)["Result"][0]["Offset"], 6);
  EXPECT_EQ(fetch(h, "orders", 1, 0, 1)["Result"][0]["Offset"], 0);
  EXPECT_EQ(fetch(h, "payments", 0, 0, 1)["Result"][0]["Offset"], 100);  // the log starts at begin
  EXPECT_EQ(fetch(h, "payments", 0, 0, 1)["Result"][0]["Timestamp"], kT0);
}

TEST(FetchMessageListByTimestampTest, SeveralRecordsAndNoneAfterTheEnd) {
  Harness h;
  json three = fetch(h, "orders", 0, kT0 + 10 * 60000, 3);
  ASSERT_EQ(three["Result"].size(), 3u);
  EXPECT_EQ(three["Result"][2]["Offset"], 12);
  EXPECT_EQ(fetch(h, "orders", 0, kT0)["Result"].size(), 20u);               // default: 20
  EXPECT_EQ(fetch(h, "orders", 0, kT0 + 998 * 60000)["Result"].size(), 2u);  // 998 and 999
  EXPECT_EQ(fetch(h, "orders", 0, kT0 + 1000 * 60000)["Result"], json::array());
  EXPECT_EQ(fetch(h, "payments", 1, 0)["Result"], json::array());  // an empty log
}

TEST(FetchMessageListByTimestampTest, Errors) {
  Harness h;
  EXPECT_EQ(error_message(fetch(h, "orders", 0, kT0, 21)),
            "The parameter `SinglePartitionRecordNumber` must be between 1 and 20.");
  EXPECT_EQ(error_code(fetch(h, "orders", 0, kT0, 0)), "InvalidParameterValue");
  EXPECT_EQ(error_message(fetch(h, "orders", 0, -5)), "The parameter `StartTime` must be 0 or more (ms).");
  EXPECT_EQ(error_message(fetch(h, "orders", 9, kT0)), "The topic `orders` has no partition 9.");
  EXPECT_EQ(error_code(fetch(h, "nope", 0, kT0)), "InvalidParameterValue");
  EXPECT_EQ(error_message(h.call("FetchMessageListByTimestamp",
                                 {{"InstanceId", "ckafka-test"}, {"Topic", "orders"}, {"Partition", 0}})),
            "The request is missing a required parameter `StartTime`.");
}

}  // namespace
}  // namespace offsetctl::emulator
