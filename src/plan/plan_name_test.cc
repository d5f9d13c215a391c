#include "plan/plan_name.h"

#include <gtest/gtest.h>

namespace offsetctl::plan {
namespace {

TEST(PlanName, ValidNamesHaveLowerCaseLettersDigitsAndDashes) {
  EXPECT_TRUE(valid_plan_name("import-orders-2026"));
  EXPECT_FALSE(valid_plan_name(""));
  EXPECT_FALSE(valid_plan_name("Orders"));
  EXPECT_FALSE(valid_plan_name("a_b"));
  EXPECT_FALSE(valid_plan_name(std::string(129, 'a')));
  EXPECT_TRUE(valid_plan_name(std::string(128, 'a')));
}

TEST(PlanName, FromTextKeepsWhatAPlanNameMayHave) {
  EXPECT_EQ(plan_name_from("import-", "Orders_2026.csv"), "import-orders-2026-csv");
  EXPECT_EQ(plan_name_from("export-", "ckafka-abc123"), "export-ckafka-abc123");
  EXPECT_EQ(plan_name_from("x-", std::string(300, 'b')).size(), kMaxPlanName);
  EXPECT_TRUE(valid_plan_name(plan_name_from("import-", "é,\"; rm")));
}

}  // namespace
}  // namespace offsetctl::plan
