#include "plan/load_report.h"

#include <set>

#include "util/plural.h"

namespace offsetctl::plan {
namespace {

using util::plural;

}  // namespace

std::string format_diagnostic(const Diagnostic& d, bool color) {
  if (!color) return d.format();
  const char* red = "\x1b[1;31m";
  const char* green = "\x1b[1;32m";
  const char* reset = "\x1b[0m";
  std::string out = shown_path(d.file);
  if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.col);
  const char* level_color = d.severity == Severity::Warning ? "\x1b[1;35m" : red;
  out += std::string(": ") + level_color + severity_name(d.severity) + ":" + reset + " " + d.text() + "\n";
  if (d.line > 0 && !d.source_line.empty()) {
    out += d.source_line + "\n" + caret_padding(d.source_line, d.caret_col > 0 ? d.caret_col : d.col) + green + "^" +
           reset + "\n";
  }
  return out;
}

std::string format_errors(const LoadResult& r, bool color) {
  std::string out;
  for (const auto& d : r.errors) out += format_diagnostic(d, color);
  return out;
}

size_t files_examined(const LoadResult& r) {
  std::set<std::string> all(r.files.begin(), r.files.end());
  for (const auto& e : r.errors) all.insert(e.file);
  return all.size();
}

std::string load_summary(const LoadResult& r) {
  const size_t files = files_examined(r);
  if (r.ok()) return plural(files, "file", "files") + ", " + plural(r.plan_count(), "plan", "plans") + ": valid.";
  return plural(r.errors.size(), "error", "errors") + " in " + std::to_string(r.files_with_errors()) + " of " +
         plural(files, "file", "files") + ".";
}

}  // namespace offsetctl::plan
