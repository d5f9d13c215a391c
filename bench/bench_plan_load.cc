// Loading and validating plan text: YAML parse, schema check, model build,
// what `offsetctl validate` and the first step of `plan` do per file.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <vector>

#include "plan/load.h"
#include "synthetic.h"
#include "util/parallel.h"

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

// Ten files of 10,000 partitions each, loaded one by one (as load_plans does
// today) or on two threads: what loading the files of a folder in parallel
// would gain on this 2-core machine. Wall time is what counts here.
void BM_LoadPlanFiles(benchmark::State& state) {
  const auto threads = static_cast<size_t>(state.range(0));
  Shape s;
  s.groups = 100;
  std::vector<std::string> texts;
  for (size_t f = 0; f < 10; ++f) texts.push_back(plan_yaml(s, f * 10, 10, "bench-" + std::to_string(f)));
  for (auto _ : state) {
    std::vector<plan::LoadResult> results(texts.size());
    util::parallel_for(texts.size(), threads, [&](size_t i) {
      results[i] = plan::load_plan_text(texts[i], "plans/plan-" + std::to_string(i) + ".yaml");
    });
    for (const auto& r : results) {
      if (!r.ok()) throw std::runtime_error(r.errors.front().format());
    }
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(s.total()));
}
BENCHMARK(BM_LoadPlanFiles)->ArgName("threads")->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace offsetctl::bench
