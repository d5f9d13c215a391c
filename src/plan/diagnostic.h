#pragma once
// One problem in a plan file, as offsetctl validate prints it:
//   plans/a.yaml:12:9: error: unknown key 'offest' in an entry of 'topics'; did you mean 'offset'?
//         offest: 1500
//         ^

#include <string>
#include <string_view>
#include <vector>

namespace offsetctl::plan {

enum class Severity { Error, Warning };
const char* severity_name(Severity s);  // "error", "warning"

struct Diagnostic {
  std::string file;
  int line = 0;  // 1-based; 0 when the problem is the file itself (unreadable, too large)
  int col = 0;   // 1-based, in characters
  std::string message;
  std::string source_line;  // the line as written, made safe to print (long lines: the part around col)
  int caret_col = 0;        // the caret's column in source_line when it differs from col (a long line cut)
  Severity severity = Severity::Error;
  std::string hint{};  // the one thing to try, when there is one: "did you mean 'offset'?"

  // The message with its hint, as one sentence: "unknown key 'offest'; did you mean 'offset'?".
  std::string text() const;

  // "path:line:col: error: text\n<source line>\n<spaces>^\n", or
  // "path: error: text\n" without a line.
  std::string format() const;
};

// Moves a trailing "; did you mean '...'?" of d.message into d.hint.
void split_hint(Diagnostic& d);

// A path as printed: a file name with control characters cannot drive the terminal.
std::string shown_path(const std::string& path);

// The spaces (and tabs, where the source line has them) that put a caret
// under character column `col` of `source_line`.
std::string caret_padding(const std::string& source_line, int col);

// Sets d.source_line from the raw line: printable, and for a line longer than
// `width` characters only the part around d.col, cut with "...".
void set_source_line(Diagnostic& d, std::string_view raw_line, size_t width = 160);

}  // namespace offsetctl::plan
