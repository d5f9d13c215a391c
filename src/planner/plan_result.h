#pragma once
// The planner's output: one resolved change per partition, ready to render,
// save for apply, or compare against the cluster again.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planner/live_state.h"

namespace offsetctl::planner {

enum class Action { Change, Noop, Blocked, Invalid };
const char* action_name(Action a);  // "change", "noop", "blocked", "invalid"

// The partition of a row about a whole topic entry whose partitions are unknown
// (an unknown topic with every partition selected): always an invalid row.
inline constexpr int32_t kEveryPartition = -1;

struct PartitionChange {
  std::string instance;
  std::string group;
  std::string topic;
  int32_t partition = 0;
  std::optional<int64_t> current;  // committed offset; nullopt: nothing committed
  std::optional<int64_t> target;   // nullopt only when it could not be resolved (invalid)
  std::optional<int64_t> begin_offset;
  std::optional<int64_t> end_offset;
  Action action = Action::Noop;
  std::string reason;  // why blocked or invalid (or how a target was clamped)
  std::string spec;    // what the plan said, for the reader: "to: earliest", "shift: -100"
  // resolveAt: apply: ModifyGroupOffsets strategy 1 with this ShiftTimestamp
  // (-2 earliest, -1 latest, else ms); the target is then a preview.
  std::optional<int64_t> apply_timestamp;

  // Both nullopt for an invalid row: its target will never be written, so a
  // delta or lag computed from it would only mislead.
  std::optional<int64_t> delta() const {
    if (!current || !target || action == Action::Invalid) return std::nullopt;
    return *target - *current;
  }
  std::optional<int64_t> lag_after() const {
    if (!target || !end_offset || action == Action::Invalid) return std::nullopt;
    return *end_offset - *target;
  }
  // A change's delta split by sign: messages the group reads again, and
  // messages it never reads (data loss). 0 for anything but a change.
  // (Inline, like everything here the report uses: it links without the planner.)
  int64_t replayed() const {
    const auto d = action == Action::Change ? delta() : std::nullopt;
    return d && *d < 0 ? -*d : 0;
  }
  int64_t skipped() const {
    const auto d = action == Action::Change ? delta() : std::nullopt;
    return d && *d > 0 ? *d : 0;
  }
  // A change on a partition where the group has nothing committed: there is
  // no delta, so it is counted apart.
  bool first_commit() const { return action == Action::Change && !current && target; }
};

struct GroupReport {
  std::string instance;
  std::string group;
  std::string region;     // the plan's region, else the default one (PlanOptions::default_region)
  std::string plan_name;  // several plans naming the group: their names joined by ", "
  std::string state;      // as DescribeGroupInfo reported it; "Dead" when the group does not exist
  std::vector<Member> members;
};

struct PlanSummary {
  size_t to_change = 0;
  size_t unchanged = 0;
  size_t blocked = 0;
  size_t invalid = 0;
  int64_t replayed = 0;      // messages, over every change
  int64_t skipped = 0;       // messages, over every change
  size_t first_commits = 0;  // changes on partitions with nothing committed

  void add(const PartitionChange& c) {
    switch (c.action) {
      case Action::Change: ++to_change; break;
      case Action::Noop: ++unchanged; break;
      case Action::Blocked: ++blocked; break;
      case Action::Invalid: ++invalid; break;
    }
    replayed += c.replayed();
    skipped += c.skipped();
    if (c.first_commit()) ++first_commits;
  }
};

// The summary of `changes`: what make_plan and every merge compute.
inline PlanSummary summarize(const std::vector<PartitionChange>& changes) {
  PlanSummary s;
  for (const PartitionChange& c : changes) s.add(c);
  return s;
}

// A plan that contributed to the result, for the report's context.
struct PlanSource {
  std::string name;
  std::string description;
  std::string file;  // as given on the command line
  int line = 0;      // of the plan's document (its kind: line)
};

struct PlanResult {
  std::vector<PartitionChange> changes;  // sorted by instance, group, topic, partition
  std::vector<GroupReport> groups;       // same order
  PlanSummary summary;
  int64_t planned_at_ms = 0;
  std::vector<PlanSource> plans;  // in file order
};

}  // namespace offsetctl::planner
