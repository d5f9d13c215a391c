#include "executor/executor.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <utility>

#include "executor/batching.h"
#include "executor/drift.h"
#include "executor/live_offsets.h"
#include "executor/verify.h"
#include "planner/dts_plan.h"
#include "util/parallel.h"

namespace offsetctl::executor {
namespace {

using planner::Action;
using planner::PartitionChange;

// Serialises the sink (it is called from every group's thread) and stops the
// run at the first record it cannot write: a change whose intent is not on
// disk must not be sent.
class GuardedSink {
 public:
  explicit GuardedSink(audit::AuditSink& sink) : sink_(sink) {}

  bool intents(const std::vector<audit::ChangeFields>& fields) {
    std::lock_guard lock(mu_);
    if (broken_) return false;
    return check(sink_.change_intents(fields));
  }
  void results(const std::vector<std::pair<audit::ChangeFields, audit::ChangeOutcome>>& results) {
    std::lock_guard lock(mu_);
    if (broken_) return;
    check(sink_.change_results(results));
  }
  std::vector<std::string> problems() const {
    std::lock_guard lock(mu_);
    return problems_;
  }

 private:
  bool check(const Status<>& s) {
    if (s.ok()) return true;
    broken_ = true;
    problems_.push_back("the audit log could not be written: " + s.error().message +
                        "; no further change was sent");
    return false;
  }

