#pragma once
// Client-side rate limits, one per action, so that a large plan runs at the
// service's published limits instead of into RequestLimitExceeded. Each
// action's requests are spaced evenly at 1/rate (a token bucket holding one
// token, so idle time is not saved up for a burst): a per-second window on
// the server never sees more than the rate.

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "api/retry.h"
#include "util/result.h"

namespace offsetctl::api {

struct RateLimits {
  bool enabled = true;
  // Requests go out at this share of each limit: thread scheduling and the network move a
  // request by some milliseconds, and at exactly the limit that is enough to put one request
  // too many into one of the server's one-second windows (a refusal, a retry, a wasted call).
  // At 0.97 a request may arrive up to 30 ms late before that can happen.
  double pacing = 0.97;
  double default_per_second = 20;              // actions without a published limit of their own
  std::map<std::string, double, std::less<>> per_action;  // requests per second

  // The published limits: DescribeGroupOffsets and ModifyGroupOffsets 100/s,
  // BatchModifyGroupOffsets 20/s, ResetConsumerGroupOffset 20/s, others 20/s.
  static RateLimits published();
  double limit_for(std::string_view action) const;
  // Lowers one action's limit ("--rate-limit ACTION=N"); never raises it above the published one.
  Status<> lower(std::string_view action, double per_second);
};

// The actions this client calls, CKafka's and DTS's.
const std::vector<std::string>& known_actions();

class RateLimiter {
 public:
  RateLimiter(RateLimits limits, Sleeper& sleeper);
  // Waits until the action may send one request. Thread-safe; waits outside the lock.
  void acquire(std::string_view action);
  // Takes the action's next slot if it is free now; false (and nothing taken) when it is not.
  bool try_acquire(std::string_view action);

 private:
  struct Bucket {
    double interval_ms = 0;
    double next_ms = 0;  // monotonic time of the next free slot
  };
  RateLimits limits_;
  Sleeper& sleeper_;
  Bucket& bucket(std::string_view action);  // under mu_
  std::mutex mu_;
  std::map<std::string, Bucket, std::less<>> buckets_;
};

}  // namespace offsetctl::api
