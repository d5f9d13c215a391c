// offsetctl validate PATH...: loads plan files as plan and apply would, with
// no network, and reports every error at its file, line and column.
#include <nlohmann/json.hpp>

#include <ostream>
#include <set>

#include "cli/commands.h"
#include "plan/load.h"

namespace offsetctl::cli {
namespace {

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Every path the run looked at: plan files, and paths that were none.
size_t files_examined(const plan::LoadResult& r) {
  std::set<std::string> all(r.files.begin(), r.files.end());
  for (const auto& e : r.errors) all.insert(e.file);
  return all.size();
}

std::string summary(const plan::LoadResult& r) {
  const size_t files = files_examined(r);
  if (r.ok()) return plural(files, "file", "files") + ", " + plural(r.plan_count(), "plan", "plans") + ": valid.";
  return plural(r.errors.size(), "error", "errors") + " in " + std::to_string(r.files_with_errors()) + " of " +
         plural(files, "file", "files") + ".";
}

void print_text(const plan::LoadResult& r, Context& ctx) {
  const char* red = ctx.color ? "\x1b[1;31m" : "";
  const char* green = ctx.color ? "\x1b[1;32m" : "";
  const char* reset = ctx.color ? "\x1b[0m" : "";
  for (const auto& d : r.errors) {
    if (!ctx.color) {
      ctx.out << d.format();
      continue;
    }
    ctx.out << plan::shown_path(d.file);
    if (d.line > 0) ctx.out << ":" << d.line << ":" << d.col;
    ctx.out << ": " << red << "error:" << reset << " " << d.message << "\n";
    if (d.line > 0 && !d.source_line.empty())
      ctx.out << d.source_line << "\n" << plan::caret_padding(d.source_line, d.caret_col > 0 ? d.caret_col : d.col) << green << "^" << reset << "\n";
  }
  ctx.out << summary(r) << "\n";
}

void print_json(const plan::LoadResult& r, Context& ctx) {
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const auto& d : r.errors) {
    diagnostics.push_back({{"file", d.file}, {"line", d.line}, {"column", d.col}, {"severity", "error"},
                           {"message", d.message}});
  }
  nlohmann::json doc = {{"valid", r.ok()},
                        {"files", files_examined(r)},
                        {"plans", r.plan_count()},
                        {"errors", r.errors.size()},
                        {"diagnostics", std::move(diagnostics)},
                        {"summary", summary(r)}};
  // Replace bytes that are not UTF-8 rather than fail: plan text is checked, paths are not.
  ctx.out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

Command validate_command() {
  return {"validate", "Check plan files (no network): every error at its file, line and column",
          [](CLI::App& sub) -> Runner {
            auto paths = std::make_shared<std::vector<std::string>>();
            auto json = std::make_shared<bool>(false);
            sub.add_option("paths", *paths, "Plan files, or folders searched for *.yaml and *.yml")
                ->required()
                ->type_name("PATH");
            sub.add_flag("--json", *json, "Print the result as JSON (diagnostics with file, line, column, message)");
            return [paths, json](Context& ctx) -> Result<int> {
              plan::LoadResult r = plan::load_plans(*paths);
              if (*json) {
                print_json(r, ctx);
              } else {
                print_text(r, ctx);
              }
              return r.ok() ? 0 : 1;
            };
          }};
}

}  // namespace offsetctl::cli
