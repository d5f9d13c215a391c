#include "api/client.h"

#include "api/caller.h"
#include "api/ckafka_codec.h"
#include "api/dts_codec.h"

namespace offsetctl::api {
namespace {

using nlohmann::json;

// Calls one action and parses its Response strictly; a parse problem is a BadAnswer
// naming the action and the field.
template <class T, class Parse>
ApiResult<T> typed_call(Caller& caller, const std::string& action, const json& body, Parse parse,
                        CallOptions options = {}) {
  // Reads are hedged (api/hedge.h); of both APIs' actions, the reads are named Describe* and Fetch*.
  options.hedge = action.starts_with("Describe") || action.starts_with("Fetch");
  ApiResult<json> raw = caller.call(action, body, options);
  if (!raw) return fail(std::move(raw).error());
  Result<T> parsed = parse(raw->result);
  if (!parsed) {
    ApiFailure f;
    f.kind = ApiFailure::Kind::BadAnswer;
    f.action = action;
    f.code = "BadAnswer";
    f.message = "the answer is not what the API promises: " + parsed.error().message;
    f.request_id = raw->request_id;
    f.http_status = 200;
    return fail(std::move(f));
  }
  return Answer<T>{std::move(*parsed), std::move(raw->request_id)};
}

ApiFailure refused(const std::string& action, std::string message) {
  ApiFailure f;
  f.kind = ApiFailure::Kind::Config;
  f.action = action;
  f.code = "InvalidRequest";
  f.message = std::move(message);
  f.attempts = 0;
  return f;
}

class CkafkaClient final : public CkafkaApi {
 public:
  explicit CkafkaClient(std::unique_ptr<Caller> caller) : caller_(std::move(caller)) {}

  ApiResult<GroupOffsetResponse> describe_group_offsets(const DescribeGroupOffsetsRequest& r) override {
    if (r.Limit < 1 || r.Limit > kMaxDescribeGroupOffsetsLimit) {
      return fail(refused("DescribeGroupOffsets", "Limit " + std::to_string(r.Limit) + " is outside 1-" +
                                                      std::to_string(kMaxDescribeGroupOffsetsLimit)));
    }
    return typed_call<GroupOffsetResponse>(*caller_, "DescribeGroupOffsets", to_json(r),
                                           parse_describe_group_offsets);
  }

  ApiResult<std::vector<GroupInfoResponse>> describe_group_info(const DescribeGroupInfoRequest& r) override {
    if (r.GroupList.size() <= kMaxGroupsPerDescribeGroupInfo) {
      return typed_call<std::vector<GroupInfoResponse>>(*caller_, "DescribeGroupInfo", to_json(r),
                                                        parse_describe_group_info);
    }
    // More groups than one call takes: several calls, answers joined; the last RequestId is kept.
    Answer<std::vector<GroupInfoResponse>> all;
    for (size_t i = 0; i < r.GroupList.size(); i += kMaxGroupsPerDescribeGroupInfo) {
      DescribeGroupInfoRequest part{r.InstanceId, {}};
      const size_t end = std::min(r.GroupList.size(), i + kMaxGroupsPerDescribeGroupInfo);
      part.GroupList.assign(r.GroupList.begin() + static_cast<std::ptrdiff_t>(i),
                            r.GroupList.begin() + static_cast<std::ptrdiff_t>(end));
      auto page = typed_call<std::vector<GroupInfoResponse>>(*caller_, "DescribeGroupInfo", to_json(part),
                                                             parse_describe_group_info);
      if (!page) return page;
      for (auto& g : page->result) all.result.push_back(std::move(g));
      all.request_id = std::move(page->request_id);
    }
    return all;
  }

  ApiResult<ConsumerGroupResponse> describe_consumer_group(const DescribeConsumerGroupRequest& r) override {
    return typed_call<ConsumerGroupResponse>(*caller_, "DescribeConsumerGroup", to_json(r),
                                             parse_describe_consumer_group);
  }

  ApiResult<GroupResponse> describe_group(const DescribeGroupRequest& r) override {
    return typed_call<GroupResponse>(*caller_, "DescribeGroup", to_json(r), parse_describe_group);
  }

  ApiResult<TopicInSyncReplicaResult> describe_topic_sync_replica(const DescribeTopicSyncReplicaRequest& r) override {
    return typed_call<TopicInSyncReplicaResult>(*caller_, "DescribeTopicSyncReplica", to_json(r),
                                                parse_describe_topic_sync_replica);
  }

  ApiResult<std::vector<ConsumerRecord>> fetch_message_list_by_timestamp(
      const FetchMessageListByTimestampRequest& r) override {
    if (r.SinglePartitionRecordNumber < 1 || r.SinglePartitionRecordNumber > 20) {
      return fail(refused("FetchMessageListByTimestamp",
                          "SinglePartitionRecordNumber " + std::to_string(r.SinglePartitionRecordNumber) +
                              " is outside 1-20"));
    }
    return typed_call<std::vector<ConsumerRecord>>(*caller_, "FetchMessageListByTimestamp", to_json(r),
                                                   parse_fetch_message_list_by_timestamp);
  }

