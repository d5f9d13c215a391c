// Resolving and diffing: make_plan over in-memory plans and live state (no
// I/O), and needs_of, which works out what to read before any call.
#include <benchmark/benchmark.h>

#include "planner/needs.h"
#include "planner/planner.h"
#include "synthetic.h"

namespace offsetctl::bench {
namespace {

// Arg: partitions, as groups of 10 topics x 100 partitions, 10 groups per plan file.
Shape planner_shape(int64_t partitions) {
  Shape s;
  s.groups = static_cast<size_t>(partitions) / 1000;
  return s;
}

void BM_MakePlan(benchmark::State& state) {
  const Shape s = planner_shape(state.range(0));
  const plan::PlanSet plans = plan_set(s, (s.groups + 9) / 10);
  const planner::LiveState live = live_state(s);
  const planner::PlanOptions options{kPlanNowMs, kRegion};
  for (auto _ : state) {
    planner::PlanResult r = planner::make_plan(plans, live, options);
    benchmark::DoNotOptimize(r);
    state.PauseTiming();  // freeing a million rows is not planning
    r = {};
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(s.total()));
}
BENCHMARK(BM_MakePlan)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_NeedsOf(benchmark::State& state) {
  const Shape s = planner_shape(state.range(0));
  const plan::PlanSet plans = plan_set(s, (s.groups + 9) / 10);
  const planner::PlanOptions options{kPlanNowMs, kRegion};
  for (auto _ : state) {
    planner::LiveNeeds n = planner::needs_of(plans, options);
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(s.total()));
}
BENCHMARK(BM_NeedsOf)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace offsetctl::bench
