#include "plan/diagnostic.h"

#include "plan/text.h"

#include <vector>

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

std::string shown_path(const std::string& path) { return printable(path, 4096); }

const char* severity_name(Severity s) { return s == Severity::Warning ? "warning" : "error"; }

std::string Diagnostic::text() const { return hint.empty() ? message : message + "; " + hint; }

void split_hint(Diagnostic& d) {
  const size_t at = d.message.rfind("; did you mean '");
  if (at == std::string::npos || d.message.back() != '?') return;
  d.hint = d.message.substr(at + 2);
  d.message.resize(at);
}

std::string Diagnostic::format() const {
  const std::string path = shown_path(file);
  const std::string level = std::string(": ") + severity_name(severity) + ": ";
  if (line <= 0) return path + level + text() + "\n";
  std::string out = path + ":" + std::to_string(line) + ":" + std::to_string(col) + level + text() + "\n";
  if (!source_line.empty()) out += source_line + "\n" + caret_padding(source_line, caret_col > 0 ? caret_col : col) + "^\n";
  return out;
}

void set_source_line(Diagnostic& d, std::string_view raw_line, size_t width) {
  std::string line = printable_line(raw_line);
  // Character boundaries, to cut without splitting a UTF-8 sequence.
  std::vector<size_t> starts;
  for (size_t pos = 0; pos < line.size();) {
    starts.push_back(pos);
    next_code_point(line, pos);
  }
  d.caret_col = 0;
  if (starts.size() <= width) {
    d.source_line = std::move(line);
    return;
  }
  const size_t col = d.col > 0 ? static_cast<size_t>(d.col) : 1;
  size_t first = col > width / 2 ? col - width / 2 : 1;  // 1-based, first character shown
  if (first + width - 1 > starts.size()) first = starts.size() - width + 1;
  const size_t last = first + width - 1;
  std::string cut = first > 1 ? "..." : "";
  size_t from = starts[first - 1];
  size_t to = last < starts.size() ? starts[last] : line.size();
  cut += line.substr(from, to - from);
  if (last < starts.size()) cut += "...";
  d.caret_col = static_cast<int>(col - first + 1 + (first > 1 ? 3 : 0));
  d.source_line = std::move(cut);
}

}  // namespace offsetctl::plan