  ApiResult<JgwOperateResponse> batch_modify_group_offsets(const BatchModifyGroupOffsetsRequest& r) override {
    if (r.Partitions.empty()) {
      return fail(refused("BatchModifyGroupOffsets", "no partitions to set for group '" + r.GroupName + "'"));
    }
    for (const auto& p : r.Partitions) {
      if (p.Partition < 0 || p.Offset < 0) {
        return fail(refused("BatchModifyGroupOffsets", "partition " + std::to_string(p.Partition) + " offset " +
                                                           std::to_string(p.Offset) + " is negative"));
      }
    }
    return typed_call<JgwOperateResponse>(*caller_, "BatchModifyGroupOffsets", to_json(r),
                                          parse_jgw_operate_response);
  }

  ApiResult<JgwOperateResponse> modify_group_offsets(const ModifyGroupOffsetsRequest& r) override {
    if (r.Topics.empty()) {
      return fail(refused("ModifyGroupOffsets", "Topics names no topic for group '" + r.Group +
                                                    "'; the API requires at least one"));
    }
    if (r.Strategy < 0 || r.Strategy > 2) {
      return fail(refused("ModifyGroupOffsets", "Strategy " + std::to_string(r.Strategy) +
                                                    " is not 0 (shift), 1 (timestamp) or 2 (offset)"));
    }
    const bool has_value = r.Strategy == 0 ? r.Shift.has_value() : r.Strategy == 1 ? r.ShiftTimestamp.has_value()
                                                                                    : r.Offset.has_value();
    if (!has_value) {
      const char* field = r.Strategy == 0 ? "Shift" : r.Strategy == 1 ? "ShiftTimestamp" : "Offset";
      return fail(refused("ModifyGroupOffsets",
                          "Strategy " + std::to_string(r.Strategy) + " needs " + field + ", which is not set"));
    }
    // A shift moves relative to where the group is: sending it twice would move it twice.
    CallOptions options;
    options.idempotent = r.Strategy != 0;
    return typed_call<JgwOperateResponse>(*caller_, "ModifyGroupOffsets", to_json(r), parse_jgw_operate_response,
                                          options);
  }

 private:
  std::unique_ptr<Caller> caller_;
};

class DtsClient final : public DtsApi {
 public:
  explicit DtsClient(std::unique_ptr<Caller> caller) : caller_(std::move(caller)) {}

  ApiResult<DescribeConsumerGroupsResponse> describe_consumer_groups(const DescribeConsumerGroupsRequest& r) override {
    return typed_call<DescribeConsumerGroupsResponse>(*caller_, "DescribeConsumerGroups", to_json(r),
                                                      parse_describe_consumer_groups);
  }

  ApiResult<std::vector<OffsetTimeMap>> describe_offset_by_time(const DescribeOffsetByTimeRequest& r) override {
    return typed_call<std::vector<OffsetTimeMap>>(*caller_, "DescribeOffsetByTime", to_json(r),
                                                  parse_describe_offset_by_time);
  }

  ApiResult<Ok> reset_consumer_group_offset(const ResetConsumerGroupOffsetRequest& r) override {
    if (r.ResetMode != "earliest" && r.ResetMode != "latest" && r.ResetMode != "datetime") {
      return fail(refused("ResetConsumerGroupOffset",
                          "ResetMode '" + r.ResetMode + "' is not earliest, latest or datetime"));
    }
    if (r.ResetMode == "datetime" && !r.ResetDatetime) {
      return fail(refused("ResetConsumerGroupOffset", "ResetMode datetime needs ResetDatetime"));
    }
    if (r.PartitionNos.empty()) {
      return fail(refused("ResetConsumerGroupOffset", "no partitions to reset"));
    }
    return typed_call<Ok>(*caller_, "ResetConsumerGroupOffset", to_json(r),
                          [](const json&) -> Result<Ok> { return Ok{}; });
  }

 private:
  std::unique_ptr<Caller> caller_;
};

}  // namespace

Result<std::unique_ptr<CkafkaApi>> make_ckafka_client(const ClientConfig& config) {
  auto caller = Caller::create(config, kCkafkaService, kCkafkaVersion);
  if (!caller) return fail(caller.error().to_error());
  return std::unique_ptr<CkafkaApi>(std::make_unique<CkafkaClient>(std::move(*caller)));
}

Result<std::unique_ptr<DtsApi>> make_dts_client(const ClientConfig& config) {
  auto caller = Caller::create(config, kDtsService, kDtsVersion);
  if (!caller) return fail(caller.error().to_error());
  return std::unique_ptr<DtsApi>(std::make_unique<DtsClient>(std::move(*caller)));
}

}  // namespace offsetctl::api
