// plan::load_plan_text on arbitrary bytes: never a crash, a hang or unbounded
// memory; every diagnostic names the file and a sane position; and a plan that
// loads survives the writer (write_plan_yaml reads back to the same text).

#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "plan/load.h"
#include "plan/writer.h"

namespace offsetctl::fuzz {
namespace {

constexpr const char* kPath = "fuzz/plan.yaml";

std::string all_errors(const plan::LoadResult& r) {
  std::string s;
  for (const auto& d : r.errors) s += d.format();
  return s;
}

void check_diagnostics(const plan::LoadResult& r, const std::string& path) {
  for (const auto& d : r.errors) {
    FUZZ_CHECK(d.file == path, "diagnostic for another file: " + d.file);
    FUZZ_CHECK(d.line >= 0 && d.col >= 0, d.format());
    FUZZ_CHECK(!d.message.empty(), "a diagnostic without a message at line " + std::to_string(d.line));
    const std::string text = d.format();
    FUZZ_CHECK(text.rfind(path, 0) == 0 && text.back() == '\n', text);
  }
}

}  // namespace

int fuzz_plan_load(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  plan::LoadResult loaded = plan::load_plan_text(text, kPath);
  check_diagnostics(loaded, kPath);
  if (!loaded.ok()) return 0;

  // The writer's promise: what it writes reads back to the same plans (export and rollback rely on it).
  std::vector<plan::OffsetPlan> plans;
  bool has_dts = false;
  for (const auto& file : loaded.plans.files) {
    plans.insert(plans.end(), file.offset_plans.begin(), file.offset_plans.end());
    has_dts = has_dts || !file.dts_plans.empty();
  }
  if (plans.empty() || has_dts) return 0;  // the writer writes OffsetPlans only
  const std::string written = plan::write_plan_yaml(plans);
  plan::LoadResult again = plan::load_plan_text(written, "fuzz/written.yaml");
  FUZZ_CHECK(again.ok(), "the writer's output does not load:\n" + all_errors(again) + "--- written:\n" + written);
  std::vector<plan::OffsetPlan> plans2;
  for (const auto& file : again.plans.files) {
    plans2.insert(plans2.end(), file.offset_plans.begin(), file.offset_plans.end());
  }
  const std::string rewritten = plan::write_plan_yaml(plans2);
  FUZZ_CHECK(rewritten == written, "write(load(write(p))) != write(p):\n" + written + "--- then:\n" + rewritten);
  return 0;
}

}  // namespace offsetctl::fuzz

OFFSETCTL_FUZZ_ENTRY(fuzz_plan_load)
