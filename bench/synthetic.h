#pragma once
// Synthetic plans, live states and plan results for the micro-benchmarks,
// shaped like bench/e2e's cluster: `groups` groups on one instance, each with
// the same `topics` topics of `partitions` partitions, explicit offsets per
// topic, every topic of a group moving to its own offset set.

#include <cstddef>
#include <cstdint>
#include <string>

#include "plan/model.h"
#include "planner/live_state.h"
#include "planner/plan_result.h"

namespace offsetctl::bench {

inline constexpr const char* kInstance = "ckafka-bench";
inline constexpr const char* kRegion = "ap-guangzhou";
inline constexpr int64_t kLogEnd = 1'000'000;             // log end offset of every partition
inline constexpr int64_t kPlanNowMs = 1'795'000'000'000;  // plan time of every benchmark

struct Shape {
  size_t groups = 10;
  size_t topics = 10;
  size_t partitions = 100;
  double change_share = 1.0;  // share of partitions whose target differs from the committed offset
  // A review as it often looks: a few blocked groups (members still attached)
  // and a few invalid partitions (targets past the log end), each with a reason.
  bool mixed = false;

  size_t total() const { return groups * topics * partitions; }
};

// The committed offset and the target of one partition (the formulas bench/e2e uses).
int64_t committed_offset(size_t g, size_t t, size_t p);
int64_t target_offset(const Shape& s, size_t g, size_t t, size_t p);

std::string group_name(size_t g);
std::string topic_name(size_t t);

// One plan file's text holding groups [first, first + count) of the shape.
std::string plan_yaml(const Shape& s, size_t first, size_t count, const std::string& plan_name);

// The same plans as the loader would build them, spread over `files` files.
plan::PlanSet plan_set(const Shape& s, size_t files);

// The cluster the plans run against: every topic with begin 0 and end kLogEnd,
// every group Empty (or, when mixed, every 25th group Stable with two members).
planner::LiveState live_state(const Shape& s);

// make_plan of the two above: what the report and saved-plan benchmarks render.
planner::PlanResult plan_result(const Shape& s);

}  // namespace offsetctl::bench
