#include <set>

#include "api/paging.h"
#include "planner/dts_plan.h"

namespace offsetctl::planner {
namespace {

Error failed(const api::ApiFailure& f, const std::string& subscribe_id) {
  return Error{"reading DTS subscription " + subscribe_id + ": " + f.describe()};
}

Status<> read_offsets_at(api::DtsApi& api, const std::string& subscribe_id, int64_t ms,
                         std::map<int32_t, int64_t>& out) {
  api::DescribeOffsetByTimeRequest req;
  req.SubscribeId = subscribe_id;
  req.Time = dts_datetime(ms);
  auto r = api.describe_offset_by_time(req);
  if (!r) return fail(failed(r.error(), subscribe_id));
  for (const auto& item : r->result) out[static_cast<int32_t>(item.PartitionNo)] = item.Offset;
  return Ok{};
}

}  // namespace

Result<DtsLiveState> fetch_dts_live_state(const plan::PlanSet& plans, const DtsClientFactory& clients,
                                          const PlanOptions& options) {
  struct Need {
    std::string region;
    std::set<int64_t> times;
  };
  std::map<std::string, Need> needs;
  for (const auto& file : plans.files) {
    for (const auto& p : file.dts_plans) {
      Need& n = needs[p.subscribe_id];
      if (n.region.empty()) n.region = p.region.value_or("");
      for (const auto& g : p.groups) {
        if (g.mode == plan::DtsResetMode::Datetime) n.times.insert(g.datetime_ms);
        // earliest: the checkpoint nearest before the epoch is the first one still in the log.
        if (g.mode == plan::DtsResetMode::Earliest) n.times.insert(kDtsEarliestProbeMs);
      }
    }
  }
  std::map<std::string, std::shared_ptr<api::DtsApi>> by_region;
  for (const auto& [id, n] : needs) {
    if (by_region.count(n.region)) continue;
    auto client = clients(n.region);
    if (!client) return fail(client.error());
    by_region[n.region] = *client;
  }
  DtsLiveState live;
  for (const auto& [id, n] : needs) {
    api::DtsApi& api = *by_region[n.region];
    DtsSubscriptionLive& sub = live.subscriptions[id];
    sub.region = n.region.empty() ? options.default_region : n.region;
    api::DescribeConsumerGroupsRequest req;
    req.SubscribeId = id;
    auto groups = api::describe_all_consumer_groups(api, req);
    if (!groups) return fail(failed(groups.error(), id));
    for (auto& g : groups->result.Items) {
      std::string name = g.ConsumerGroupName;
      sub.groups.emplace(std::move(name), std::move(g));
    }
    if (auto s = read_offsets_at(api, id, options.now_ms, sub.partitions_now); !s) return fail(s.error());
    for (int64_t t : n.times) {
      if (auto s = read_offsets_at(api, id, t, sub.offset_at_time[t]); !s) return fail(s.error());
    }
  }
  return live;
}

}  // namespace offsetctl::planner
