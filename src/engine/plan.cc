#include "engine/plan.h"

#include <utility>

#include "planner/dts_plan.h"

namespace offsetctl::engine {

Result<report::SavedPlan> plan(const plan::PlanSet& plans, const PlanRequest& request) {
  report::SavedPlan saved;
  KindPlanContext context{request.clients, planner::PlanOptions{request.now_ms, request.region},
                          request.max_in_flight};
  bool first = true;
  for (const auto& kind : plan_kinds()) {
    if (!kind->has_plans(plans)) continue;
    auto rows = kind->plan(plans, context);
    if (!rows) return fail(std::move(rows).error());
    if (first) {
      saved.result = std::move(*rows);  // one kind (the usual case): no merge, no second copy
      first = false;
    } else {
      planner::merge_plan_results(saved.result, std::move(*rows));
    }
  }
  saved.result.planned_at_ms = request.now_ms;
  saved.created_at_ms = request.now_ms;
  for (const auto& f : plans.files) saved.files.push_back({f.path, f.sha256});
  saved.endpoint = report::redact_endpoint(request.endpoint);
  saved.region = request.region;
  saved.tool_version = request.tool_version;
  return saved;
}

}  // namespace offsetctl::engine
