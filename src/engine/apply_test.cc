#include "engine/apply.h"

#include <gtest/gtest.h>

#include "audit/verify.h"
#include "engine/engine_test_support.h"

namespace offsetctl::engine {
namespace {

using executor::PartitionStatus;

class EngineApply : public testing::EngineEmulated {
 protected:
  report::SavedPlan planned() {
    auto saved = engine::plan(both_kinds(), plan_request());
    EXPECT_TRUE(saved.ok()) << (saved.ok() ? "" : saved.error().message);
    return saved.ok() ? std::move(*saved) : report::SavedPlan{};
  }
  ApplyRequest apply_request(bool dry_run) {
    ApplyRequest r;
    r.clients = clients();
    r.dry_run = dry_run;
    r.audit_log = dir_.path("audit.jsonl");
    r.tool_version = "test";
    return r;
  }
  std::map<int32_t, int64_t> dts_offsets(const std::string& name) {
    emulator::State s = server_->snapshot();
    return s.subscriptions.at(0).groups.at(name).offsets;
  }
};

TEST_F(EngineApply, EachKindIsOneRunOfTheAuditLog) {
  start();
  report::SavedPlan saved = planned();
  auto r = engine::apply(saved, apply_request(false), client_clock_);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->exit_code(), 0) << r->refusal;
  EXPECT_EQ(r->run_ids.size(), 2u);
  EXPECT_EQ(r->batch_calls + r->modify_calls, 1u);
  EXPECT_EQ(r->reset_calls, 2u);
  ASSERT_EQ(r->partitions.size(), 9u);
  for (const auto& p : r->partitions) {
    EXPECT_EQ(p.status, PartitionStatus::Verified) << p.group << "[" << p.partition << "] " << p.error_message;
  }
  EXPECT_EQ(dts_offsets("grp-1"), (std::map<int32_t, int64_t>{{0, 0}, {1, 0}, {2, 0}, {3, 0}}));
  audit::VerifyReport v = audit::verify_audit_log(dir_.path("audit.jsonl"));
  EXPECT_TRUE(v.ok) << v.summary(dir_.path("audit.jsonl"));
}

TEST_F(EngineApply, DryRunCoversDtsRowsAndChangesNothing) {
  start();
  report::SavedPlan saved = planned();
  const auto before = dts_offsets("grp-1");
  auto r = engine::apply(saved, apply_request(true), client_clock_);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->dry_run);
  EXPECT_EQ(r->exit_code(), 0) << r->refusal;
  EXPECT_EQ(r->reset_calls, 2u);  // what a real apply would send
  size_t verified = 0;
  for (const auto& p : r->partitions) {
    if (p.status == PartitionStatus::Verified) ++verified;
    EXPECT_NE(p.status, PartitionStatus::Failed) << p.group << "[" << p.partition << "] " << p.error_message;
  }
  EXPECT_EQ(verified, 9u);
  EXPECT_EQ(dts_offsets("grp-1"), before);  // nothing sent
  EXPECT_FALSE(util::read_file(dir_.path("audit.jsonl")).ok());  // nothing written
  // The same plan applies for real afterwards: nothing drifted.
  auto real = engine::apply(saved, apply_request(false), client_clock_);
  ASSERT_TRUE(real.ok()) << real.error().message;
  EXPECT_EQ(real->exit_code(), 0) << real->refusal;
}

planner::PartitionChange row_of(const std::string& instance, const std::string& group, const std::string& spec) {
  planner::PartitionChange c;
  c.instance = instance;
  c.group = group;
  c.spec = spec;
  c.action = planner::Action::Change;
  return c;
}

planner::GroupReport group_of(const std::string& instance, const std::string& group) {
  planner::GroupReport g;
  g.instance = instance;
  g.group = group;
  return g;
}

TEST(RowsOfKind, SeparatesTheDtsRowsAndGroups) {
  report::SavedPlan plan;
  plan.result.changes = {row_of("ckafka-1", "g", "to: earliest"), row_of("subs-1", "grp", "dts: to: earliest")};
  plan.result.groups = {group_of("ckafka-1", "g"), group_of("ckafka-1", "no-rows"), group_of("subs-1", "grp")};
  auto kinds = plan_kinds();
  report::SavedPlan ckafka = rows_of_kind(plan, *kinds[0], true);
  report::SavedPlan dts = rows_of_kind(plan, *kinds[1], false);
  ASSERT_EQ(ckafka.result.changes.size(), 1u);
  ASSERT_EQ(dts.result.changes.size(), 1u);
  EXPECT_EQ(dts.result.changes[0].instance, "subs-1");
  EXPECT_EQ(dts.result.summary.to_change, 1u);
  EXPECT_EQ(ckafka.result.summary.to_change, 1u);
  ASSERT_EQ(ckafka.result.groups.size(), 2u);  // its own group and the one no row names
  EXPECT_EQ(ckafka.result.groups[0].group, "g");
  EXPECT_EQ(ckafka.result.groups[1].group, "no-rows");
  ASSERT_EQ(dts.result.groups.size(), 1u);
  EXPECT_EQ(dts.result.groups[0].instance, "subs-1");
}

}  // namespace
}  // namespace offsetctl::engine
