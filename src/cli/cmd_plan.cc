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
#include <ostream>

#include "api/client.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/flags_ci.h"
#include "plan/load_report.h"
#include "report/render.h"
#include "report/render_csv.h"
#include "report/saved_plan.h"
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
              std::string format = "text";
              std::string out;
              bool detailed = false;
              ApiFlags api;
              CiFlags ci;
            };
            auto o = std::make_shared<Options>();
            sub.add_option("paths", o->paths, "Plan files, or folders searched for *.yaml and *.yml")
                ->required()
                ->type_name("PATH");
            sub.add_option("--format", o->format,
                           "Report format: text (default), markdown, json, or csv (the targets as kafka-consumer-groups' "
                           "--dry-run --export CSV)")
                ->check(one_of({"text", "markdown", "json", "csv"}))
                ->type_name("FORMAT");
            sub.add_option("--out", o->out, "Also save the plan to this file, for offsetctl apply")
                ->type_name("SAVED_PLAN");
            sub.add_flag("--detailed-exitcode", o->detailed,
                         "Exit 0 when nothing changes, 2 when there are changes, 1 when anything is blocked or "
                         "invalid (or on error)");
            add_ci_flags(sub, o->ci);
            add_api_flags(sub, o->api);
            return [o](Context& ctx) -> Result<int> {
              if (o->format != "text" && o->format != "markdown" && o->format != "json" && o->format != "csv") {
                return fail("--format " + o->format + ": use text, markdown, json or csv");
              }
              if (auto ok = check_ci_flags(o->ci); !ok) return fail(std::move(ok).error());
              if (!o->out.empty()) {
                if (auto ok = check_output_folder(o->out, "--out"); !ok) return fail(std::move(ok).error());
              }
              plan::LoadResult loaded = plan::load_plans(o->paths);
              if (!loaded.ok()) {
                report_load_errors(loaded, o->ci, o->format, "validate", o->paths, ctx);
                return 1;
              }
              auto saved = engine::plan(loaded.plans, plan_request(loaded.plans, o->api, ctx.clock));
              if (!saved) return fail(std::move(saved).error());
              loaded.plans = {};  // the model of a million partitions is not needed to render them
              const planner::PlanResult& result = saved->result;
              const int code = plan_exit_code(result.summary, o->detailed);
              if (o->format == "json") {
                ctx.out << report::render_json(result);
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
                ctx.out << report::render_markdown(result);
              } else {
                ctx.out << report::render_text(result, report::TextOptions{ctx.color});
              }
              ctx.out.flush();
              write_step_summary(o->ci, [&result] { return report::render_markdown(result); },
                                 "run 'offsetctl plan' on the same files for the whole report", ctx);
              if (!o->out.empty()) {
                if (auto w = report::write_saved_plan(o->out, *saved); !w) return fail(std::move(w).error());
                ctx.err << "Saved the plan to " << o->out << "; apply it with: offsetctl apply " << o->out << "\n";
              }
              return code;
            };
          }};
}

}  // namespace offsetctl::cli
