#pragma once
// apply for the DTS rows (DtsOffsetPlan) of a saved plan (planner/dts_plan.h,
// docs/dts.md): the one pipeline (pipeline.h: pre-flight, drift check, calls,
// verification, audit records) with the DTS API behind it:
//   - drift check: DescribeConsumerGroups again; a group no longer Dead or
//     Empty, or a committed offset that moved, refuses the apply;
//   - one ResetConsumerGroupOffset per (group, topic, mode/datetime), with the
//     partitions as PartitionNos;
//   - verification: DescribeConsumerGroups (and DescribeOffsetByTime for the
//     expected offsets) after the calls. ResetConsumerGroupOffset answers
//     success even when it did nothing (an active group): an offset that did
//     not move is a FAILED partition, with the reason.

#include "audit/sink.h"
#include "audit/sink.h"
#include "executor/apply_result.h"
#include "executor/pipeline.h"
#include "planner/dts_plan.h"
#include "report/saved_plan.h"
#include "util/result.h"

namespace offsetctl::executor {

inline constexpr const char* kDtsResetAction = "ResetConsumerGroupOffset";

// Applies the DTS rows of `plan` (the others are left out) through the client
// of each group's region, as one run of `audit`; reset_calls counts the calls.
// An Error: no client for a region, or the audit log refused the first record.
Result<ApplyResult> apply_dts_plan(const report::SavedPlan& plan, const planner::DtsClientFactory& clients,
                                   audit::AuditSink& audit, const ApplyOptions& options);

}  // namespace offsetctl::executor
