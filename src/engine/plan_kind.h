#pragma once
// A plan kind (OffsetPlan on CKafka, DtsOffsetPlan on a DTS subscription, and
// the next ones) behind one small interface, so that plan() and apply()
// (engine/plan.h, engine/apply.h) run every kind the same way: the plan side
// reads the live state the kind needs and resolves it into PlanResult rows; the
// apply side takes back the rows it owns and runs them through the executor
// (pre-flight, drift check, the fewest write calls, read-back, audit records).
// ARCHITECTURE.md, "Adding a plan kind", names the files one touches.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "audit/sink.h"
#include "executor/apply_result.h"
#include "executor/executor.h"
#include "plan/model.h"
#include "planner/dts_plan.h"
#include "planner/live_fetch.h"
#include "planner/plan_result.h"
#include "planner/planner.h"
#include "report/saved_plan.h"
#include "util/result.h"

namespace offsetctl::engine {

// The API clients of every kind, per region ("" : the default region). The CLI
// makes them from its flags; tests pass fakes or the emulator; a dry run wraps
// them (engine/apply.cc), which is the only difference it makes.
struct Clients {
  planner::ClientFactory ckafka;
  planner::DtsClientFactory dts;
};

// What the plan side of a kind gets besides the plans.
struct KindPlanContext {
  const Clients& clients;
  planner::PlanOptions options;  // plan time, default region
  size_t max_in_flight = 16;     // calls in the air at once
};

class PlanKind {
 public:
  virtual ~PlanKind() = default;

  // The plan file's `kind:` ("OffsetPlan", "DtsOffsetPlan").
  virtual std::string_view name() const = 0;

  // Plan side. Whether the set has plans of this kind: a kind with none makes no call.
  virtual bool has_plans(const plan::PlanSet& plans) const = 0;
  // Reads what the kind's plans need (the fewest calls) and resolves them: one
  // row per partition, sorted by instance, group, topic, partition, summary counted.
  virtual Result<planner::PlanResult> plan(const plan::PlanSet& plans, const KindPlanContext& context) const = 0;

  // Apply side. Whether a row of a saved plan is this kind's.
  virtual bool owns(const planner::PartitionChange& row) const = 0;
  // Applies `rows` (a saved plan holding only this kind's rows and groups) as
  // one run of `audit`: records run_started and run_finished. An Error: it
  // could not run at all (no client for a region, the audit log refused the
  // first record); everything else, refusals included, is in the ApplyResult.
  virtual Result<executor::ApplyResult> apply(const report::SavedPlan& rows, const Clients& clients,
                                              audit::AuditSink& audit,
                                              const executor::ApplyOptions& options) const = 0;
};

// Every kind, in the order plan() reads them and apply() runs them (CKafka first).
std::vector<std::unique_ptr<PlanKind>> plan_kinds();

}  // namespace offsetctl::engine
