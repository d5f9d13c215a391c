#include "emulator/state.h"

#include <algorithm>
#include <limits>

namespace offsetctl::emulator {
namespace {

constexpr int64_t kMaxI64 = std::numeric_limits<int64_t>::max();

template <class Vec, class Pred>
auto find_in(Vec& items, Pred pred) -> decltype(&items[0]) {
  auto it = std::find_if(items.begin(), items.end(), pred);
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

bool is_group_state(std::string_view state) {
  return std::find(std::begin(kGroupStates), std::end(kGroupStates), state) != std::end(kGroupStates);
}

bool accepts_offset_change(std::string_view state) { return state == "Empty" || state == "Dead"; }

const Credential* State::find_credential(std::string_view secret_id) const {
  return find_in(credentials, [&](const Credential& c) { return c.secret_id == secret_id; });
}

Instance* State::find_instance(std::string_view id, std::string_view region) {
  return find_in(instances, [&](const Instance& i) { return i.id == id && i.region == region; });
}

const Instance* State::find_instance(std::string_view id, std::string_view region) const {
  return find_in(instances, [&](const Instance& i) { return i.id == id && i.region == region; });
}

Subscription* State::find_subscription(std::string_view id, std::string_view region) {
  return find_in(subscriptions, [&](const Subscription& s) { return s.id == id && s.region == region; });
}

const Subscription* State::find_subscription(std::string_view id, std::string_view region) const {
  return find_in(subscriptions, [&](const Subscription& s) { return s.id == id && s.region == region; });
}

int64_t timestamp_at(const PartitionLog& log, int64_t offset) {
  int64_t steps = offset - log.begin;
  int64_t delta = 0;
  int64_t ts = 0;
  if (__builtin_mul_overflow(steps, log.interval_ms, &delta) ||
      __builtin_add_overflow(log.first_timestamp_ms, delta, &ts)) {
    return steps < 0 ? 0 : kMaxI64;
  }
  return ts;
}

int64_t first_offset_at_or_after(const PartitionLog& log, int64_t ts_ms) {
  if (log.begin >= log.end) return log.end;
  if (ts_ms <= log.first_timestamp_ms) return log.begin;
  if (log.interval_ms <= 0) return log.end;  // every message shares the first timestamp
  // ceil((ts - first) / interval) steps after begin; ts > first here, so no overflow.
  int64_t diff = ts_ms - log.first_timestamp_ms;
  int64_t steps = diff / log.interval_ms + (diff % log.interval_ms != 0);
  if (steps >= log.end - log.begin) return log.end;
  return log.begin + steps;
}

int64_t last_offset_at_or_before(const PartitionLog& log, int64_t ts_ms) {
  if (log.begin >= log.end) return log.end;
  if (ts_ms < log.first_timestamp_ms) return log.begin;
  if (log.interval_ms <= 0) return log.end - 1;
  int64_t steps = (ts_ms - log.first_timestamp_ms) / log.interval_ms;
  if (steps >= log.end - log.begin) return log.end - 1;
  return log.begin + steps;
}

}  // namespace offsetctl::emulator
