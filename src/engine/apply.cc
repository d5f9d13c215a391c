#include "engine/apply.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "audit/actor.h"
#include "audit/git.h"
#include "audit/log.h"
#include "executor/dry_run.h"
#include "executor/dry_run_dts.h"

namespace offsetctl::engine {
namespace {

audit::RunStartedInfo run_info(const report::SavedPlan& plan, const ApplyRequest& request) {
  audit::RunStartedInfo info;
  info.actor = audit::current_actor();
  // The repository the plan files come from (else the one holding the saved plan).
  std::string anchor = !plan.files.empty() ? plan.files.front().path
                                           : (request.saved_file ? request.saved_file->path : std::string());
  if (!anchor.empty()) info.repository = audit::find_git_checkout(anchor);
  for (const auto& f : plan.files) info.plan_files.push_back({f.path, f.sha256});
  info.saved_plan = request.saved_file;
  info.tool_version = request.tool_version;
  info.endpoint = plan.endpoint;
  info.region = plan.region;
  if (info.region.empty()) {
    // The region the plan files name, when they agree: rollback writes it into its plan.
    std::set<std::string> regions;
    for (const auto& g : plan.result.groups)
      if (!g.region.empty()) regions.insert(g.region);
    if (regions.size() == 1) info.region = *regions.begin();
  }
  return info;
}

// One run of the audit log: opened (and locked) before the drift check, so
// that two applies of the same plan run one after the other and the second
// finds the first's changes done; closed (unlocked) when the run ends.
Result<executor::ApplyResult> audited_run(const PlanKind& kind, const report::SavedPlan& rows, const Clients& clients,
                                          const ApplyRequest& request, executor::ApplyOptions options,
                                          const util::Clock& clock) {
  if (request.dry_run) {
    audit::NullAuditSink nothing;  // a dry run writes nothing, not even the audit log
    options.run_id = "dry-run";
    return kind.apply(rows, clients, nothing, options);
  }
  options.run_id = audit::make_run_id(clock.now_ms());
  auto log = audit::AuditLog::open(request.audit_log, options.run_id, clock);
  if (!log) return fail(std::move(log).error());
  if (auto line = (*log)->truncated_line()) {
    spdlog::warn("{}:{}: a record cut short by an earlier crash; the chain goes on from the record before it",
                 request.audit_log, *line);
  }
  audit::AuditLogSink sink(std::move(*log));
  return kind.apply(rows, clients, sink, options);
}

// The results of several runs (one per kind), as one report.
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

}  // namespace

report::SavedPlan rows_of_kind(const report::SavedPlan& plan, const PlanKind& kind, bool unclaimed) {
  report::SavedPlan part;
  part.files = plan.files;
  part.endpoint = plan.endpoint;
  part.region = plan.region;
  part.created_at_ms = plan.created_at_ms;
  part.tool_version = plan.tool_version;
  part.result.planned_at_ms = plan.result.planned_at_ms;
  std::set<std::pair<std::string, std::string>> mine, others;
  for (const auto& c : plan.result.changes) {
    if (kind.owns(c)) {
      part.result.changes.push_back(c);
      mine.insert({c.instance, c.group});
    } else {
      others.insert({c.instance, c.group});
    }
  }
  for (const auto& g : plan.result.groups) {
    const std::pair<std::string, std::string> key{g.instance, g.group};
    if (mine.count(key) || (unclaimed && !others.count(key))) part.result.groups.push_back(g);
  }
  planner::merge_plan_results(part.result, {});  // recounts the summary
  return part;
}

Clients dry_run_clients(Clients real) {
  Clients out;
  out.ckafka = [ckafka = std::move(real.ckafka)](const std::string& region)
      -> Result<std::shared_ptr<api::CkafkaApi>> {
    auto client = ckafka(region);
    if (!client) return fail(std::move(client).error());
    return std::shared_ptr<api::CkafkaApi>(std::make_shared<executor::DryRunApi>(std::move(*client)));
  };
  out.dts = [dts = std::move(real.dts)](const std::string& region) -> Result<std::shared_ptr<api::DtsApi>> {
    auto client = dts(region);
    if (!client) return fail(std::move(client).error());
    return std::shared_ptr<api::DtsApi>(std::make_shared<executor::DryRunDtsApi>(std::move(*client)));
  };
  return out;
}

Result<executor::ApplyResult> apply(const report::SavedPlan& plan, const ApplyRequest& request,
                                    const util::Clock& clock) {
  const Clients clients = request.dry_run ? dry_run_clients(request.clients) : request.clients;
  executor::ApplyOptions options;
  options.run = run_info(plan, request);
  options.max_in_flight = std::max<size_t>(1, request.max_in_flight);
  options.dry_run = request.dry_run;
  options.progress = request.progress;
  if (request.progress) request.progress->add_totals(plan.result.changes);

  const auto kinds = plan_kinds();
  const auto& changes = plan.result.changes;
  std::vector<const PlanKind*> present;
  for (const auto& kind : kinds) {
    if (std::any_of(changes.begin(), changes.end(), [&](const auto& c) { return kind->owns(c); })) {
      present.push_back(kind.get());
    }
  }
  // One kind (or an empty plan): the plan as it is, not a copy of a million rows.
  if (present.size() <= 1) {
    const PlanKind& kind = present.empty() ? *kinds.front() : *present.front();
    return audited_run(kind, plan, clients, request, options, clock);
  }
  // Several kinds: one run each, in plan_kinds() order; a refusal stops there.
  std::optional<executor::ApplyResult> so_far;
  for (size_t k = 0; k < present.size(); ++k) {
    auto r = audited_run(*present[k], rows_of_kind(plan, *present[k], k == 0), clients, request, options, clock);
    if (!r) return r;
    if (r->refused() && k + 1 < present.size()) {
      if (!so_far) return r;
      return merge(std::move(*so_far), std::move(*r));
    }
    so_far = so_far ? merge(std::move(*so_far), std::move(*r)) : std::move(*r);
  }
  return std::move(*so_far);
}

}  // namespace offsetctl::engine
