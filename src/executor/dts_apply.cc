#include "executor/dts_apply.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "api/paging.h"
#include "executor/drift.h"
#include "executor/pipeline.h"
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
  return audit_fields(c, kDtsResetAction, call, true);  // the target is the preview
}

// One ResetConsumerGroupOffset: a (group, topic, mode/datetime) and its partitions.
struct Call {
  std::vector<size_t> rows;  // indexes into the changes
  int64_t number = 0;
  std::optional<api::ApiFailure> failure;
  std::string request_id;
};

// What verification compares against: the offset each mode means now.
struct Expected {
  std::map<std::pair<std::string, int64_t>, std::map<int32_t, int64_t>> at;  // (id, ms) -> offsets
  std::map<std::pair<std::string, int64_t>, std::string> error;
};

// The verdict on one partition of a call, from the group read back.
PartitionOutcome verify_row(const PartitionChange& c, const Call& call, const api::ApiResult<Groups>& read,
                            const Expected& expected_at) {
  int64_t ts = c.apply_timestamp.value_or(-2);
  PartitionOutcome o = outcome_of(c);
  o.action = kDtsResetAction;
  o.request_id = call.request_id;
  std::optional<int64_t> expected;
  std::string unknown_why;
  if (!read.ok()) {
    unknown_why = "the group could not be read back: " + read.error().describe();
    o.status = call.failure ? PartitionStatus::Failed : PartitionStatus::NotVerified;
    o.error_code = call.failure ? call.failure->code : "NotVerified";
    o.error_message = call.failure ? call.failure->describe() : unknown_why;
    return o;
  }
  const api::DtsGroupInfo* g = find_group(read->result, c);
  o.after = committed_of(g, c.partition);
  if (ts == -1) {
    if (const auto* s = partition_of(g, c.partition); s && s->ConsumerGroupOffset >= 0) {
      expected = s->ConsumerGroupOffset + s->ConsumerGroupLag;
    }
  } else {
    auto key = std::make_pair(c.instance, ts == -2 ? planner::kDtsEarliestProbeMs : ts);
    if (auto e = expected_at.at.find(key); e != expected_at.at.end()) {
      if (auto p = e->second.find(c.partition); p != e->second.end()) expected = p->second;
    } else if (auto err = expected_at.error.find(key); err != expected_at.error.end()) {
      unknown_why = "the expected offset could not be read: " + err->second;
    }
  }
  if (call.failure) {
    o.error_code = call.failure->code;
    o.error_message = call.failure->describe();
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
    o.error_message = std::string(kDtsResetAction) + " answered success (RequestId " + call.request_id +
                      ") but the committed offset is still " + offset_text(o.after) + "; the group is " +
                      state_of(g) + clients_text(g) +
                      ": the API silently ignores a reset unless the group is Dead or Empty";
  } else {
    o.status = PartitionStatus::NotVerified;
    o.error_code = "NotVerified";
    o.error_message = "the offset read back is " + offset_text(o.after) + ", expected " +
                      (expected ? std::to_string(*expected) : "unknown (" + unknown_why + ")");
  }
  return o;
}

audit::ChangeOutcome audit_outcome_of(const PartitionOutcome& o) {
  audit::ChangeOutcome co;
  if (!o.request_id.empty()) co.request_id = o.request_id;
  if (!o.error_code.empty()) {
    co.error_code = o.error_code;
    co.error_message = o.error_message;
  }
  co.verified = o.status == PartitionStatus::Verified;
  co.after = o.after;
  return co;
}

class DtsBackend final : public ApplyBackend {
 public:
  explicit DtsBackend(const planner::DtsClientFactory& clients) : clients_(clients) {}

  Status<> connect(const report::SavedPlan& plan) override {
    std::map<std::string, std::string> region_of;  // subscribeId -> region
    for (const auto& g : plan.result.groups) {
      if (!g.region.empty() && !region_of.count(g.instance)) region_of[g.instance] = g.region;
    }
    for (const auto& c : plan.result.changes) {
      if (c.action != Action::Change || api_of_.count(c.instance)) continue;
      std::string region = region_of.count(c.instance) ? region_of[c.instance] : plan.region;
      if (!by_region_.count(region)) {
        auto client = clients_(region);
        if (!client.ok()) return fail(client.error());
        by_region_[region] = *client;
      }
      api_of_[c.instance] = by_region_[region].get();
    }
    return Ok{};
  }

