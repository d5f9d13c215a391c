#pragma once
// Request and answer structs of the CKafka (2019-08-19) and DTS (2021-12-06)
// actions. Member names are the API's field names, so the JSON mapping is
// one-to-one and can be checked against ../shared/api-notes.md by eye.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace offsetctl::api {

// ---- DescribeGroupOffsets (paged by topic, Limit at most 50)
struct DescribeGroupOffsetsRequest {
  std::string InstanceId;
  std::string Group;
  std::vector<std::string> Topics;  // empty: every topic of the group
  std::optional<std::string> SearchWord;
  int64_t Offset = 0;
  int64_t Limit = 50;
};
struct GroupOffsetPartition {
  int64_t Partition = 0;
  int64_t Offset = -1;  // -1: nothing committed
  std::string Metadata;
  int64_t ErrorCode = 0;
  // Optional in every SDK's model and left out by a thin answer: the planner then takes it from
  // DescribeTopicSyncReplica's EndOffset, or makes the group's rows invalid (never guesses).
  std::optional<int64_t> LogEndOffset;
  int64_t Lag = 0;
};
struct GroupOffsetTopic {
  std::string Topic;
  std::vector<GroupOffsetPartition> Partitions;
};
struct GroupOffsetResponse {
  int64_t TotalCount = 0;
  std::vector<GroupOffsetTopic> TopicList;
};

// ---- DescribeGroupInfo (several groups per call)
struct GroupInfoTopic {
  std::string Topic;
  std::vector<int64_t> Partitions;
};
struct Assignment {
  int64_t Version = 0;
  std::vector<GroupInfoTopic> Topics;
};
struct GroupInfoMember {
  std::string MemberId;
  std::string ClientId;
  std::string ClientHost;
  ::offsetctl::api::Assignment Assignment;
};
struct GroupInfoResponse {
  std::string ErrorCode;
  std::string State;  // Empty, Dead, Stable, PreparingRebalance, CompletingRebalance
  std::string ProtocolType;
  std::string Protocol;
  std::vector<GroupInfoMember> Members;
  std::string Group;
};
struct DescribeGroupInfoRequest {
  std::string InstanceId;
  std::vector<std::string> GroupList;
};

// ---- DescribeGroup (lists an instance's groups; paged by group, Limit default 20)
struct DescribeGroupRequest {
  std::string InstanceId;
  std::optional<std::string> SearchWord;  // a substring of the names
  int64_t Offset = 0;
  int64_t Limit = 20;
};
struct DescribeGroup {
  std::string Group;
  std::string Protocol;
};
struct GroupResponse {
  int64_t TotalCount = 0;
  std::vector<::offsetctl::api::DescribeGroup> GroupList;
  int64_t GroupCountQuota = 0;
};

// ---- DescribeConsumerGroup
struct DescribeConsumerGroupRequest {
  std::string InstanceId;
  std::optional<std::string> GroupName;
  std::optional<std::string> TopicName;
  int64_t Limit = 50;
  int64_t Offset = 0;
};
struct ConsumerGroupTopic {
  std::string TopicName;
  std::string TopicId;
};
// The official SDKs' models: Partition a string, Offset a number.
struct ConsumerGroupPartitionOffset {
  std::string Partition;
  int64_t Offset = -1;
};
struct SubscribedInfo {
  std::string TopicName;
  std::vector<int64_t> Partition;
  std::vector<ConsumerGroupPartitionOffset> PartitionOffset;
  std::string TopicId;
};
struct ConsumerGroup {
  std::string ConsumerGroupName;
  std::vector<::offsetctl::api::SubscribedInfo> SubscribedInfo;
};
struct ConsumerGroupResponse {
  int64_t TotalCount = 0;
  std::vector<ConsumerGroupTopic> TopicList;
  std::vector<ConsumerGroup> GroupList;
};

