#pragma once
// The rules that turn one spec into one partition's target and action: the
// target from the spec and the live numbers, then the policy (outOfRange,
// maxRewind, maxSkip), then the group's state. Kept apart from the walk over
// partitions so each rule is read (and tested) in one place.

#include <cstdint>
#include <optional>
#include <string>

#include "plan/model.h"
#include "planner/plan_result.h"

namespace offsetctl::planner {

enum class TargetKind { Offset, Earliest, Latest, Current, Shift, Time, FromGroup };

// A spec prepared once per entry.
struct Rule {
  TargetKind kind = TargetKind::Offset;
  int64_t value = 0;                       // `offset`, or the `shift`
  std::optional<int64_t> time_ms;          // datetime / duration: the instant
  std::optional<int64_t> apply_timestamp;  // resolveAt: apply (-2 earliest, -1 latest, else ms)
  std::string spec_text;
  std::string source;  // fromGroup: "group 'billing'" or "group 'billing' on instance ckafka-2"
  bool cross_instance = false;
  plan::Policy policy;
};

// What is known of one partition.
struct PartitionFacts {
  std::optional<int64_t> current;          // committed offset
  std::optional<int64_t> begin;            // earliest offset, when it was read
  int64_t end = 0;                         // log end offset
  std::optional<int64_t> explicit_offset;  // `offsets`: this partition's
  bool time_read = false;                  // offset_at_time holds the lookup
  std::optional<int64_t> offset_at_time;   // its answer (nullopt: no message at or after)
  std::optional<int64_t> source_offset;    // fromGroup: the source group's committed offset
};

Rule make_rule(const plan::Spec& spec, const plan::Policy& policy, int64_t now_ms);

// Sets c.target, c.action and c.reason. `blocked` is the group's blocked
// reason, empty when the group may be reset.
void apply_rule(const Rule& rule, const PartitionFacts& facts, const std::string& blocked,
                PartitionChange& c);

}  // namespace offsetctl::planner
