// Loading and validating plan text: YAML parse, schema check, model build,
// what `offsetctl validate` and the first step of `plan` do per file.
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "plan/load.h"
#include "synthetic.h"

namespace offsetctl::bench {
namespace {

// Arg: partitions, as groups of 10 topics x 100 partitions (1,000 per group).
void BM_LoadPlanText(benchmark::State& state) {
  Shape s;
  s.groups = static_cast<size_t>(state.range(0)) / 1000;
  const std::string text = plan_yaml(s, 0, s.groups, "bench");
  for (auto _ : state) {
    plan::LoadResult r = plan::load_plan_text(text, "plans/bench.yaml");
    if (!r.ok()) throw std::runtime_error(r.errors.front().format());
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(s.total()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.counters["file_bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_LoadPlanText)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace offsetctl::bench
