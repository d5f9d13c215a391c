#include "plan/diagnostic.h"

#include "plan/text.h"

namespace offsetctl::plan {

std::string caret_padding(const std::string& source_line, int col) {
  std::string pad;
  size_t pos = 0;
  for (int i = 1; i < col; ++i) {
    if (pos < source_line.size()) {
      char32_t c = next_code_point(source_line, pos);
      pad += c == '\t' ? '\t' : ' ';
    } else {
      pad += ' ';
    }
  }
  return pad;
}

std::string Diagnostic::format() const {
  if (line <= 0) return file + ": error: " + message + "\n";
  std::string out = file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: " + message + "\n";
  if (!source_line.empty()) out += source_line + "\n" + caret_padding(source_line, col) + "^\n";
  return out;
}

}  // namespace offsetctl::plan
