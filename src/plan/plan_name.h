#pragma once
// Plan names as plan files allow them: lower-case letters, digits and '-', at
// most 128 characters. For the commands that write plans (export, import).

#include <string>

namespace offsetctl::plan {

constexpr size_t kMaxPlanName = 128;

bool valid_plan_name(const std::string& name);

// prefix + text in the letters a plan name may have ("import-" + "Orders_2026.csv"
// -> "import-orders-2026-csv"), cut to kMaxPlanName.
std::string plan_name_from(const std::string& prefix, const std::string& text);

}  // namespace offsetctl::plan
