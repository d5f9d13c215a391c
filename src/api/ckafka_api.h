#pragma once
// The CKafka actions offsetctl uses, one method per action and one page per
// call. The HTTP client implements it; the paging helpers and the planner's
// fetcher take any implementation. Implementations are safe to call from
// several threads at once.

#include <vector>

#include "api/failure.h"
#include "api/types.h"

namespace offsetctl::api {

class CkafkaApi {
 public:
  virtual ~CkafkaApi() = default;

  virtual ApiResult<GroupOffsetResponse> describe_group_offsets(const DescribeGroupOffsetsRequest&) = 0;
  virtual ApiResult<std::vector<GroupInfoResponse>> describe_group_info(const DescribeGroupInfoRequest&) = 0;
  virtual ApiResult<ConsumerGroupResponse> describe_consumer_group(const DescribeConsumerGroupRequest&) = 0;
  virtual ApiResult<GroupResponse> describe_group(const DescribeGroupRequest&) = 0;
  virtual ApiResult<TopicInSyncReplicaResult> describe_topic_sync_replica(
      const DescribeTopicSyncReplicaRequest&) = 0;
  virtual ApiResult<std::vector<ConsumerRecord>> fetch_message_list_by_timestamp(
      const FetchMessageListByTimestampRequest&) = 0;
  virtual ApiResult<JgwOperateResponse> batch_modify_group_offsets(const BatchModifyGroupOffsetsRequest&) = 0;
  virtual ApiResult<JgwOperateResponse> modify_group_offsets(const ModifyGroupOffsetsRequest&) = 0;
};

}  // namespace offsetctl::api
