#include "executor/dts_apply.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "audit/compact.h"
#include "audit/log.h"
#include "audit/verify.h"
#include "planner/dts_test_support.h"
#include "util/files.h"

namespace offsetctl::executor {
namespace {

using planner::Action;
using planner::PlanResult;

constexpr const char* kHead =
    "apiVersion: offsetctl/v1\nkind: DtsOffsetPlan\nname: t\nsubscribeId: subs-635ns8r71g\n"
    "region: ap-guangzhou\ngroups:\n";

// Answers DescribeConsumerGroups with every group Empty the first `hide` times:
// a consumer that joins between apply's drift check and its call.
class JoinsAfterTheCheck final : public api::DtsApi {
 public:
  JoinsAfterTheCheck(std::shared_ptr<api::DtsApi> real, int hide) : real_(std::move(real)), hide_(hide) {}
  api::ApiResult<api::DescribeConsumerGroupsResponse> describe_consumer_groups(
      const api::DescribeConsumerGroupsRequest& r) override {
    auto a = real_->describe_consumer_groups(r);
    if (a.ok() && hide_ > 0) {
      --hide_;
      for (auto& g : a->result.Items) {
        g.ConsumerGroupState = "Empty";
        g.PartitionAssignment.clear();
      }
    }
    return a;
  }
  api::ApiResult<std::vector<api::OffsetTimeMap>> describe_offset_by_time(
      const api::DescribeOffsetByTimeRequest& r) override {
    return real_->describe_offset_by_time(r);
  }
  api::ApiResult<Ok> reset_consumer_group_offset(const api::ResetConsumerGroupOffsetRequest& r) override {
    return real_->reset_consumer_group_offset(r);
  }

 private:
  std::shared_ptr<api::DtsApi> real_;
  int hide_;
};

class DtsApply : public planner::testing::DtsEmulated {
 protected:
  report::SavedPlan saved(const std::string& plan_text) {
    report::SavedPlan s;
    s.result = plan(load(plan_text));
    s.endpoint = config_.endpoint;
    s.region = "ap-guangzhou";
    s.created_at_ms = planner::testing::kDtsNowMs;
    return s;
  }
  // The emulator again (another port) with the state changed by `edit`.
  template <class F>
  void restart(F edit) {
    emulator::State s = server_->snapshot();
    api::forget_thread_connections();
    server_->stop();
    edit(s);
    auto server = emulator::Server::start(std::move(s), options_);
    ASSERT_TRUE(server.ok()) << server.error().message;
    server_ = std::move(*server);
    config_.endpoint = server_->url();
  }
  emulator::DtsGroup& group(emulator::State& s, const std::string& name) {
    return s.subscriptions.at(0).groups.at(name);
  }
  std::map<int32_t, int64_t> offsets(const std::string& name) {
    emulator::State s = server_->snapshot();
    return s.subscriptions.at(0).groups.count(name) ? s.subscriptions.at(0).groups.at(name).offsets
                                                   : std::map<int32_t, int64_t>{};
  }
  Result<ApplyResult> apply(const report::SavedPlan& plan, const planner::DtsClientFactory& clients) {
    run_id_ = audit::make_run_id(planner::testing::kDtsNowMs);
    auto log = audit::AuditLog::open(audit_path(), run_id_, client_clock_);
    EXPECT_TRUE(log.ok()) << (log.ok() ? "" : log.error().message);
    audit::AuditLogSink sink(std::move(*log));
    ApplyOptions options;
    options.run_id = run_id_;
    options.run.tool_version = "test";
    options.run.endpoint = config_.endpoint;
    options.run.region = "ap-guangzhou";
    return apply_dts_plan(plan, clients, sink, options);
  }
  std::string audit_path() { return dir_.path("audit.jsonl"); }
  std::vector<nlohmann::json> audit_records(const std::string& type) {
    std::vector<nlohmann::json> out;
    std::ifstream in(audit_path());
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object() || j.value("type", "") != type) continue;
      for (auto& partition : audit::as_partition_records(j)) out.push_back(std::move(partition));  // either format
    }
    return out;
  }

