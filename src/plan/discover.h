#pragma once
// The plan files named by command-line paths: files as given, directories
// searched recursively for *.yaml and *.yml (hidden files and folders
// skipped, symlinked folders not followed), each folder's files sorted so
// that every run reads them in the same order.

#include <string>
#include <vector>

#include "plan/diagnostic.h"

namespace offsetctl::plan {

struct Discovered {
  std::vector<std::string> files;   // in order, each once
  std::vector<Diagnostic> errors;   // paths that do not exist, folders without plan files
};

Discovered discover_plan_files(const std::vector<std::string>& paths);

}  // namespace offsetctl::plan
