#include "planner/targets.h"

#include <gtest/gtest.h>

namespace offsetctl::planner {
namespace {

plan::PlanSet two_instances() {
  plan::PlanSet set;
  plan::PlanFile f;
  f.path = "plans/a.yaml";
  for (const char* instance : {"ckafka-a", "ckafka-b"}) {
    plan::OffsetPlan p;
    p.name = std::string("plan-") + instance;
    p.instance = instance;
    for (const char* group : {"billing", "orders-consumer"}) {
      plan::GroupSpec g;
      g.group = group;
      p.groups.push_back(g);
    }
    f.offset_plans.push_back(p);
  }
  set.files.push_back(f);
  return set;
}

std::vector<Target> targets_of(std::initializer_list<const char*> texts) {
  std::vector<Target> out;
  for (const char* t : texts) out.push_back(*parse_target(t));
  return out;
}

TEST(Targets, AGroupOnEveryInstanceThatHasIt) {
  plan::PlanSet set = two_instances();
  ASSERT_TRUE(restrict_to_targets(set, targets_of({"billing"})).ok());
  ASSERT_EQ(set.files[0].offset_plans.size(), 2u);
  for (const auto& p : set.files[0].offset_plans) {
    ASSERT_EQ(p.groups.size(), 1u);
    EXPECT_EQ(p.groups[0].group, "billing");
  }
}

TEST(Targets, InstanceSlashGroupIsExactAndDropsEmptyPlans) {
  plan::PlanSet set = two_instances();
  ASSERT_TRUE(restrict_to_targets(set, targets_of({"ckafka-b/orders-consumer"})).ok());
  ASSERT_EQ(set.files[0].offset_plans.size(), 1u);
  EXPECT_EQ(set.files[0].offset_plans[0].instance, "ckafka-b");
  ASSERT_EQ(set.files[0].offset_plans[0].groups.size(), 1u);
  EXPECT_EQ(set.files[0].offset_plans[0].groups[0].group, "orders-consumer");
}

TEST(Targets, ATargetThatMatchesNothingSuggests) {
  plan::PlanSet set = two_instances();
  auto r = restrict_to_targets(set, targets_of({"billing", "orders-consmer"}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "--target orders-consmer: no plan given names that group; did you mean 'orders-consumer'?");
  auto exact = restrict_to_targets(set, targets_of({"ckafka-c/billing"}));
  ASSERT_FALSE(exact.ok());
  EXPECT_EQ(exact.error().message, "--target ckafka-c/billing: no plan given names that group; did you mean 'ckafka-a/billing'?");
}

TEST(Targets, MalformedTargets) {
  for (const char* bad : {"", "/billing", "ckafka-a/", "a/b/c"}) {
    auto t = parse_target(bad);
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.error().message, std::string("--target '") + bad +
                                     "': give a group (GROUP) or an instance and a group (INSTANCE/GROUP)");
  }
}

TEST(Targets, NoTargetsKeepsEverything) {
  plan::PlanSet set = two_instances();
  ASSERT_TRUE(restrict_to_targets(set, {}).ok());
  EXPECT_EQ(set.files[0].offset_plans[0].groups.size(), 2u);
}

}  // namespace
}  // namespace offsetctl::planner
