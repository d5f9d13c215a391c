#pragma once
// The drift check: has anything the plan relied on changed since it was made?
// A saved plan is applied only when every partition it changes still has the
// committed offset the plan observed (or already has its target: a rerun of a
// partly applied plan), every group it touches is still Empty or Dead, and
// the plan files it was made from are unchanged.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "executor/apply_result.h"
#include "executor/live_offsets.h"
#include "planner/plan_result.h"
#include "report/saved_plan.h"

namespace offsetctl::executor {

// Why apply refuses a plan the cluster or its files drifted from.
inline constexpr const char* kStalePlan = "the plan is stale: run offsetctl plan again";

// "group/topic[partition]", as drift and refusals name a partition.
std::string partition_name(const planner::PartitionChange& c);

// A committed offset as drift messages show it: the number, or "nothing committed".
std::string offset_text(const std::optional<int64_t>& o);

struct DriftCheck {
  std::vector<Drift> drift;      // non-empty: change nothing
  std::vector<size_t> at_target;  // changes whose partition already has its target: noops now
};

// Pure: compares the Change entries of `changes` with what was read again.
// A partition is acceptable when its committed offset is the one the plan
// observed (it will be changed) or its target (already done, a noop).
DriftCheck check_drift(const std::vector<planner::PartitionChange>& changes, const LiveOffsets& live);

// The plan files that changed since the plan was made: present with another
// sha256 ("plans/orders.yaml changed since the plan was made (sha256 ...)").
// Files no longer present are not checked (the plan may come from elsewhere).
std::vector<std::string> changed_plan_files(const std::vector<report::PlanFileHash>& files);

// Entries that make a saved plan unappliable as a whole: blocked or invalid
// partitions, a change without a target, one partition twice.
std::vector<std::string> unappliable_entries(const std::vector<planner::PartitionChange>& changes);

}  // namespace offsetctl::executor
