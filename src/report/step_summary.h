#pragma once
// A Markdown report appended to a CI job summary (GitHub's GITHUB_STEP_SUMMARY
// takes at most 1 MiB per step). A report over the room left is cut between
// groups, never inside one, and says how many groups were left out and where
// to see them all.

#include <cstddef>
#include <string>
#include <string_view>

namespace offsetctl::report {

inline constexpr size_t kStepSummaryLimit = 1024 * 1024;  // bytes per step, GitHub's limit

// `markdown` when it fits in `room` bytes; else the groups (sections starting
// with a "<details" line) that fit, then a line naming how many were left out
// and `where` ("run offsetctl plan ... for all of them"). Empty when not even
// that line fits.
std::string fit_step_summary(std::string_view markdown, size_t room, std::string_view where);

// Appends `markdown`, fitted to what is left of the step's limit in `path`
// (the file may already hold other steps' output), followed by a blank line.
// An error names the path.
struct AppendResult {
  bool ok = true;
  std::string error;  // "could not write the job summary FILE: why"
  bool cut = false;   // groups were left out
};
AppendResult append_step_summary(const std::string& path, std::string_view markdown, std::string_view where,
                                 size_t limit = kStepSummaryLimit);

}  // namespace offsetctl::report
