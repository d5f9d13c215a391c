// offsetctl plan PATH...: loads the plans, reads what they need of the cluster
// with the fewest calls, and shows what would happen to every partition.
// Changes nothing; --out saves the result for offsetctl apply.
// GCC 12 sees a null dereference in CLI11's CLI::detail::split (a
// std::vector<std::string> relocation inlined into it) when this file's options
// are declared: a false positive located in the library headers, so it is
// silenced for the headers only, not for the code below.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include "cli/cmd_plan.h"

#include <filesystem>
#include <optional>
#include <ostream>

#include "api/client.h"
#include "api/credentials.h"
#include "api/transport.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/comment_dir.h"
#include "cli/flags_ci.h"
#include "cli/flags_format.h"
#include "cli/output_guard.h"
#include "cli/plan_save.h"
#include "plan/load_report.h"
#include "report/render.h"
#include "planner/regions.h"
#include "planner/targets.h"
#include "report/render_csv.h"
#include "report/saved_plan.h"
#include "util/files.h"
#include "util/plural.h"
#pragma GCC diagnostic pop

#ifndef OFFSETCTL_VERSION
#define OFFSETCTL_VERSION "0.0.0"
#endif

namespace offsetctl::cli {
namespace {

constexpr const char* kDefaultEndpoint = "https://ckafka.tencentcloudapi.com";

}  // namespace

planner::ClientFactory ckafka_clients(const ApiFlags& flags, const util::Clock& clock,
                                      std::shared_ptr<api::CallStats> stats) {
  return [&flags, &clock, stats](const std::string& region) -> Result<std::shared_ptr<api::CkafkaApi>> {
    std::optional<std::string> plan_region;
    if (!region.empty()) plan_region = region;
    auto config = client_config(flags, api::kCkafkaService, plan_region, clock);
    if (!config) return fail(std::move(config).error());
    config->stats = stats;
    auto client = api::make_ckafka_client(*config);
    if (!client) return fail(std::move(client).error());
    return std::shared_ptr<api::CkafkaApi>(std::move(*client));
  };
}


planner::DtsClientFactory dts_clients(const ApiFlags& flags, const util::Clock& clock,
                                      std::shared_ptr<api::CallStats> stats) {
  return [&flags, &clock, stats](const std::string& region) -> Result<std::shared_ptr<api::DtsApi>> {
    std::optional<std::string> plan_region;
    if (!region.empty()) plan_region = region;
    auto config = client_config(flags, api::kDtsService, plan_region, clock);
    if (!config) return fail(std::move(config).error());
    config->stats = stats;
    auto client = api::make_dts_client(*config);
    if (!client) return fail(std::move(client).error());
    return std::shared_ptr<api::DtsApi>(std::move(*client));
  };
}

engine::Clients api_clients(const ApiFlags& flags, const util::Clock& clock, std::shared_ptr<api::CallStats> stats) {
  return {ckafka_clients(flags, clock, stats), dts_clients(flags, clock, stats)};
}

engine::PlanRequest plan_request(const plan::PlanSet& plans, const ApiFlags& flags, const util::Clock& clock) {
  engine::PlanRequest request;
  request.clients = api_clients(flags, clock);
  request.now_ms = clock.now_ms();
  request.tool_version = OFFSETCTL_VERSION;
  // The default region and endpoint, for the report; a plan naming its own region may still work without them.
  if (auto config = client_config(flags, api::kCkafkaService, std::nullopt, clock)) {
    request.endpoint = config->endpoint.empty() ? kDefaultEndpoint : config->endpoint;
    request.region = config->region;
    if (config->max_in_flight > 0) request.max_in_flight = static_cast<size_t>(config->max_in_flight);
  }
  for (const auto& f : plans.files) {
    for (const auto& p : f.offset_plans) {
      if (!request.endpoint.empty()) return request;
      if (!p.region) continue;
      if (auto config = client_config(flags, api::kCkafkaService, p.region, clock)) {
        request.endpoint = config->endpoint.empty() ? kDefaultEndpoint : config->endpoint;
      }
    }
  }
  return request;
}

Status<> check_plan_regions(const plan::PlanSet& plans, const ApiFlags& flags, const engine::PlanRequest& request) {
  const bool default_region =
      !request.region.empty() || api::resolve_region(std::nullopt, flags.region, api::process_env()).ok();
  return planner::check_regions(plans, default_region);
}

void add_target_flag(CLI::App& sub, std::vector<std::string>& targets) {
  sub.add_option("--target", targets,
                 "Only this group of the plans (INSTANCE/GROUP to be exact; repeat for more); the report says "
                 "the run was restricted")
      ->type_name("GROUP");
}

Status<> restrict_plans(plan::PlanSet& plans, const std::vector<std::string>& targets) {
  std::vector<planner::Target> parsed;
  for (const auto& t : targets) {
    auto target = planner::parse_target(t);
    if (!target) return fail(std::move(target).error());
    parsed.push_back(std::move(*target));
  }
  return planner::restrict_to_targets(plans, parsed);
}

Status<> check_output_folder(const std::string& path, const std::string& flag) {
  namespace fs = std::filesystem;
  fs::path folder = fs::path(path).parent_path();
  if (folder.empty()) return Ok{};
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    return fail(flag + " " + path + ": the folder " + folder.string() + " does not exist; create it first");
  }
  return Ok{};
}

int plan_exit_code(const planner::PlanSummary& s, bool detailed) {
  if (!detailed) return 0;
  if (s.blocked > 0 || s.invalid > 0) return 1;
  return s.to_change > 0 ? 2 : 0;
}

