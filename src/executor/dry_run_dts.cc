#include "executor/dry_run_dts.h"

#include <optional>

#include "executor/dry_run.h"
#include "planner/dts_plan.h"

namespace offsetctl::executor {

api::ApiResult<Ok> DryRunDtsApi::reset_consumer_group_offset(const api::ResetConsumerGroupOffsetRequest& r) {
  std::lock_guard lock(mu_);
  ++writes_;
  const std::string group = planner::dts_full_group_name(r.SubscribeId, r.ConsumerGroupName);
  for (int64_t p : r.PartitionNos) pending_[{r.SubscribeId, group, p}] = {r.ResetMode, r.ResetDatetime.value_or("")};
  return api::Answer<Ok>{Ok{}, kDryRunRequestId};
}

size_t DryRunDtsApi::writes() const {
  std::lock_guard lock(mu_);
  return writes_;
}

api::ApiResult<api::DescribeConsumerGroupsResponse> DryRunDtsApi::describe_consumer_groups(
    const api::DescribeConsumerGroupsRequest& r) {
  auto answer = real_->describe_consumer_groups(r);
  if (!answer.ok()) return answer;
  std::map<Key, Pending> pending;
  {
    std::lock_guard lock(mu_);
    pending = pending_;
  }
  if (pending.empty()) return answer;
  // DescribeOffsetByTime once per distinct instant (earliest: the epoch).
  std::map<std::string, std::map<int64_t, int64_t>> at;  // "Y-m-d h:m:s" -> partition -> offset
  for (auto& g : answer->result.Items) {
    for (auto& s : g.StateOfPartition) {
      auto it = pending.find({r.SubscribeId, g.ConsumerGroupName, s.PartitionNo});
      if (it == pending.end()) continue;
      const int64_t log_end = s.ConsumerGroupOffset + s.ConsumerGroupLag;
      std::optional<int64_t> offset;
      if (it->second.mode == "latest") {
        offset = log_end;
      } else {
        const std::string time = it->second.mode == "earliest" ? planner::dts_datetime(planner::kDtsEarliestProbeMs)
                                                               : it->second.datetime;
        if (!at.count(time)) {
          api::DescribeOffsetByTimeRequest req;
          req.SubscribeId = r.SubscribeId;
          req.Time = time;
          auto by_time = real_->describe_offset_by_time(req);
          if (!by_time.ok()) return fail(by_time.error());
          for (const auto& item : by_time->result) at[time][item.PartitionNo] = item.Offset;
        }
        if (auto p = at[time].find(s.PartitionNo); p != at[time].end()) offset = p->second;
      }
      if (!offset) continue;
      s.ConsumerGroupOffset = *offset;
      s.ConsumerGroupLag = log_end > *offset ? log_end - *offset : 0;
    }
  }
  return answer;
}

}  // namespace offsetctl::executor
