#pragma once
// The planner's output: one resolved change per partition, ready to render,
// save for apply, or compare against the cluster again.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "planner/live_state.h"
#include "util/shared_string.h"

namespace offsetctl::planner {

enum class Action { Change, Noop, Blocked, Invalid };
const char* action_name(Action a);  // "change", "noop", "blocked", "invalid"

// The partition of a row about a whole topic entry whose partitions are unknown
// (an unknown topic with every partition selected): always an invalid row.
inline constexpr int32_t kEveryPartition = -1;

// a + b, held at the int64_t bounds instead of overflowing (offsets in a saved
// plan are whatever the file says; the counts must not be undefined behaviour).
inline int64_t add_saturating(int64_t a, int64_t b) {
  int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return b > 0 ? INT64_MAX : INT64_MIN;
  return r;
}

struct PartitionChange {
  // Shared by every row of the group (of the topic): a plan of a million rows
  // names a few thousand.
  util::SharedString instance;
  util::SharedString group;
  util::SharedString topic;
  int32_t partition = 0;
  Action action = Action::Noop;
  std::optional<int64_t> current;  // committed offset; nullopt: nothing committed
  std::optional<int64_t> target;   // nullopt only when it could not be resolved (invalid)
  std::optional<int64_t> begin_offset;
  std::optional<int64_t> end_offset;
  std::string reason;  // why blocked or invalid (or how a target was clamped)
  std::string spec;    // what the plan said, for the reader: "to: earliest", "shift: -100"
  // resolveAt: apply: ModifyGroupOffsets strategy 1 with this ShiftTimestamp
  // (-2 earliest, -1 latest, else ms); the target is then a preview.
  std::optional<int64_t> apply_timestamp;

  // Both nullopt for an invalid row: its target will never be written, so a
  // delta or lag computed from it would only mislead.
  // Nullopt too when the difference does not fit in an int64_t.
  std::optional<int64_t> delta() const {
    if (!current || !target || action == Action::Invalid) return std::nullopt;
    return difference(*target, *current);
  }
  std::optional<int64_t> lag_after() const {
    if (!target || !end_offset || action == Action::Invalid) return std::nullopt;
    return difference(*end_offset, *target);
  }
  // A change's delta split by sign: messages the group reads again, and
  // messages it never reads (data loss). 0 for anything but a change.
  // (Inline, like everything here the report uses: it links without the planner.)
  int64_t replayed() const {
    const auto d = action == Action::Change ? delta() : std::nullopt;
    if (!d || *d >= 0) return 0;
    return *d == INT64_MIN ? INT64_MAX : -*d;
  }
  int64_t skipped() const {
    const auto d = action == Action::Change ? delta() : std::nullopt;
    return d && *d > 0 ? *d : 0;
  }
  // A change on a partition where the group has nothing committed: there is
  // no delta, so it is counted apart.
  bool first_commit() const { return action == Action::Change && !current && target; }

 private:
  static std::optional<int64_t> difference(int64_t a, int64_t b) {
    int64_t r = 0;
    if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
    return r;
  }
};

// Every field of a PartitionChange as the files carry it, in the JSON
// report's order: render_json writes them all; the saved plan writes and reads
// the `saved` ones, sorted by name (report/change_fields.h). A new field of
// PartitionChange is one row here plus its property in
// schemas/report.schema.json and schemas/saved-plan.schema.json.
enum class ChangeFieldKind {
  Key,        // instance, group, topic: a util::SharedString; the saved plan has them once per topic entry
  Partition,  // int32_t; null for kEveryPartition
  Offset,     // std::optional<int64_t>; null when absent
  Derived,    // computed from other fields (an optional<int64_t> member function); the report only
  Count,      // computed: an int64_t member function (messages); the report only
  Flag,       // computed: a bool member function; the report only
  Action,     // Action, as action_name()
  Text,       // std::string; null when empty
  ResolveAt,  // "apply" when apply_timestamp is set, else "plan"; the report only
};

struct ChangeField {
  const char* name;
  ChangeFieldKind kind;
  bool saved;  // in the saved plan's partition rows
  util::SharedString PartitionChange::*key = nullptr;        // Key
  std::string PartitionChange::*text = nullptr;              // Text
  std::optional<int64_t> PartitionChange::*offset = nullptr;  // Offset
  std::optional<int64_t> (PartitionChange::*derived)() const = nullptr;  // Derived
  int64_t (PartitionChange::*count)() const = nullptr;                   // Count
  bool (PartitionChange::*flag)() const = nullptr;                       // Flag
};

inline constexpr ChangeField kChangeFields[] = {
    // name, kind, saved, then the member its kind reads: key, text, offset, derived, count, flag
    {"instance", ChangeFieldKind::Key, false, &PartitionChange::instance},
    {"group", ChangeFieldKind::Key, false, &PartitionChange::group},
    {"topic", ChangeFieldKind::Key, false, &PartitionChange::topic},
    {"partition", ChangeFieldKind::Partition, true},
    {"current", ChangeFieldKind::Offset, true, nullptr, nullptr, &PartitionChange::current},
    {"target", ChangeFieldKind::Offset, true, nullptr, nullptr, &PartitionChange::target},
    {"delta", ChangeFieldKind::Derived, false, nullptr, nullptr, nullptr, &PartitionChange::delta},
    {"replayed", ChangeFieldKind::Count, false, nullptr, nullptr, nullptr, nullptr,
     &PartitionChange::replayed},
    {"skipped", ChangeFieldKind::Count, false, nullptr, nullptr, nullptr, nullptr, &PartitionChange::skipped},
    {"first_commit", ChangeFieldKind::Flag, false, nullptr, nullptr, nullptr, nullptr, nullptr,
     &PartitionChange::first_commit},
    {"lag_after", ChangeFieldKind::Derived, false, nullptr, nullptr, nullptr, &PartitionChange::lag_after},
    {"begin_offset", ChangeFieldKind::Offset, true, nullptr, nullptr, &PartitionChange::begin_offset},
    {"end_offset", ChangeFieldKind::Offset, true, nullptr, nullptr, &PartitionChange::end_offset},
    {"action", ChangeFieldKind::Action, true},
    {"reason", ChangeFieldKind::Text, true, nullptr, &PartitionChange::reason},
    {"spec", ChangeFieldKind::Text, true, nullptr, &PartitionChange::spec},
    {"resolve_at", ChangeFieldKind::ResolveAt, false},
    {"apply_timestamp", ChangeFieldKind::Offset, true, nullptr, nullptr, &PartitionChange::apply_timestamp},
};

struct GroupReport {
  std::string instance;
  std::string group;
  std::string region;     // the plan's region, else the default one (PlanOptions::default_region)
  std::string plan_name;  // several plans naming the group: their names joined by ", "
  std::string state;      // as DescribeGroupInfo reported it; "Dead" when the group does not exist
  std::vector<Member> members;
  // "new group: ..." when the group does not exist yet (committing before a first start is
  // legitimate); every format shows it. "" otherwise.
  std::string warning;
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
    replayed = add_saturating(replayed, c.replayed());
    skipped = add_saturating(skipped, c.skipped());
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
  // --target: the run was restricted to these groups ("ckafka-demo/billing"), as given; every report says so.
  std::vector<std::string> targets;
};

}  // namespace offsetctl::planner
