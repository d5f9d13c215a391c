#pragma once
// A plan file's text before YAML sees it: the encoding checks YAML parsers
// are lax about, and line lookup for rendering diagnostics.

#include <string>
#include <string_view>
#include <vector>

namespace offsetctl::plan {

// A problem at a place in the text: 1-based line, 1-based byte column.
struct TextIssue {
  int line = 0;
  int col = 0;
  std::string message;
};

// Removes a leading UTF-8 byte order mark (accepted, and meaningless).
void strip_utf8_bom(std::string& text);

// UTF-16/32 files, bytes that are not UTF-8, and control characters other
// than tab, line feed and carriage return. At most `max_issues` are returned.
std::vector<TextIssue> check_encoding(std::string_view text, size_t max_issues);

// Lines whose indentation holds a tab: YAML indents with spaces only, and a
// tab that happens to parse means different things to different readers.
std::vector<TextIssue> check_tab_indentation(std::string_view text, size_t max_issues);

// True when the text holds nothing but whitespace, or nothing but comments.
bool is_blank(std::string_view text);
bool is_only_comments(std::string_view text);

// Line lookup over a file's text (which must outlive it).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The line without its line break (and without a CR before it); empty when out of range.
  std::string_view line(int line_1based) const;
  // The 1-based character (code point) column of a 1-based byte column on a line.
  int char_col(int line_1based, int byte_col) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

// Makes user text safe to print: control, bidirectional and other invisible
// format characters become \xNN or \u{NNNN}, and long text is cut with "...".
std::string printable(std::string_view text, size_t max_chars = 80);

// Replaces every character that could move the cursor or hide text with '?',
// keeping one output character per input character (so carets still line up).
std::string printable_line(std::string_view line);

// Decodes one UTF-8 sequence at `pos` of valid UTF-8 text; advances `pos`.
char32_t next_code_point(std::string_view text, size_t& pos);

// Control (C0, DEL, C1), line and paragraph separators, bidirectional
// override and zero-width characters.
bool is_invisible(char32_t c);

}  // namespace offsetctl::plan
