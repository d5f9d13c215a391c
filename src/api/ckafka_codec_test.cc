#include "api/ckafka_codec.h"

#include <gtest/gtest.h>

namespace offsetctl::api {
namespace {

using nlohmann::json;

json response(const char* text) { return json::parse(text)["Response"]; }

TEST(CkafkaCodec, RequestsUseTheApiFieldNamesAndOmitWhatIsUnset) {
  DescribeGroupOffsetsRequest d{"ckafka-1", "g", {}, std::nullopt, 50, 50};
  EXPECT_EQ(to_json(d).dump(), R"({"Group":"g","InstanceId":"ckafka-1","Limit":50,"Offset":50})");
  d.Topics = {"a", "b"};
  d.SearchWord = "a";
  EXPECT_EQ(to_json(d).dump(),
            R"({"Group":"g","InstanceId":"ckafka-1","Limit":50,"Offset":50,"SearchWord":"a","Topics":["a","b"]})");

  BatchModifyGroupOffsetsRequest b{"g", "ckafka-1", {{0, 10}, {1, 20}}, {"t"}};
  EXPECT_EQ(to_json(b).dump(),
            R"({"GroupName":"g","InstanceId":"ckafka-1","Partitions":[{"Offset":10,"Partition":0},)"
            R"({"Offset":20,"Partition":1}],"TopicName":["t"]})");

  ModifyGroupOffsetsRequest m;
  m.InstanceId = "ckafka-1";
  m.Group = "g";
  m.Strategy = 1;
  m.Topics = {"t"};
  m.ShiftTimestamp = -2;
  EXPECT_EQ(to_json(m).dump(),
            R"({"Group":"g","InstanceId":"ckafka-1","ShiftTimestamp":-2,"Strategy":1,"Topics":["t"]})");

  DescribeGroupInfoRequest gi{"ckafka-1", {"a", "b"}};
  EXPECT_EQ(to_json(gi).dump(), R"({"GroupList":["a","b"],"InstanceId":"ckafka-1"})");

  FetchMessageListByTimestampRequest f{"ckafka-1", "t", 3, 1700000000000, 1};
  EXPECT_EQ(to_json(f).dump(),
            R"({"InstanceId":"ckafka-1","Partition":3,"SinglePartitionRecordNumber":1,"StartTime":1700000000000,)"
            R"("Topic":"t"})");

  DescribeTopicSyncReplicaRequest s{"ckafka-1", "t", 0, 20, std::nullopt};
  EXPECT_EQ(to_json(s).dump(), R"({"InstanceId":"ckafka-1","Limit":20,"Offset":0,"TopicName":"t"})");
}

// The example answer of the DescribeGroupOffsets document (seed 003).
TEST(CkafkaCodec, ParsesTheDocumentedDescribeGroupOffsetsAnswer) {
  auto r = parse_describe_group_offsets(response(R"({"Response": {"Result": {"TotalCount": 1, "TopicList": [
      {"Topic": "topic-test", "Partitions": [{"Partition": 0, "Offset": 22689638, "Metadata": "", "ErrorCode": 0,
       "LogEndOffset": 207927929, "Lag": 185238291}]}]}, "RequestId": "fd9afa97-cc0f-4ea7-9da8-63914a0877e1"}})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->TopicList.size(), 1u);
  EXPECT_EQ(r->TotalCount, 1);
  EXPECT_EQ(r->TopicList[0].Topic, "topic-test");
  EXPECT_EQ(r->TopicList[0].Partitions[0].Offset, 22689638);
  EXPECT_EQ(r->TopicList[0].Partitions[0].LogEndOffset, 207927929);
  EXPECT_EQ(r->TopicList[0].Partitions[0].Lag, 185238291);
}

// A thin answer (ckafka-emulator --thin-answers): every field the models mark optional but the
// partition and its committed offset left out. It reads, and says LogEndOffset is not known.
TEST(CkafkaCodec, ReadsADescribeGroupOffsetsAnswerWithoutItsOptionalFields) {
  auto r = parse_describe_group_offsets(response(R"({"Response": {"Result": {"TotalCount": 1, "TopicList": [
      {"Topic": "t", "Partitions": [{"Partition": 0, "Offset": 3}, {"Partition": 1, "Offset": -1}]}]}}})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->TopicList[0].Partitions.size(), 2u);
  EXPECT_EQ(r->TopicList[0].Partitions[0].Offset, 3);
  EXPECT_EQ(r->TopicList[0].Partitions[0].LogEndOffset, std::nullopt);
  EXPECT_EQ(r->TopicList[0].Partitions[0].ErrorCode, 0);
  EXPECT_EQ(r->TopicList[0].Partitions[1].Offset, -1);
}

