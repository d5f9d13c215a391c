#pragma once
// Hedged reads. A read whose answer is later than reads have lately taken is sent once
// more, and the first answer wins; the other request is cancelled. A stalled answer (a
// lost packet, a busy front end, a connection that hangs) then costs about twice the
// usual latency instead of the retry after a 30-second timeout, which at the end of a
// plan is most of its time. Only reads: sending one twice changes nothing.
// "The Tail at Scale" (Dean and Barroso, 2013) describes the technique.

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace offsetctl::api {

struct HedgePolicy {
  bool enabled = true;
  int64_t initial_delay_ms = 1000;  // until enough answers were seen to know what is usual
  size_t min_samples = 10;
  size_t window = 100;         // the latest answers the usual latency is taken from
  double factor = 2.0;         // hedge after factor x their 95th percentile ...
  int64_t min_delay_ms = 250;  // ... but never sooner: a busy machine's hiccup is not a stall
  // Hedges are at most this share of the reads (and one more), so that a service that
  // is slow for everyone is not sent twice the reads.
  double budget = 0.05;
};

// What a caller has seen of its answers' latencies, and the hedging it allows. Thread-safe.
class Hedger {
 public:
  explicit Hedger(HedgePolicy policy);

  const HedgePolicy& policy() const { return policy_; }
  void record_answer(int64_t latency_ms);  // a read answered in this time
  void record_read();                      // a read sent (not its hedge)
  int64_t delay_ms() const;                // how long to wait for an answer before hedging
  bool try_spend();                        // one hedge within the budget, taken; false: none left

 private:
  HedgePolicy policy_;
  mutable std::mutex mu_;
  std::vector<int64_t> latencies_;  // a ring of the latest `window`
  size_t next_ = 0;
  size_t reads_ = 0;
  size_t hedges_ = 0;
};

}  // namespace offsetctl::api
