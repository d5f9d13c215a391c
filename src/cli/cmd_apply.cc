// offsetctl apply SAVED_PLAN | PATH... --auto-approve: changes the committed
// offsets a plan says, after checking nothing drifted since it was made, and
// records every change in the audit log (docs/apply.md).
#include <algorithm>
#include <ostream>

#include "api/client.h"
#include "api/endpoint.h"
#include "api/transport.h"
#include "audit/actor.h"
#include "audit/git.h"
#include "audit/log.h"
#include "cli/cmd_plan.h"
#include "cli/command_line.h"
#include "cli/shell_words.h"
#include "cli/commands.h"
#include "cli/flags_ci.h"
#include "cli/flags_format.h"
#include "cli/output_guard.h"
#include "cli/progress_line.h"
#include "engine/apply.h"
#include "engine/plan.h"
#include "executor/apply_markdown.h"
#include "executor/apply_report.h"
#include "report/render.h"
#include "report/saved_plan.h"
#include "util/time.h"

#ifndef OFFSETCTL_VERSION
#define OFFSETCTL_VERSION "0.0.0"
#endif

namespace offsetctl::cli {

namespace {

constexpr const char* kDefaultAuditLog = "./offsetctl-audit.jsonl";

struct ApplyFlags {
  std::vector<std::string> paths;
  bool auto_approve = false;
  bool dry_run = false;
  std::string audit_log = kDefaultAuditLog;
  std::string format = "text";
  std::vector<std::string> targets;
  std::string lock_timeout = "0s";
  bool quiet = false;
  ApiFlags api;
  CiFlags ci;
};

// The endpoint as the client would POST to, so equal URLs compare equal
// ("http://127.0.0.1:9000" and "http://127.0.0.1:9000/").
std::string normalized_endpoint(const std::string& url) {
  auto e = api::parse_endpoint(report::redact_endpoint(url));
  return e ? e->url : url;
}

// A saved plan runs where it was made: its endpoint and region, unless the
// same ones are given again. Anything else would check drift against the
// wrong cluster.
Status<> use_plan_location(const report::SavedPlan& plan, const std::string& path, ApiFlags& flags) {
  if (!flags.endpoint.empty() && !plan.endpoint.empty() &&
      normalized_endpoint(flags.endpoint) != normalized_endpoint(plan.endpoint)) {
    return fail("the saved plan " + path + " was made against " + plan.endpoint + ", not " +
                report::redact_endpoint(flags.endpoint) +
                ": apply it where it was made (leave out --endpoint), or run offsetctl plan again against " +
                report::redact_endpoint(flags.endpoint));
  }
  if (!flags.region.empty() && !plan.region.empty() && flags.region != plan.region) {
    return fail("the saved plan " + path + " was made for region " + plan.region + ", not " + flags.region +
                ": apply it where it was made (leave out --region), or run offsetctl plan again for " + flags.region);
  }
  // The default endpoint stays implicit, so that DTS rows go to the DTS service's own default.
  const bool default_endpoint =
      normalized_endpoint(plan.endpoint) == normalized_endpoint(api::default_endpoint(api::kCkafkaService));
  if (flags.endpoint.empty() && !default_endpoint) flags.endpoint = plan.endpoint;
  if (flags.region.empty()) flags.region = plan.region;
  return Ok{};
}

// The rate the write calls go out at: BatchModifyGroupOffsets's limit (the
// slowest write action), as lowered by --rate-limit.
// 0 (no time left shown) without limits: the flags' limits, not a client's config, which
// needs a region the saved plan may be the one to give.
double write_rate(const ApiFlags& flags) {
  auto limits = rate_limits(flags);
  return limits && limits->enabled ? limits->limit_for("BatchModifyGroupOffsets") : 0;
}

struct Loaded {
  report::SavedPlan plan;
  std::optional<audit::FileHash> saved_file;  // the saved plan applied, if any
};

Result<Loaded> load_saved(const std::string& path, ApiFlags& flags) {
  std::string sha256;
  auto plan = report::read_saved_plan(path, &sha256);
  if (!plan) return fail(std::move(plan).error());
  if (auto s = use_plan_location(*plan, path, flags); !s) return fail(s.error());
  return Loaded{std::move(*plan), audit::FileHash{path, std::move(sha256)}};
}

// Plans the files now and shows the plan. Returns it as a saved plan would be,
// or nullopt (with the exit code in `code`) when the files do not load.
Result<std::optional<Loaded>> plan_now(const ApplyFlags& o, Context& ctx, int& code) {
  plan::LoadResult loaded = plan::load_plans(o.paths);
  if (!loaded.ok()) {
    report_load_errors(loaded, o.ci, o.format, "validate", o.paths, ctx);
    code = 1;
    return std::optional<Loaded>();
  }
  if (auto ok = restrict_plans(loaded.plans, o.targets); !ok) return fail(std::move(ok).error());
  engine::PlanRequest request = plan_request(loaded.plans, o.api, ctx.clock);
  if (auto ok = check_plan_regions(loaded.plans, o.api, request); !ok) return fail(std::move(ok).error());
  auto made = engine::plan(loaded.plans, request);
  if (!made) return fail(std::move(made).error());
  made->result.targets = o.targets;
  const bool approved = o.auto_approve || o.dry_run;  // a dry run changes nothing: no approval needed
  if (o.format == "json") {
    if (!approved) ctx.out << report::render_json(made->result);
  } else {
    ctx.out << report::render_text(made->result, report::TextOptions{ctx.color, {}}) << "\n";
  }
  ctx.out.flush();
  if (!approved) {
    return fail("nothing was changed: review the plan above, then apply it with: " + shell_command(ctx.args) +
                " --auto-approve");
  }
  return std::optional<Loaded>(Loaded{std::move(*made), std::nullopt});
}

Result<int> run_apply(ApplyFlags& o, Context& ctx) {
  // A bad --lock-timeout is a usage error: said before anything is read or planned.
  auto wait_ms = util::parse_wait_duration_ms(o.lock_timeout);
  if (!wait_ms) return fail("--lock-timeout " + wait_ms.error().message);
  const bool saved = o.paths.size() == 1 && looks_like_saved_plan(o.paths[0]);
  if (!saved) {
    for (const auto& p : o.paths) {
      if (looks_like_saved_plan(p)) {
        return fail(p + " is a saved plan: apply it on its own (offsetctl apply " + p + ")");
      }
    }
  }
  if (saved && !o.targets.empty()) {
    return fail("--target chooses what is planned; a saved plan is applied whole: plan it again with --target "
                "and --out, or apply the plan files with --target and --auto-approve");
  }
  Loaded loaded;
  if (saved) {
    auto l = load_saved(o.paths[0], o.api);
    if (!l) return fail(std::move(l).error());
    loaded = std::move(*l);
  } else {
    int code = 0;
    auto l = plan_now(o, ctx, code);
    if (!l) return fail(std::move(l).error());
    if (!*l) return code;
    loaded = std::move(**l);
  }

  auto stats = std::make_shared<api::CallStats>();
  executor::ApplyProgress progress;
  engine::ApplyRequest request;
  request.clients = api_clients(o.api, ctx.clock, stats);
  request.dry_run = o.dry_run;
  request.audit_log = o.audit_log;
  request.max_in_flight = static_cast<size_t>(std::max(1, o.api.max_in_flight));
  request.lock_timeout_ms = static_cast<int>(*wait_ms);
  request.saved_file = loaded.saved_file;
  request.tool_version = OFFSETCTL_VERSION;
  request.progress = &progress;
  std::optional<ProgressLine> line;
  if (!o.quiet) {
    ProgressLine::Options shown;
    shown.terminal = ctx.err_is_tty;
    // A dry run sends no writes, so the rate limit says nothing about its time left.
    shown.writes_per_second = o.dry_run ? 0 : write_rate(o.api);
    line.emplace(progress, stats.get(), ctx.err, shown);
  }
  auto result = engine::apply(loaded.plan, request, ctx.clock);
  if (line) line->stop();
  if (!result) return fail(std::move(result).error());
  if (o.format == "json") {
    ctx.out << executor::render_apply_json(*result);
  } else if (!result->refused()) {
    executor::ApplyTextOptions text;
    text.color = ctx.color;
    text.every_partition = ctx.verbosity > 0;
    ctx.out << executor::render_apply_text(*result, text);
  }
  ctx.out.flush();
  write_step_summary(o.ci, [&result] { return executor::render_apply_markdown(*result); },
                     "see the job's log for the whole report", ctx);
  if (result->refused()) return fail(executor::describe_refusal(*result));
  if (result->exit_code() != 0) {
    ctx.err << "Some changes failed or could not be verified (see above): run the same command again to retry them; "
               "what is done already is left alone.\n";
  }
  return result->exit_code();
}

}  // namespace

Command apply_command() {
  return {"apply", "Change the committed offsets a saved plan (or, with --auto-approve, the plan files) says",
          [](CLI::App& sub) -> Runner {
            auto o = std::make_shared<ApplyFlags>();
            sub.add_option("plan", o->paths,
                           "A saved plan (offsetctl plan --out), or plan files and folders to plan and apply")
                ->required()
                ->type_name("SAVED_PLAN|PATH");
            sub.add_flag("--auto-approve", o->auto_approve,
                         "With plan files: apply the plan without a saved plan to review (it is printed first)");
            sub.add_flag("--dry-run", o->dry_run,
                         "Check drift and show what would be sent and verified; send no change, write no audit log");
            sub.add_option("--audit-log", o->audit_log, "Append the audit records to this file")
                ->type_name("FILE")
                ->capture_default_str();
            add_format_flag(sub, o->format, {"text", "json"});
            add_target_flag(sub, o->targets);
            sub.add_option("--lock-timeout", o->lock_timeout,
                           "How long to wait for another run holding the audit log, e.g. 10s or 1m (default 0s: "
                           "fail at once, naming it)")
                ->type_name("DURATION");
            sub.add_flag("--quiet", o->quiet,
                         "No progress line on standard error while the calls run (the report is printed as ever)");
            add_ci_flags(sub, o->ci);
            add_api_flags(sub, o->api);
            return [o](Context& ctx) -> Result<int> {
              api::TransportWarmUp warm_up;  // libcurl loads while the plan is read
              return run_apply(*o, ctx);
            };
          }};
}

}  // namespace offsetctl::cli
