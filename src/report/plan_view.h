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
  bool has_asked = false;    // some row says what its plan asked (spec)
  bool has_preview = false;  // some target is resolved at apply time
  // Why the group's partitions are blocked, said once for the group rather
  // than on every row (the distinct reasons, in order; normally one).
  std::vector<std::string_view> blocked_reasons;
};

// One section per consumer group, in the result's order (instance, group).
// Groups the planner reported without partitions get an empty section.
std::vector<GroupSection> group_sections(const planner::PlanResult& result);

// "Plan: 12 to change (replays 3,400 messages, skips 98,000), 1 unchanged, 0 blocked, 0 invalid."
// The parenthesis is left out when no change moves a committed offset.
std::string summary_line(const planner::PlanSummary& s);

// "replays 3,400 messages, skips 98,000, 2 first commits": what the changes do
// to the groups' reading, or "" when they move nothing.
std::string moved_text(const planner::PlanSummary& s);

// 98000 -> "98,000"
std::string with_thousands(int64_t n);

// How a group header names the plans that touch it: "plan replay-orders", or
// "3 plans" (each is listed once in the report's context, not on every group).
std::string plans_label(const planner::GroupReport& g);
std::vector<std::string> plan_names(const planner::GroupReport& g);

// The ACTION cell: "change (skip)" for a change that skips messages, so that
// data loss is said in words, not only in colour.
std::string action_text(const planner::PartitionChange& c);

// The DELTA cell: "first commit" where nothing is committed, "-" when unknown
// or invalid, else a signed number ("~" when previewed).
void append_delta_cell(std::string& out, const planner::PartitionChange& c);

// The ASKED cell: the spec of the first row of each run of one topic with one
// spec; "" for the rest of the run, so that it stays short.
std::string_view asked_cell(const planner::PlanResult& result, size_t i);
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

// "earliest", "latest" or the time the service resolves: CKafka's
// ModifyGroupOffsets takes the first offset at or after it, DTS the offset
// nearest before it.
std::string apply_time_anchor(int64_t apply_timestamp, bool dts = false);
bool is_dts_row(const planner::PartitionChange& c);

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
    out.append(", ");
    escape(out, plans_label(*s.report));
  }
  if (!s.report->state.empty()) {
    out.append(", state ");
    escape(out, s.report->state);
  }
}

}  // namespace offsetctl::report
