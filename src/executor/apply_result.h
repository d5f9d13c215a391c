#pragma once
// What an apply did, partition by partition: the input of the apply report
// (executor/apply_report.h) and of the exit code. Plain values only
// (header-only, no API or JSON types).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/shared_string.h"

namespace offsetctl::executor {

enum class PartitionStatus {
  Verified,     // the call succeeded and the offset read back is the target
  Failed,       // the call failed and the offset is not at the target
  NotVerified,  // the call was accepted but the offset read back is not the target
  Unchanged,    // nothing to do: a noop in the plan, or already at the target (a rerun)
  Skipped,      // not attempted (the audit log could not be written)
};

inline const char* status_name(PartitionStatus s) {
  switch (s) {
    case PartitionStatus::Verified: return "verified";
    case PartitionStatus::Failed: return "failed";
    case PartitionStatus::NotVerified: return "not_verified";
    case PartitionStatus::Unchanged: return "unchanged";
    case PartitionStatus::Skipped: return "skipped";
  }
  return "unknown";
}

// A million of these are held until the report is written: the texts are
// shared with the plan's row (where) and with the call's other outcomes.
struct PartitionOutcome {
  util::SharedString instance;
  util::SharedString group;
  util::SharedString topic;
  int32_t partition = 0;
  PartitionStatus status = PartitionStatus::Unchanged;
  std::optional<int64_t> before;  // committed offset the plan observed (nullopt: nothing committed)
  std::optional<int64_t> target;  // the plan's target; a preview when resolved at apply time
  std::optional<int64_t> after;   // committed offset read back after the calls
  // resolveAt: apply: the ShiftTimestamp sent (-2 earliest, -1 latest, else ms)
  std::optional<int64_t> apply_timestamp;
  util::SharedString action;      // the API action that carried the change; empty when none was sent
  util::SharedString request_id;  // of that call, success or failure
  util::SharedString error_code;  // empty on success; "NotVerified" when the read-back disagrees
  util::SharedString error_message;
  util::SharedString note;  // "already at its target", "the call failed but the offset is at its target", ...
  // Unchanged because the partition already had its target when apply read it
  // (an earlier run, or someone else, set it); otherwise a noop in the plan.
  bool already_at_target = false;
};

// Something that changed since the plan was made: the reason nothing was applied.
struct Drift {
  std::string instance;
  std::string group;
  std::string topic;                // empty: the drift is about the group
  std::optional<int32_t> partition;
  std::string message;  // "orders-consumer/orders[1]: committed offset is 1800, the plan saw 1720"
};

struct ApplySummary {
  size_t changed = 0;    // changed and verified
  size_t failed = 0;     // failed, not verified or skipped
  size_t unchanged = 0;  // nothing to do
};

struct ApplyResult {
  std::string run_id;
  std::string endpoint;
  std::string region;
  bool dry_run = false;
  // Why nothing was changed: a headline ("the plan is stale: run offsetctl plan
  // again"), the reasons one per line (changed plan files, blocked entries) and
  // the drift found. Empty when the apply ran.
  std::string refusal;
  std::vector<std::string> refusal_details;
  std::vector<Drift> drift;
  std::vector<PartitionOutcome> partitions;  // sorted by instance, group, topic, partition
  size_t batch_calls = 0;   // BatchModifyGroupOffsets calls sent
  size_t modify_calls = 0;  // ModifyGroupOffsets calls sent
  size_t reset_calls = 0;   // ResetConsumerGroupOffset calls sent (DTS rows)
  // Every run of the audit log this result covers, when more than one (a plan
  // with CKafka and DTS rows is applied as two runs); run_id is the first.
  std::vector<std::string> run_ids;

  // Problems after changes began that the partitions do not show (the audit
  // log could not be written): they make the exit code non-zero.
  std::vector<std::string> problems;

  bool refused() const { return !refusal.empty(); }

  ApplySummary summary() const { return summary_of(0, partitions.size()); }

  // The counts of partitions [begin, end), e.g. one group's.
  ApplySummary summary_of(size_t begin, size_t end) const {
    ApplySummary s;
    for (size_t i = begin; i < end; ++i) {
      switch (partitions[i].status) {
        case PartitionStatus::Verified: ++s.changed; break;
        case PartitionStatus::Unchanged: ++s.unchanged; break;
        default: ++s.failed; break;
      }
    }
    return s;
  }

  // 0: every change verified (or nothing to do); 1: refused (nothing was
  // changed) or incomplete (some changes failed or could not be verified).
  int exit_code() const {
    if (refused()) return 1;
    return summary().failed == 0 && problems.empty() ? 0 : 1;
  }
};

}  // namespace offsetctl::executor