TEST(CkafkaCodec, DescribeGroupOffsetsIsStrict) {
  auto problem = [](const char* text) {
    auto r = parse_describe_group_offsets(response(text));
    return r.ok() ? std::string("ok") : r.error().message;
  };
  EXPECT_EQ(problem(R"({"Response": {"RequestId": "r"}})"), "Response.Result is missing");
  EXPECT_EQ(problem(R"({"Response": {"Result": {"TopicList": []}}})"), "Response.Result.TotalCount is missing");
  EXPECT_EQ(problem(R"({"Response": {"Result": {"TotalCount": 0}}})"), "Response.Result.TopicList is missing");
  EXPECT_EQ(problem(R"({"Response": {"Result": {"TotalCount": 0, "TopicList": null}}})"), "ok");
  EXPECT_EQ(problem(R"({"Response": {"Result": {"TotalCount": 1, "TopicList": [{"Topic": "t", "Partitions": [
                       {"Partition": 0, "Offset": -5, "LogEndOffset": 9}]}]}}})"),
            "Response.Result.TopicList[0].Partitions[0].Offset is -5, below the smallest possible -1");
  EXPECT_EQ(problem(R"({"Response": {"Result": {"TotalCount": 1, "TopicList": [{"Topic": "t", "Partitions": [
                       {"Partition": 0, "Offset": -1, "LogEndOffset": 9}, {"Partition": 1, "Offset": "7",
                       "LogEndOffset": 9}]}]}}})"),
            "Response.Result.TopicList[0].Partitions[1].Offset is a string, expected an integer");
  EXPECT_EQ(problem(R"({"Response": {"Result": {"TotalCount": 1, "TopicList": [{"Topic": "t", "Partitions": [
                       {"Partition": 0, "Offset": 3, "LogEndOffset": -2}]}]}}})"),
            "Response.Result.TopicList[0].Partitions[0].LogEndOffset is -2, below the smallest possible 0");
  EXPECT_EQ(problem(R"({"Response": {"Result": {"TotalCount": -1, "TopicList": []}}})"),
            "Response.Result.TotalCount is -1, below the smallest possible 0");
}

TEST(CkafkaCodec, ParsesDescribeGroupInfo) {
  auto r = parse_describe_group_info(response(R"({"Response": {"Result": [
      {"ErrorCode": "0", "State": "Stable", "ProtocolType": "consumer", "Protocol": "range", "Group": "g1",
       "Members": [{"MemberId": "m1", "ClientId": "c1", "ClientHost": "/10.0.0.1",
                    "Assignment": {"Version": 0, "Topics": [{"Topic": "t", "Partitions": [0, 2]}]}}]},
      {"ErrorCode": "0", "State": "Empty", "ProtocolType": "consumer", "Protocol": "", "Group": "g2",
       "Members": null}], "RequestId": "r"}})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].State, "Stable");
  EXPECT_EQ((*r)[0].Members[0].Assignment.Topics[0].Partitions, (std::vector<int64_t>{0, 2}));
  EXPECT_EQ((*r)[1].Group, "g2");
  EXPECT_TRUE((*r)[1].Members.empty());

  // State is optional in the models: left out, it reads as "" (the planner makes the group's rows invalid).
  auto thin = parse_describe_group_info(response(R"({"Response": {"Result": [{"Group": "g"}]}})"));
  ASSERT_TRUE(thin.ok()) << thin.error().message;
  EXPECT_EQ((*thin)[0].State, "");
  auto bad = parse_describe_group_info(response(R"({"Response": {"Result": [{"State": "Empty"}]}})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "Response.Result[0].Group is missing");
}

TEST(CkafkaCodec, ParsesDescribeTopicSyncReplica) {
  auto r = parse_describe_topic_sync_replica(response(R"({"Response": {"Result": {"TotalCount": 1,
      "TopicInSyncReplicaList": [{"Partition": "0", "Leader": 1, "Replica": "1,2", "InSyncReplica": "1,2",
       "BeginOffset": 100, "EndOffset": 250, "MessageCount": 150, "OutOfSyncReplica": ""}]}, "RequestId": "r"}})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->TopicInSyncReplicaList[0].Partition, "0");
  EXPECT_EQ(r->TopicInSyncReplicaList[0].BeginOffset, 100);
  EXPECT_EQ(r->TopicInSyncReplicaList[0].EndOffset, 250);

  auto bad = parse_describe_topic_sync_replica(response(R"({"Response": {"Result": {"TotalCount": 1,
      "TopicInSyncReplicaList": [{"Partition": "0", "BeginOffset": 300, "EndOffset": 250}]}}})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "Response.Result.TopicInSyncReplicaList[0].EndOffset is 250, below BeginOffset 300");
}

