#pragma once
// Verification: after the calls, did every partition reach its target? Pure:
// compares a change, the outcome of the call that carried it, and the
// offsets read back.

#include <optional>
#include <string>

#include "executor/apply_result.h"
#include "executor/live_offsets.h"
#include "planner/plan_result.h"

namespace offsetctl::executor {

// What happened to the call that carried a change.
struct CallOutcome {
  // Shared with the outcome of every partition the call carried.
  util::SharedString action;      // "BatchModifyGroupOffsets", "ModifyGroupOffsets"
  bool ok = false;                // the service accepted it
  util::SharedString request_id;  // success or failure, when the service gave one
  util::SharedString error_code;  // on failure: the API's code, or the client's ("Timeout", ...)
  util::SharedString error_message;
};

// The outcome of one change. `group` is the group as read back after the calls
// (nullptr: not read). An absolute target is verified when the committed
// offset equals it, whatever the call said (a call that timed out may have
// landed). A target resolved at apply time is verified when the offset is a
// valid position ([0, log end]) and moved, unless the plan expected it to stay.
PartitionOutcome verify_change(const planner::PartitionChange& change, const CallOutcome& call,
                               const LiveGroup* group);

// A change's outcome before anything is known of it: where it is, its offset
// before and its target; the status is left for the caller.
PartitionOutcome outcome_of(const planner::PartitionChange& change);

// The outcome of a change that needed no call (a noop in the plan, or already
// at its target: `after` is then the offset read).
// The note is shared: a rerun holds a million "already at its target".
PartitionOutcome unchanged(const planner::PartitionChange& change, std::optional<int64_t> after,
                           util::SharedString note);

}  // namespace offsetctl::executor
