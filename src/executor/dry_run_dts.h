#pragma once
// `offsetctl apply --dry-run` for DtsOffsetPlan rows: like DryRunApi
// (dry_run.h) for the DTS API. Reads go to the real client; each
// ResetConsumerGroupOffset is kept back, answered as accepted (RequestId
// "dry-run"), and shows in later DescribeConsumerGroups answers at the offset
// the service would reset to (DescribeOffsetByTime for earliest and a
// datetime, the log end for latest), so the drift check and the verification
// run as they would. A group that does not exist is left as it is: the real
// reset would fail on it, and so the dry run's verification does.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "api/dts_api.h"

namespace offsetctl::executor {

class DryRunDtsApi final : public api::DtsApi {
 public:
  explicit DryRunDtsApi(std::shared_ptr<api::DtsApi> real) : real_(std::move(real)) {}

  api::ApiResult<api::DescribeConsumerGroupsResponse> describe_consumer_groups(
      const api::DescribeConsumerGroupsRequest& r) override;
  api::ApiResult<std::vector<api::OffsetTimeMap>> describe_offset_by_time(
      const api::DescribeOffsetByTimeRequest& r) override {
    return real_->describe_offset_by_time(r);
  }
  // Recorded, never sent.
  api::ApiResult<Ok> reset_consumer_group_offset(const api::ResetConsumerGroupOffsetRequest& r) override;

  size_t writes() const;  // reset calls kept back

 private:
  using Key = std::tuple<std::string, std::string, int64_t>;  // subscribeId, full group name, partition
  // ResetMode "earliest" / "latest", or the ResetDatetime ("Y-m-d h:m:s", Beijing time).
  struct Pending {
    std::string mode;
    std::string datetime;
  };

  std::shared_ptr<api::DtsApi> real_;
  mutable std::mutex mu_;
  std::map<Key, Pending> pending_;
  size_t writes_ = 0;
};

}  // namespace offsetctl::executor
