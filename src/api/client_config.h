#pragma once
// Everything a client needs to talk to one service. cli/flags_api.h fills it
// from the command line, the environment and the profile file.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "api/credentials.h"
#include "api/hedge.h"
#include "api/rate_limiter.h"
#include "api/retry.h"
#include "util/clock.h"

namespace offsetctl::api {

// What the clients sharing it saw, for a progress line: attempts refused and
// sent again (rate limits, transient failures). Counted across threads.
struct CallStats {
  std::atomic<size_t> retried{0};        // attempts that failed and were sent again
  std::atomic<size_t> rate_limited{0};   // of those, refused with RequestLimitExceeded
  std::atomic<size_t> hedged{0};         // reads sent once more because their answer was late
};

struct ClientConfig {
  std::string endpoint;   // empty: https://<service>.tencentcloudapi.com
  std::string region;     // X-TC-Region, e.g. ap-guangzhou
  Credentials credentials;
  std::string ca_bundle;  // a PEM file of CA certificates; empty: the system's
  int connect_timeout_ms = 10000;
  int timeout_ms = 30000;  // per attempt, the whole exchange
  RetryPolicy retry;
  HedgePolicy hedge;       // late reads are sent once more (api/hedge.h)
  RateLimits limits = RateLimits::published();
  int max_in_flight = 16;  // requests on the wire at once, across all threads using the client
  const util::Clock* clock = nullptr;  // X-TC-Timestamp; null: the system clock
  Sleeper* sleeper = nullptr;          // backoff and rate-limit waits; null: real sleeping
  uint64_t jitter_seed = 0;            // 0: random
  std::shared_ptr<CallStats> stats;    // null: not counted
};

}  // namespace offsetctl::api
