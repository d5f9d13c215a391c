#include "plan/diagnostic_formats.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "plan/load_report.h"
#include "util/github.h"
#include "util/plural.h"

namespace offsetctl::plan {
namespace {

// `all` of one level in the order to show them: the n-th of every file before the (n+1)-th of any.
std::vector<const Diagnostic*> by_importance(const std::vector<Diagnostic>& all, Severity level) {
  std::vector<std::string> files;  // in order of first appearance
  std::map<std::string, std::vector<const Diagnostic*>> of_file;
  for (const auto& d : all) {
    if (d.severity != level) continue;
    auto& list = of_file[d.file];
    if (list.empty()) files.push_back(d.file);
    list.push_back(&d);
  }
  std::vector<const Diagnostic*> out;
  for (size_t round = 0;; ++round) {
    bool any = false;
    for (const auto& f : files) {
      const auto& list = of_file[f];
      if (round < list.size()) {
        out.push_back(list[round]);
        any = true;
      }
    }
    if (!any) break;
  }
  return out;
}

util::Annotation annotation_of(const Diagnostic& d, const GithubOptions& o) {
  util::Annotation a;
  a.level = d.severity == Severity::Warning ? util::AnnotationLevel::Warning : util::AnnotationLevel::Error;
  a.file = util::relative_to_workspace(d.file, o.workspace);
  a.line = d.line;
  a.col = d.col;
  a.title = "offsetctl";
  a.message = d.text();
  return a;
}

std::string one_level(const std::vector<Diagnostic>& all, Severity level, const GithubOptions& o) {
  const std::vector<const Diagnostic*> ordered = by_importance(all, level);
  const size_t max = std::max<size_t>(o.max_per_level, 1);
  const bool cut = ordered.size() > max;
  const size_t shown = cut ? max - 1 : ordered.size();
  std::string out;
  for (size_t i = 0; i < shown; ++i) out += util::github_annotation(annotation_of(*ordered[i], o));
  if (cut) {
    util::Annotation more;
    more.level = level == Severity::Warning ? util::AnnotationLevel::Warning : util::AnnotationLevel::Error;
    more.title = "offsetctl";
    const size_t rest = ordered.size() - shown;
    const bool errors = level == Severity::Error;
    more.message = util::plural(rest, errors ? "more error" : "more warning", errors ? "more errors" : "more warnings") +
                   " not shown as annotations (GitHub shows " + std::to_string(max) + " per step)";
    if (!o.rerun.empty()) more.message += ": run '" + o.rerun + "' to see all of them";
    out += util::github_annotation(more);
  }
  return out;
}

}  // namespace

std::string diagnostics_github(const std::vector<Diagnostic>& diagnostics, const GithubOptions& options) {
  return one_level(diagnostics, Severity::Error, options) + one_level(diagnostics, Severity::Warning, options);
}

std::string diagnostics_json(const LoadResult& r) {
  nlohmann::json list = nlohmann::json::array();
  size_t warnings = 0;
  for (const auto& d : r.errors) {
    if (d.severity == Severity::Warning) ++warnings;
    list.push_back({{"file", d.file},
                    {"line", d.line},
                    {"col", d.col},
                    {"severity", severity_name(d.severity)},
                    {"message", d.message},
                    {"hint", d.hint.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.hint)}});
  }
  nlohmann::json doc = {{"format_version", kDiagnosticsFormatVersion},
                        {"kind", "diagnostics"},
                        {"valid", r.ok()},
                        {"files", files_examined(r)},
                        {"plans", r.plan_count()},
                        {"errors", r.errors.size() - warnings},
                        {"warnings", warnings},
                        {"diagnostics", std::move(list)},
                        {"summary", load_summary(r)}};
  // Bytes that are not UTF-8 are replaced rather than fail: plan text is checked, paths are not.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace offsetctl::plan
