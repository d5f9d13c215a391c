#include "planner/needs.h"

#include <algorithm>
#include <map>
#include <set>

namespace offsetctl::planner {

bool spec_needs_begin(const plan::Spec& spec) {
  if (std::holds_alternative<plan::ExplicitOffsets>(spec) || std::holds_alternative<plan::SingleOffset>(spec) ||
      std::holds_alternative<plan::Shift>(spec) || std::holds_alternative<plan::FromGroup>(spec)) {
    return true;
  }
  if (const auto* to = std::get_if<plan::ToAnchor>(&spec)) return to->anchor == plan::Anchor::Earliest;
  return false;
}

std::vector<std::pair<std::string, std::vector<int32_t>>> committed_selection(const std::vector<std::string>& except,
                                                                              const GroupLive* group) {
  std::vector<std::pair<std::string, std::vector<int32_t>>> out;
  if (!group) return out;
  for (const auto& [topic, committed] : group->committed) {
    if (std::find(except.begin(), except.end(), topic) != except.end()) continue;
    std::vector<int32_t> partitions;
    for (const auto& [p, offset] : committed) {
      if (offset) partitions.push_back(p);
    }
    if (!partitions.empty()) out.emplace_back(topic, std::move(partitions));
  }
  return out;
}

LiveNeeds needs_of(const plan::PlanSet& plans, const PlanOptions& options) {
  struct Builder {
    std::map<std::string, std::set<std::string>> groups;
    std::set<std::string> targets;     // groups the plans set (their state is read)
    std::set<std::string> all_groups;  // read without a Topics filter
    std::vector<AllTopicsNeed> all_topics;
    std::set<std::string> begin_topics;
    // (topic, ms) -> partitions; nullopt once any entry wants every partition
    std::map<std::pair<std::string, int64_t>, std::optional<std::set<int32_t>>> times;
  };
  std::map<std::pair<std::string, std::string>, Builder> by_instance;

  for (const auto& file : plans.files) {
    for (const auto& p : file.offset_plans) {
      Builder& b = by_instance[{p.region.value_or(""), p.instance}];
      for (const auto& g : p.groups) {
        auto& topics = b.groups[g.group];
        b.targets.insert(g.group);
        for (const auto& t : g.topics) {
          if (const auto* from = std::get_if<plan::FromGroup>(&t.spec)) {
            Builder& sb = by_instance[{p.region.value_or(""), from->instance.empty() ? p.instance : from->instance}];
            if (t.all_topics) {
              sb.groups[from->group];
              sb.all_groups.insert(from->group);
            } else {
              sb.groups[from->group].insert(t.topic);
            }
          }
          if (t.all_topics) {
            b.all_groups.insert(g.group);
            b.all_topics.push_back(
                {g.group, t.except_topics, spec_needs_begin(t.spec), spec_time_ms(t.spec, options.now_ms)});
            continue;
          }
          topics.insert(t.topic);
          if (spec_needs_begin(t.spec)) b.begin_topics.insert(t.topic);
          std::optional<int64_t> ms = spec_time_ms(t.spec, options.now_ms);
          if (!ms) continue;
          auto [it, fresh] = b.times.try_emplace({t.topic, *ms}, std::set<int32_t>{});
          if (!t.partitions) {
            it->second.reset();
          } else if (it->second) {
            it->second->insert(t.partitions->begin(), t.partitions->end());
          }
        }
      }
    }
  }

  LiveNeeds needs;
  needs.instances.reserve(by_instance.size());
  for (auto& [key, b] : by_instance) {
    InstanceNeeds& in = needs.instances.emplace_back();
    in.region = key.first;
    in.instance = key.second;
    in.groups.reserve(b.groups.size());
    for (auto& [group, topics] : b.groups) {
      GroupNeeds& gn = in.groups.emplace_back();
      gn.group = group;
      gn.topics.assign(topics.begin(), topics.end());
      gn.all_topics = b.all_groups.count(group) > 0;
      gn.state = b.targets.count(group) > 0;
    }
    in.all_topics = std::move(b.all_topics);
    in.begin_topics.assign(b.begin_topics.begin(), b.begin_topics.end());
    for (auto& [tk, parts] : b.times) {
      TimeLookup l{tk.first, tk.second, std::nullopt};
      if (parts) l.partitions = std::vector<int32_t>(parts->begin(), parts->end());
      in.time_lookups.push_back(std::move(l));
    }
  }
  return needs;
}

}  // namespace offsetctl::planner
