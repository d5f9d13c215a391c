#pragma once
// --latency-ms / --latency-jitter-ms: every answer is held for a random time
// around a mean, as a far-away service answers. The draws are seeded (the same
// seed and the same order of arrival give the same times) and independent of
// the fault sequence, so turning latency on does not change which requests fail.

#include <cstdint>
#include <mutex>
#include <random>

#include "util/result.h"

namespace offsetctl::emulator {

class LatencyModel {
 public:
  // Uniform in [mean - jitter, mean + jitter] milliseconds; both 0: no latency.
  LatencyModel(int mean_ms, int jitter_ms, uint64_t seed);
  static Status<> check(int mean_ms, int jitter_ms);  // what the constructor expects, as a message

  bool active() const { return mean_ms_ > 0 || jitter_ms_ > 0; }
  // How long to hold the next answer, in microseconds (0 when not active).
  int64_t next_us();

 private:
  std::mutex mu_;
  int mean_ms_;
  int jitter_ms_;
  std::mt19937_64 rng_;
};

}  // namespace offsetctl::emulator
