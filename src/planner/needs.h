#pragma once
// What the plans need to know about the cluster, so the fetcher reads that
// and nothing more: per instance the groups and their topics, the topics whose
// earliest offsets matter, and the instants that time specs point at.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plan/model.h"
#include "planner/planner.h"

namespace offsetctl::planner {

// The first offset at or after `ms` on some partitions of a topic. The
// partitions are known only once the group offsets are read when the entry
// selects every partition (nullopt).
struct TimeLookup {
  std::string topic;
  int64_t ms = 0;
  std::optional<std::vector<int32_t>> partitions;  // sorted, distinct; nullopt: every partition
};

struct GroupNeeds {
  std::string group;
  std::vector<std::string> topics;  // sorted, distinct
};

struct InstanceNeeds {
  std::string region;  // as the plans say; "": the default region
  std::string instance;
  std::vector<GroupNeeds> groups;         // sorted by name
  std::vector<std::string> begin_topics;  // topics whose earliest offsets a spec or policy needs; sorted
  std::vector<TimeLookup> time_lookups;   // sorted by topic and instant, one per (topic, instant)
};

struct LiveNeeds {
  std::vector<InstanceNeeds> instances;  // sorted by region, instance
};

// The needs of every OffsetPlan of the set. options.now_ms turns durations
// into instants and must be the one make_plan gets.
LiveNeeds needs_of(const plan::PlanSet& plans, const PlanOptions& options);

// Whether resolving or checking a spec needs the partition's earliest offset:
// `to: earliest`, `shift` (clamping), and explicit offsets (the outOfRange check).
bool spec_needs_begin(const plan::Spec& spec);

}  // namespace offsetctl::planner
