#include "planner/regions.h"

#include <string>

#include "util/plural.h"

namespace offsetctl::planner {

Status<> check_regions(const plan::PlanSet& plans, bool have_default_region) {
  if (have_default_region) return Ok{};
  std::string first;
  size_t more = 0;
  auto see = [&](const std::string& name, const std::optional<std::string>& region, const plan::SourceLoc& loc) {
    if (region && !region->empty()) return;
    if (!first.empty()) {
      ++more;
      return;
    }
    first = loc.file + ":" + std::to_string(loc.line) + ": plan '" + name + "' names no region";
  };
  for (const auto& f : plans.files) {
    for (const auto& p : f.offset_plans) see(p.name, p.region, p.name_loc);
    for (const auto& p : f.dts_plans) see(p.name, p.region, p.name_loc);
  }
  if (first.empty()) return Ok{};
  if (more > 0) first += " (" + util::plural(more, "other plan names", "other plans name") + " none either)";
  return fail(first + ": add 'region:', pass --region or set TENCENTCLOUD_REGION");
}

}  // namespace offsetctl::planner
