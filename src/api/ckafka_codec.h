#pragma once
// The CKafka actions' JSON: requests as the API names their fields, and strict
// parsing of the "Response" object of an answer. A parse failure is the path
// of the first field that is not what the API promises.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/types.h"
#include "util/result.h"

namespace offsetctl::api {

// The API's maximum Limit for DescribeGroupOffsets (paging is by topic).
inline constexpr int64_t kMaxDescribeGroupOffsetsLimit = 50;
// DescribeGroup documents its default Limit (20) and no maximum: pages of 20 are what it surely serves.
inline constexpr int64_t kDescribeGroupLimit = 20;

nlohmann::json to_json(const DescribeGroupOffsetsRequest&);
nlohmann::json to_json(const DescribeGroupInfoRequest&);
nlohmann::json to_json(const DescribeConsumerGroupRequest&);
nlohmann::json to_json(const DescribeGroupRequest&);
nlohmann::json to_json(const DescribeTopicSyncReplicaRequest&);
nlohmann::json to_json(const FetchMessageListByTimestampRequest&);
nlohmann::json to_json(const BatchModifyGroupOffsetsRequest&);
nlohmann::json to_json(const ModifyGroupOffsetsRequest&);

// `response` is the value of the answer's "Response" key.
Result<GroupOffsetResponse> parse_describe_group_offsets(const nlohmann::json& response);
Result<std::vector<GroupInfoResponse>> parse_describe_group_info(const nlohmann::json& response);
Result<ConsumerGroupResponse> parse_describe_consumer_group(const nlohmann::json& response);
Result<GroupResponse> parse_describe_group(const nlohmann::json& response);
Result<TopicInSyncReplicaResult> parse_describe_topic_sync_replica(const nlohmann::json& response);
Result<std::vector<ConsumerRecord>> parse_fetch_message_list_by_timestamp(
    const nlohmann::json& response);
Result<JgwOperateResponse> parse_jgw_operate_response(const nlohmann::json& response);

}  // namespace offsetctl::api
