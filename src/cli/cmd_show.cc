// offsetctl show SAVED_PLAN [--format text|markdown|json|csv]: the report of a
// saved plan, as `offsetctl plan` printed it when it was made, with its checksum
// and the command that applies it, and no network call: a plan handed over for
// review can be read without applying it.
#include <ostream>

#include "cli/commands.h"
#include "cli/flags_format.h"
#include "cli/output_guard.h"
#include "report/render.h"
#include "report/render_csv.h"
#include "report/saved_plan.h"
#include "util/crypto.h"
#include "util/files.h"
#include "util/time.h"

namespace offsetctl::cli {
namespace {

// The plan files that differ from what the saved plan was made from (apply refuses it then).
std::vector<std::string> changed_since(const report::SavedPlan& plan) {
  std::vector<std::string> changed;
  for (const auto& f : plan.files) {
    auto bytes = util::read_file(f.path);
    if (!bytes || util::sha256_hex(*bytes) != f.sha256) changed.push_back(f.path);
  }
  return changed;
}

std::string made_line(const report::SavedPlan& plan, const std::string& path) {
  std::string out = "Saved plan " + path + ", made at " + util::format_rfc3339_ms(plan.created_at_ms);
  if (!plan.endpoint.empty()) out += " against " + plan.endpoint;
  if (!plan.region.empty()) out += " (" + plan.region + ")";
  if (!plan.tool_version.empty()) out += " by offsetctl " + plan.tool_version;
  out += ", from ";
  for (size_t i = 0; i < plan.files.size(); ++i) out += (i ? ", " : "") + plan.files[i].path;
  if (plan.files.empty()) out += "no plan file";
  return out + ".";
}

}  // namespace

Command show_command() {
  return {"show", "Show a saved plan's report (offsetctl plan --out) without applying it; no network",
          [](CLI::App& sub) -> Runner {
            struct Options {
              std::string path;
              std::string format;
            };
            auto o = std::make_shared<Options>();
            sub.add_option("saved_plan", o->path, "The saved plan to show (written by offsetctl plan --out)")
                ->required()
                ->type_name("SAVED_PLAN");
            add_format_flag(sub, o->format, {"text", "markdown", "json", "csv"});
            return [o](Context& ctx) -> Result<int> {
              if (!looks_like_saved_plan(o->path) && util::read_file(o->path).ok()) {
                return fail(o->path + " is not a saved plan (those are JSON, written by 'offsetctl plan --out'): "
                                      "preview a plan file with 'offsetctl plan " + o->path + "'");
              }
              std::string checksum;
              auto plan = report::read_saved_plan(o->path, nullptr, &checksum);
              if (!plan) return fail(std::move(plan).error());
              report::ReportContext context;
              context.saved = report::SavedPlanRef{o->path, checksum};
              if (o->format == "json") {
                ctx.out << report::render_json(plan->result, context);
              } else if (o->format == "csv") {
                auto csv = report::render_csv(plan->result);
                if (!csv) return fail(std::move(csv).error());
                ctx.out << *csv;
              } else if (o->format == "markdown") {
                report::MarkdownOptions markdown;
                markdown.context = context;
                ctx.out << report::render_markdown(plan->result, markdown);
              } else {
                ctx.out << made_line(*plan, o->path) << "\n\n"
                        << report::render_text(plan->result, report::TextOptions{ctx.color, context});
              }
              ctx.out.flush();
              for (const auto& f : changed_since(*plan)) {
                ctx.err << "offsetctl: warning: " << f
                        << " changed (or is gone) since this plan was made; apply will refuse it: plan again\n";
              }
              return 0;
            };
          }};
}

}  // namespace offsetctl::cli
