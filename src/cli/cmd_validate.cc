// offsetctl validate PATH...: loads plan files as plan and apply would, with
// no network, and reports every error at its file, line and column.
#include <ostream>

#include "cli/ci_env.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/flags_format.h"
#include "cli/output_guard.h"
#include "plan/diagnostic_formats.h"
#include "plan/load.h"
#include "plan/load_report.h"

namespace offsetctl::cli {
namespace {

void print_text(const plan::LoadResult& r, Context& ctx) {
  ctx.out << plan::format_errors(r, ctx.color) << plan::load_summary(r) << "\n";
}

}  // namespace

Command validate_command() {
  return {"validate", "Check plan files (no network): every error at its file, line and column",
          [](CLI::App& sub) -> Runner {
            struct Options {
              std::vector<std::string> paths;
              std::string format;
            };
            auto o = std::make_shared<Options>();
            sub.add_option("paths", o->paths, "Plan files, or folders searched for *.yaml and *.yml")
                ->required()
                ->type_name("PATH");
            // json: schemas/diagnostics.schema.json; github: annotations on the plan files' lines (GitHub Actions);
            // gitlab: a Code Quality report (the text goes to standard error).
            add_format_flag(sub, o->format, {"text", "json", "github", "gitlab"}, true);
            return [o](Context& ctx) -> Result<int> {
              if (auto ok = refuse_saved_plans(o->paths); !ok) return fail(std::move(ok).error());
              plan::LoadResult r = plan::load_plans(o->paths);
              if (o->format == "json") {
                ctx.out << plan::diagnostics_json(r);
              } else if (o->format == "gitlab") {
                // Standard output is the report file (artifacts:reports:codequality); the job's log gets the text.
                ctx.out << plan::diagnostics_gitlab(r.errors, gitlab_workspace());
                ctx.err << plan::format_errors(r, false) << plan::load_summary(r) << "\n";
              } else if (o->format == "github") {
                ctx.out << plan::diagnostics_github(r.errors, github_options("validate", o->paths));
                print_text(r, ctx);
              } else {
                print_text(r, ctx);
              }
              return r.ok() ? 0 : 1;
            };
          }};
}

}  // namespace offsetctl::cli
