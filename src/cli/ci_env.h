#pragma once
// What a CI runner tells offsetctl through its environment (GitHub Actions'
// names; other CIs can set the same ones): where the repository is checked
// out, and where the job summary goes. Read here, at the edge, so the library
// takes them as plain options.

#include <optional>
#include <string>
#include <vector>

#include "plan/diagnostic_formats.h"

namespace offsetctl::cli {

// Annotation options: paths relative to GITHUB_WORKSPACE, and `command PATH...`
// as the command that shows every diagnostic.
plan::GithubOptions github_options(const std::string& command, const std::vector<std::string>& paths);

// The job summary file: `flag` when given, else GITHUB_STEP_SUMMARY when set and not empty.
std::optional<std::string> step_summary_path(const std::string& flag);

}  // namespace offsetctl::cli
