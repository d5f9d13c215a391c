#include "planner/regions.h"

#include <gtest/gtest.h>

namespace offsetctl::planner {
namespace {

plan::PlanSet plans_with_regions(std::initializer_list<const char*> regions) {
  plan::PlanSet set;
  plan::PlanFile f;
  f.path = "plans/examples/offsets.yaml";
  int line = 5;
  for (const char* r : regions) {
    plan::OffsetPlan p;
    p.name = "plan-" + std::to_string(line);
    p.instance = "ckafka-demo";
    if (*r) p.region = r;
    p.name_loc = {f.path, line, 7};
    line += 20;
    f.offset_plans.push_back(p);
  }
  set.files.push_back(f);
  return set;
}

TEST(Regions, APlanWithoutRegionNeedsADefault) {
  auto set = plans_with_regions({"ap-guangzhou", ""});
  EXPECT_TRUE(check_regions(set, true).ok());
  auto r = check_regions(set, false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "plans/examples/offsets.yaml:25: plan 'plan-25' names no region: add 'region:', pass --region or set "
            "TENCENTCLOUD_REGION");
}

TEST(Regions, CountsTheOthers) {
  auto r = check_regions(plans_with_regions({"", "", ""}), false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "plans/examples/offsets.yaml:5: plan 'plan-5' names no region (2 other plans name none either): add "
            "'region:', pass --region or set TENCENTCLOUD_REGION");
}

TEST(Regions, EveryPlanNamingItsRegionNeedsNoDefault) {
  EXPECT_TRUE(check_regions(plans_with_regions({"ap-guangzhou", "ap-shanghai"}), false).ok());
}

}  // namespace
}  // namespace offsetctl::planner
