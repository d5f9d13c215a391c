#pragma once
// When and how long to wait before sending a failed request again:
// exponential backoff with full jitter (a random wait between 0 and
// min(max_delay, base * 2^(attempt-1))), bounded in attempts and total time.

#include <cstdint>
#include <mutex>
#include <random>
#include <string_view>
#include <vector>

#include "api/failure.h"

namespace offsetctl::api {

struct RetryPolicy {
  int max_attempts = 5;           // sends in all, the first included; 1: never retry
  int64_t max_total_ms = 120000;  // no new attempt starts after this much time since the first
  int64_t base_delay_ms = 200;
  int64_t max_delay_ms = 10000;
};

// Waiting, behind an interface so that tests do not wait for real.
class Sleeper {
 public:
  virtual ~Sleeper() = default;
  virtual void sleep_ms(int64_t ms) = 0;
  virtual int64_t monotonic_ms() const = 0;  // for elapsed time only; never the wall clock
};

class RealSleeper final : public Sleeper {
 public:
  void sleep_ms(int64_t ms) override;
  int64_t monotonic_ms() const override;
};

// A sleeper whose time moves only when someone sleeps: sleeps return at once. Thread-safe.
class FakeSleeper final : public Sleeper {
 public:
  void sleep_ms(int64_t ms) override;
  int64_t monotonic_ms() const override;
  std::vector<int64_t> sleeps() const;  // every sleep so far, in order

 private:
  mutable std::mutex mu_;
  int64_t now_ = 0;
  std::vector<int64_t> sleeps_;
};

// Retryable: RequestLimitExceeded(.*), InternalError(.*), ResourceUnavailable, HTTP 5xx and 429,
// timeouts, resets and failed connections. Never AuthFailure.*, InvalidParameter*,
// UnauthorizedOperation or any other client error, and never a bad answer.
// A request that is not idempotent (a relative offset shift) is retried only when it
// certainly did not take effect: rate limited, or never sent (connection failed).
bool is_retryable(const ApiFailure& failure, bool idempotent);

// The upper bound of the wait after attempt `attempt` (1-based) failed.
int64_t backoff_cap_ms(const RetryPolicy& policy, int attempt);

// Draws the jittered waits; thread-safe. Seed 0: seeded from std::random_device.
class Jitter {
 public:
  explicit Jitter(uint64_t seed = 0);
  int64_t draw(int64_t cap_ms);  // uniform in [0, cap_ms]

 private:
  std::mutex mu_;
  std::mt19937_64 rng_;
};

}  // namespace offsetctl::api