  emulator::ServerOptions options_ = [this] {
    emulator::ServerOptions o;
    o.clock = &server_clock_;
    return o;
  }();
  std::string run_id_;
};

TEST_F(DtsApply, EarliestAndDatetimeAreResetAndVerified) {
  start();
  auto text = util::read_file(offsetctl::testing::source_dir() + "/plans/examples/dts-subscription.yaml");
  ASSERT_TRUE(text.ok());
  report::SavedPlan plan = saved(*text);
  ASSERT_EQ(plan.result.summary.to_change, 8u);
  auto r = apply(plan, factory());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->refusal, "");
  EXPECT_EQ(r->exit_code(), 0);
  EXPECT_EQ(r->reset_calls, 2u);  // one per (group, topic, mode)
  ASSERT_EQ(r->partitions.size(), 8u);
  for (const auto& p : r->partitions) {
    EXPECT_EQ(p.status, PartitionStatus::Verified) << p.group << "[" << p.partition << "] " << p.error_message;
    EXPECT_EQ(p.action, "ResetConsumerGroupOffset");
  }
  EXPECT_EQ(offsets("grp-1"), (std::map<int32_t, int64_t>{{0, 0}, {1, 0}, {2, 0}, {3, 0}}));
  EXPECT_EQ(offsets("grp-2"), (std::map<int32_t, int64_t>{{0, 1760}, {1, 1760}, {2, 1760}, {3, 1760}}));

  // The audit log: an intent per partition before, a result per partition after, and a valid chain.
  audit::VerifyReport v = audit::verify_audit_log(audit_path());
  EXPECT_TRUE(v.ok) << v.summary(audit_path());
  auto intents = audit_records("change_intent");
  auto results = audit_records("change_result");
  ASSERT_EQ(intents.size(), 8u);
  ASSERT_EQ(results.size(), 8u);
  EXPECT_EQ(intents[0]["action"], "ResetConsumerGroupOffset");
  EXPECT_EQ(intents[0]["instance"], "subs-635ns8r71g");
  EXPECT_EQ(results[0]["verified"], true);
}

TEST_F(DtsApply, LatestIsVerifiedByAZeroLag) {
  start();
  auto plan = saved(std::string(kHead) + "  - group: grp-1\n    topic: account-subs-635ns8r71g-1\n    to: latest\n");
  auto r = apply(plan, factory());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->exit_code(), 0);
  EXPECT_EQ(r->reset_calls, 1u);
  EXPECT_EQ(offsets("grp-1"), (std::map<int32_t, int64_t>{{0, 5000}, {1, 5000}, {2, 5000}, {3, 5000}}));
  EXPECT_TRUE(audit::verify_audit_log(audit_path()).ok);
}

TEST_F(DtsApply, ADatetimeInAnotherZoneIsSentInBeijingTime) {
  start();
  auto plan = saved(std::string(kHead) +
                    "  - group: grp-1\n    topic: account-subs-635ns8r71g-1\n    partitions: [0, 1]\n"
                    "    datetime: \"2026-11-19T20:30:00-05:00\"\n");
  auto r = apply(plan, factory());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->exit_code(), 0);
  // Sent as "2026-11-20 09:30:00": the checkpoint at 2026-11-20T01:30:00Z is offset 1950.
  EXPECT_EQ(offsets("grp-1"), (std::map<int32_t, int64_t>{{0, 1950}, {1, 1950}, {2, 3900}, {3, 4050}}));
}

TEST_F(DtsApply, ABlockedPlanIsRefused) {
  start();
  auto plan = saved(std::string(kHead) + "  - group: grp-live\n    topic: account-subs-635ns8r71g-1\n    to: earliest\n");
  auto r = apply(plan, factory());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->refusal,
            "the plan cannot be applied as a whole: fix what is blocked or invalid, then plan again");
  EXPECT_EQ(r->reset_calls, 0u);
  EXPECT_EQ(offsets("grp-live").at(0), 4990);
}

