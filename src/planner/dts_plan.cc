#include "planner/dts_plan.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "planner/offset_resolver.h"
#include "util/time.h"

namespace offsetctl::planner {
namespace {

std::string dts_spec(const plan::DtsGroupSpec& g) {
  switch (g.mode) {
    case plan::DtsResetMode::Earliest: return std::string(kDtsSpecPrefix) + "to: earliest";
    case plan::DtsResetMode::Latest: return std::string(kDtsSpecPrefix) + "to: latest";
    case plan::DtsResetMode::Datetime: break;
  }
  std::string text = g.datetime_text.empty() ? util::format_rfc3339_ms(g.datetime_ms) : g.datetime_text;
  return std::string(kDtsSpecPrefix) + "datetime: " + text + " (" + dts_datetime(g.datetime_ms) + " Beijing time)";
}

int64_t apply_timestamp_of(const plan::DtsGroupSpec& g) {
  switch (g.mode) {
    case plan::DtsResetMode::Earliest: return -2;
    case plan::DtsResetMode::Latest: return -1;
    case plan::DtsResetMode::Datetime: break;
  }
  return g.datetime_ms;
}

GroupLive group_live_of(const api::DtsGroupInfo* info, const std::string& topic) {
  GroupLive g;
  if (!info) {
    g.state = "Dead";
    return g;
  }
  g.state = info->ConsumerGroupState;
  for (const auto& a : info->PartitionAssignment) {
    Member m;
    m.member_id = a.ClientId;
    m.client_id = a.ClientId;
    for (int64_t p : a.PartitionNo) m.assignment[topic].push_back(static_cast<int32_t>(p));
    g.members.push_back(std::move(m));
  }
  return g;
}

std::string dts_blocked_reason(const GroupLive& g) {
  if (g.state == "Empty" || g.state == "Dead") return "";
  std::string state = g.state.empty() ? std::string("in an unknown state") : g.state;
  return "group is " + state + " with " + describe_members(g.members) +
         "; ResetConsumerGroupOffset silently does nothing unless the group is Dead or Empty: stop the consumers "
         "first";
}

std::string partition_range(const std::set<int32_t>& known) {
  if (known.empty()) return "none";
  if (static_cast<size_t>(*known.rbegin() - *known.begin()) + 1 == known.size()) {
    return std::to_string(*known.begin()) + "-" + std::to_string(*known.rbegin());
  }
  std::string out;
  for (int32_t p : known) out += (out.empty() ? "" : ", ") + std::to_string(p);
  return out;
}

struct Row {
  PartitionChange change;
  size_t seq;
};

}  // namespace

std::string dts_full_group_name(std::string_view subscribe_id, std::string_view group) {
  return "consumer-grp-" + std::string(subscribe_id) + "-" + std::string(group);
}

std::string dts_datetime(int64_t epoch_ms) { return util::format_local_datetime(epoch_ms, kDtsUtcOffsetMinutes); }

bool is_dts_change(const PartitionChange& c) { return c.spec.rfind(kDtsSpecPrefix, 0) == 0; }

PlanResult make_dts_plan(const plan::PlanSet& plans, const DtsLiveState& live, const PlanOptions& options) {
  PlanResult result;
  result.planned_at_ms = options.now_ms;
  std::vector<Row> rows;
  std::map<std::pair<std::string, std::string>, GroupReport> groups;
  size_t seq = 0;
  for (const auto& file : plans.files) {
    for (const plan::DtsOffsetPlan& p : file.dts_plans) {
      auto sub_it = live.subscriptions.find(p.subscribe_id);
      const DtsSubscriptionLive* sub = sub_it == live.subscriptions.end() ? nullptr : &sub_it->second;
      for (const plan::DtsGroupSpec& g : p.groups) {
        const std::string full = dts_full_group_name(p.subscribe_id, g.group);
        const api::DtsGroupInfo* info = nullptr;
        if (sub) {
          if (auto it = sub->groups.find(full); it != sub->groups.end()) info = &it->second;
        }
        GroupLive gl = group_live_of(info, g.topic);
        const std::string blocked = dts_blocked_reason(gl);

        auto& report = groups[{p.subscribe_id, g.group}];
        if (report.group.empty()) {
          report.instance = p.subscribe_id;
          report.group = g.group;
          report.region = p.region.value_or(options.default_region);
          report.plan_name = p.name;
          report.state = gl.state;
          report.members = gl.members;
        } else if (report.plan_name != p.name && report.plan_name.find(p.name) == std::string::npos) {
          report.plan_name += ", " + p.name;
        }

        std::map<int32_t, std::pair<std::optional<int64_t>, std::optional<int64_t>>> committed;  // current, end
        std::set<int32_t> known;
        // The log end of a partition is the same for every group: offset + lag of any group that
        // committed there gives it for a group that did not (a Dead one, say).
        std::map<int32_t, int64_t> log_end;
        if (sub) {
          for (const auto& [part, off] : sub->partitions_now) known.insert(part);
          for (const auto& [name, other] : sub->groups) {
            for (const auto& s : other.StateOfPartition) {
              if (s.ConsumerGroupOffset >= 0) {
                log_end[static_cast<int32_t>(s.PartitionNo)] = s.ConsumerGroupOffset + s.ConsumerGroupLag;
              }
            }
          }
        }
        if (info) {
          for (const auto& s : info->StateOfPartition) {
            auto part = static_cast<int32_t>(s.PartitionNo);
            known.insert(part);
            if (s.ConsumerGroupOffset >= 0) {
              committed[part] = {s.ConsumerGroupOffset, s.ConsumerGroupOffset + s.ConsumerGroupLag};
            }
          }
        }
        std::vector<int32_t> selected;
        if (g.partitions) {
          selected = *g.partitions;
        } else {
          selected.assign(known.begin(), known.end());
        }
        if (selected.empty()) selected.push_back(kEveryPartition);

        PartitionChange proto;
        proto.instance = p.subscribe_id;
        proto.group = g.group;
        proto.topic = g.topic;
        for (int32_t part : selected) {
          PartitionChange c = proto;
          c.partition = part;
          c.spec = dts_spec(g);
          c.apply_timestamp = apply_timestamp_of(g);
          if (auto it = committed.find(part); it != committed.end()) {
            c.current = it->second.first;
            c.end_offset = it->second.second;
          } else if (auto e = log_end.find(part); e != log_end.end()) {
            c.end_offset = e->second;
          }
          if (!sub) {
            c.action = Action::Invalid;
            c.reason = "subscription " + p.subscribe_id + " was not read";
          } else if (part == kEveryPartition || !known.count(part)) {
            c.action = Action::Invalid;
            c.reason = (part == kEveryPartition ? std::string("no partitions")
                                                : "partition " + std::to_string(part) + " does not exist") +
                       " in subscription " + p.subscribe_id + " (partitions " + partition_range(known) +
                       "); list partitions that exist";
          } else {
            switch (g.mode) {
              case plan::DtsResetMode::Earliest: {
                // DescribeConsumerGroups gives no log start: the first checkpoint previews it.
                auto t = sub->offset_at_time.find(kDtsEarliestProbeMs);
                if (t != sub->offset_at_time.end()) {
                  if (auto o = t->second.find(part); o != t->second.end()) c.target = o->second;
                }
                c.action = c.target && c.current == c.target ? Action::Noop : Action::Change;
                break;
              }
              case plan::DtsResetMode::Latest:
                c.target = c.end_offset;
                c.action = c.target && c.current == c.target ? Action::Noop : Action::Change;
                break;
              case plan::DtsResetMode::Datetime: {
                auto t = sub->offset_at_time.find(g.datetime_ms);
                if (t != sub->offset_at_time.end()) {
                  if (auto o = t->second.find(part); o != t->second.end()) c.target = o->second;
                }
                // How DTS resolves the time (the offset nearest before it) the report says from
                // apply_timestamp, for every DTS datetime row alike.
                c.action = c.target && c.current == c.target ? Action::Noop : Action::Change;
                break;
              }
            }
            if (!blocked.empty()) {
              c.action = Action::Blocked;
              c.reason = blocked;
            }
          }
          rows.push_back({std::move(c), seq++});
        }
      }
    }
  }

  auto key = [](const PartitionChange& c) { return std::tie(c.instance, c.group, c.topic, c.partition); };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const Row& a, const Row& b) { return key(a.change) < key(b.change); });
  for (size_t i = 0; i < rows.size();) {
    size_t j = i + 1;
    while (j < rows.size() && key(rows[j].change) == key(rows[i].change)) ++j;
    if (j - i > 1) {
      for (size_t k = i; k < j; ++k) {
        rows[k].change.action = Action::Invalid;
        rows[k].change.reason = "partition named by " + std::to_string(j - i) +
                                " entries of this group and topic; keep one entry per partition";
      }
    }
    i = j;
  }
  for (Row& r : rows) result.changes.push_back(std::move(r.change));
  for (auto& [k, g] : groups) result.groups.push_back(std::move(g));
  for (const auto& file : plans.files) {
    for (const auto& p : file.dts_plans) result.plans.push_back({p.name, p.description, file.path, p.loc.line});
  }
  merge_plan_results(result, PlanResult{});
  return result;
}

void merge_plan_results(PlanResult& into, PlanResult more) {
  for (auto& c : more.changes) into.changes.push_back(std::move(c));
  for (auto& g : more.groups) into.groups.push_back(std::move(g));
  std::stable_sort(into.changes.begin(), into.changes.end(), [](const PartitionChange& a, const PartitionChange& b) {
    return std::tie(a.instance, a.group, a.topic, a.partition) < std::tie(b.instance, b.group, b.topic, b.partition);
  });
  std::stable_sort(into.groups.begin(), into.groups.end(), [](const GroupReport& a, const GroupReport& b) {
    return std::tie(a.instance, a.group) < std::tie(b.instance, b.group);
  });
  for (auto& p : more.plans) into.plans.push_back(std::move(p));
  std::stable_sort(into.plans.begin(), into.plans.end(), [](const PlanSource& a, const PlanSource& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  into.summary = summarize(into.changes);
}

}  // namespace offsetctl::planner
