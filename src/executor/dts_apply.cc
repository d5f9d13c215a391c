#include "executor/dts_apply.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "api/paging.h"
#include "executor/drift.h"
#include "executor/verify.h"

namespace offsetctl::executor {
namespace {

using planner::Action;
using planner::PartitionChange;

using Groups = std::map<std::string, api::DtsGroupInfo>;  // by full name

api::ApiResult<Groups> read_groups(api::DtsApi& api, const std::string& subscribe_id) {
  api::DescribeConsumerGroupsRequest req;
  req.SubscribeId = subscribe_id;
  auto r = api::describe_all_consumer_groups(api, req);
  if (!r) return fail(r.error());
  Groups g;
  for (auto& item : r->result.Items) {
    std::string name = item.ConsumerGroupName;
    g.emplace(std::move(name), std::move(item));
  }
  return api::Answer<Groups>{std::move(g), r->request_id};
}

const api::DtsGroupInfo* find_group(const Groups& groups, const PartitionChange& c) {
  auto it = groups.find(planner::dts_full_group_name(c.instance, c.group));
  return it == groups.end() ? nullptr : &it->second;
}

std::string state_of(const api::DtsGroupInfo* g) { return g ? g->ConsumerGroupState : std::string("Dead"); }

const api::PartitionOffsetState* partition_of(const api::DtsGroupInfo* g, int32_t p) {
  if (!g) return nullptr;
  for (const auto& s : g->StateOfPartition) {
    if (s.PartitionNo == p) return &s;
  }
  return nullptr;
}

std::optional<int64_t> committed_of(const api::DtsGroupInfo* g, int32_t p) {
  const auto* s = partition_of(g, p);
  if (!s || s->ConsumerGroupOffset < 0) return std::nullopt;
  return s->ConsumerGroupOffset;
}

std::string clients_text(const api::DtsGroupInfo* g) {
  if (!g || g->PartitionAssignment.empty()) return "";
  std::string s;
  for (size_t i = 0; i < g->PartitionAssignment.size(); ++i) s += (i ? ", " : "") + g->PartitionAssignment[i].ClientId;
  return " with " + std::to_string(g->PartitionAssignment.size()) + " member" +
         (g->PartitionAssignment.size() == 1 ? "" : "s") + " (" + s + ")";
}


const char* mode_of(int64_t apply_timestamp) {
  if (apply_timestamp == -2) return "earliest";
  if (apply_timestamp == -1) return "latest";
  return "datetime";
}

audit::ChangeFields fields_of(const PartitionChange& c, int64_t call) {
  audit::ChangeFields f;
  f.instance = c.instance;
  f.group = c.group;
  f.topic = c.topic;
  f.partition = c.partition;
  f.before = c.current;
  f.target = c.target;
  f.action = kDtsResetAction;
  f.call = call;
  f.apply_timestamp = c.apply_timestamp;
  return f;
}

struct Call {
  std::vector<size_t> rows;  // indexes into the changes
  int64_t number = 0;
  std::optional<api::ApiFailure> failure;
  std::string request_id;
};

void finish(DtsApplyResult& d, audit::AuditSink& audit, const std::string& reason) {
  ApplySummary s = d.result.summary();
  audit::RunCounts counts;
  counts.changed = static_cast<int64_t>(s.changed);
  counts.failed = static_cast<int64_t>(s.failed);
  counts.unchanged = static_cast<int64_t>(s.unchanged);
  counts.calls = static_cast<int64_t>(d.reset_calls);
  if (auto st = audit.run_finished(counts, d.result.exit_code(), reason); !st.ok()) {
    d.result.problems.push_back("the audit log could not be written: " + st.error().message);
  }
}

Result<DtsApplyResult> refuse(DtsApplyResult d, audit::AuditSink& audit, std::string headline,
                              std::vector<std::string> details) {
  d.result.refusal = std::move(headline);
  d.result.refusal_details = std::move(details);
  d.result.partitions.clear();
  finish(d, audit, d.result.refusal);
  return d;
}

}  // namespace

std::pair<report::SavedPlan, report::SavedPlan> split_dts(const report::SavedPlan& plan) {
  report::SavedPlan ckafka = plan, dts = plan;
  ckafka.result.changes.clear();
  ckafka.result.groups.clear();
  dts.result.changes.clear();
  dts.result.groups.clear();
  std::set<std::pair<std::string, std::string>> dts_groups;
  for (const auto& c : plan.result.changes) {
    if (planner::is_dts_change(c)) {
      dts.result.changes.push_back(c);
      dts_groups.insert({c.instance, c.group});
    } else {
      ckafka.result.changes.push_back(c);
    }
  }
  for (const auto& g : plan.result.groups) {
    (dts_groups.count({g.instance, g.group}) ? dts : ckafka).result.groups.push_back(g);
  }
  planner::merge_plan_results(ckafka.result, {});
  planner::merge_plan_results(dts.result, {});
  return {std::move(ckafka), std::move(dts)};
}

Result<DtsApplyResult> apply_dts_plan(const report::SavedPlan& plan, const planner::DtsClientFactory& clients,
                                      audit::AuditSink& audit, const ApplyOptions& options) {
  std::vector<PartitionChange> changes;
  for (const auto& c : plan.result.changes) {
    if (planner::is_dts_change(c)) changes.push_back(c);
  }
  DtsApplyResult d;
  ApplyResult& r = d.result;
  r.run_id = options.run_id;
  r.endpoint = plan.endpoint;
  r.region = plan.region;
  r.dry_run = options.dry_run;

  // The clients first: a configuration error comes before anything is written or read.
  std::map<std::string, std::string> region_of;  // subscribeId -> region
  for (const auto& g : plan.result.groups) {
    if (!g.region.empty() && !region_of.count(g.instance)) region_of[g.instance] = g.region;
  }
  std::map<std::string, std::shared_ptr<api::DtsApi>> by_region;
  std::map<std::string, api::DtsApi*> api_of;  // subscribeId -> client
  for (const auto& c : changes) {
    if (c.action != Action::Change || api_of.count(c.instance)) continue;
    std::string region = region_of.count(c.instance) ? region_of[c.instance] : plan.region;
    if (!by_region.count(region)) {
      auto client = clients(region);
      if (!client.ok()) return fail(client.error());
      by_region[region] = *client;
    }
    api_of[c.instance] = by_region[region].get();
  }

  if (auto s = audit.run_started(options.run); !s.ok()) {
    return fail("the audit log could not be written: " + s.error().message + "; nothing was changed");
  }

  // 1. Pre-flight.
  std::vector<std::string> changed_files = changed_plan_files(plan.files);
  if (!changed_files.empty()) return refuse(std::move(d), audit, kStalePlan, std::move(changed_files));
  std::vector<std::string> bad = unappliable_entries(changes);
  if (!bad.empty()) {
    return refuse(std::move(d), audit,
                  "the plan cannot be applied as a whole: fix what is blocked or invalid, then plan again",
                  std::move(bad));
  }

  // 2. Drift check: the groups as the plan saw them.
  std::map<std::string, Groups> before;
  std::vector<std::string> unread;
  for (const auto& [id, api] : api_of) {
    auto g = read_groups(*api, id);
    if (!g.ok()) {
      unread.push_back(id + ": " + g.error().describe());
      continue;
    }
    before[id] = std::move(g->result);
  }
  if (!unread.empty()) {
    return refuse(std::move(d), audit, "could not read the subscriptions again to check the plan against them",
                  std::move(unread));
  }
  std::vector<size_t> todo;
  std::vector<std::optional<PartitionOutcome>> outcomes(changes.size());
  std::set<std::pair<std::string, std::string>> groups_seen;
  for (size_t i = 0; i < changes.size(); ++i) {
    const PartitionChange& c = changes[i];
    if (c.action != Action::Change) continue;
    const api::DtsGroupInfo* g = find_group(before[c.instance], c);
    const std::string state = state_of(g);
    if (state != "Dead" && state != "Empty") {
      if (groups_seen.insert({c.instance, c.group}).second) {
        r.drift.push_back(Drift{c.instance, c.group, "", std::nullopt,
                                c.group + ": the group is " + state + clients_text(g) +
                                    "; ResetConsumerGroupOffset silently does nothing unless it is Dead or Empty: "
                                    "stop its consumers"});
      }
      continue;
    }
    std::optional<int64_t> now = committed_of(g, c.partition);
    if (now == c.current) {
      todo.push_back(i);
    } else if (c.target && now == c.target) {
      PartitionOutcome o = outcome_of(c);
      o.after = now;
      o.note = "already at its target";
      outcomes[i] = std::move(o);
    } else {
      r.drift.push_back(Drift{c.instance, c.group, c.topic, c.partition,
                              partition_name(c) + ": " +
                                  (now ? "committed offset is " + std::to_string(*now)
                                       : std::string("nothing is committed")) +
                                  ", the plan saw " + offset_text(c.current)});
    }
  }
  if (!r.drift.empty()) return refuse(std::move(d), audit, kStalePlan, {});

  // 3. One call per (group, topic, mode/datetime): changes are sorted by group, topic, partition.
  std::map<std::tuple<std::string, std::string, std::string, int64_t>, Call> calls_by_key;
  std::vector<Call*> calls;
  for (size_t i : todo) {
    const PartitionChange& c = changes[i];
    auto key = std::make_tuple(c.instance, c.group, c.topic, c.apply_timestamp.value_or(-2));
    auto [it, fresh] = calls_by_key.try_emplace(key);
    if (fresh) calls.push_back(&it->second);
    it->second.rows.push_back(i);
  }
  int64_t next_call = 1;
  bool audit_broken = false;
  for (Call* call : calls) {
    call->number = next_call++;
    const PartitionChange& first = changes[call->rows.front()];
    std::vector<audit::ChangeFields> intents;
    for (size_t i : call->rows) intents.push_back(fields_of(changes[i], call->number));
    if (!audit_broken) {
      if (auto s = audit.change_intents(intents); !s.ok()) {
        r.problems.push_back("the audit log could not be written: " + s.error().message +
                             "; the changes not yet sent were skipped");
        audit_broken = true;
      }
    }
    if (audit_broken) {
      for (size_t i : call->rows) {
        PartitionOutcome o = outcome_of(changes[i]);
        o.status = PartitionStatus::Skipped;
        o.note = "not sent: the audit log could not be written";
        outcomes[i] = std::move(o);
      }
      continue;
    }
    api::ResetConsumerGroupOffsetRequest req;
    req.SubscribeId = first.instance;
    req.TopicName = first.topic;
    req.ConsumerGroupName = first.group;  // the short name: the API builds consumer-grp-<id>-<name>
    for (size_t i : call->rows) req.PartitionNos.push_back(changes[i].partition);
    int64_t ts = first.apply_timestamp.value_or(-2);
    req.ResetMode = mode_of(ts);
    if (req.ResetMode == "datetime") req.ResetDatetime = planner::dts_datetime(ts);
    auto answer = api_of.at(first.instance)->reset_consumer_group_offset(req);
    ++d.reset_calls;
    if (answer.ok()) {
      call->request_id = answer->request_id;
    } else {
      call->failure = answer.error();
      call->request_id = answer.error().request_id;
    }
  }

  // 4. Verification: the groups read back, and the offsets each mode means now.
  std::map<std::string, api::ApiResult<Groups>> after;
  std::map<std::pair<std::string, int64_t>, std::map<int32_t, int64_t>> expected_at;  // (id, ms) -> offsets
  std::map<std::pair<std::string, int64_t>, std::string> expected_error;
  for (const Call* call : calls) {
    const PartitionChange& first = changes[call->rows.front()];
    api::DtsApi& api = *api_of.at(first.instance);
    if (!after.count(first.instance)) after.emplace(first.instance, read_groups(api, first.instance));
    int64_t ts = first.apply_timestamp.value_or(-2);
    if (ts == -1) continue;  // latest: the lag read back is 0
    // earliest: the offset nearest before the epoch, i.e. the first one still in the log.
    int64_t ms = ts == -2 ? planner::kDtsEarliestProbeMs : ts;
    auto key = std::make_pair(first.instance, ms);
    if (expected_at.count(key) || expected_error.count(key)) continue;
    api::DescribeOffsetByTimeRequest req;
    req.SubscribeId = first.instance;
    req.Time = planner::dts_datetime(ms);
    auto by_time = api.describe_offset_by_time(req);
    if (!by_time.ok()) {
      expected_error[key] = by_time.error().describe();
      continue;
    }
    for (const auto& item : by_time->result) expected_at[key][static_cast<int32_t>(item.PartitionNo)] = item.Offset;
  }

  for (const Call* call : calls) {
    const PartitionChange& first = changes[call->rows.front()];
    if (outcomes[call->rows.front()]) continue;  // skipped
    const auto& read = after.at(first.instance);
    int64_t ts = first.apply_timestamp.value_or(-2);
    std::vector<std::pair<audit::ChangeFields, audit::ChangeOutcome>> results;
    for (size_t i : call->rows) {
      const PartitionChange& c = changes[i];
      PartitionOutcome o = outcome_of(c);
      o.action = kDtsResetAction;
      o.request_id = call->request_id;
      std::optional<int64_t> expected;
      std::string unknown_why;
      if (!read.ok()) {
        unknown_why = "the group could not be read back: " + read.error().describe();
      } else {
        const api::DtsGroupInfo* g = find_group(read->result, c);
        o.after = committed_of(g, c.partition);
        if (ts == -1) {
          if (const auto* s = partition_of(g, c.partition); s && s->ConsumerGroupOffset >= 0) {
            expected = s->ConsumerGroupOffset + s->ConsumerGroupLag;
          }
        } else {
          auto key = std::make_pair(c.instance, ts == -2 ? planner::kDtsEarliestProbeMs : ts);
          if (auto e = expected_at.find(key); e != expected_at.end()) {
            if (auto p = e->second.find(c.partition); p != e->second.end()) expected = p->second;
          } else if (auto err = expected_error.find(key); err != expected_error.end()) {
            unknown_why = "the expected offset could not be read: " + err->second;
          }
        }
        if (call->failure) {
          o.error_code = call->failure->code;
          o.error_message = call->failure->describe();
          if (expected && o.after == expected) {
            o.status = PartitionStatus::Verified;
            o.note = "the call failed but the offset is at its target";
          } else {
            o.status = PartitionStatus::Failed;
          }
        } else if (expected && o.after == expected) {
          o.status = PartitionStatus::Verified;
        } else if (o.after == c.current) {
          // The documented trap: success answered, nothing done (the group was not Dead or Empty).
          o.status = PartitionStatus::Failed;
          o.error_code = "NotPerformed";
          o.error_message = std::string(kDtsResetAction) + " answered success (RequestId " + call->request_id +
                            ") but the committed offset is still " + offset_text(o.after) + "; the group is " +
                            state_of(g) + clients_text(g) +
                            ": the API silently ignores a reset unless the group is Dead or Empty";
        } else {
          o.status = PartitionStatus::NotVerified;
          o.error_code = "NotVerified";
          o.error_message = "the offset read back is " + offset_text(o.after) + ", expected " +
                            (expected ? std::to_string(*expected) : "unknown (" + unknown_why + ")");
        }
      }
      if (!unknown_why.empty() && !read.ok()) {
        o.status = call->failure ? PartitionStatus::Failed : PartitionStatus::NotVerified;
        o.error_code = call->failure ? call->failure->code : "NotVerified";
        o.error_message = call->failure ? call->failure->describe() : unknown_why;
      }
      audit::ChangeOutcome co;
      if (!call->request_id.empty()) co.request_id = call->request_id;
      if (!o.error_code.empty()) {
        co.error_code = o.error_code;
        co.error_message = o.error_message;
      }
      co.verified = o.status == PartitionStatus::Verified;
      co.after = o.after;
      results.emplace_back(fields_of(c, call->number), co);
      outcomes[i] = std::move(o);
    }
    if (!audit_broken) {
      if (auto s = audit.change_results(results); !s.ok()) {
        r.problems.push_back("the audit log could not be written: " + s.error().message);
        audit_broken = true;
      }
    }
  }

  for (size_t i = 0; i < changes.size(); ++i) {
    if (outcomes[i]) {
      r.partitions.push_back(std::move(*outcomes[i]));
    } else {
      PartitionOutcome o = outcome_of(changes[i]);
      o.after = changes[i].current;
      r.partitions.push_back(std::move(o));  // a noop in the plan
    }
  }
  finish(d, audit, "");
  return d;
}

}  // namespace offsetctl::executor
