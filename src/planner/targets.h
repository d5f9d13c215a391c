#pragma once
// --target GROUP / --target INSTANCE/GROUP: a run restricted to some groups of
// its plans (as terraform's -target), applied to the plans before anything is
// read, so the other groups cost no call and appear nowhere.

#include <string>
#include <vector>

#include "plan/model.h"
#include "util/result.h"

namespace offsetctl::planner {

struct Target {
  std::string instance;  // "" : the group on whichever instance the plans name it
  std::string group;
  std::string text;  // as given
};

// "billing" or "ckafka-demo/billing"; an empty part is an error.
Result<Target> parse_target(const std::string& text);

// Keeps only the targeted groups (OffsetPlan groups; DtsOffsetPlan groups by
// their short name, the subscription ID as instance); a plan left with none is
// dropped. A target that matches no group of the plans is an error with the
// closest name the plans have.
Status<> restrict_to_targets(plan::PlanSet& plans, const std::vector<Target>& targets);

// "ckafka-demo/billing, orders-consumer": what the report says it was restricted to.
std::string describe_targets(const std::vector<Target>& targets);

}  // namespace offsetctl::planner
