#pragma once
// The DTS (2021-12-06) actions for data-subscription consumer groups, one page
// per call. The HTTP client implements it (make_dts_client in client.h);
// describe_all_consumer_groups in paging.h reads every page. Implementations
// are safe to call from several threads at once.

#include <vector>

#include "api/failure.h"
#include "api/types.h"

namespace offsetctl::api {

class DtsApi {
 public:
  virtual ~DtsApi() = default;

  virtual ApiResult<DescribeConsumerGroupsResponse> describe_consumer_groups(
      const DescribeConsumerGroupsRequest&) = 0;
  // The offset of each partition nearest before the request's Time.
  virtual ApiResult<std::vector<OffsetTimeMap>> describe_offset_by_time(const DescribeOffsetByTimeRequest&) = 0;
  // Silently does nothing unless the group is Dead or Empty: check the state first, verify after.
  virtual ApiResult<Ok> reset_consumer_group_offset(const ResetConsumerGroupOffsetRequest&) = 0;
};

}  // namespace offsetctl::api
