#pragma once
// The three renderings of a plan: text for a terminal, Markdown for a
// pull-request comment, JSON (schemas/report.schema.json) for pipelines.
// All three show the same result; none of them talks to anything.

#include <cstddef>
#include <string>

#include "planner/plan_result.h"

namespace offsetctl::report {

struct TextOptions {
  bool color = false;  // ANSI colours; the CLI decides (terminal, --no-color, NO_COLOR)
};

// Per group a header and an aligned table (TOPIC, PARTITION, CURRENT, TARGET,
// DELTA, LAG AFTER, ACTION, NOTE), then one line
// "Plan: N to change, M unchanged, B blocked, I invalid."
std::string render_text(const planner::PlanResult& result, const TextOptions& options);

// Forges refuse comments past 65,536 characters; the Markdown stays under this.
inline constexpr size_t kMarkdownLimit = 65000;

// A pull-request comment: the summary line, a warning block listing whatever
// is blocked or invalid, then one collapsible <details> table per group, cut
// at a group boundary (with a line saying what was left out) to stay within
// `limit` bytes.
std::string render_markdown(const planner::PlanResult& result);
std::string render_markdown(const planner::PlanResult& result, size_t limit);

// The version of the JSON report's layout, "format_version" in it.
inline constexpr int kReportFormatVersion = 1;

// The JSON report: one entry per partition in "changes", noops included.
std::string render_json(const planner::PlanResult& result);

}  // namespace offsetctl::report
