#include "emulator/latency.h"

#include <string>

namespace offsetctl::emulator {

// A stream of its own: the fault injector draws from mt19937_64(seed).
LatencyModel::LatencyModel(int mean_ms, int jitter_ms, uint64_t seed)
    : mean_ms_(mean_ms), jitter_ms_(jitter_ms), rng_(seed ^ 0x9e3779b97f4a7c15ull) {}

Status<> LatencyModel::check(int mean_ms, int jitter_ms) {
  if (mean_ms < 0) return fail("the latency must be 0 ms or more, not " + std::to_string(mean_ms));
  if (jitter_ms < 0) return fail("the latency jitter must be 0 ms or more, not " + std::to_string(jitter_ms));
  if (jitter_ms > mean_ms) {
    return fail("the latency jitter (" + std::to_string(jitter_ms) + " ms) must not exceed the latency (" +
                std::to_string(mean_ms) + " ms): an answer cannot come back before its request");
  }
  return Ok{};
}

int64_t LatencyModel::next_us() {
  if (!active()) return 0;
  std::lock_guard<std::mutex> lock(mu_);
  // 53 random bits as a double in [0, 1): the same on every platform, unlike the std distributions.
  double u = static_cast<double>(rng_() >> 11) * 0x1.0p-53;
  double ms = mean_ms_ + (2 * u - 1) * jitter_ms_;
  return static_cast<int64_t>(ms * 1000);
}

}  // namespace offsetctl::emulator
