#pragma once
// Splitting a Markdown report into pull-request comments that each fit a
// forge's size limit (GitHub refuses bodies over 65,536 characters). Cuts fall
// between groups and between table rows, never inside a row: a <details> left
// open is closed at the end of a part and reopened (open, "(continued)") at the
// start of the next, with its table header repeated. Every part starts with a
// hidden marker, `<!-- offsetctl KIND ID part i/n -->`, so that a pipeline can
// find and update its own comments instead of adding new ones.
//
// Works on any Markdown laid out as offsetctl's reports are: <details> and
// </details> on lines of their own, GFM tables with a header and a delimiter
// row, blank lines between blocks.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace offsetctl::report {

struct CommentSplit {
  size_t limit = 65000;       // bytes per part, marker and part lines included
  std::string kind = "plan";  // the marker's KIND
  std::string id;             // the marker's ID: a plan name or a hash (see comment_marker_id)
};

// "<!-- offsetctl plan replay-orders part 2/3 -->"
std::string comment_marker(const CommentSplit& split, size_t part, size_t parts);

// The parts, in order: one part (marker included) when it all fits. Parts 1
// to n-1 end with "continued in the next comment", parts 2 to n start with
// "part i of n"; a line longer than a whole part is clipped (with "…").
std::vector<std::string> split_comment(std::string_view markdown, const CommentSplit& split);

// What a part carries besides the report's own lines: the most a marker, a
// part line, closing tags and the "continued" line take.
size_t comment_split_overhead(const CommentSplit& split);

}  // namespace offsetctl::report
