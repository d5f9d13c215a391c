#pragma once
// The three renderings of a plan: text for a terminal, Markdown for a
// pull-request comment, JSON (schemas/report.schema.json) for pipelines.
// All three show the same result; none of them talks to anything.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "planner/plan_result.h"

namespace offsetctl::report {

// What a report says beyond the result: the saved plan that `apply` takes,
// when `plan --out` wrote one.
struct SavedPlanRef {
  std::string path;      // as given to --out
  std::string checksum;  // "sha256:…", the saved plan's own
  size_t left_out = 0;   // rows --allow-partial left out: the report's blocked and invalid ones
};

// ", without the 3 blocked or invalid partitions above", or "" when nothing was left out.
std::string left_out_text(const SavedPlanRef& saved);
struct ReportContext {
  std::optional<SavedPlanRef> saved;
};

// "offsetctl apply PATH", PATH quoted for a POSIX shell when it needs it.
std::string apply_command(const SavedPlanRef& saved);

struct TextOptions {
  bool color = false;  // ANSI colours; the CLI decides (terminal, --no-color, NO_COLOR)
  ReportContext context;
};

// The plans (name, file:line, description) and when the live state was read;
// per group a header and an aligned table (TOPIC, PARTITION, CURRENT, TARGET,
// DELTA, LAG AFTER, ACTION, ASKED, NOTE), then one line
// "Plan: N to change (replays R messages, skips S), M unchanged, B blocked, I invalid."
// and, for a saved plan, the command that applies it.
std::string render_text(const planner::PlanResult& result, const TextOptions& options);

// Forges refuse comments past 65,536 characters; the Markdown stays under this.
inline constexpr size_t kMarkdownLimit = 65000;

// Groups are open in the comment when it has at most this many rows (as
// Atlantis does); otherwise only those that skip, block or fail are.
inline constexpr size_t kOpenAllRows = 12;

struct MarkdownOptions {
  size_t limit = kMarkdownLimit;
  ReportContext context;
};

// A pull-request comment: a hidden marker (see comment_split.h), the summary
// line, a caution block listing every group and topic that skips messages, a
// warning block listing whatever is blocked or invalid, the context (plans,
// when the state was read, the apply command), then one <details> table per
// group. Cut at a group boundary (with a line saying what was left out and
// how to get all of it) to stay within `limit` bytes.
std::string render_markdown(const planner::PlanResult& result);
std::string render_markdown(const planner::PlanResult& result, size_t limit);
std::string render_markdown(const planner::PlanResult& result, const MarkdownOptions& options);

// The same comment never cut: split into parts each within `limit` bytes, at
// group and row boundaries, each starting with its marker (part i/n).
std::vector<std::string> render_markdown_parts(const planner::PlanResult& result, const MarkdownOptions& options);

// The marker's ID: the plan's name when one plan made the result, else a
// short hash of the plans' names (stable while the same plans are planned).
std::string comment_marker_id(const planner::PlanResult& result);

// The version of the JSON report's layout: "format_version" (a reader of 1
// reads any 1.x) and "format_minor" (raised when fields are added).
inline constexpr int kReportFormatVersion = 1;
inline constexpr int kReportFormatMinor = 1;

// The JSON report: one entry per partition in "changes", noops included.
std::string render_json(const planner::PlanResult& result, const ReportContext& context = {});

}  // namespace offsetctl::report
