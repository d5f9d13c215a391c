// The CKafka actions that change committed offsets. Both validate the whole
// request before changing anything: a call applies entirely or not at all.

#include <algorithm>
#include <cstdint>
#include <set>

#include "emulator/actions.h"
#include "emulator/ckafka_common.h"

namespace offsetctl::emulator {
namespace {

using nlohmann::json;

struct Change {
  std::string topic;
  int32_t partition;
  int64_t offset;
};

// The group if it may be changed (absent is fine: it is Dead), or FailedOperation.
Result<const Group*, ApiError> changeable_group(const Instance& in, const std::string& name) {
  auto it = in.groups.find(name);
  if (it == in.groups.end()) return static_cast<const Group*>(nullptr);
  if (!accepts_offset_change(it->second.state)) return fail(group_active_error(name, it->second.state));
  return &it->second;
}

// The topics named, or (none named) every topic the group has committed offsets on.
Result<std::vector<std::string>, ApiError> target_topics(const std::vector<std::string>& named,
                                                         const Group* group, const std::string& group_name,
                                                         const char* param) {
  std::set<std::string> topics(named.begin(), named.end());
  if (topics.empty() && group) {
    for (const auto& [t, offs] : group->offsets) {
      if (!offs.empty()) topics.insert(t);
    }
  }
  if (topics.empty()) {
    return fail(invalid_parameter_value("The consumer group `" + group_name +
                                        "` has no committed offsets: name the topics with `" + param + "`."));
  }
  return std::vector<std::string>(topics.begin(), topics.end());
}

void apply(Instance& in, const std::string& group_name, const std::vector<Change>& changes) {
  Group& g = in.groups[group_name];
  g.name = group_name;
  if (g.state == "Dead") g.state = "Empty";  // committing offsets brings a group into existence
  for (const Change& c : changes) g.offsets[c.topic][c.partition] = c.offset;
}

int64_t saturating_add(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return b < 0 ? INT64_MIN : INT64_MAX;
  return r;
}

}  // namespace

ActionResult batch_modify_group_offsets(const json& params, ActionContext& ctx) {
  Params p(params, {"GroupName", "InstanceId", "Partitions", "TopicName"});
  std::string group_name = p.string("GroupName", true);
  std::string id = p.string("InstanceId", true);
  const json* parts = p.object_list("Partitions", true);
  std::vector<std::string> named = p.string_list("TopicName", false);
  std::vector<std::pair<int64_t, int64_t>> pairs;
  std::set<int64_t> seen;
  for (size_t i = 0; parts && i < parts->size() && !p.error(); ++i) {
    Params item((*parts)[i], {"Partition", "Offset"}, "Partitions." + std::to_string(i) + ".");
    int64_t partition = item.integer("Partition", true);
    int64_t offset = item.integer("Offset", true);
    if (auto e = item.error()) p.fail(*e);
    if (!seen.insert(partition).second) {
      p.fail(invalid_parameter_value("The partition " + std::to_string(partition) +
                                     " is listed twice in `Partitions`."));
    }
    pairs.emplace_back(partition, offset);
  }
  if (parts && parts->empty())
    p.fail(invalid_parameter_value("The parameter `Partitions` must not be empty."));
  if (auto e = p.error()) return fail(*e);
  auto in = find_instance_or_error(ctx, id);
  if (!in) return fail(in.error());
  auto group = changeable_group(**in, group_name);
  if (!group) return fail(group.error());
  auto topics = target_topics(named, *group, group_name, "TopicName");
  if (!topics) return fail(topics.error());

  std::vector<Change> changes;
  for (const std::string& name : *topics) {
    auto topic = find_topic_or_error(**in, name);
    if (!topic) return fail(topic.error());
    for (const auto& [partition, offset] : pairs) {
      auto log = find_partition_or_error(**topic, partition);
      if (!log) return fail(log.error());
      if (offset < (*log)->begin || offset > (*log)->end) {
        return fail(offset_out_of_range(name, (*log)->partition, offset, **log));
      }
      changes.push_back({name, (*log)->partition, offset});
    }
  }
  apply(**in, group_name, changes);
  return operate_result(ctx.state.thin_answers);
}

ActionResult modify_group_offsets(const json& params, ActionContext& ctx) {
  Params p(params,
           {"InstanceId", "Group", "Strategy", "Topics", "Shift", "ShiftTimestamp", "Offset", "Partitions"});
  std::string id = p.string("InstanceId", true);
  std::string group_name = p.string("Group", true);
  int64_t strategy = p.integer("Strategy", true);
  std::vector<std::string> named = p.string_list("Topics", true);
  std::optional<int64_t> shift = p.opt_integer("Shift");
  std::optional<int64_t> shift_ts = p.opt_integer("ShiftTimestamp");
  std::optional<int64_t> to_offset = p.opt_integer("Offset");
  std::vector<int64_t> partitions = p.integer_list("Partitions", false);
  if (!p.error()) {
    if (named.empty()) {
      // Required in the SDKs' model; the seed's "no Topics: every topic" is not what the service does.
      p.fail(invalid_parameter_value("The parameter `Topics` must name at least one topic."));
    } else if (strategy < 0 || strategy > 2) {
      p.fail(invalid_parameter_value(
          "The parameter `Strategy` must be 0 (shift), 1 (timestamp) or 2 (offset), not " +
          std::to_string(strategy) + "."));
    } else if (strategy == 0 && !shift) {
      p.fail(missing_parameter("Shift"));
    } else if (strategy == 1 && !shift_ts) {
      p.fail(missing_parameter("ShiftTimestamp"));
    } else if (strategy == 1 && *shift_ts < -2) {
      p.fail(invalid_parameter_value(
          "The parameter `ShiftTimestamp` must be -2 (earliest), -1 (latest) or a time "
          "in ms, not " +
          std::to_string(*shift_ts) + "."));
    } else if (strategy == 2 && !to_offset) {
      p.fail(missing_parameter("Offset"));
    }
  }
  if (auto e = p.error()) return fail(*e);
  auto in = find_instance_or_error(ctx, id);
  if (!in) return fail(in.error());
  auto group = changeable_group(**in, group_name);
  if (!group) return fail(group.error());
  auto topics = target_topics(named, *group, group_name, "Topics");
  if (!topics) return fail(topics.error());

  std::vector<Change> changes;
  for (const std::string& name : *topics) {
    auto topic = find_topic_or_error(**in, name);
    if (!topic) return fail(topic.error());
    std::vector<const PartitionLog*> logs;
    if (partitions.empty()) {
      for (const auto& [pid, log] : (*topic)->partitions) logs.push_back(&log);
    }
    for (int64_t pid : partitions) {
      auto log = find_partition_or_error(**topic, pid);
      if (!log) return fail(log.error());
      logs.push_back(*log);
    }
    for (const PartitionLog* log : logs) {
      int64_t target = 0;
      if (strategy == 0) {
        const std::map<int32_t, int64_t>* committed = nullptr;
        if (*group && (*group)->offsets.count(name)) committed = &(*group)->offsets.at(name);
        if (!committed || !committed->count(log->partition)) {
          return fail(invalid_parameter_value("The partition " + std::to_string(log->partition) +
                                              " of topic `" + name +
                                              "` has no committed offset to shift from."));
        }
        // Clamped to the log, as documented.
        target = std::clamp(saturating_add(committed->at(log->partition), *shift), log->begin, log->end);
      } else if (strategy == 1) {
        target = *shift_ts == -2   ? log->begin
                 : *shift_ts == -1 ? log->end
                                   : first_offset_at_or_after(*log, *shift_ts);
      } else {
        target = *to_offset;
        if (target < log->begin || target > log->end) {
          return fail(offset_out_of_range(name, log->partition, target, *log));
        }
      }
      changes.push_back({name, log->partition, target});
    }
  }
  apply(**in, group_name, changes);
  return operate_result(ctx.state.thin_answers);
}

}  // namespace offsetctl::emulator