  audit::AuditSink& sink_;
  mutable std::mutex mu_;
  bool broken_ = false;
  std::vector<std::string> problems_;
};

audit::ChangeFields fields_of(const PartitionChange& c, const WriteCall& call, int64_t call_number) {
  audit::ChangeFields f;
  f.instance = c.instance;
  f.group = c.group;
  f.topic = c.topic;
  f.partition = c.partition;
  f.before = c.current;
  if (!c.apply_timestamp) f.target = c.target;  // resolved by the service otherwise
  f.action = call.action();
  f.call = call_number;
  f.apply_timestamp = c.apply_timestamp;
  return f;
}

audit::ChangeOutcome audit_outcome(const CallOutcome& call, const PartitionOutcome& o) {
  audit::ChangeOutcome out;
  if (!call.request_id.empty()) out.request_id = call.request_id;
  if (!call.ok) {
    out.error_code = call.error_code;
    out.error_message = call.error_message;
  }
  out.verified = o.status == PartitionStatus::Verified;
  out.after = o.after;
  return out;
}

// The write actions answer Result.ReturnCode "OK" (BatchModifyGroupOffsets) or
// "0" (ModifyGroupOffsets) on success; anything else is the service declining.
bool accepted(const std::string& return_code) {
  std::string c;
  for (char ch : return_code) c += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return c.empty() || c == "OK" || c == "0" || c == "SUCCESS";
}

CallOutcome send(api::CkafkaApi& api, const WriteCall& call) {
  CallOutcome out;
  out.action = call.action();
  auto record = [&](const api::ApiResult<api::JgwOperateResponse>& answer) {
    if (answer.ok()) {
      out.request_id = answer->request_id;
      out.ok = accepted(answer->result.ReturnCode);
      if (!out.ok) {  // an answer without Response.Error that still says no
        out.error_code = "ReturnCode " + answer->result.ReturnCode;
        out.error_message = answer->result.ReturnMessage;
      }
    } else {
      const api::ApiFailure& f = answer.error();
      out.request_id = f.request_id;
      out.error_code = f.code.empty() ? "Error" : f.code;
      out.error_message = f.message;
    }
  };
  if (call.kind == WriteCall::Kind::Batch) {
    record(api.batch_modify_group_offsets(call.batch));
  } else {
    record(api.modify_group_offsets(call.modify));
  }
  spdlog::debug("{} {}/{}: {}{}", out.action, call.instance, call.group, out.ok ? "ok" : out.error_code,
                out.request_id.empty() ? "" : " (RequestId " + out.request_id + ")");
  return out;
}

// One group's calls in sequence, its read-back and its results. Writes only
// the outcomes of its own changes.
struct GroupRun {
  const GroupCalls* work;
  std::vector<int64_t> call_numbers;  // per call, from 1 across the run
  const GroupRead* read;
  api::CkafkaApi* api;
};

void run_group(const GroupRun& g, const std::vector<PartitionChange>& changes, const RegionClients& clients,
               GuardedSink& sink, std::vector<PartitionOutcome>& outcomes, std::vector<char>& filled,
               std::atomic<size_t>& batch_calls, std::atomic<size_t>& modify_calls) {
  struct Sent {
    const WriteCall* call;
    int64_t number;
    CallOutcome outcome;
  };
  std::vector<Sent> sent;
  for (size_t k = 0; k < g.work->calls.size(); ++k) {
    const WriteCall& call = g.work->calls[k];
    std::vector<audit::ChangeFields> intents;
    for (size_t i : call.changes) intents.push_back(fields_of(changes[i], call, g.call_numbers[k]));
    if (!sink.intents(intents)) {
      for (size_t i : call.changes) {
        PartitionOutcome o = unchanged(changes[i], std::nullopt, "");
        o.status = PartitionStatus::Skipped;
        o.action = call.action();
        o.error_code = "NotAttempted";
        o.error_message = "not sent: the audit log could not be written";
        outcomes[i] = std::move(o);
        filled[i] = 1;
      }
      continue;
    }
    ++(call.kind == WriteCall::Kind::Batch ? batch_calls : modify_calls);
    sent.push_back({&call, g.call_numbers[k], send(*g.api, call)});
  }
  if (sent.empty()) return;

  // The read-back: this group's offsets, every page, once all its calls are done.
  ReadSet one{{{g.work->instance, g.work->group}, *g.read}};
  LiveOffsets after = read_live_offsets(clients, one, false, 1);
  const LiveGroup* live = after.find(g.work->instance, g.work->group);

  std::vector<std::pair<audit::ChangeFields, audit::ChangeOutcome>> results;
  for (const Sent& s : sent) {
    for (size_t i : s.call->changes) {
      PartitionOutcome o = verify_change(changes[i], s.outcome, live);
      results.emplace_back(fields_of(changes[i], *s.call, s.number), audit_outcome(s.outcome, o));
      outcomes[i] = std::move(o);
      filled[i] = 1;
    }
  }
  sink.results(results);
}

// Which region each (instance, group) is in, as the saved plan recorded it.
std::map<GroupKey, std::string> regions_of(const report::SavedPlan& plan) {
  std::map<GroupKey, std::string> out;
  for (const auto& g : plan.result.groups) out[{g.instance, g.group}] = g.region;
  return out;
}

audit::RunCounts counts_of(const ApplyResult& r) {
  ApplySummary s = r.summary();
  audit::RunCounts c;
  c.changed = static_cast<int64_t>(s.changed);
  c.failed = static_cast<int64_t>(s.failed);
  c.unchanged = static_cast<int64_t>(s.unchanged);
  c.calls = static_cast<int64_t>(r.batch_calls + r.modify_calls);
  return c;
}

// Ends the run in the audit log; a failure there is one more problem of the run.
void finish(ApplyResult& r, audit::AuditSink& sink, const std::string& reason) {
  auto s = sink.run_finished(counts_of(r), r.exit_code(), reason);
  if (!s.ok()) r.problems.push_back("the audit log could not be written: " + s.error().message);
}

Result<ApplyResult> refuse(ApplyResult r, audit::AuditSink& sink, std::string headline, std::vector<std::string> details) {
  r.refusal = std::move(headline);
  r.refusal_details = std::move(details);
  r.partitions.clear();
  finish(r, sink, r.refusal);
  return r;
}

}  // namespace

Result<ApplyResult> apply_saved_plan(const report::SavedPlan& plan, const ClientFactory& clients, audit::AuditSink& audit,
                                     const ApplyOptions& options) {
  const std::vector<PartitionChange>& changes = plan.result.changes;
  if (std::any_of(changes.begin(), changes.end(), planner::is_dts_change)) {
    return fail("the plan has DtsOffsetPlan rows: apply them with apply_dts_plan (split_dts separates them)");
  }
  ApplyResult r;
  r.run_id = options.run_id;
  r.endpoint = plan.endpoint;
  r.region = plan.region;
  r.dry_run = options.dry_run;

  // The clients first: a configuration error must come before anything is written or read.
  std::map<GroupKey, std::string> regions = regions_of(plan);
  ReadSet reads;
  for (const PartitionChange& c : changes) {
    if (c.action != Action::Change) continue;
    GroupRead& read = reads[{c.instance, c.group}];
    auto it = regions.find({c.instance, c.group});
    read.region = it == regions.end() ? plan.region : it->second;
    if (read.topics.empty() || read.topics.back() != c.topic) read.topics.push_back(c.topic);
  }
  std::map<std::string, std::shared_ptr<api::CkafkaApi>> owned;
  RegionClients region_clients;
  for (const auto& [key, read] : reads) {
    if (owned.count(read.region)) continue;
    auto client = clients(read.region);
    if (!client.ok()) return fail(client.error());
    owned[read.region] = *client;
    region_clients[read.region] = owned[read.region].get();
  }
  for (auto& [key, read] : reads) {  // changes are sorted by topic within a group; be sure
    std::sort(read.topics.begin(), read.topics.end());
    read.topics.erase(std::unique(read.topics.begin(), read.topics.end()), read.topics.end());
  }

  if (auto s = audit.run_started(options.run); !s.ok()) {
    return fail("the audit log could not be written: " + s.error().message + "; nothing was changed");
  }

  // 1. Pre-flight.
  std::vector<std::string> changed_files = changed_plan_files(plan.files);
  if (!changed_files.empty()) return refuse(std::move(r), audit, kStalePlan, std::move(changed_files));
  std::vector<std::string> bad = unappliable_entries(changes);
  if (!bad.empty()) {
    return refuse(std::move(r), audit,
                  "the plan cannot be applied as a whole: fix what is blocked or invalid, then plan again",
                  std::move(bad));
  }

  // 2. Drift check.
  std::vector<bool> done(changes.size(), false);
  std::vector<std::optional<int64_t>> live_now(changes.size());
  if (!reads.empty()) {
    LiveOffsets live = read_live_offsets(region_clients, reads, true, options.max_in_flight);
    std::vector<std::string> unread;
    for (const auto& [key, g] : live.groups) {
      if (g.error) unread.push_back(key.second + ": " + g.error->describe());
    }
    if (!unread.empty()) {
      return refuse(std::move(r), audit, "could not read the groups again to check the plan against them",
                    std::move(unread));
    }
    DriftCheck drift = check_drift(changes, live);
    if (!drift.drift.empty()) {
      r.drift = std::move(drift.drift);
      return refuse(std::move(r), audit, kStalePlan, {});
    }
    for (size_t i : drift.at_target) {
      done[i] = true;
      live_now[i] = changes[i].target;
    }
  }

  // 3 and 4. The calls, group by group, then each group's read-back.
  std::vector<GroupCalls> groups = group_write_calls(plan_write_calls(changes, done));
  std::vector<GroupRun> runs;
  int64_t next_call = 1;
  for (const GroupCalls& g : groups) {
    GroupRun run{&g, {}, &reads.at({g.instance, g.group}), nullptr};
    run.api = region_clients.at(run.read->region);
    for (size_t k = 0; k < g.calls.size(); ++k) run.call_numbers.push_back(next_call++);
    runs.push_back(std::move(run));
  }
  GuardedSink sink(audit);
  // One slot per change, each written by the one group that owns it (a million
  // partitions: no second copy). vector<char>, not vector<bool>: distinct bytes.
  std::vector<PartitionOutcome> outcomes(changes.size());
  std::vector<char> filled(changes.size(), 0);
  std::atomic<size_t> batch_calls{0}, modify_calls{0};
  util::parallel_for(runs.size(), options.max_in_flight, [&](size_t i) {
    run_group(runs[i], changes, region_clients, sink, outcomes, filled, batch_calls, modify_calls);
  });
  r.batch_calls = batch_calls.load();
  r.modify_calls = modify_calls.load();
  r.problems = sink.problems();

  for (size_t i = 0; i < changes.size(); ++i) {
    if (filled[i]) continue;
    if (done[i]) {
      outcomes[i] = unchanged(changes[i], live_now[i], "already at its target");
      outcomes[i].already_at_target = true;
    } else {
      outcomes[i] = unchanged(changes[i], std::nullopt, "nothing to do");  // not read: a noop
    }
  }
  r.partitions = std::move(outcomes);
  // The saved plan is sorted already; the report relies on it, so be sure.
  std::stable_sort(r.partitions.begin(), r.partitions.end(), [](const PartitionOutcome& a, const PartitionOutcome& b) {
    return std::tie(a.instance, a.group, a.topic, a.partition) < std::tie(b.instance, b.group, b.topic, b.partition);
  });
  finish(r, audit, r.problems.empty() ? "" : r.problems.front());
  return r;
}

}  // namespace offsetctl::executor
