#pragma once
// For DTS tests: the emulator in-process on demo/state.yaml (or a given
// state), a DtsApi client for it, and the example plan loaded.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "api/client.h"
#include "api/transport.h"
#include "emulator/server.h"
#include "emulator/state.h"
#include "plan/load.h"
#include "planner/dts_plan.h"
#include "testing/temp_dir.h"
#include "util/clock.h"

namespace offsetctl::planner::testing {

inline constexpr int64_t kDtsNowMs = 1795392000000;  // 2026-11-23T00:00:00Z

class DtsEmulated : public ::testing::Test {
 protected:
  void start(const std::string& state_path = "") {
    std::string path = state_path.empty() ? offsetctl::testing::source_dir() + "/demo/state.yaml" : state_path;
    auto state = emulator::load_state_file(path);
    ASSERT_TRUE(state.ok()) << state.error().message;
    emulator::ServerOptions options;
    options.clock = &server_clock_;
    auto server = emulator::Server::start(std::move(*state), options);
    ASSERT_TRUE(server.ok()) << server.error().message;
    server_ = std::move(*server);
    config_.endpoint = server_->url();
    config_.region = "ap-guangzhou";
    config_.credentials.secret_id = "AKIDEXAMPLE";
    config_.credentials.secret_key = api::Secret("secretEXAMPLE");
    config_.credentials.source = "the test";
    config_.clock = &client_clock_;
    config_.timeout_ms = 5000;
  }
  void TearDown() override {
    api::forget_thread_connections();
    if (server_) server_->stop();
  }
  std::shared_ptr<api::DtsApi> dts() {
    auto c = api::make_dts_client(config_);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
    return c.ok() ? std::shared_ptr<api::DtsApi>(std::move(*c)) : nullptr;
  }
  DtsClientFactory factory() {
    return [this](const std::string&) -> Result<std::shared_ptr<api::DtsApi>> { return dts(); };
  }
  plan::PlanSet load(const std::string& text) {
    auto r = plan::load_plan_text(text, dir_.path("plan.yaml"));
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.front().format());
    return r.plans;
  }
  PlanResult plan(const plan::PlanSet& plans) {
    PlanOptions options;
    options.now_ms = kDtsNowMs;
    options.default_region = "ap-guangzhou";
    auto live = fetch_dts_live_state(plans, factory(), options);
    EXPECT_TRUE(live.ok()) << (live.ok() ? "" : live.error().message);
    if (!live.ok()) return {};
    return make_dts_plan(plans, *live, options);
  }

  offsetctl::testing::TempDir dir_;
  util::FakeClock server_clock_{kDtsNowMs};
  util::FakeClock client_clock_{kDtsNowMs};
  api::ClientConfig config_;
  std::unique_ptr<emulator::Server> server_;
};

}  // namespace offsetctl::planner::testing
