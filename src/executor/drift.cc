#include "executor/drift.h"

#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "util/crypto.h"
#include "util/files.h"

namespace offsetctl::executor {
namespace {

using planner::Action;
using planner::PartitionChange;

std::string members_text(const LiveGroup& g) {
  std::string s;
  for (size_t i = 0; i < g.members.size() && i < 3; ++i) s += (i ? ", " : "") + g.members[i];
  if (g.members.size() > 3) s += ", ...";
  return s;
}

Drift group_drift(const PartitionChange& c, std::string message) {
  return Drift{c.instance, c.group, "", std::nullopt, c.group + ": " + std::move(message)};
}

Drift partition_drift(const PartitionChange& c, std::string message) {
  return Drift{c.instance, c.group, c.topic, c.partition, partition_name(c) + ": " + std::move(message)};
}

// The drift of one group as a whole (its state or its read), once per group.
std::optional<Drift> check_group(const PartitionChange& c, const LiveGroup* g) {
  if (g == nullptr) return group_drift(c, "was not read again (internal error)");
  if (g->error) return group_drift(c, "could not be read again: " + g->error->describe());
  if (g->state == "Empty" || g->state == "Dead") return std::nullopt;
  std::string msg = "the group is " + (g->state.empty() ? std::string("in an unknown state") : g->state);
  if (!g->members.empty()) {
    msg += " with " + std::to_string(g->members.size()) + " member" + (g->members.size() == 1 ? "" : "s") +
           " (" + members_text(*g) + ")";
  }
  return group_drift(c, msg + "; offsets can only be reset while it is Empty: stop its consumers");
}

}  // namespace

std::string partition_name(const planner::PartitionChange& c) {
  return c.group + "/" + c.topic + "[" + std::to_string(c.partition) + "]";
}

std::string offset_text(const std::optional<int64_t>& o) {
  return o ? std::to_string(*o) : std::string("nothing committed");
}

DriftCheck check_drift(const std::vector<PartitionChange>& changes, const LiveOffsets& live) {
  DriftCheck out;
  std::set<GroupKey> groups_seen;
  std::set<std::tuple<std::string, std::string, std::string>> topics_missing;
  for (size_t i = 0; i < changes.size(); ++i) {
    const PartitionChange& c = changes[i];
    if (c.action != Action::Change) continue;
    const LiveGroup* g = live.find(c.instance, c.group);
    if (groups_seen.insert({c.instance, c.group}).second) {
      if (auto d = check_group(c, g)) out.drift.push_back(std::move(*d));
    }
    if (g == nullptr || g->error) continue;
    auto topic = g->topics.find(c.topic);
    if (topic == g->topics.end()) {
      if (topics_missing.insert({c.instance, c.group, c.topic}).second) {
        out.drift.push_back(Drift{c.instance, c.group, c.topic, std::nullopt,
                                  c.group + "/" + c.topic + ": the topic no longer exists"});
      }
      continue;
    }
    auto part = topic->second.find(c.partition);
    if (part == topic->second.end()) {
      out.drift.push_back(partition_drift(c, "the partition no longer exists"));
      continue;
    }
    const LivePartition& p = part->second;
    if (c.target && *c.target > p.log_end && !c.apply_timestamp) {
      out.drift.push_back(partition_drift(c, "the target " + std::to_string(*c.target) +
                                                 " is beyond the log end offset " + std::to_string(p.log_end) +
                                                 " (was the topic recreated?)"));
      continue;
    }
    if (p.committed == c.current) continue;  // as the plan saw it: change it
    if (c.target && p.committed == c.target) {
      out.at_target.push_back(i);  // already done, by an earlier run or by hand
      continue;
    }
    out.drift.push_back(partition_drift(
        c, (p.committed ? "committed offset is " + std::to_string(*p.committed) : std::string("nothing is committed")) +
               ", the plan saw " + offset_text(c.current)));
  }
  return out;
}

std::vector<std::string> changed_plan_files(const std::vector<report::PlanFileHash>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) {
    Result<std::string> bytes = util::read_file(f.path);
    if (!bytes.ok()) continue;  // gone (or unreadable): the saved plan stands on its own
    std::string now = util::sha256_hex(*bytes);
    if (now == f.sha256) continue;
    out.push_back(f.path + " changed since the plan was made (sha256 is " + now.substr(0, 12) +
                  ", the plan saw " + f.sha256.substr(0, 12) + ")");
  }
  return out;
}

std::vector<std::string> unappliable_entries(const std::vector<PartitionChange>& changes) {
  // One line per group, topic and reason, so a blocked group of 100 partitions is one line.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, std::vector<int32_t>> rows;
  std::set<std::tuple<std::string, std::string, std::string, int32_t>> seen;
  std::vector<std::string> out;
  for (const PartitionChange& c : changes) {
    if (!seen.insert({c.instance, c.group, c.topic, c.partition}).second) {
      out.push_back(partition_name(c) + ": appears twice in the plan");
      continue;
    }
    std::string why;
    if (c.action == Action::Blocked) why = "blocked: " + c.reason;
    if (c.action == Action::Invalid) why = "invalid: " + c.reason;
    if (c.action == Action::Change && !c.target && !c.apply_timestamp) why = "a change without a target";
    if (!why.empty()) rows[{c.instance, c.group, c.topic, why}].push_back(c.partition);
  }
  for (const auto& [key, partitions] : rows) {
    const auto& [instance, group, topic, why] = key;
    std::string list;
    for (int32_t p : partitions) {
      if (!list.empty()) list += ",";
      list += p == planner::kEveryPartition ? std::string("*") : std::to_string(p);
    }
    out.push_back(group + "/" + topic + "[" + list + "]: " + why);
  }
  return out;
}

}  // namespace offsetctl::executor
