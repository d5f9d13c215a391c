#pragma once
// Every plan must say where it runs: its own region, else the default one
// (--region, TENCENTCLOUD_REGION). Checked before any call, so that the error
// names the plan and its file rather than a request that could not be signed.

#include "plan/model.h"
#include "util/result.h"

namespace offsetctl::planner {

// "plans/x.yaml:7: plan 'x' names no region: add 'region:', pass --region or set
// TENCENTCLOUD_REGION" for the first plan without one (and how many more).
Status<> check_regions(const plan::PlanSet& plans, bool have_default_region);

}  // namespace offsetctl::planner
