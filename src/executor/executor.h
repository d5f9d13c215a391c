#pragma once
// apply: executes a saved plan. In order:
//   1. pre-flight: refuse a plan with blocked, invalid or duplicate entries, or
//      whose plan files changed since (sha256, for files still present);
//   2. drift check: read again the committed offsets and states of every group
//      the plan changes; refuse (change nothing) when a partition moved or a
//      group is no longer Empty or Dead; partitions already at their target
//      are noops (a rerun of a partly applied plan converges);
//   3. the fewest write calls (batching.h), concurrently across groups, one
//      group's calls in sequence; each call's change_intent records are on disk
//      before it is sent, its change_result records follow the read-back;
//   4. verification: each group's offsets read back after its calls.
// A failure in one group does not stop the others. Every side effect goes
// through a swappable object: the API clients (a fake in tests, a dry-run
// wrapper for --dry-run) and the audit sink (the audit log, or nothing).

#include <cstddef>
#include <string>

#include "audit/fields.h"
#include "audit/sink.h"
#include "executor/apply_result.h"
#include "planner/live_fetch.h"
#include "report/saved_plan.h"
#include "util/result.h"

namespace offsetctl::executor {

struct ApplyOptions {
  std::string run_id;        // audit::make_run_id(); also what the audit log was opened with
  audit::RunStartedInfo run;  // what run_started records (the caller gathers actor, repository, ...)
  size_t max_in_flight = 16;  // groups worked on at once (the client paces the calls)
  bool dry_run = false;      // labels the result; the caller swaps the clients and the sink
};

// The client of a region (planner::ClientFactory): each group goes through the
// client of its region as the saved plan recorded it. Called once per distinct
// region before anything is read, so a configuration error changes nothing.
using ClientFactory = planner::ClientFactory;

// Applies `plan`. Everything that happened, refusals included, is in the
// ApplyResult (and its exit_code()); an Error means it could not run at all:
// no client for a region, or the audit log refused the run's first record.
Result<ApplyResult> apply_saved_plan(const report::SavedPlan& plan, const ClientFactory& clients, audit::AuditSink& audit,
                                     const ApplyOptions& options);

}  // namespace offsetctl::executor
