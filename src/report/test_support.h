#pragma once
// What the report tests share: a hand-built plan result with every case the
// renderings must show, large synthetic results, golden files and schema checks.

#include <cstddef>
#include <string>

#include "planner/plan_result.h"

namespace offsetctl::report::test {

// 2026-11-23T12:00:00Z
inline constexpr int64_t kPlannedAt = 1795435200000;

// Every action, nothing-committed partitions, clamped targets, targets resolved
// at apply time, a blocked group with members, invalid reasons, and names that
// need escaping. The summary is counted from the changes.
planner::PlanResult sample_result();

// groups x topics x partitions, mostly changes with some of every other action.
planner::PlanResult large_result(size_t groups, size_t topics, size_t partitions);

// Counts the actions of result.changes into result.summary.
void recount(planner::PlanResult& result);

// Compares `actual` with src/report/testdata/<name>; OFFSETCTL_UPDATE_GOLDEN=1
// rewrites the file instead.
void expect_golden(const std::string& name, const std::string& actual);

// Validates `json` against schemas/<schema>: "" when valid, else every error.
std::string schema_errors(const std::string& schema, const std::string& json);

}  // namespace offsetctl::report::test
