#pragma once
// offsetctl plan, as a library call: the loaded plans in, the saved plan out
// (every kind's rows resolved against the live state, with the plan files'
// hashes and where it was made), ready to render (report/render.h) or to
// write for apply (report::write_saved_plan). The only place a saved plan is
// assembled: `plan --out` and `apply PATH... --auto-approve` both get it here.

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/plan_kind.h"
#include "plan/model.h"
#include "report/saved_plan.h"
#include "util/result.h"

namespace offsetctl::engine {

struct PlanRequest {
  Clients clients;
  int64_t now_ms = 0;          // plan time
  std::string region;          // the default region ("" when none is configured)
  std::string endpoint;        // where the live state is read, for the saved plan (redacted there)
  size_t max_in_flight = 16;   // calls in the air at once
  std::string tool_version;
};

// Plans every kind the set has, in plan_kinds() order, each reading only what
// its plans need. Fails on configuration errors and failed calls (naming the
// action and the group or subscription); nothing is written.
Result<report::SavedPlan> plan(const plan::PlanSet& plans, const PlanRequest& request);

}  // namespace offsetctl::engine
