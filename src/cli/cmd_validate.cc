// offsetctl validate PATH...: loads plan files as plan and apply would, with
// no network, and reports every error at its file, line and column.
#include <nlohmann/json.hpp>

#include <ostream>

#include "cli/commands.h"
#include "cli/flags_format.h"
#include "cli/output_guard.h"
#include "plan/load.h"
#include "plan/load_report.h"

namespace offsetctl::cli {
namespace {

void print_text(const plan::LoadResult& r, Context& ctx) {
  ctx.out << plan::format_errors(r, ctx.color) << plan::load_summary(r) << "\n";
}

void print_json(const plan::LoadResult& r, Context& ctx) {
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const auto& d : r.errors) {
    diagnostics.push_back({{"file", d.file}, {"line", d.line}, {"column", d.col}, {"severity", "error"},
                           {"message", d.message}});
  }
  nlohmann::json doc = {{"valid", r.ok()},
                        {"files", plan::files_examined(r)},
                        {"plans", r.plan_count()},
                        {"errors", r.errors.size()},
                        {"diagnostics", std::move(diagnostics)},
                        {"summary", plan::load_summary(r)}};
  // Replace bytes that are not UTF-8 rather than fail: plan text is checked, paths are not.
  ctx.out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

Command validate_command() {
  return {"validate", "Check plan files (no network): every error at its file, line and column",
          [](CLI::App& sub) -> Runner {
            auto paths = std::make_shared<std::vector<std::string>>();
            auto format = std::make_shared<std::string>();
            sub.add_option("paths", *paths, "Plan files, or folders searched for *.yaml and *.yml")
                ->required()
                ->type_name("PATH");
            add_format_flag(sub, *format, {"text", "json"}, true);
            return [paths, format](Context& ctx) -> Result<int> {
              if (auto ok = refuse_saved_plans(*paths); !ok) return fail(std::move(ok).error());
              plan::LoadResult r = plan::load_plans(*paths);
              if (*format == "json") {
                print_json(r, ctx);
              } else {
                print_text(r, ctx);
              }
              return r.ok() ? 0 : 1;
            };
          }};
}

}  // namespace offsetctl::cli
