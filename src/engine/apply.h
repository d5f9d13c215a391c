#pragma once
// offsetctl apply, as a library call: a saved plan in (read by
// report::read_saved_plan, or made by engine::plan), the ApplyResult out. The
// rows of each plan kind go through that kind's executor as one run of the
// audit log each (CKafka first); a refusal stops there. A dry run swaps two
// objects and nothing else: the clients (writes kept back, executor/dry_run*.h)
// and the audit sink (nothing written).

#include <cstddef>
#include <optional>
#include <string>

#include "audit/fields.h"
#include "engine/plan_kind.h"
#include "executor/apply_result.h"
#include "executor/progress.h"
#include "report/saved_plan.h"
#include "util/clock.h"
#include "util/result.h"

namespace offsetctl::engine {

struct ApplyRequest {
  Clients clients;
  bool dry_run = false;
  std::string audit_log;      // appended to (and locked for the run); unused by a dry run
  size_t max_in_flight = 16;  // groups worked on at once
  // The saved plan file applied, if any: its path and sha256 go into run_started.
  std::optional<audit::FileHash> saved_file;
  std::string tool_version;
  // Counted into as the apply goes (its totals are set here), for a progress line; null: not counted.
  executor::ApplyProgress* progress = nullptr;
};

// Applies `plan`. Refusals, failed and unverified partitions are in the
// ApplyResult (exit_code()); an Error means it could not run at all
// (configuration, the audit log could not be opened or written first).
Result<executor::ApplyResult> apply(const report::SavedPlan& plan, const ApplyRequest& request,
                                    const util::Clock& clock);

// The rows and groups of `kind` in `plan`, with the plan's files, endpoint
// and region; with `unclaimed`, also the groups no row names.
report::SavedPlan rows_of_kind(const report::SavedPlan& plan, const PlanKind& kind, bool unclaimed);

// The clients a dry run uses: reads go to `real`, writes are kept back and
// shown in later reads.
Clients dry_run_clients(Clients real);

}  // namespace offsetctl::engine
