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
  bool every_partition = false;  // -v: a row for each partition changed, not only for each that went wrong
};

// A line per group counting what happened to its partitions, with a table of
// the partitions that failed, were not verified or were skipped; then the
// summary line. With every_partition, the table of each group that had
// something to do has a row per partition changed too, and the unchanged ones
// are counted on a line of their own. (An apply of 64,000 partitions is 1,000
// lines, not 64,000: the JSON and the audit log have them all.)
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
