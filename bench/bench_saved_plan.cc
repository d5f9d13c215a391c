// Writing and parsing a saved plan of 100,000 partitions (in memory: the disk
// is not what is measured). plan --out writes one, apply parses one.
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "report/saved_plan.h"
#include "synthetic.h"

namespace offsetctl::bench {
namespace {

report::SavedPlan saved_plan(int64_t partitions) {
  Shape s;
  s.groups = static_cast<size_t>(partitions) / 1000;
  report::SavedPlan p;
  p.result = plan_result(s);
  for (size_t f = 0; f < (s.groups + 9) / 10; ++f) {
    p.files.push_back({"plans/plan-" + std::to_string(f) + ".yaml", std::string(64, 'a')});
  }
  p.endpoint = "https://ckafka.tencentcloudapi.com";
  p.region = kRegion;
  p.created_at_ms = kPlanNowMs + 1234;
  p.tool_version = "0.1.0";
  return p;
}

void BM_SavedPlanWrite(benchmark::State& state) {
  const report::SavedPlan p = saved_plan(state.range(0));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string json = report::saved_plan_to_json(p);
    bytes = json.size();
    benchmark::DoNotOptimize(json);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(p.result.changes.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
  state.counters["file_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SavedPlanWrite)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_SavedPlanParse(benchmark::State& state) {
  const std::string json = report::saved_plan_to_json(saved_plan(state.range(0)));
  size_t partitions = 0;
  for (auto _ : state) {
    auto parsed = report::parse_saved_plan(json, "saved-plan.json");
    if (!parsed) throw std::runtime_error(parsed.error().message);
    partitions = parsed->result.changes.size();
    benchmark::DoNotOptimize(parsed);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(partitions));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(json.size()));
}
BENCHMARK(BM_SavedPlanParse)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace offsetctl::bench
