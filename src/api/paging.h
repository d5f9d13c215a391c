#pragma once
// Reading every page of a paged action. The API says how many items there are
// (TotalCount); an answer that contradicts itself (a page that comes back
// empty too early, more items than promised, a topic on two pages, a count
// that changes) is a BadAnswer, never an endless loop.

#include "api/ckafka_api.h"
#include "api/dts_api.h"

namespace offsetctl::api {

// Pages by topic with Limit 50 (the API's maximum) from the request's Offset on.
ApiResult<GroupOffsetResponse> describe_all_group_offsets(CkafkaApi& api, DescribeGroupOffsetsRequest request);
// Pages by partition with the request's Limit.
ApiResult<TopicInSyncReplicaResult> describe_all_topic_sync_replica(CkafkaApi& api,
                                                                    DescribeTopicSyncReplicaRequest request);
// Every group of an instance: pages of kDescribeGroupLimit from the request's Offset on.
ApiResult<GroupResponse> describe_all_groups(CkafkaApi& api, DescribeGroupRequest request);
// Pages by group with Limit 10 (the API's maximum).
ApiResult<DescribeConsumerGroupsResponse> describe_all_consumer_groups(DtsApi& api,
                                                                       DescribeConsumerGroupsRequest request);

}  // namespace offsetctl::api
