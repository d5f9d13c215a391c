#pragma once
// The diagnostics of a load for machines: GitHub Actions annotations on the
// plan file's line, and one JSON document (schemas/diagnostics.schema.json).
// The text form is load_report.h's.

#include <cstddef>
#include <string>
#include <vector>

#include "plan/diagnostic.h"
#include "plan/load.h"

namespace offsetctl::plan {

// Raised by a change that could break a reader (as the report's format_version).
inline constexpr int kDiagnosticsFormatVersion = 1;

struct GithubOptions {
  std::string workspace;     // GITHUB_WORKSPACE: file paths are made relative to it
  size_t max_per_level = 10;  // GitHub shows 10 error and 10 warning annotations per step
  std::string rerun;         // the command that shows every diagnostic, named when some are left out
};

// One "::error file=F,line=L,col=C,title=offsetctl::message" line per diagnostic
// (::warning for warnings). The most important first: errors before warnings,
// and within each, the first of every file before the second of any, so that
// every broken file gets its annotation. When a level has more than
// max_per_level, its last annotation says how many more there are.
std::string diagnostics_github(const std::vector<Diagnostic>& diagnostics, const GithubOptions& options);

// {"format_version", "kind": "diagnostics", "valid", "files", "plans", "errors", "warnings", "diagnostics": [{"file", "line", "col",
// "severity", "message", "hint"}], "summary"}, pretty-printed, ending in '\n'.
std::string diagnostics_json(const LoadResult& r);

}  // namespace offsetctl::plan
