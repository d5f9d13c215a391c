#pragma once
// Loading plan files into the typed model, with every problem reported as a
// Diagnostic at its file, line and column. Nothing here touches the network.

#include <string>
#include <string_view>
#include <vector>

#include "plan/diagnostic.h"
#include "plan/model.h"

namespace offsetctl::plan {

struct LoadResult {
  PlanSet plans;                    // the files that loaded without errors
  std::vector<Diagnostic> errors;   // every error, by file (in the order read), line and column
  size_t files_read = 0;            // plan files examined (read, or tried to)
  std::vector<std::string> files;   // those files, in order

  bool ok() const { return errors.empty(); }
  size_t plan_count() const;        // plans in `plans`
  size_t files_with_errors() const; // distinct files (and paths) the errors name
};

// Files and directories (searched recursively for *.yaml and *.yml).
LoadResult load_plans(const std::vector<std::string>& paths);

// One file's bytes, as if read from `path` (tests, fuzzing).
LoadResult load_plan_text(std::string_view text, const std::string& path);

}  // namespace offsetctl::plan
