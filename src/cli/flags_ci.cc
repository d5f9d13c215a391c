#include "cli/flags_ci.h"

#include <ostream>

#include "cli/ci_env.h"
#include "cli/command_line.h"
#include "plan/diagnostic_formats.h"
#include "plan/load_report.h"
#include "report/step_summary.h"

namespace offsetctl::cli {

void add_ci_flags(CLI::App& app, CiFlags& flags) {
  app.add_option("--diagnostics", flags.diagnostics,
                 "How to report plan files that do not load: text (default), json (schemas/diagnostics.schema.json) "
                 "or github (annotations on their lines)")
      ->check(one_of({"text", "json", "github"}))
      ->type_name("FORMAT");
  app.add_option("--summary", flags.summary,
                 "Append the report in Markdown to this job summary file (default: GITHUB_STEP_SUMMARY when set)")
      ->type_name("FILE");
}

Status<> check_ci_flags(const CiFlags& flags) {
  const std::string& d = flags.diagnostics;
  if (d == "text" || d == "json" || d == "github") return Ok{};
  return fail("--diagnostics " + d + ": use text, json or github");
}

void report_load_errors(const plan::LoadResult& loaded, const CiFlags& flags, const std::string& report_format,
                        const std::string& command, const std::vector<std::string>& paths, Context& ctx) {
  if (report_format == "json") ctx.out << plan::diagnostics_json(loaded);
  if (flags.diagnostics == "json") {
    if (report_format != "json") ctx.err << plan::diagnostics_json(loaded);
    return;
  }
  if (flags.diagnostics == "github") ctx.err << plan::diagnostics_github(loaded.errors, github_options(command, paths));
  ctx.err << plan::format_errors(loaded, ctx.color) << plan::load_summary(loaded) << "\n";
}

void write_step_summary(const CiFlags& flags, const std::function<std::string()>& render, std::string_view where,
                        Context& ctx) {
  const auto path = step_summary_path(flags.summary);
  if (!path) return;
  const report::AppendResult r = report::append_step_summary(*path, render(), where);
  if (!r.ok) ctx.err << "offsetctl: warning: " << r.error << "\n";
}

}  // namespace offsetctl::cli
