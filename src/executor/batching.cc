#include "executor/batching.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "executor/live_offsets.h"

namespace offsetctl::executor {
namespace {

using Pairs = std::vector<std::pair<int64_t, int64_t>>;  // partition, offset (sorted)

struct TopicWork {
  Pairs pairs;
  std::vector<size_t> changes;
};
struct ModifyKey {
  int64_t timestamp;
  std::vector<int64_t> partitions;
  bool operator<(const ModifyKey& o) const {
    return std::tie(timestamp, partitions) < std::tie(o.timestamp, o.partitions);
  }
};
struct TopicModifyWork {
  std::vector<int64_t> partitions;
  std::vector<size_t> changes;
};

struct GroupWork {
  std::map<std::string, TopicWork> batch;                                  // topic ->
  std::map<std::pair<std::string, int64_t>, TopicModifyWork> modify;       // topic, timestamp ->
};

// Several topics sharing one call: the call's topics, and the changes it carries.
struct Shared {
  std::vector<std::string> topics;
  std::vector<size_t> changes;
};

void append_changes(std::vector<size_t>& into, const std::vector<size_t>& from) {
  into.insert(into.end(), from.begin(), from.end());
}

std::vector<WriteCall> batch_calls(const GroupKey& key, const std::map<std::string, TopicWork>& topics) {
  std::map<Pairs, Shared> by_pairs;
  for (const auto& [topic, work] : topics) {  // topics in name order, so each list is sorted
    Shared& s = by_pairs[work.pairs];
    s.topics.push_back(topic);
    append_changes(s.changes, work.changes);
  }
  std::vector<WriteCall> calls;
  for (auto& [pairs, shared] : by_pairs) {
    WriteCall call;
    call.kind = WriteCall::Kind::Batch;
    call.instance = key.first;
    call.group = key.second;
    call.batch.InstanceId = key.first;
    call.batch.GroupName = key.second;
    for (const auto& [partition, offset] : pairs) call.batch.Partitions.push_back({partition, offset});
    call.batch.TopicName = shared.topics;
    call.changes = std::move(shared.changes);
    calls.push_back(std::move(call));
  }
  return calls;
}

std::vector<WriteCall> modify_calls(const GroupKey& key,
                                    const std::map<std::pair<std::string, int64_t>, TopicModifyWork>& topics) {
  std::map<ModifyKey, Shared> by_key;
  for (const auto& [topic_ts, work] : topics) {
    Shared& s = by_key[ModifyKey{topic_ts.second, work.partitions}];
    s.topics.push_back(topic_ts.first);
    append_changes(s.changes, work.changes);
  }
  std::vector<WriteCall> calls;
  for (auto& [mk, shared] : by_key) {
    WriteCall call;
    call.kind = WriteCall::Kind::Modify;
    call.instance = key.first;
    call.group = key.second;
    call.modify.InstanceId = key.first;
    call.modify.Group = key.second;
    call.modify.Strategy = 1;
    call.modify.ShiftTimestamp = mk.timestamp;
    call.modify.Topics = shared.topics;
    call.modify.Partitions = mk.partitions;
    call.changes = std::move(shared.changes);
    calls.push_back(std::move(call));
  }
  return calls;
}

// Sorts `keys` and keeps `changes` (the same length) in step with them.
template <class K>
void sort_together(std::vector<K>& keys, std::vector<size_t>& changes) {
  std::vector<size_t> order(keys.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  std::vector<K> sorted_keys;
  std::vector<size_t> sorted_changes;
  for (size_t k : order) {
    sorted_keys.push_back(keys[k]);
    sorted_changes.push_back(changes[k]);
  }
  keys = std::move(sorted_keys);
  changes = std::move(sorted_changes);
}

bool by_first_topic(const WriteCall& a, const WriteCall& b) {
  const auto& ta = a.kind == WriteCall::Kind::Batch ? a.batch.TopicName : a.modify.Topics;
  const auto& tb = b.kind == WriteCall::Kind::Batch ? b.batch.TopicName : b.modify.Topics;
  return ta < tb;
}

}  // namespace

std::vector<WriteCall> plan_write_calls(const std::vector<planner::PartitionChange>& changes,
                                        const std::vector<bool>& exclude) {
  std::map<GroupKey, GroupWork> groups;
  for (size_t i = 0; i < changes.size(); ++i) {
    const planner::PartitionChange& c = changes[i];
    if (c.action != planner::Action::Change) continue;
    if (!exclude.empty() && exclude[i]) continue;
    GroupWork& g = groups[{c.instance, c.group}];
    if (c.apply_timestamp) {
      TopicModifyWork& t = g.modify[{c.topic, *c.apply_timestamp}];
      t.partitions.push_back(c.partition);
      t.changes.push_back(i);
    } else if (c.target) {
      TopicWork& t = g.batch[c.topic];
      t.pairs.emplace_back(c.partition, *c.target);
      t.changes.push_back(i);
    }
  }
  std::vector<WriteCall> calls;
  for (auto& [key, work] : groups) {
    // Sorting by partition makes equal sets compare equal whatever the plan's order.
    for (auto& [topic, t] : work.batch) sort_together(t.pairs, t.changes);
    for (auto& [topic_ts, t] : work.modify) sort_together(t.partitions, t.changes);
    std::vector<WriteCall> b = batch_calls(key, work.batch);
    std::vector<WriteCall> m = modify_calls(key, work.modify);
    std::stable_sort(b.begin(), b.end(), by_first_topic);
    std::stable_sort(m.begin(), m.end(), by_first_topic);
    for (auto& c : b) calls.push_back(std::move(c));
    for (auto& c : m) calls.push_back(std::move(c));
  }
  return calls;
}

std::vector<GroupCalls> group_write_calls(std::vector<WriteCall> calls) {
  std::vector<GroupCalls> out;
  for (auto& c : calls) {
    if (out.empty() || out.back().instance != c.instance || out.back().group != c.group) {
      out.push_back(GroupCalls{c.instance, c.group, {}});
    }
    out.back().calls.push_back(std::move(c));
  }
  return out;
}

}  // namespace offsetctl::executor