TEST(CkafkaCodec, ParsesFetchMessageListByTimestamp) {
  auto r = parse_fetch_message_list_by_timestamp(response(R"({"Response": {"Result": [
      {"Topic": "t", "Partition": 2, "Offset": 41, "Key": null, "Value": "v", "Timestamp": 1700000000123}],
      "RequestId": "r"}})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)[0].Offset, 41);
  EXPECT_EQ((*r)[0].Timestamp, 1700000000123);
  auto empty = parse_fetch_message_list_by_timestamp(response(R"({"Response": {"Result": null, "RequestId": "r"}})"));
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

// The example answers of the BatchModifyGroupOffsets (seed 001) and ModifyGroupOffsets (seed 000) documents.
TEST(CkafkaCodec, ParsesTheDocumentedJgwOperateResponses) {
  auto batch = parse_jgw_operate_response(response(R"({"Response": {"Result": {"ReturnCode": "OK",
      "ReturnMessage": "success", "Data": {"FlowId": 0, "RouteDTO": {"RouteId": 0}}}, "RequestId": "test-requestId"}})"));
  ASSERT_TRUE(batch.ok()) << batch.error().message;
  EXPECT_EQ(batch->ReturnCode, "OK");
  EXPECT_EQ(batch->ReturnMessage, "success");
  auto modify = parse_jgw_operate_response(response(R"({"Response": {"Result": {"ReturnCode": "0",
      "ReturnMessage": "SUCCESS", "Data": {"FlowId": 0}}, "RequestId": "36713f94-d07d-4b96-babf-42d139276f23"}})"));
  ASSERT_TRUE(modify.ok()) << modify.error().message;
  EXPECT_EQ(modify->ReturnCode, "0");

  auto bad = parse_jgw_operate_response(response(R"({"Response": {"Result": {"ReturnCode": 0}}})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "Response.Result.ReturnCode is an integer, expected a string");
}

TEST(CkafkaCodec, ParsesDescribeConsumerGroup) {
  auto r = parse_describe_consumer_group(response(R"({"Response": {"Result": {"TotalCount": 1,
      "TopicList": [{"TopicName": "t", "TopicId": "topic-1"}],
      "GroupList": [{"ConsumerGroupName": "g", "SubscribedInfo": [{"TopicName": "t", "Partition": [0, 1],
        "PartitionOffset": [{"Partition": "0", "Offset": 12}, {"Partition": "1", "Offset": -1}],
        "TopicId": "topic-1"}]}], "TotalPartition": 2}, "RequestId": "r"}})"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->TotalCount, 1);
  EXPECT_EQ(r->TopicList[0].TopicName, "t");
  ASSERT_EQ(r->GroupList.size(), 1u);
  EXPECT_EQ(r->GroupList[0].ConsumerGroupName, "g");
  EXPECT_EQ(r->GroupList[0].SubscribedInfo[0].Partition, (std::vector<int64_t>{0, 1}));
  EXPECT_EQ(r->GroupList[0].SubscribedInfo[0].PartitionOffset[1].Offset, -1);
  EXPECT_EQ(r->GroupList[0].SubscribedInfo[0].PartitionOffset[0].Offset, 12);

  // The offset is a number in every official SDK's model; a string is not what the API promises.
  auto text = parse_describe_consumer_group(response(R"({"Response": {"Result": {"TotalCount": 1,
      "GroupList": [{"ConsumerGroupName": "g", "SubscribedInfo": [{"TopicName": "t",
        "PartitionOffset": [{"Partition": "0", "Offset": "12"}]}]}]}}})"));
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().message,
            "Response.Result.GroupList[0].SubscribedInfo[0].PartitionOffset[0].Offset is a string, expected an integer");

  auto bad = parse_describe_consumer_group(response(R"({"Response": {"Result": {"TotalCount": 1,
      "GroupList": [{"GroupName": "g"}]}}})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "Response.Result.GroupList[0].ConsumerGroupName is missing");
}

}  // namespace
}  // namespace offsetctl::api