  std::string unread_headline() const override {
    return "could not read the subscriptions again to check the plan against them";
  }

  // The groups as the plan saw them: DescribeConsumerGroups of every subscription.
  LiveCheck check_live(const std::vector<PartitionChange>& changes, size_t) override {
    LiveCheck out;
    std::map<std::string, Groups> before;
    for (const auto& [id, api] : api_of_) {
      auto g = read_groups(*api, id);
      if (!g.ok()) {
        out.unread.push_back(id + ": " + g.error().describe());
        continue;
      }
      before[id] = std::move(g->result);
    }
    if (!out.unread.empty()) return out;
    std::set<std::pair<std::string, std::string>> groups_seen;
    for (size_t i = 0; i < changes.size(); ++i) {
      const PartitionChange& c = changes[i];
      if (c.action != Action::Change) continue;
      const api::DtsGroupInfo* g = find_group(before[c.instance], c);
      const std::string state = state_of(g);
      if (state != "Dead" && state != "Empty") {
        if (groups_seen.insert({c.instance, c.group}).second) {
          out.drift.push_back(Drift{c.instance, c.group, "", std::nullopt,
                                    c.group + ": the group is " + state + clients_text(g) +
                                        "; ResetConsumerGroupOffset silently does nothing unless it is Dead or "
                                        "Empty: stop its consumers"});
        }
        continue;
      }
      std::optional<int64_t> now = committed_of(g, c.partition);
      if (now == c.current) continue;  // to change
      if (c.target && now == c.target) {
        PartitionOutcome o = outcome_of(c);
        o.after = now;
        o.note = "already at its target";
        out.done.emplace_back(i, std::move(o));
      } else {
        out.drift.push_back(Drift{c.instance, c.group, c.topic, c.partition,
                                  partition_name(c) + ": " +
                                      (now ? "committed offset is " + std::to_string(*now)
                                           : std::string("nothing is committed")) +
                                      ", the plan saw " + offset_text(c.current)});
      }
    }
    return out;
  }

  void write_and_verify(const std::vector<PartitionChange>& changes, const std::vector<bool>& done, GuardedSink& sink,
                        Outcomes& outcomes, CallCounts& counts, size_t) override {
    // One call per (group, topic, mode/datetime): changes are sorted by group, topic, partition.
    std::map<std::tuple<std::string, std::string, std::string, int64_t>, Call> calls_by_key;
    std::vector<Call*> calls;
    for (size_t i = 0; i < changes.size(); ++i) {
      const PartitionChange& c = changes[i];
      if (c.action != Action::Change || done[i]) continue;
      auto key = std::make_tuple(c.instance, c.group, c.topic, c.apply_timestamp.value_or(-2));
      auto [it, fresh] = calls_by_key.try_emplace(key);
      if (fresh) calls.push_back(&it->second);
      it->second.rows.push_back(i);
    }
    std::vector<Call*> sent;
    int64_t next_call = 1;
    counts.planned(calls.size());
    for (Call* call : calls) {
      call->number = next_call++;
      if (!send(changes, *call, sink, outcomes)) continue;
      sent.push_back(call);
      counts.sent(counts.reset);
    }
    verify(changes, sent, sink, outcomes);
  }

  PartitionOutcome noop(const PartitionChange& c) const override {
    PartitionOutcome o = outcome_of(c);
    o.after = c.current;
    return o;
  }

