#include "planner/offset_resolver.h"

#include <algorithm>
#include <climits>
#include <limits>

#include "planner/partition_rules.h"
#include "util/did_you_mean.h"
#include "util/time.h"

namespace offsetctl::planner {
namespace {

using Committed = std::map<int32_t, std::optional<int64_t>>;

// Looks keys up in ascending order by walking forward, so a topic's partitions
// cost one pass instead of one tree search each; any other order still works.
template <class Map>
class Cursor {
 public:
  explicit Cursor(const Map* map) : map_(map) {
    if (map_) it_ = map_->begin();
  }
  const typename Map::mapped_type* find(const typename Map::key_type& key) {
    if (!map_) return nullptr;
    while (it_ != map_->end() && it_->first < key) ++it_;
    if (it_ != map_->end() && it_->first == key) return &it_->second;
    auto found = map_->find(key);
    return found == map_->end() ? nullptr : &found->second;
  }

 private:
  const Map* map_;
  typename Map::const_iterator it_{};
};

// The same walk over offset_at_time, restricted once to the entry's topic.
class TimeCursor {
 public:
  TimeCursor(const InstanceLive* live, const std::string& topic) {
    if (!live) return;
    map_ = &live->offset_at_time;
    it_ = map_->lower_bound(TimeKey{topic, INT32_MIN, INT64_MIN});
    topic_ = &topic;
  }
  // nullptr: the lookup was not made; else its answer (nullopt: no message at or after).
  const std::optional<int64_t>* find(int32_t partition, int64_t ms) {
    if (!map_) return nullptr;
    auto before = [&](const TimeKey& k) {
      return std::get<0>(k) == *topic_ && std::pair(std::get<1>(k), std::get<2>(k)) < std::pair(partition, ms);
    };
    while (it_ != map_->end() && before(it_->first)) ++it_;
    if (it_ != map_->end() && it_->first == TimeKey{*topic_, partition, ms}) return &it_->second;
    auto found = map_->find(TimeKey{*topic_, partition, ms});
    return found == map_->end() ? nullptr : &found->second;
  }

