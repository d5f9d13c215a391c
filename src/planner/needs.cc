#include "planner/needs.h"

#include <algorithm>
#include <map>
#include <set>

namespace offsetctl::planner {

bool spec_needs_begin(const plan::Spec& spec) {
  if (std::holds_alternative<plan::ExplicitOffsets>(spec) || std::holds_alternative<plan::SingleOffset>(spec) ||
      std::holds_alternative<plan::Shift>(spec)) {
    return true;
  }
  if (const auto* to = std::get_if<plan::ToAnchor>(&spec)) return to->anchor == plan::Anchor::Earliest;
  return false;
}

LiveNeeds needs_of(const plan::PlanSet& plans, const PlanOptions& options) {
  struct Builder {
    std::map<std::string, std::set<std::string>> groups;
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
        for (const auto& t : g.topics) {
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
      in.groups.push_back({group, std::vector<std::string>(topics.begin(), topics.end())});
    }
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
