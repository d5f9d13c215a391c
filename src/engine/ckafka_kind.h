#pragma once
// OffsetPlan: consumer groups of CKafka instances (docs/planning.md, docs/apply.md).

#include <memory>

#include "engine/plan_kind.h"

namespace offsetctl::engine {

// Plan: planner::needs_of + fetch_live_state + make_plan. Apply:
// executor::apply_saved_plan (BatchModifyGroupOffsets / ModifyGroupOffsets).
std::unique_ptr<PlanKind> ckafka_kind();

}  // namespace offsetctl::engine
