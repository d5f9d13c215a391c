#include "engine/dts_kind.h"

#include "executor/dts_apply.h"

namespace offsetctl::engine {
namespace {

class DtsKind final : public PlanKind {
 public:
  std::string_view name() const override { return "DtsOffsetPlan"; }

  bool has_plans(const plan::PlanSet& plans) const override {
    for (const auto& f : plans.files) {
      if (!f.dts_plans.empty()) return true;
    }
    return false;
  }

  Result<planner::PlanResult> plan(const plan::PlanSet& plans, const KindPlanContext& context) const override {
    auto live = planner::fetch_dts_live_state(plans, context.clients.dts, context.options);
    if (!live) return fail(std::move(live).error());
    return planner::make_dts_plan(plans, *live, context.options);
  }

  bool owns(const planner::PartitionChange& row) const override { return planner::is_dts_change(row); }

  Result<executor::ApplyResult> apply(const report::SavedPlan& rows, const Clients& clients,
                                      audit::AuditSink& audit,
                                      const executor::ApplyOptions& options) const override {
    return executor::apply_dts_plan(rows, clients.dts, audit, options);
  }
};

}  // namespace

std::unique_ptr<PlanKind> dts_kind() { return std::make_unique<DtsKind>(); }

}  // namespace offsetctl::engine
