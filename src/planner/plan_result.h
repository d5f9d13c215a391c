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

  std::optional<int64_t> delta() const {
    if (!current || !target) return std::nullopt;
    return *target - *current;
  }
  std::optional<int64_t> lag_after() const {
    if (!target || !end_offset) return std::nullopt;
    return *end_offset - *target;
  }
};

// Every field of a PartitionChange as the files carry it, in the JSON
// report's order: render_json writes them all; the saved plan writes and reads
// the `saved` ones, sorted by name (report/change_fields.h). A new field of
// PartitionChange is one row here plus its property in
// schemas/report.schema.json and schemas/saved-plan.schema.json.
enum class ChangeFieldKind {
  Key,        // instance, group, topic: a string; the saved plan has them once per topic entry
  Partition,  // int32_t; null for kEveryPartition
  Offset,     // std::optional<int64_t>; null when absent
  Derived,    // computed from other fields (an optional<int64_t> member function); the report only
  Action,     // Action, as action_name()
  Text,       // std::string; null when empty
  ResolveAt,  // "apply" when apply_timestamp is set, else "plan"; the report only
};

struct ChangeField {
  const char* name;
  ChangeFieldKind kind;
  bool saved;  // in the saved plan's partition rows
  std::string PartitionChange::*text = nullptr;              // Key, Text
  std::optional<int64_t> PartitionChange::*offset = nullptr;  // Offset
  std::optional<int64_t> (PartitionChange::*derived)() const = nullptr;  // Derived
};

inline constexpr ChangeField kChangeFields[] = {
    // name, kind, saved, text, offset, derived
    {"instance", ChangeFieldKind::Key, false, &PartitionChange::instance, nullptr, nullptr},
    {"group", ChangeFieldKind::Key, false, &PartitionChange::group, nullptr, nullptr},
    {"topic", ChangeFieldKind::Key, false, &PartitionChange::topic, nullptr, nullptr},
    {"partition", ChangeFieldKind::Partition, true, nullptr, nullptr, nullptr},
    {"current", ChangeFieldKind::Offset, true, nullptr, &PartitionChange::current, nullptr},
    {"target", ChangeFieldKind::Offset, true, nullptr, &PartitionChange::target, nullptr},
    {"delta", ChangeFieldKind::Derived, false, nullptr, nullptr, &PartitionChange::delta},
    {"lag_after", ChangeFieldKind::Derived, false, nullptr, nullptr, &PartitionChange::lag_after},
    {"begin_offset", ChangeFieldKind::Offset, true, nullptr, &PartitionChange::begin_offset, nullptr},
    {"end_offset", ChangeFieldKind::Offset, true, nullptr, &PartitionChange::end_offset, nullptr},
    {"action", ChangeFieldKind::Action, true, nullptr, nullptr, nullptr},
    {"reason", ChangeFieldKind::Text, true, &PartitionChange::reason, nullptr, nullptr},
    {"spec", ChangeFieldKind::Text, true, &PartitionChange::spec, nullptr, nullptr},
    {"resolve_at", ChangeFieldKind::ResolveAt, false, nullptr, nullptr, nullptr},
    {"apply_timestamp", ChangeFieldKind::Offset, true, nullptr, &PartitionChange::apply_timestamp, nullptr},
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
};

struct PlanResult {
  std::vector<PartitionChange> changes;  // sorted by instance, group, topic, partition
  std::vector<GroupReport> groups;       // same order
  PlanSummary summary;
  int64_t planned_at_ms = 0;
};

}  // namespace offsetctl::planner
