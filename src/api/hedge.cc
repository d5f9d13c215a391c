#include "api/hedge.h"

#include <algorithm>
#include <cmath>

namespace offsetctl::api {

Hedger::Hedger(HedgePolicy policy) : policy_(policy) {
  latencies_.reserve(std::max<size_t>(1, policy_.window));
}

void Hedger::record_answer(int64_t latency_ms) {
  std::lock_guard lock(mu_);
  const size_t window = std::max<size_t>(1, policy_.window);
  if (latencies_.size() < window) {
    latencies_.push_back(latency_ms);
  } else {
    latencies_[next_] = latency_ms;
    next_ = (next_ + 1) % window;
  }
}

void Hedger::record_read() {
  std::lock_guard lock(mu_);
  ++reads_;
}

int64_t Hedger::delay_ms() const {
  std::vector<int64_t> seen;
  {
    std::lock_guard lock(mu_);
    if (latencies_.size() < std::max<size_t>(1, policy_.min_samples)) return policy_.initial_delay_ms;
    seen = latencies_;
  }
  // The 95th percentile, nearest rank.
  const size_t rank = static_cast<size_t>(std::ceil(0.95 * static_cast<double>(seen.size()))) - 1;
  std::nth_element(seen.begin(), seen.begin() + static_cast<std::ptrdiff_t>(rank), seen.end());
  const auto delay = static_cast<int64_t>(std::ceil(policy_.factor * static_cast<double>(seen[rank])));
  return std::max(policy_.min_delay_ms, delay);
}

bool Hedger::try_spend() {
  std::lock_guard lock(mu_);
  if (static_cast<double>(hedges_) >= 1.0 + policy_.budget * static_cast<double>(reads_)) return false;
  ++hedges_;
  return true;
}

}  // namespace offsetctl::api
