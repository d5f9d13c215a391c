#pragma once
// apply for the DTS rows of a saved plan (planner/dts_plan.h, docs/dts.md):
//   1. pre-flight: refuse blocked or invalid entries and changed plan files;
//   2. drift check: DescribeConsumerGroups again; refuse (change nothing) when
//      a group is no longer Dead or Empty or a committed offset moved;
//   3. one ResetConsumerGroupOffset per (group, topic, mode/datetime), with the
//      partitions as PartitionNos; change_intent records before each call,
//      change_result records after verification;
//   4. verification: DescribeConsumerGroups (and DescribeOffsetByTime for the
//      expected offsets) after the calls. ResetConsumerGroupOffset answers
//      success even when it did nothing (an active group): an offset that did
//      not move is a FAILED partition, with the reason.

#include <cstddef>
#include <utility>

#include "audit/sink.h"
#include "executor/apply_result.h"
#include "executor/executor.h"
#include "planner/dts_plan.h"
#include "report/saved_plan.h"
#include "util/result.h"

namespace offsetctl::executor {

inline constexpr const char* kDtsResetAction = "ResetConsumerGroupOffset";

struct DtsApplyResult {
  ApplyResult result;      // partitions, refusal, drift, problems as for CKafka
  size_t reset_calls = 0;  // ResetConsumerGroupOffset calls sent
};

// The saved plan cut in two: the CKafka rows and groups, and the DTS ones
// (planner::is_dts_change), each with the same files, endpoint and region.
std::pair<report::SavedPlan, report::SavedPlan> split_dts(const report::SavedPlan& plan);

// Applies the DTS rows of `plan` (the others are ignored) through the client
// of each group's region. Records run_started and run_finished in `audit`.
// An Error: no client for a region, or the audit log refused the first record.
Result<DtsApplyResult> apply_dts_plan(const report::SavedPlan& plan, const planner::DtsClientFactory& clients,
                                      audit::AuditSink& audit, const ApplyOptions& options);

}  // namespace offsetctl::executor
