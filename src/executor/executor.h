#pragma once
// apply for the CKafka rows (OffsetPlan) of a saved plan: the one pipeline
// (pipeline.h: pre-flight, drift check, calls, verification, audit records)
// with the CKafka API behind it:
//   - drift check: DescribeGroupInfo (states, all groups of an instance in one
//     request) and DescribeGroupOffsets (every page) of every group changed;
//   - the fewest write calls (batching.h), concurrently across groups, one
//     group's calls in sequence;
//   - verification: each group's offsets read back after its calls.
// A failure in one group does not stop the others. Every side effect goes
// through a swappable object: the API clients (a fake in tests, a dry-run
// wrapper for --dry-run) and the audit sink (the audit log, or nothing).

#include <cstddef>
#include <string>

#include "audit/fields.h"
#include "audit/sink.h"
#include "audit/sink.h"
#include "executor/apply_result.h"
#include "executor/pipeline.h"
#include "planner/live_fetch.h"
#include "report/saved_plan.h"
#include "util/result.h"

namespace offsetctl::executor {

// The client of a region (planner::ClientFactory): each group goes through the
// client of its region as the saved plan recorded it. Called once per distinct
// region before anything is read, so a configuration error changes nothing.
using ClientFactory = planner::ClientFactory;

// Applies `plan` (run_apply with the CKafka backend). Everything that happened, refusals included, is in the
// ApplyResult (and its exit_code()); an Error means it could not run at all:
// no client for a region, or the audit log refused the run's first record.
Result<ApplyResult> apply_saved_plan(const report::SavedPlan& plan, const ClientFactory& clients, audit::AuditSink& audit,
                                     const ApplyOptions& options);

}  // namespace offsetctl::executor
