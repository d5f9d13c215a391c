#pragma once
// For engine tests: the emulator in-process on demo/state.yaml, clients of
// both kinds for it, and a plan set with an OffsetPlan and a DtsOffsetPlan.

#include <memory>
#include <string>

#include "api/client.h"
#include "engine/plan.h"
#include "planner/dts_test_support.h"
#include "util/files.h"

namespace offsetctl::engine::testing {

class EngineEmulated : public planner::testing::DtsEmulated {
 protected:
  Clients clients() {
    Clients c;
    c.ckafka = [this](const std::string&) -> Result<std::shared_ptr<api::CkafkaApi>> {
      auto client = api::make_ckafka_client(config_);
      if (!client) return fail(std::move(client).error());
      return std::shared_ptr<api::CkafkaApi>(std::move(*client));
    };
    c.dts = factory();
    return c;
  }
  // One CKafka row to change (billing-consumer/payments[2] shift -250) and the eight DTS rows.
  plan::PlanSet both_kinds() {
    auto dts = util::read_file(offsetctl::testing::source_dir() + "/plans/examples/dts-subscription.yaml");
    EXPECT_TRUE(dts.ok());
    auto ckafka = util::read_file(offsetctl::testing::source_dir() + "/plans/examples/shift.yaml");
    EXPECT_TRUE(ckafka.ok());
    return load(*ckafka + "\n---\n" + *dts);
  }
  PlanRequest plan_request() {
    PlanRequest r;
    r.clients = clients();
    r.now_ms = planner::testing::kDtsNowMs;
    r.region = "ap-guangzhou";
    r.endpoint = config_.endpoint;
    r.tool_version = "test";
    return r;
  }
};

}  // namespace offsetctl::engine::testing
