#include "engine/rollback.h"

#include <gtest/gtest.h>

#include "engine/apply.h"
#include "engine/engine_test_support.h"

namespace offsetctl::engine {
namespace {

class EngineRollback : public testing::EngineEmulated {
 protected:
  // Plans and applies both kinds; the committed offset of the CKafka row before the run.
  int64_t applied() {
    auto saved = engine::plan(both_kinds(), plan_request());
    EXPECT_TRUE(saved.ok()) << (saved.ok() ? "" : saved.error().message);
    if (!saved.ok()) return -1;
    int64_t before = -1;
    for (const auto& c : saved->result.changes) {
      if (c.group == "billing-consumer" && c.action == planner::Action::Change) before = c.current.value_or(-1);
    }
    ApplyRequest request;
    request.clients = clients();
    request.audit_log = audit_log();
    request.tool_version = "test";
    auto r = engine::apply(*saved, request, client_clock_);
    EXPECT_TRUE(r.ok() && r->exit_code() == 0) << (r.ok() ? r->refusal : r.error().message);
    if (r.ok() && r->run_ids.size() == 2) {
      ckafka_run_ = r->run_ids[0];  // one run per kind, CKafka first
      dts_run_ = r->run_ids[1];
    }
    return before;
  }
  std::string audit_log() { return dir_.path("audit.jsonl"); }

  std::string ckafka_run_;
  std::string dts_run_;
};

TEST_F(EngineRollback, WritesAPlanThatRestoresTheRunsOffsets) {
  start();
  const int64_t before = applied();
  ASSERT_GE(before, 0);
  auto r = rollback({audit_log(), ckafka_run_, dir_.path("rollback.yaml")});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->restored.size(), 1u);
  EXPECT_EQ(r->restored[0].group, "billing-consumer");
  EXPECT_EQ(r->restored[0].topic, "payments");
  EXPECT_EQ(r->restored[0].partition, 2);
  EXPECT_EQ(r->restored[0].before, before);
  EXPECT_TRUE(r->dts_not_restorable.empty());

  // The written plan is the one returned; planned now, it moves the row back.
  auto written = util::read_file(dir_.path("rollback.yaml"));
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(*written, r->yaml);
  auto saved = engine::plan(load(*written), plan_request());
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  ASSERT_EQ(saved->result.summary.to_change, 1u);
  for (const auto& c : saved->result.changes) {
    if (c.action == planner::Action::Change) {
      EXPECT_EQ(c.target, before);
    }
  }
}

// The latest run is the DTS one, and DTS groups are reset by position, never to an offset.
TEST_F(EngineRollback, ARunOfDtsGroupsOnlyHasNothingToRestore) {
  start();
  applied();
  auto r = rollback({audit_log(), std::nullopt, dir_.path("rollback.yaml")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("run " + dts_run_ + " changed nothing that a plan can set back: DTS subscription groups", 0), 0u)
      << r.error().message;
  EXPECT_FALSE(util::read_file(dir_.path("rollback.yaml")).ok());
}

TEST_F(EngineRollback, WithoutAnOutputPathNothingIsWritten) {
  start();
  applied();
  auto r = rollback({audit_log(), ckafka_run_, ""});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->yaml.empty());
  EXPECT_FALSE(util::read_file(dir_.path("rollback.yaml")).ok());
}

TEST_F(EngineRollback, AnUnknownRunIsAnErrorAndWritesNothing) {
  start();
  applied();
  auto r = rollback({audit_log(), std::string("run-20260101T000000Z-000000"), dir_.path("rollback.yaml")});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("run-20260101T000000Z-000000"), std::string::npos) << r.error().message;
  EXPECT_FALSE(util::read_file(dir_.path("rollback.yaml")).ok());
}

TEST_F(EngineRollback, RefusesToOverwriteTheAuditLogItself) {
  start();
  applied();
  auto r = rollback({audit_log(), ckafka_run_, audit_log()});
  ASSERT_FALSE(r.ok());
  auto log = util::read_file(audit_log());
  ASSERT_TRUE(log.ok());
  EXPECT_NE(log->find("\"run_started\""), std::string::npos);  // still the log
}

}  // namespace
}  // namespace offsetctl::engine
