#include "engine/ckafka_kind.h"

#include "planner/needs.h"

namespace offsetctl::engine {
namespace {

class CkafkaKind final : public PlanKind {
 public:
  std::string_view name() const override { return "OffsetPlan"; }

  bool has_plans(const plan::PlanSet& plans) const override {
    for (const auto& f : plans.files) {
      if (!f.offset_plans.empty()) return true;
    }
    return false;
  }

  Result<planner::PlanResult> plan(const plan::PlanSet& plans, const KindPlanContext& context) const override {
    planner::FetchOptions fetch;
    fetch.max_in_flight = context.max_in_flight;
    auto live = planner::fetch_live_state(planner::needs_of(plans, context.options), context.clients.ckafka, fetch);
    if (!live) return fail(std::move(live).error());
    return planner::make_plan(plans, *live, context.options);
  }

  bool owns(const planner::PartitionChange& row) const override { return !planner::is_dts_change(row); }

  Result<executor::ApplyResult> apply(const report::SavedPlan& rows, const Clients& clients,
                                      audit::AuditSink& audit,
                                      const executor::ApplyOptions& options) const override {
    return executor::apply_saved_plan(rows, clients.ckafka, audit, options);
  }
};

}  // namespace

std::unique_ptr<PlanKind> ckafka_kind() { return std::make_unique<CkafkaKind>(); }

}  // namespace offsetctl::engine
