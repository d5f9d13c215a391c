#pragma once
// Markdown for pull-request comments (GitHub, GitLab): escaping names so that
// a topic called `a|b` or `<script>` cannot break a table or inject HTML, and
// the tables themselves. Shared by the plan and apply reports.

#include <string>
#include <string_view>
#include <vector>

#include "report/table.h"

namespace offsetctl::report {

// Text for Markdown inline content and table cells: Markdown punctuation is
// backslash-escaped (including `|` and backticks), <, > and & become entities,
// and line breaks become spaces.
void append_markdown_escaped(std::string& out, std::string_view s);
std::string markdown_escape(std::string_view s);

// Text inside raw HTML (<summary>, where Markdown is not processed).
void append_html_escaped(std::string& out, std::string_view s);
std::string html_escape(std::string_view s);

// A GitHub-flavoured Markdown table. Cells are appended escaped unless the
// caller says they are Markdown already (for **bold** actions).
class MarkdownTable {
 public:
  MarkdownTable(std::string& out, const std::vector<Column>& columns);
  void begin_row();
  void cell(std::string_view text);     // escaped
  void cell_raw(std::string_view markdown);
  void end_row();

 private:
  std::string& out_;
};

}  // namespace offsetctl::report
