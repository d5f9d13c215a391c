#pragma once
// The resolver of `kind: OffsetPlan`: one topic entry of one group, against
// what was read of that group and its topics. make_plan calls it per entry;
// other plan kinds get resolvers of their own beside it.

#include <string>
#include <string_view>
#include <vector>

#include "plan/model.h"
#include "planner/live_state.h"
#include "planner/plan_result.h"
#include "planner/planner.h"

namespace offsetctl::planner {

// What make_plan finds once per group and shares with all its entries.
struct GroupContext {
  std::string_view instance;
  std::string_view group;
  const InstanceLive* instance_live = nullptr;  // nullptr: nothing was read for the instance
  const GroupLive* group_live = nullptr;        // nullptr: not read, i.e. Dead with no commits
  std::string blocked_reason;                   // empty when the group is Empty or Dead
  const LiveState* live = nullptr;              // everything read: fromGroup sources on other instances
};

// Appends one row per partition the entry selects, in partition order.
void resolve_offset_entry(const plan::OffsetPlan& plan, const plan::TopicSpec& entry,
                          const GroupContext& group, const PlanOptions& options,
                          std::vector<PartitionChange>& out);

// How many rows resolve_offset_entry appends for the entry (to reserve once).
size_t offset_entry_rows(const plan::TopicSpec& entry, const GroupContext& group);

// "group is Stable with 2 members (consumer-1@10.0.0.1, ...); Kafka refuses ...",
// or "" when Kafka accepts an outside reset (Empty, Dead).
std::string blocked_reason(const GroupLive& group);

// "2 members (consumer-1@10.0.0.1, consumer-2@10.0.0.2)", at most three by name.
std::string describe_members(const std::vector<Member>& members);

// "plans/orders.yaml:12:7"
std::string format_loc(const plan::SourceLoc& loc);

}  // namespace offsetctl::planner
