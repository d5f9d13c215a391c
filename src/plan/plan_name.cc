#include "plan/plan_name.h"

namespace offsetctl::plan {

bool valid_plan_name(const std::string& name) {
  if (name.empty() || name.size() > kMaxPlanName) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

std::string plan_name_from(const std::string& prefix, const std::string& text) {
  std::string name = prefix;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    name += ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? c : '-';
  }
  return name.substr(0, kMaxPlanName);
}

}  // namespace offsetctl::plan
