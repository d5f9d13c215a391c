// Rendering a plan of 100,000 partitions in the three report formats. The
// result is "mixed": a few blocked groups and invalid partitions with reasons.
#include <benchmark/benchmark.h>

#include "report/render.h"
#include "synthetic.h"

namespace offsetctl::bench {
namespace {

const planner::PlanResult& result_of(int64_t partitions) {
  static planner::PlanResult cached;  // built once: rendering is what is measured
  static int64_t cached_for = -1;
  if (cached_for != partitions) {
    Shape s;
    s.groups = static_cast<size_t>(partitions) / 1000;
    s.change_share = 0.9;
    s.mixed = true;
    cached = plan_result(s);
    cached_for = partitions;
  }
  return cached;
}

template <class Render>
void run(benchmark::State& state, Render render) {
  const planner::PlanResult& r = result_of(state.range(0));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = render(r);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(r.changes.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
  state.counters["out_bytes"] = static_cast<double>(bytes);
}

void BM_RenderText(benchmark::State& state) {
  run(state, [](const planner::PlanResult& r) { return report::render_text(r, report::TextOptions{false, {}}); });
}
void BM_RenderMarkdown(benchmark::State& state) {
  run(state, [](const planner::PlanResult& r) { return report::render_markdown(r); });
}
void BM_RenderJson(benchmark::State& state) {
  run(state, [](const planner::PlanResult& r) { return report::render_json(r); });
}
BENCHMARK(BM_RenderText)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderMarkdown)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderJson)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace offsetctl::bench
