#include "engine/export.h"

#include <gtest/gtest.h>

#include "engine/engine_test_support.h"
#include "plan/load.h"

namespace offsetctl::engine {
namespace {

class EngineExport : public testing::EngineEmulated {
 protected:
  ExportRequest export_request() {
    ExportRequest r;
    r.ckafka = clients().ckafka;
    r.snapshot.instance = "ckafka-demo";
    r.snapshot.region = "ap-guangzhou";
    r.snapshot.groups = {"orders-consumer", "billing-consumer"};
    r.snapshot.name = "export-ckafka-demo";
    r.snapshot.now_ms = planner::testing::kDtsNowMs;
    return r;
  }
};

TEST_F(EngineExport, WritesAPlanThatPinsTheCommittedOffsets) {
  start();
  auto r = export_offsets(export_request());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->partitions, 12u);  // orders-consumer: 9; billing-consumer: payments 3 (nothing on refunds)
  EXPECT_EQ(r->snapshot.plan.groups.size(), 2u);
  EXPECT_NE(r->yaml.find("# Exported by offsetctl export from ckafka-demo (ap-guangzhou) at 2026-11-23T00:00:00"),
            std::string::npos)
      << r->yaml;
  // The file loads as a plan, and planned against the same cluster it changes nothing.
  plan::PlanSet plans = load(r->yaml);
  ASSERT_EQ(plans.files.size(), 1u);
  auto saved = engine::plan(plans, plan_request());
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->result.summary.to_change, 0u);
  EXPECT_EQ(saved->result.summary.unchanged, 12u);
}

TEST_F(EngineExport, AnUnknownGroupOnlyIsNothingToExport) {
  start();
  ExportRequest request = export_request();
  request.snapshot.groups = {"no-such-group"};
  auto r = export_offsets(request);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("nothing to export", 0), 0u) << r.error().message;
}

}  // namespace
}  // namespace offsetctl::engine
