#include "engine/plan.h"

#include <gtest/gtest.h>

#include "engine/engine_test_support.h"

namespace offsetctl::engine {
namespace {

class EnginePlan : public testing::EngineEmulated {};

TEST_F(EnginePlan, BothKindsInOneSavedPlan) {
  start();
  plan::PlanSet plans = both_kinds();
  auto saved = engine::plan(plans, plan_request());
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->result.summary.to_change, 9u);  // 1 CKafka partition, 8 DTS partitions
  size_t dts = 0;
  for (const auto& c : saved->result.changes) dts += planner::is_dts_change(c) ? 1 : 0;
  EXPECT_EQ(dts, 8u);
  // Sorted across kinds: ckafka-demo before subs-635ns8r71g.
  ASSERT_FALSE(saved->result.changes.empty());
  EXPECT_EQ(saved->result.changes.front().instance, "ckafka-demo");
  EXPECT_EQ(saved->result.changes.back().instance, "subs-635ns8r71g");
  // What the saved plan carries besides the rows.
  ASSERT_EQ(saved->files.size(), 1u);
  EXPECT_EQ(saved->files[0].path, plans.files[0].path);
  EXPECT_EQ(saved->files[0].sha256, plans.files[0].sha256);
  EXPECT_EQ(saved->created_at_ms, planner::testing::kDtsNowMs);
  EXPECT_EQ(saved->result.planned_at_ms, planner::testing::kDtsNowMs);
  EXPECT_EQ(saved->region, "ap-guangzhou");
  EXPECT_EQ(saved->tool_version, "test");
}

TEST_F(EnginePlan, AKindWithoutPlansMakesNoCall) {
  start();
  auto text = util::read_file(offsetctl::testing::source_dir() + "/plans/examples/shift.yaml");
  ASSERT_TRUE(text.ok());
  PlanRequest request = plan_request();
  request.clients.dts = [](const std::string&) -> Result<std::shared_ptr<api::DtsApi>> {
    return fail("no DTS client was to be asked for");
  };
  auto saved = engine::plan(load(*text), request);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->result.summary.to_change, 1u);
}

TEST_F(EnginePlan, EndpointCredentialsAreNotKept) {
  start();
  PlanRequest request = plan_request();
  request.endpoint = "https://user:secret@example.com/";
  auto saved = engine::plan(both_kinds(), request);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->endpoint, "https://example.com/");
}

TEST_F(EnginePlan, AFailedCallIsAnError) {
  start();
  PlanRequest request = plan_request();
  request.clients.ckafka = [](const std::string&) -> Result<std::shared_ptr<api::CkafkaApi>> {
    return fail("no credentials: set TENCENTCLOUD_SECRET_ID");
  };
  auto saved = engine::plan(both_kinds(), request);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().message, "no credentials: set TENCENTCLOUD_SECRET_ID");
}

}  // namespace
}  // namespace offsetctl::engine
