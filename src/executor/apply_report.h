#pragma once
// The apply report: per group and topic, what was changed and verified, what
// failed (error code, message, RequestId) and what needed nothing, like the
// succ / failed lists of the legacy SetGroupOffsets answer; then one summary
// line. Text for people, JSON for pipelines (docs/apply.md).

#include <string>

#include "executor/apply_result.h"

namespace offsetctl::executor {

struct ApplyTextOptions {
  bool color = false;
};

// One table per group that had something to do: a row per partition changed,
// failed or skipped, then a line counting the unchanged ones; then the summary line.
std::string render_apply_text(const ApplyResult& result, const ApplyTextOptions& options = {});

// "Apply: 12 changed and verified, 0 failed, 3 unchanged."
// "Dry run: 12 would change, 0 failed, 3 unchanged."
std::string apply_summary_line(const ApplyResult& result);

// Why nothing was changed, for the error message of a refused apply:
// "the plan is stale: run offsetctl plan again (nothing was changed)\n  <drift>\n  ...".
// Empty when the apply was not refused.
std::string describe_refusal(const ApplyResult& result);

// The whole result as one JSON object (docs/apply.md describes it).
std::string render_apply_json(const ApplyResult& result);

}  // namespace offsetctl::executor