// ---- DescribeTopicSyncReplica (every page)
struct DescribeTopicSyncReplicaRequest {
  std::string InstanceId;
  std::string TopicName;
  int64_t Offset = 0;
  int64_t Limit = 20;
  std::optional<bool> OutOfSyncReplicaOnly;
};
struct TopicInSyncReplicaInfo {
  std::string Partition;  // a string in the API
  int64_t Leader = 0;
  std::string Replica;
  std::string InSyncReplica;
  int64_t BeginOffset = 0;
  int64_t EndOffset = 0;
  int64_t MessageCount = 0;
  std::string OutOfSyncReplica;
};
struct TopicInSyncReplicaResult {
  int64_t TotalCount = 0;
  std::vector<TopicInSyncReplicaInfo> TopicInSyncReplicaList;
};

// ---- FetchMessageListByTimestamp
struct FetchMessageListByTimestampRequest {
  std::string InstanceId;
  std::string Topic;
  int64_t Partition = 0;
  int64_t StartTime = 0;  // ms
  int64_t SinglePartitionRecordNumber = 1;
};
struct ConsumerRecord {
  std::string Topic;
  int64_t Partition = 0;
  int64_t Offset = 0;
  std::string Key;
  std::string Value;
  int64_t Timestamp = 0;
};

// ---- BatchModifyGroupOffsets / ModifyGroupOffsets
struct PartitionOffset {
  int64_t Partition = 0;
  int64_t Offset = 0;
};
struct BatchModifyGroupOffsetsRequest {
  std::string GroupName;
  std::string InstanceId;
  std::vector<PartitionOffset> Partitions;
  std::vector<std::string> TopicName;  // empty: every topic of the group
};
struct ModifyGroupOffsetsRequest {
  std::string InstanceId;
  std::string Group;
  int64_t Strategy = 2;  // 0 shift, 1 timestamp, 2 offset
  std::vector<std::string> Topics;  // required and non-empty (the SDKs' model; the seed's "all topics" is not)
  std::optional<int64_t> Shift;
  std::optional<int64_t> ShiftTimestamp;  // ms; -2 earliest, -1 latest
  std::optional<int64_t> Offset;
  std::vector<int64_t> Partitions;
};
struct JgwOperateResponse {
  std::string ReturnCode;
  std::string ReturnMessage;
  int64_t FlowId = 0;  // Data.FlowId
};

// ---- DTS 2021-12-06
struct DescribeConsumerGroupsRequest {
  std::string SubscribeId;
  int64_t Offset = 0;
  int64_t Limit = 10;
};
struct PartitionOffsetState {
  int64_t PartitionNo = 0;
  int64_t ConsumerGroupOffset = 0;
  int64_t ConsumerGroupLag = 0;
  int64_t Latency = 0;
};
struct PartitionAssignment {
  std::string ClientId;
  std::vector<int64_t> PartitionNo;
};
struct DtsGroupInfo {
  std::string ConsumerGroupName;
  std::string Description;
  std::string ConsumerGroupState;
  std::vector<PartitionOffsetState> StateOfPartition;
  std::vector<::offsetctl::api::PartitionAssignment> PartitionAssignment;
};
struct DescribeConsumerGroupsResponse {
  int64_t TotalCount = 0;
  std::vector<DtsGroupInfo> Items;
};
struct DescribeOffsetByTimeRequest {
  std::string SubscribeId;
  std::string Time;  // "Y-m-d h:m:s", Beijing time
};
struct OffsetTimeMap {
  int64_t PartitionNo = 0;
  int64_t Offset = 0;
};
struct ResetConsumerGroupOffsetRequest {
  std::string SubscribeId;
  std::string TopicName;
  std::string ConsumerGroupName;
  std::vector<int64_t> PartitionNos;
  std::string ResetMode;  // earliest, latest, datetime
  std::optional<std::string> ResetDatetime;
};

}  // namespace offsetctl::api
