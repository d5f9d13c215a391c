#include "api/rate_limiter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "util/did_you_mean.h"

namespace offsetctl::api {
namespace {

std::string format_rate(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", r);
  return buf;
}

}  // namespace

const std::vector<std::string>& known_actions() {
  static const std::vector<std::string> actions = {
      "BatchModifyGroupOffsets", "DescribeConsumerGroup",   "DescribeGroupInfo",
      "DescribeGroupOffsets",    "DescribeTopicSyncReplica", "FetchMessageListByTimestamp",
      "ModifyGroupOffsets",      "DescribeConsumerGroups",  "DescribeOffsetByTime",
      "ResetConsumerGroupOffset", "DescribeGroup",
  };
  return actions;
}

RateLimits RateLimits::published() {
  RateLimits l;
  l.per_action = {
      {"DescribeGroupOffsets", 100},
      {"DescribeGroup", 100},
      {"ModifyGroupOffsets", 100},
      {"BatchModifyGroupOffsets", 20},
      {"ResetConsumerGroupOffset", 20},
  };
  return l;
}

double RateLimits::limit_for(std::string_view action) const {
  auto it = per_action.find(action);
  return it == per_action.end() ? default_per_second : it->second;
}

Status<> RateLimits::lower(std::string_view action, double per_second) {
  const auto& known = known_actions();
  if (std::find(known.begin(), known.end(), action) == known.end()) {
    std::string msg = "--rate-limit: unknown action '" + std::string(action) + "'";
    if (auto m = util::closest_match(action, known)) msg += "; did you mean '" + *m + "'?";
    return fail(msg + " (the actions are: BatchModifyGroupOffsets, DescribeGroupOffsets, ...; see docs/api-client.md)");
  }
  if (!(per_second > 0) || !std::isfinite(per_second)) {
    return fail("--rate-limit " + std::string(action) + "=" + format_rate(per_second) +
                ": the limit must be a positive number of requests per second");
  }
  double current = limit_for(action);
  if (per_second > current) {
    return fail("--rate-limit " + std::string(action) + "=" + format_rate(per_second) + " is above the limit of " +
                format_rate(current) + "/s; the flag can only lower limits");
  }
  per_action[std::string(action)] = per_second;
  return Ok{};
}

RateLimiter::RateLimiter(RateLimits limits, Sleeper& sleeper) : limits_(std::move(limits)), sleeper_(sleeper) {}

RateLimiter::Bucket& RateLimiter::bucket(std::string_view action) {
  auto it = buckets_.find(action);
  if (it == buckets_.end()) {
    Bucket b;
    b.interval_ms = 1000.0 / (limits_.limit_for(action) * std::clamp(limits_.pacing, 0.5, 1.0));
    it = buckets_.emplace(std::string(action), b).first;
  }
  return it->second;
}

void RateLimiter::acquire(std::string_view action) {
  if (!limits_.enabled) return;
  double wait_ms = 0;
  {
    std::lock_guard lock(mu_);
    Bucket& b = bucket(action);
    const double now = static_cast<double>(sleeper_.monotonic_ms());
    const double slot = std::max(now, b.next_ms);
    b.next_ms = slot + b.interval_ms;
    wait_ms = slot - now;
  }
  if (wait_ms > 0) sleeper_.sleep_ms(static_cast<int64_t>(std::ceil(wait_ms)));
}

bool RateLimiter::try_acquire(std::string_view action) {
  if (!limits_.enabled) return true;
  std::lock_guard lock(mu_);
  Bucket& b = bucket(action);
  const double now = static_cast<double>(sleeper_.monotonic_ms());
  if (b.next_ms > now) return false;
  b.next_ms = now + b.interval_ms;
  return true;
}

}  // namespace offsetctl::api
