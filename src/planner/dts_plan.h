#pragma once
// Plans of kind DtsOffsetPlan (a DTS data subscription's consumer groups): the
// live state they need, read through api::DtsApi, and the pure resolver that
// turns them into the same PlanResult rows as CKafka plans, so the same
// reports, saved plans and exit codes apply. See docs/dts.md.
//
// A DTS row: instance = the subscribeId, group = the short group name, spec
// starts with "dts: " (is_dts_change), apply_timestamp says what apply sends
// (-2 earliest, -1 latest, else the datetime in ms): the service resolves the
// target when it resets, so the target shown is a preview.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "api/dts_api.h"
#include "plan/model.h"
#include "planner/plan_result.h"
#include "planner/planner.h"
#include "util/result.h"

namespace offsetctl::planner {

inline constexpr std::string_view kDtsSpecPrefix = "dts: ";
// The instant whose DescribeOffsetByTime answer previews `to: earliest` (and
// verifies it after apply): nothing is older, so it is the first offset in the log.
inline constexpr int64_t kDtsEarliestProbeMs = 0;
// Beijing time, the zone DTS datetimes are written in.
inline constexpr int kDtsUtcOffsetMinutes = 480;

struct DtsSubscriptionLive {
  std::string region;
  std::map<std::string, api::DtsGroupInfo> groups;  // by full name; absent: Dead
  // Every partition of the subscription's topic, as DescribeOffsetByTime lists them.
  std::map<int32_t, int64_t> partitions_now;
  // Datetime (epoch ms) -> partition -> the offset DescribeOffsetByTime gives.
  std::map<int64_t, std::map<int32_t, int64_t>> offset_at_time;
};

struct DtsLiveState {
  std::map<std::string, DtsSubscriptionLive> subscriptions;  // by subscribeId
};

// "consumer-grp-<subscribeId>-<group>"
std::string dts_full_group_name(std::string_view subscribe_id, std::string_view group);
// "2026-11-20 09:30:00": the instant in Beijing time, as DTS wants it (seconds, rounded down).
std::string dts_datetime(int64_t epoch_ms);
bool is_dts_change(const PartitionChange& c);

using DtsClientFactory = std::function<Result<std::shared_ptr<api::DtsApi>>(const std::string& region)>;

// Per subscription: DescribeConsumerGroups (every page), DescribeOffsetByTime
// at plan time (the partition list), once per distinct datetime, and at the
// epoch when an entry resets to earliest. Fails on
// the first failed call, naming the action and the subscription.
Result<DtsLiveState> fetch_dts_live_state(const plan::PlanSet& plans, const DtsClientFactory& clients,
                                          const PlanOptions& options);

// Pure: one row per partition of every DtsOffsetPlan entry, sorted like make_plan's.
PlanResult make_dts_plan(const plan::PlanSet& plans, const DtsLiveState& live, const PlanOptions& options);

// Appends `more` to `into`, keeps the order by instance, group, topic,
// partition and recounts the summary.
void merge_plan_results(PlanResult& into, PlanResult more);

}  // namespace offsetctl::planner