 private:
  const std::map<TimeKey, std::optional<int64_t>>* map_ = nullptr;
  std::map<TimeKey, std::optional<int64_t>>::const_iterator it_{};
  const std::string* topic_ = nullptr;
};

std::vector<int32_t> sorted_unique(std::vector<int32_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::string unknown_topic_reason(const std::string& topic, const GroupContext& g) {
  std::string reason = "topic '" + topic + "' does not exist on instance " + std::string(g.instance);
  std::vector<std::string> known;
  if (g.instance_live) {
    for (const auto& [name, live] : g.instance_live->topics) known.push_back(name);
  }
  if (auto m = util::closest_match(topic, known)) return reason + "; did you mean '" + *m + "'?";
  return reason + "; check the name, or create the topic before applying";
}

std::string describe_partitions(const TopicLive& topic) {
  size_t n = topic.partitions.size();
  if (n == 0) return "has no partitions";
  int32_t first = topic.partitions.begin()->first;
  int32_t last = topic.partitions.rbegin()->first;
  if (first == 0 && static_cast<size_t>(last) + 1 == n) {
    return n == 1 ? "has only partition 0" : "has partitions 0-" + std::to_string(last);
  }
  return "has " + std::to_string(n) + " partitions";
}

}  // namespace

std::string format_loc(const plan::SourceLoc& loc) {
  if (loc.file.empty()) return "";
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

size_t offset_entry_rows(const plan::TopicSpec& entry, const GroupContext& g) {
  if (const auto* ex = std::get_if<plan::ExplicitOffsets>(&entry.spec)) return ex->by_partition.size();
  if (entry.partitions) return entry.partitions->size();
  if (g.instance_live) {
    auto it = g.instance_live->topics.find(entry.topic);
    if (it != g.instance_live->topics.end()) return it->second.partitions.size();
  }
  return 1;
}

void resolve_offset_entry(const plan::OffsetPlan& plan, const plan::TopicSpec& entry,
                          const GroupContext& g, const PlanOptions& options,
                          std::vector<PartitionChange>& out) {
  const auto* explicit_offsets = std::get_if<plan::ExplicitOffsets>(&entry.spec);
  const Rule rule = make_rule(entry.spec, plan.policy, options.now_ms);

  PartitionChange proto;
  proto.instance = g.instance;
  proto.group = g.group;
  proto.topic = entry.topic;
  proto.spec = entry.all_topics ? rule.spec_text + " (topics: all)" : rule.spec_text;
  proto.apply_timestamp = rule.apply_timestamp;

  // The partitions the entry selects; empty `every` means the list in `chosen`.
  std::vector<int32_t> chosen;
  if (explicit_offsets) {
    chosen.reserve(explicit_offsets->by_partition.size());
    for (const auto& [p, off] : explicit_offsets->by_partition) chosen.push_back(p);
  } else if (entry.partitions) {
    chosen = sorted_unique(*entry.partitions);
  }
  const bool every = !explicit_offsets && !entry.partitions;

  const TopicLive* topic = nullptr;
  if (g.instance_live) {
    auto it = g.instance_live->topics.find(entry.topic);
    if (it != g.instance_live->topics.end()) topic = &it->second;
  }
  if (!topic) {
    const std::string reason = unknown_topic_reason(entry.topic, g);
    if (every) chosen = {kEveryPartition};
    for (int32_t p : chosen) {
      PartitionChange& c = out.emplace_back(proto);
      c.partition = p;
      c.action = Action::Invalid;
      c.reason = reason;
    }
    return;
  }

  const Committed* committed = nullptr;
  if (g.group_live) {
    auto it = g.group_live->committed.find(entry.topic);
    if (it != g.group_live->committed.end()) committed = &it->second;
  }
  Cursor<Committed> current_of(committed);
  // fromGroup: the source group's committed offsets of this topic.
  const Committed* source = nullptr;
  if (const auto* from = std::get_if<plan::FromGroup>(&entry.spec); from && g.live) {
    const std::string& instance = from->instance.empty() ? std::string(g.instance) : from->instance;
    if (auto in = g.live->instances.find(instance); in != g.live->instances.end()) {
      if (auto sg = in->second.groups.find(from->group); sg != in->second.groups.end()) {
        if (auto st = sg->second.committed.find(entry.topic); st != sg->second.committed.end()) source = &st->second;
      }
    }
  }
  Cursor<Committed> source_of(source);
  TimeCursor time_of(g.instance_live, entry.topic);
  auto explicit_it = explicit_offsets ? explicit_offsets->by_partition.begin()
                                      : std::map<int32_t, int64_t>::const_iterator{};

  auto one = [&](int32_t p, const PartitionBounds& bounds) {
    PartitionChange& c = out.emplace_back(proto);
    c.partition = p;
    if (const auto* cur = current_of.find(p)) c.current = *cur;
    c.begin_offset = bounds.begin;
    c.end_offset = bounds.end;
    PartitionFacts facts;
    facts.current = c.current;
    facts.begin = bounds.begin;
    facts.end = bounds.end;
    if (explicit_offsets) {
      while (explicit_it->first < p) ++explicit_it;  // chosen is the map's keys, in order
      facts.explicit_offset = explicit_it->second;
    }
    if (const auto* from = source_of.find(p)) facts.source_offset = *from;
    if (rule.time_ms) {
      const std::optional<int64_t>* at = time_of.find(p, *rule.time_ms);
      facts.time_read = at != nullptr;
      if (at) facts.offset_at_time = *at;
    }
    apply_rule(rule, facts, g.blocked_reason, c);
  };

  if (every) {
    for (const auto& [p, bounds] : topic->partitions) one(p, bounds);
    return;
  }
  for (int32_t p : chosen) {
    auto it = topic->partitions.find(p);
    if (it != topic->partitions.end()) {
      one(p, it->second);
      continue;
    }
    PartitionChange& c = out.emplace_back(proto);
    c.partition = p;
    if (explicit_offsets) c.target = explicit_offsets->by_partition.at(p);
    c.action = Action::Invalid;
    c.reason = "partition " + std::to_string(p) + " does not exist: topic '" + entry.topic + "' " +
               describe_partitions(*topic) + "; remove it from the entry";
  }
}

std::string describe_members(const std::vector<Member>& members) {
  size_t n = members.size();
  std::string out = std::to_string(n) + (n == 1 ? " member" : " members");
  if (n == 0) return out;
  out += " (";
  constexpr size_t kShown = 3;
  for (size_t i = 0; i < n && i < kShown; ++i) {
    const Member& m = members[i];
    std::string host = m.client_host;
    if (!host.empty() && host.front() == '/') host.erase(0, 1);  // Kafka writes "/10.0.0.1"
    if (i) out += ", ";
    out += m.client_id.empty() ? m.member_id : m.client_id;
    if (!host.empty()) out += "@" + host;
  }
  if (n > kShown) out += ", and " + std::to_string(n - kShown) + " more";
  return out + ")";
}

std::string blocked_reason(const GroupLive& group) {
  if (group.state == "Empty" || group.state == "Dead") return "";
  std::string state = group.state.empty() ? std::string("in an unknown state") : group.state;
  return "group is " + state + " with " + describe_members(group.members) +
         "; Kafka refuses an outside reset of an active group: stop the consumers first";
}

}  // namespace offsetctl::planner
