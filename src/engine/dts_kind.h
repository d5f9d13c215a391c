#pragma once
// DtsOffsetPlan: consumer groups of DTS data subscriptions (docs/dts.md).

#include <memory>

#include "engine/plan_kind.h"

namespace offsetctl::engine {

// Plan: planner::fetch_dts_live_state + make_dts_plan. Apply:
// executor::apply_dts_plan (ResetConsumerGroupOffset). Owns the rows whose
// spec starts with "dts: " (planner::is_dts_change).
std::unique_ptr<PlanKind> dts_kind();

}  // namespace offsetctl::engine