TEST_F(DtsApply, DriftIsRefusedAndNothingIsSent) {
  start();
  auto plan = saved(std::string(kHead) + "  - group: grp-1\n    topic: account-subs-635ns8r71g-1\n    to: earliest\n");
  restart([&](emulator::State& s) { group(s, "grp-1").offsets[2] = 4444; });
  auto r = apply(plan, factory());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->refusal, "the plan is stale: run offsetctl plan again");
  ASSERT_EQ(r->drift.size(), 1u);
  EXPECT_EQ(r->drift[0].message,
            "grp-1/account-subs-635ns8r71g-1[2]: committed offset is 4444, the plan saw 3900");
  EXPECT_EQ(r->reset_calls, 0u);
  EXPECT_EQ(offsets("grp-1").at(0), 4000);
  EXPECT_EQ(r->exit_code(), 1);
  EXPECT_TRUE(audit::verify_audit_log(audit_path()).ok);
}

TEST_F(DtsApply, AGroupThatBecameActiveIsRefused) {
  start();
  auto plan = saved(std::string(kHead) + "  - group: grp-1\n    topic: account-subs-635ns8r71g-1\n    to: earliest\n");
  restart([&](emulator::State& s) {
    group(s, "grp-1").state = "Stable";
    group(s, "grp-1").members.push_back({"replayer-1", {0, 1, 2, 3}});
  });
  auto r = apply(plan, factory());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->refusal, "the plan is stale: run offsetctl plan again");
  ASSERT_EQ(r->drift.size(), 1u);
  EXPECT_EQ(r->drift[0].message,
            "grp-1: the group is Stable with 1 member (replayer-1); ResetConsumerGroupOffset silently does nothing "
            "unless it is Dead or Empty: stop its consumers");
  EXPECT_EQ(r->reset_calls, 0u);
}

TEST_F(DtsApply, TheSilentNoOpOnAnActiveGroupIsReportedAsFailed) {
  start();
  auto plan = saved(std::string(kHead) + "  - group: grp-1\n    topic: account-subs-635ns8r71g-1\n    to: earliest\n");
  // A consumer joins after the drift check saw the group Empty: the emulator, like the
  // service, answers the reset with success and does nothing.
  restart([&](emulator::State& s) {
    group(s, "grp-1").state = "Stable";
    group(s, "grp-1").members.push_back({"replayer-1", {0, 1, 2, 3}});
  });
  auto real = dts();
  ASSERT_TRUE(real);
  auto lying = std::make_shared<JoinsAfterTheCheck>(real, 1);
  auto r = apply(plan, [&](const std::string&) -> Result<std::shared_ptr<api::DtsApi>> { return std::shared_ptr<api::DtsApi>(lying); });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->refusal, "");
  EXPECT_EQ(r->reset_calls, 1u);
  EXPECT_NE(r->exit_code(), 0);
  ASSERT_EQ(r->partitions.size(), 4u);
  const PartitionOutcome& p = r->partitions[0];
  EXPECT_EQ(p.status, PartitionStatus::Failed);
  EXPECT_EQ(p.error_code, "NotPerformed");
  EXPECT_EQ(p.after, 4000);
  EXPECT_EQ(p.error_message, "ResetConsumerGroupOffset answered success (RequestId " + p.request_id +
                                 ") but the committed offset is still 4000; the group is Stable with 1 member "
                                 "(replayer-1): the API silently ignores a reset unless the group is Dead or Empty");
  EXPECT_EQ(r->summary().failed, 4u);
  auto results = audit_records("change_result");
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0]["verified"], false);
  EXPECT_EQ(results[0]["error_code"], "NotPerformed");
  EXPECT_TRUE(audit::verify_audit_log(audit_path()).ok);
}

}  // namespace
}  // namespace offsetctl::executor
