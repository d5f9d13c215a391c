#pragma once
// One problem in a plan file, as offsetctl validate prints it:
//   plans/a.yaml:12:9: error: unknown key 'offest' in an entry of 'topics'; did you mean 'offset'?
//         offest: 1500
//         ^

#include <string>
#include <vector>

namespace offsetctl::plan {

struct Diagnostic {
  std::string file;
  int line = 0;  // 1-based; 0 when the problem is the file itself (unreadable, too large)
  int col = 0;   // 1-based, in characters
  std::string message;
  std::string source_line;  // the line as written, made safe to print

  // "path:line:col: error: message\n<source line>\n<spaces>^\n", or
  // "path: error: message\n" without a line.
  std::string format() const;
};

// The spaces (and tabs, where the source line has them) that put a caret
// under character column `col` of `source_line`.
std::string caret_padding(const std::string& source_line, int col);

}  // namespace offsetctl::plan