 private:
  // The call's change_intent records, then the call; false when the audit log
  // could not be written (the rows are then skipped, nothing is sent).
  bool send(const std::vector<PartitionChange>& changes, Call& call, GuardedSink& sink, Outcomes& outcomes) {
    const PartitionChange& first = changes[call.rows.front()];
    std::vector<audit::ChangeFields> intents;
    for (size_t i : call.rows) intents.push_back(fields_of(changes[i], call.number));
    if (!sink.intents(intents)) {
      for (size_t i : call.rows) {
        PartitionOutcome o = unchanged(changes[i], std::nullopt, "");
        o.status = PartitionStatus::Skipped;
        o.action = kDtsResetAction;
        o.error_code = "NotAttempted";
        o.error_message = "not sent: the audit log could not be written";
        outcomes.set(i, std::move(o));
      }
      return false;
    }
    api::ResetConsumerGroupOffsetRequest req;
    req.SubscribeId = first.instance;
    req.TopicName = first.topic;
    req.ConsumerGroupName = first.group;  // the short name: the API builds consumer-grp-<id>-<name>
    for (size_t i : call.rows) req.PartitionNos.push_back(changes[i].partition);
    int64_t ts = first.apply_timestamp.value_or(-2);
    req.ResetMode = mode_of(ts);
    if (req.ResetMode == "datetime") req.ResetDatetime = planner::dts_datetime(ts);
    auto answer = api_of_.at(first.instance)->reset_consumer_group_offset(req);
    if (answer.ok()) {
      call.request_id = answer->request_id;
    } else {
      call.failure = answer.error();
      call.request_id = answer.error().request_id;
    }
    return true;
  }

  // The groups read back, and the offsets each mode means now.
  void verify(const std::vector<PartitionChange>& changes, const std::vector<Call*>& sent, GuardedSink& sink,
              Outcomes& outcomes) {
    std::map<std::string, api::ApiResult<Groups>> after;
    Expected expected;
    for (const Call* call : sent) {
      const PartitionChange& first = changes[call->rows.front()];
      api::DtsApi& api = *api_of_.at(first.instance);
      if (!after.count(first.instance)) after.emplace(first.instance, read_groups(api, first.instance));
      int64_t ts = first.apply_timestamp.value_or(-2);
      if (ts == -1) continue;  // latest: the lag read back is 0
      // earliest: the offset nearest before the epoch, i.e. the first one still in the log.
      auto key = std::make_pair(first.instance, ts == -2 ? planner::kDtsEarliestProbeMs : ts);
      if (expected.at.count(key) || expected.error.count(key)) continue;
      api::DescribeOffsetByTimeRequest req;
      req.SubscribeId = first.instance;
      req.Time = planner::dts_datetime(key.second);
      auto by_time = api.describe_offset_by_time(req);
      if (!by_time.ok()) {
        expected.error[key] = by_time.error().describe();
        continue;
      }
      for (const auto& item : by_time->result) expected.at[key][static_cast<int32_t>(item.PartitionNo)] = item.Offset;
    }
    for (const Call* call : sent) {
      const auto& read = after.at(changes[call->rows.front()].instance);
      std::vector<std::pair<audit::ChangeFields, audit::ChangeOutcome>> results;
      for (size_t i : call->rows) {
        PartitionOutcome o = verify_row(changes[i], *call, read, expected);
        results.emplace_back(fields_of(changes[i], call->number), audit_outcome_of(o));
        outcomes.set(i, std::move(o));
      }
      sink.results(results);
    }
  }

  const planner::DtsClientFactory& clients_;
  std::map<std::string, std::shared_ptr<api::DtsApi>> by_region_;
  std::map<std::string, api::DtsApi*> api_of_;  // subscribeId -> client
};

}  // namespace

Result<ApplyResult> apply_dts_plan(const report::SavedPlan& plan, const planner::DtsClientFactory& clients,
                                   audit::AuditSink& audit, const ApplyOptions& options) {
  DtsBackend backend(clients);
  const auto& changes = plan.result.changes;
  if (std::all_of(changes.begin(), changes.end(), planner::is_dts_change)) {
    return run_apply(plan, backend, audit, options);
  }
  report::SavedPlan dts = plan;  // only the DTS rows
  dts.result.changes.clear();
  for (const auto& c : changes) {
    if (planner::is_dts_change(c)) dts.result.changes.push_back(c);
  }
  return run_apply(dts, backend, audit, options);
}

}  // namespace offsetctl::executor
