// offsetctl apply SAVED_PLAN | PATH... --auto-approve: changes the committed
// offsets a plan says, after checking nothing drifted since it was made, and
// records every change in the audit log (docs/apply.md).
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <tuple>

#include "api/client.h"
#include "api/endpoint.h"
#include "audit/actor.h"
#include "audit/git.h"
#include "audit/log.h"
#include "cli/cmd_plan.h"
#include "cli/commands.h"
#include "executor/apply_report.h"
#include "executor/dry_run.h"
#include "executor/dts_apply.h"
#include "executor/executor.h"
#include "planner/dts_plan.h"
#include "report/render.h"
#include "report/saved_plan.h"
#include "util/crypto.h"
#include "util/files.h"

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
  ApiFlags api;
};

// A saved plan is JSON (`offsetctl plan --out`); plan files are YAML documents,
// which never start with '{'. Only the first bytes are read.
bool looks_like_saved_plan(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  char c = 0;
  while (in.get(c)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{';
  }
  return false;
}

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

struct Loaded {
  report::SavedPlan plan;
  std::optional<audit::FileHash> saved_file;  // the saved plan applied, if any
};

Result<Loaded> load_saved(const std::string& path, ApiFlags& flags) {
  auto bytes = util::read_file(path, report::kMaxSavedPlanBytes);
  if (!bytes) return fail(std::move(bytes).error());
  auto plan = report::parse_saved_plan(*bytes, path);
  if (!plan) return fail(std::move(plan).error());
  if (auto s = use_plan_location(*plan, path, flags); !s) return fail(s.error());
  return Loaded{std::move(*plan), audit::FileHash{path, util::sha256_hex(*bytes)}};
}

// Plans the files now and shows the plan. Returns it as a saved plan would be,
// or nullopt (with the exit code in `code`) when the files do not load.
Result<std::optional<Loaded>> plan_now(const ApplyFlags& o, Context& ctx, int& code) {
  plan::LoadResult loaded = plan::load_plans(o.paths);
  if (!loaded.ok()) {
    print_load_errors(loaded, ctx.err, ctx.color);
    code = 1;
    return std::optional<Loaded>();
  }
  auto made = plan_live(loaded.plans, o.api, ctx.clock);
  if (!made) return fail(std::move(made).error());
  const bool approved = o.auto_approve || o.dry_run;  // a dry run changes nothing: no approval needed
  if (o.format == "json") {
    if (!approved) ctx.out << report::render_json(made->result);
  } else {
    ctx.out << report::render_text(made->result, report::TextOptions{ctx.color}) << "\n";
  }
  ctx.out.flush();
  if (!approved) {
    return fail(
        "nothing was changed: review the plan, then apply it with 'offsetctl apply PATH... --auto-approve', or "
        "save it with 'offsetctl plan PATH... --out FILE' and run 'offsetctl apply FILE'");
  }
  Loaded out;
  out.plan.created_at_ms = made->result.planned_at_ms;
  out.plan.result = std::move(made->result);
  for (const auto& f : loaded.plans.files) out.plan.files.push_back({f.path, f.sha256});
  out.plan.endpoint = report::redact_endpoint(made->endpoint);
  out.plan.region = made->region;
  out.plan.tool_version = OFFSETCTL_VERSION;
  return std::optional<Loaded>(std::move(out));
}

audit::RunStartedInfo run_info(const Loaded& l, const std::string& saved_path) {
  audit::RunStartedInfo info;
  info.actor = audit::current_actor();
  // The repository the plan files come from (else the one holding the saved plan).
  std::string anchor = !l.plan.files.empty() ? l.plan.files.front().path : saved_path;
  if (!anchor.empty()) info.repository = audit::find_git_checkout(anchor);
  for (const auto& f : l.plan.files) info.plan_files.push_back({f.path, f.sha256});
  info.saved_plan = l.saved_file;
  info.tool_version = OFFSETCTL_VERSION;
  info.endpoint = l.plan.endpoint;
  info.region = l.plan.region;
  if (info.region.empty()) {
    // The region the plan files name, when they agree: rollback writes it into its plan.
    std::set<std::string> regions;
    for (const auto& g : l.plan.result.groups)
      if (!g.region.empty()) regions.insert(g.region);
    if (regions.size() == 1) info.region = *regions.begin();
  }
  return info;
}

// One run of the audit log: opened (and locked) before the drift check, so
// that two applies of the same plan run one after the other and the second
// finds the first's changes done; closed (unlocked) when the run ends.
template <class Apply>
Result<executor::ApplyResult> audited_run(const ApplyFlags& o, Context& ctx, executor::ApplyOptions options,
                                          Apply&& apply) {
  if (o.dry_run) {
    audit::NullAuditSink nothing;  // a dry run writes nothing, not even the audit log
    options.run_id = "dry-run";
    return apply(nothing, options);
  }
  options.run_id = audit::make_run_id(ctx.clock.now_ms());
  auto log = audit::AuditLog::open(o.audit_log, options.run_id, ctx.clock);
  if (!log) return fail(std::move(log).error());
  if (auto line = (*log)->truncated_line()) {
    spdlog::warn("{}:{}: a record cut short by an earlier crash; the chain goes on from the record before it",
                 o.audit_log, *line);
  }
  audit::AuditLogSink sink(std::move(*log));
  return apply(sink, options);
}

planner::ClientFactory ckafka_factory(const ApplyFlags& o, const util::Clock& clock) {
  planner::ClientFactory real = ckafka_clients(o.api, clock);
  if (!o.dry_run) return real;
  // The one difference a dry run makes: writes are kept back (executor/dry_run.h).
  return [real](const std::string& region) -> Result<std::shared_ptr<api::CkafkaApi>> {
    auto client = real(region);
    if (!client) return fail(std::move(client).error());
    return std::shared_ptr<api::CkafkaApi>(std::make_shared<executor::DryRunApi>(std::move(*client)));
  };
}

// The two results of a plan with CKafka and DTS rows, as one report.
executor::ApplyResult merge(executor::ApplyResult a, executor::ApplyResult b) {
  if (a.run_id != b.run_id) a.run_ids = {a.run_id, b.run_id};
  a.refusal = a.refusal.empty() ? b.refusal : a.refusal;
  for (auto& x : b.refusal_details) a.refusal_details.push_back(std::move(x));
  for (auto& x : b.drift) a.drift.push_back(std::move(x));
  for (auto& x : b.problems) a.problems.push_back(std::move(x));
  for (auto& x : b.partitions) a.partitions.push_back(std::move(x));
  std::stable_sort(a.partitions.begin(), a.partitions.end(), [](const auto& x, const auto& y) {
    return std::tie(x.instance, x.group, x.topic, x.partition) < std::tie(y.instance, y.group, y.topic, y.partition);
  });
  a.batch_calls += b.batch_calls;
  a.modify_calls += b.modify_calls;
  a.reset_calls += b.reset_calls;
  return a;
}

Result<executor::ApplyResult> execute(const ApplyFlags& o, Context& ctx, const Loaded& loaded,
                                      const std::string& saved_path) {
  executor::ApplyOptions options;
  options.run = run_info(loaded, saved_path);
  options.max_in_flight = static_cast<size_t>(std::max(1, o.api.max_in_flight));
  options.dry_run = o.dry_run;
  auto ckafka = [&](const report::SavedPlan& plan) {
    return audited_run(o, ctx, options, [&](audit::AuditSink& sink, const executor::ApplyOptions& opts) {
      return executor::apply_saved_plan(plan, ckafka_factory(o, ctx.clock), sink, opts);
    });
  };
  const auto& changes = loaded.plan.result.changes;
  if (std::none_of(changes.begin(), changes.end(), planner::is_dts_change)) return ckafka(loaded.plan);

  // DtsOffsetPlan rows go through their own executor: the CKafka rows first,
  // then the DTS rows, as two runs of the audit log; a refusal stops there.
  if (o.dry_run) return fail("--dry-run does not cover DtsOffsetPlan rows yet: leave it out, or plan them apart");
  auto [ckafka_plan, dts_plan] = executor::split_dts(loaded.plan);
  std::optional<executor::ApplyResult> first;
  if (!ckafka_plan.result.changes.empty()) {
    auto r = ckafka(ckafka_plan);
    if (!r || r->refused()) return r;
    first = std::move(*r);
  }
  auto dts = audited_run(o, ctx, options, [&](audit::AuditSink& sink, const executor::ApplyOptions& opts)
                                              -> Result<executor::ApplyResult> {
    auto d = executor::apply_dts_plan(dts_plan, dts_clients(o.api, ctx.clock), sink, opts);
    if (!d) return fail(std::move(d).error());
    d->result.reset_calls = d->reset_calls;
    return std::move(d->result);
  });
  if (!dts) return dts;
  return first ? merge(std::move(*first), std::move(*dts)) : std::move(*dts);
}

Result<int> run_apply(ApplyFlags& o, Context& ctx) {
  const bool saved = o.paths.size() == 1 && looks_like_saved_plan(o.paths[0]);
  if (!saved) {
    for (const auto& p : o.paths) {
      if (looks_like_saved_plan(p)) {
        return fail(p + " is a saved plan: apply it on its own (offsetctl apply " + p + ")");
      }
    }
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

  auto result = execute(o, ctx, loaded, saved ? o.paths[0] : "");
  if (!result) return fail(std::move(result).error());
  if (o.format == "json") {
    ctx.out << executor::render_apply_json(*result);
  } else if (!result->refused()) {
    ctx.out << executor::render_apply_text(*result, executor::ApplyTextOptions{ctx.color});
  }
  ctx.out.flush();
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
            sub.add_option("--format", o->format, "Report format: text (default) or json")
                ->check(CLI::IsMember({"text", "json"}))
                ->type_name("FORMAT");
            add_api_flags(sub, o->api);
            return [o](Context& ctx) -> Result<int> { return run_apply(*o, ctx); };
          }};
}

}  // namespace offsetctl::cli