Command plan_command() {
  return {"plan", "Preview what the plans would change, partition by partition (changes nothing)",
          [](CLI::App& sub) -> Runner {
            struct Options {
              std::vector<std::string> paths;
              std::string format;
              std::string out;
              std::string comment_dir;
              bool detailed = false;
              bool allow_partial = false;
              std::vector<std::string> targets;
              ApiFlags api;
              CiFlags ci;
            };
            auto o = std::make_shared<Options>();
            sub.add_option("paths", o->paths, "Plan files, or folders searched for *.yaml and *.yml")
                ->required()
                ->type_name("PATH");
            add_format_flag(sub, o->format, {"text", "markdown", "json", "csv"});
            sub.add_option("--out", o->out,
                           "Also save the plan to this file, for offsetctl apply (only when all of it can be applied)")
                ->type_name("SAVED_PLAN");
            sub.add_option("--comment-dir", o->comment_dir,
                           "With --format markdown: also write the whole comment, never cut, as DIR/comment-1.md, "
                           "comment-2.md, ... each under 65,000 characters")
                ->type_name("DIR");
            sub.add_flag("--allow-partial", o->allow_partial,
                         "With --out: save the partitions that can be applied, leaving out what is blocked or "
                         "invalid (listed on standard error)");
            add_target_flag(sub, o->targets);
            sub.add_flag("--detailed-exitcode", o->detailed,
                         "Exit 0 when nothing changes, 2 when there are changes, 1 when anything is blocked or "
                         "invalid (or on error)");
            add_ci_flags(sub, o->ci);
            add_api_flags(sub, o->api);
            return [o](Context& ctx) -> Result<int> {
              api::TransportWarmUp warm_up;  // libcurl loads while the plans are read
              if (o->allow_partial && o->out.empty()) {
                return fail("--allow-partial only says what --out saves: add --out SAVED_PLAN, or leave it out");
              }
              if (!o->comment_dir.empty() && o->format != "markdown") {
                return fail("--comment-dir " + o->comment_dir + " writes Markdown comments: add --format markdown");
              }
              if (auto ok = refuse_saved_plans(o->paths); !ok) return fail(std::move(ok).error());
              if (!o->out.empty()) {
                if (auto ok = check_output_folder(o->out, "--out"); !ok) return fail(std::move(ok).error());
              }
              plan::LoadResult loaded = plan::load_plans(o->paths);
              if (!loaded.ok()) {
                report_load_errors(loaded, o->ci, o->format, "validate", o->paths, ctx);
                return 1;
              }
              if (auto ok = restrict_plans(loaded.plans, o->targets); !ok) return fail(std::move(ok).error());
              std::vector<std::string> inputs = o->paths;
              for (const auto& f : loaded.plans.files) inputs.push_back(f.path);
              if (!o->out.empty()) {
                if (auto ok = check_output_file(o->out, "--out", OutputKind::SavedPlan, inputs); !ok) {
                  return fail(std::move(ok).error());
                }
              }
              if (!o->comment_dir.empty()) {
                if (auto ok = check_comment_dir(o->comment_dir, inputs); !ok) return fail(std::move(ok).error());
              }
              engine::PlanRequest request = plan_request(loaded.plans, o->api, ctx.clock);
              if (auto ok = check_plan_regions(loaded.plans, o->api, request); !ok) return fail(std::move(ok).error());
              auto saved = engine::plan(loaded.plans, request);
              if (!saved) return fail(std::move(saved).error());
              saved->result.targets = o->targets;
              loaded.plans = {};  // the model of a million partitions is not needed to render them
              const planner::PlanResult& result = saved->result;
              const int code = plan_exit_code(result.summary, o->detailed);
              // The saved plan is written first, so that the report can quote its checksum and the
              // exact command that applies it. A plan that cannot be saved is still reported (the
              // reviewers need to see why), and the run fails after it.
              report::ReportContext context;
              std::optional<Error> not_saved;
              if (!o->out.empty()) {
                auto ref = save_plan(*saved, o->out, o->allow_partial, ctx.err);
                if (ref) {
                  context.saved = std::move(*ref);
                } else {
                  not_saved = std::move(ref).error();
                }
              }
              report::MarkdownOptions markdown;
              markdown.context = context;
              if (!o->comment_dir.empty()) {
                auto written = write_comment_parts(o->comment_dir, report::render_markdown_parts(result, markdown));
                if (!written) return fail(std::move(written).error());
                ctx.err << *written;
                ctx.out << report::render_markdown(result, markdown);  // one comment still, for a job summary
              } else if (o->format == "json") {
                ctx.out << report::render_json(result, context);
              } else if (o->format == "csv") {
                auto csv = report::render_csv(result);
                if (!csv) return fail(std::move(csv).error());
                ctx.out << *csv;
                if (const size_t left_out = result.summary.blocked + result.summary.invalid; left_out > 0) {
                  ctx.err << "offsetctl: note: " << util::plural(left_out, "partition", "partitions")
                          << " blocked or invalid are not in the CSV; run 'offsetctl plan' without --format csv "
                             "for the reasons\n";
                }
              } else if (o->format == "markdown") {
                ctx.out << report::render_markdown(result, markdown);
              } else {
                ctx.out << report::render_text(result, report::TextOptions{ctx.color, context});
              }
              ctx.out.flush();
              write_step_summary(o->ci, [&result, &markdown] { return report::render_markdown(result, markdown); },
                                 "run 'offsetctl plan' on the same files for the whole report", ctx);
              if (not_saved) return fail(std::move(*not_saved));
              if (context.saved) {
                ctx.err << "Saved the plan to " << o->out << "; apply it with: " << report::apply_command(*context.saved)
                        << "\n";
              }
              return code;
            };
          }};
}

}  // namespace offsetctl::cli
