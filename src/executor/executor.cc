#include "executor/executor.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
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

audit::ChangeFields fields_of(const PartitionChange& c, const WriteCall& call, int64_t call_number) {
  return audit_fields(c, call.action(), call_number);
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
               GuardedSink& sink, Outcomes& outcomes, CallCounts& calls) {
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
      const util::SharedString action = call.action(), code = "NotAttempted",
                               why = "not sent: the audit log could not be written";
      for (size_t i : call.changes) {
        PartitionOutcome o = outcome_of(changes[i]);
        o.status = PartitionStatus::Skipped;
        o.action = action;
        o.error_code = code;
        o.error_message = why;
        outcomes.set(i, std::move(o));
      }
      continue;
    }
    calls.sent(call.kind == WriteCall::Kind::Batch ? calls.batch : calls.modify);
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
      outcomes.set(i, std::move(o));
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

class CkafkaBackend final : public ApplyBackend {
 public:
  explicit CkafkaBackend(const ClientFactory& clients) : clients_(clients) {}

  Status<> connect(const report::SavedPlan& plan) override {
    std::map<GroupKey, std::string> regions = regions_of(plan);
    for (const PartitionChange& c : plan.result.changes) {
      if (c.action != Action::Change) continue;
      GroupRead& read = reads_[{c.instance, c.group}];
      auto it = regions.find({c.instance, c.group});
      read.region = it == regions.end() ? plan.region : it->second;
      if (read.topics.empty() || read.topics.back() != c.topic) read.topics.push_back(c.topic);
    }
    for (const auto& [key, read] : reads_) {
      if (owned_.count(read.region)) continue;
      auto client = clients_(read.region);
      if (!client.ok()) return fail(client.error());
      owned_[read.region] = *client;
      region_clients_[read.region] = owned_[read.region].get();
    }
    for (auto& [key, read] : reads_) {  // changes are sorted by topic within a group; be sure
      std::sort(read.topics.begin(), read.topics.end());
      read.topics.erase(std::unique(read.topics.begin(), read.topics.end()), read.topics.end());
    }
    return Ok{};
  }

  std::string unread_headline() const override {
    return "could not read the groups again to check the plan against them";
  }

  LiveCheck check_live(const std::vector<PartitionChange>& changes, size_t max_in_flight) override {
    LiveCheck out;
    if (reads_.empty()) return out;
    LiveOffsets live = read_live_offsets(region_clients_, reads_, true, max_in_flight);
    for (const auto& [key, g] : live.groups) {
      if (g.error) out.unread.push_back(key.second + ": " + g.error->describe());
    }
    if (!out.unread.empty()) return out;
    DriftCheck drift = check_drift(changes, live);
    out.drift = std::move(drift.drift);
    const util::SharedString note = "already at its target";
    for (size_t i : drift.at_target) {
      PartitionOutcome o = unchanged(changes[i], changes[i].target, note);
      o.already_at_target = true;
      out.done.emplace_back(i, std::move(o));
    }
    return out;
  }

  void write_and_verify(const std::vector<PartitionChange>& changes, const std::vector<bool>& done, GuardedSink& sink,
                        Outcomes& outcomes, CallCounts& calls, size_t max_in_flight) override {
    std::vector<GroupCalls> groups = group_write_calls(plan_write_calls(changes, done));
    std::vector<GroupRun> runs;
    int64_t next_call = 1;
    for (const GroupCalls& g : groups) {
      GroupRun run{&g, {}, &reads_.at({g.instance, g.group}), nullptr};
      run.api = region_clients_.at(run.read->region);
      for (size_t k = 0; k < g.calls.size(); ++k) run.call_numbers.push_back(next_call++);
      runs.push_back(std::move(run));
    }
    calls.planned(static_cast<size_t>(next_call - 1));
    util::parallel_for(runs.size(), max_in_flight,
                       [&](size_t i) { run_group(runs[i], changes, region_clients_, sink, outcomes, calls); });
  }

  PartitionOutcome noop(const PartitionChange& c) const override {
    return unchanged(c, std::nullopt, nothing_to_do_);  // not read: a noop
  }

 private:
  const util::SharedString nothing_to_do_ = "nothing to do";
  const ClientFactory& clients_;
  ReadSet reads_;
  std::map<std::string, std::shared_ptr<api::CkafkaApi>> owned_;
  RegionClients region_clients_;
};

}  // namespace

Result<ApplyResult> apply_saved_plan(const report::SavedPlan& plan, const ClientFactory& clients, audit::AuditSink& audit,
                                     const ApplyOptions& options) {
  const std::vector<PartitionChange>& changes = plan.result.changes;
  if (std::any_of(changes.begin(), changes.end(), planner::is_dts_change)) {
    return fail("the plan has DtsOffsetPlan rows: apply them with apply_dts_plan");
  }
  CkafkaBackend backend(clients);
  return run_apply(plan, backend, audit, options);
}

}  // namespace offsetctl::executor
