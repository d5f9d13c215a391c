#include "planner/targets.h"

#include <string>
#include <vector>

#include "util/did_you_mean.h"

namespace offsetctl::planner {
namespace {

bool targeted(const std::vector<Target>& targets, const std::string& instance, const std::string& group,
              std::vector<bool>& used) {
  bool hit = false;
  for (size_t i = 0; i < targets.size(); ++i) {
    const Target& t = targets[i];
    if (t.group == group && (t.instance.empty() || t.instance == instance)) {
      used[i] = true;
      hit = true;
    }
  }
  return hit;
}

// Keeps the targeted groups of each plan, CKafka or DTS (`owner`: the member naming its instance
// or its subscription), and drops the plans left without any; `names` collects every group seen.
template <class Plan>
void keep_targeted(std::vector<Plan>& plans, std::string Plan::*owner, const std::vector<Target>& targets,
                   std::vector<bool>& used, std::vector<std::string>& names) {
  for (auto& p : plans) {
    decltype(p.groups) kept;
    for (auto& g : p.groups) {
      names.push_back(g.group);
      names.push_back(p.*owner + "/" + g.group);
      if (targeted(targets, p.*owner, g.group, used)) kept.push_back(std::move(g));
    }
    p.groups = std::move(kept);
  }
  std::erase_if(plans, [](const Plan& p) { return p.groups.empty(); });
}

}  // namespace

Result<Target> parse_target(const std::string& text) {
  Target t;
  t.text = text;
  const size_t slash = text.find('/');
  if (slash == std::string::npos) {
    t.group = text;
  } else {
    t.instance = text.substr(0, slash);
    t.group = text.substr(slash + 1);
    if (t.instance.empty() || t.group.find('/') != std::string::npos) t.group.clear();
  }
  if (t.group.empty()) {
    return fail("--target '" + text + "': give a group (GROUP) or an instance and a group (INSTANCE/GROUP)");
  }
  return t;
}

Status<> restrict_to_targets(plan::PlanSet& plans, const std::vector<Target>& targets) {
  if (targets.empty()) return Ok{};
  std::vector<bool> used(targets.size(), false);
  std::vector<std::string> names;  // every group the plans name, for suggestions
  for (auto& f : plans.files) {
    keep_targeted(f.offset_plans, &plan::OffsetPlan::instance, targets, used, names);
    keep_targeted(f.dts_plans, &plan::DtsOffsetPlan::subscribe_id, targets, used, names);
  }
  for (size_t i = 0; i < targets.size(); ++i) {
    if (used[i]) continue;
    std::string msg = "--target " + targets[i].text + ": no plan given names that group";
    if (auto m = util::closest_match(targets[i].text, names)) msg += "; did you mean '" + *m + "'?";
    return fail(msg);
  }
  return Ok{};
}

std::string describe_targets(const std::vector<Target>& targets) {
  std::string out;
  for (const auto& t : targets) out += (out.empty() ? "" : ", ") + t.text;
  return out;
}

}  // namespace offsetctl::planner
