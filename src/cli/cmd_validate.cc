// offsetctl validate PATH...: loads plan files as plan and apply would, with
// no network, and reports every error at its file, line and column.
#include <ostream>

#include "cli/ci_env.h"
#include "cli/command_line.h"
#include "cli/commands.h"
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
              std::string format = "text";
              bool json = false;
            };
            auto o = std::make_shared<Options>();
            sub.add_option("paths", o->paths, "Plan files, or folders searched for *.yaml and *.yml")
                ->required()
                ->type_name("PATH");
            sub.add_option("--format", o->format,
                           "text (default), json (schemas/diagnostics.schema.json) or github (annotations on the "
                           "plan files' lines, for GitHub Actions)")
                ->check(one_of({"text", "json", "github"}))
                ->type_name("FORMAT");
            sub.add_flag("--json", o->json, "The same as --format json");
            return [o](Context& ctx) -> Result<int> {
              if (o->json) o->format = "json";
              if (o->format != "text" && o->format != "json" && o->format != "github") {
                return fail("--format " + o->format + ": use text, json or github");
              }
              plan::LoadResult r = plan::load_plans(o->paths);
              if (o->format == "json") {
                ctx.out << plan::diagnostics_json(r);
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
