#pragma once
// make_plan: plans + live state in, one resolved change per partition out.
// Pure: the same plans, live state and options give the same result, with no
// I/O, so it is tested by hand-built states and benchmarked in memory.

#include <cstdint>
#include <string>

#include "plan/model.h"
#include "planner/live_state.h"
#include "planner/plan_result.h"

namespace offsetctl::planner {

struct PlanOptions {
  int64_t now_ms = 0;          // plan time: `duration` specs count back from it
  std::string default_region;  // shown for plans that name no region
};

// Resolves every OffsetPlan entry of `plans` to one absolute target per
// partition and classifies it (change, noop, blocked, invalid; see
// docs/planning.md). Sorted by instance, group, topic, partition.
// DtsOffsetPlan entries are not resolved here (they have a resolver of their own).
PlanResult make_plan(const plan::PlanSet& plans, const LiveState& live, const PlanOptions& options);

// The moment a time spec points at: a datetime's own instant, or plan time
// minus a duration. nullopt for specs that are not about time.
std::optional<int64_t> spec_time_ms(const plan::Spec& spec, int64_t now_ms);

// The spec as the reader wrote it, for reports: "to: earliest", "shift: -100",
// "datetime: 2026-11-20T00:00:00+08:00 (resolved at apply)".
std::string describe_spec(const plan::Spec& spec);

}  // namespace offsetctl::planner
