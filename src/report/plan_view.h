#pragma once
// What the three renderings of a plan share: the changes cut into one section
// per consumer group, and the words and numbers every format prints the same
// way (actions, deltas, notes, the summary line).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planner/plan_result.h"

namespace offsetctl::report {

// "change", "noop", "blocked", "invalid": the report's own copy, so that the
// report links without the planner's code.
const char* action_label(planner::Action a);

struct GroupSection {
  std::string_view instance;
  std::string_view group;
  const planner::GroupReport* report = nullptr;  // null when the planner reported no group info
  size_t begin = 0;  // [begin, end) in PlanResult::changes
  size_t end = 0;
  planner::PlanSummary counts;
  bool has_note = false;     // some row has a note (see append_note)
  bool has_preview = false;  // some target is resolved at apply time
  // Why the group's partitions are blocked, said once for the group rather
  // than on every row (the distinct reasons, in order; normally one).
  std::vector<std::string_view> blocked_reasons;
};

// One section per consumer group, in the result's order (instance, group).
// Groups the planner reported without partitions get an empty section.
std::vector<GroupSection> group_sections(const planner::PlanResult& result);

// "Plan: 3 to change, 2 unchanged, 1 blocked, 1 invalid."
std::string summary_line(const planner::PlanSummary& s);

// "Restricted by --target to billing, ckafka-demo/orders-consumer: the plans' other groups were left out."
std::string restricted_line(const std::vector<std::string>& targets);

// The parts of a group header that are known, e.g.
// "instance ckafka-1, region ap-guangzhou, plan replay-orders, state Empty".
// Names are given to `escape` before they are appended.
template <class Escape>
void append_group_facts(std::string& out, const GroupSection& s, Escape escape);

// A row's note: what the reader must know beyond the numbers: the planner's
// reason (except a blocked one, which the group header says once), and what
// the service resolves at apply time.
void append_note(std::string& out, const planner::PartitionChange& c);
bool has_note(const planner::PartitionChange& c);

// Said under a table with apply-time targets.
inline constexpr std::string_view kPreviewLegend =
    "~ the service resolves this target when apply runs; the numbers are as of plan time";

// "earliest", "latest" or the RFC 3339 time that ModifyGroupOffsets resolves.
std::string apply_time_anchor(int64_t apply_timestamp);

// A partition number, or "all" for planner::kEveryPartition (a topic that does
// not exist, so its partitions are unknown).
void append_partition(std::string& out, int32_t partition);

// Offsets as the tables print them: "-" for unknown, a leading "~" when the
// value is a plan-time preview of a target resolved at apply time.
void append_offset(std::string& out, const std::optional<int64_t>& v, bool preview = false);
void append_delta(std::string& out, const std::optional<int64_t>& v, bool preview = false);

// Members as "member-id (client client-1, host /10.0.0.1, orders(0-2))".
std::string member_line(const planner::Member& m);
std::string assignment_text(const planner::Member& m);  // "orders(0-2),payments(1)"

template <class Escape>
void append_group_facts(std::string& out, const GroupSection& s, Escape escape) {
  out.append("instance ");
  escape(out, s.instance);
  if (s.report == nullptr) return;
  if (!s.report->region.empty()) {
    out.append(", region ");
    escape(out, s.report->region);
  }
  if (!s.report->plan_name.empty()) {
    out.append(", plan ");
    escape(out, s.report->plan_name);
  }
  if (!s.report->state.empty()) {
    out.append(", state ");
    escape(out, s.report->state);
  }
}

}  // namespace offsetctl::report
