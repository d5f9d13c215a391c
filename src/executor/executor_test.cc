#include "executor/executor.h"

#include <gtest/gtest.h>

#include <memory>

#include "api/fake_ckafka_test.h"
#include "executor/recording_sink_test.h"
#include "testing/temp_dir.h"
#include "util/crypto.h"

namespace offsetctl::executor {
namespace {

using api::fakes::FakeCkafka;
using testing_sink::RecordingSink;
using planner::Action;
using planner::PartitionChange;


PartitionChange change(const std::string& group, const std::string& topic, int32_t partition,
                       std::optional<int64_t> current, int64_t target, Action action = Action::Change) {
  PartitionChange c;
  c.instance = "ckafka-a";
  c.group = group;
  c.topic = topic;
  c.partition = partition;
  c.current = current;
  c.target = target;
  c.end_offset = 10000;
  c.action = action;
  return c;
}

struct Fixture {
  std::shared_ptr<FakeCkafka> api = std::make_shared<FakeCkafka>();
  RecordingSink sink;
  report::SavedPlan plan;
  ApplyOptions options;

  Fixture() {
    plan.endpoint = "http://127.0.0.1:9000";
    plan.region = "ap-guangzhou";
    options.run_id = "run-20261123T130501Z-000001";
    options.max_in_flight = 4;
  }

  // Adds a change to the plan and the partition, as the plan saw it, to the cluster.
  void add(const std::string& group, const std::string& topic, int32_t partition, std::optional<int64_t> current,
           int64_t target, Action action = Action::Change) {
    plan.result.changes.push_back(change(group, topic, partition, current, target, action));
    api->set(group, topic, partition, current);
    bool known = false;
    for (const auto& g : plan.result.groups) known = known || g.group == group;
    if (!known) plan.result.groups.push_back({"ckafka-a", group, "ap-guangzhou", "plan", "Empty", {}, ""});
  }

  ApplyResult apply() {
    std::shared_ptr<api::CkafkaApi> client = api;
    auto r = apply_saved_plan(plan, [client](const std::string&) -> Result<std::shared_ptr<api::CkafkaApi>> {
      return client;
    }, sink, options);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : ApplyResult{};
  }
};

// Two groups: orders-consumer's topics orders and payments need the same set
// (one call), refunds another; billing one call.
void add_two_groups(Fixture& f) {
  f.add("orders-consumer", "orders", 0, 1720, 1500);
  f.add("orders-consumer", "orders", 1, 1720, 1500);
  f.add("orders-consumer", "payments", 0, 900, 1500);
  f.add("orders-consumer", "payments", 1, 800, 1500);
  f.add("orders-consumer", "refunds", 0, 10, 20);
  f.add("orders-consumer", "refunds", 1, 30, 30, Action::Noop);
  f.add("billing", "invoices", 0, std::nullopt, 0);
}

TEST(Executor, AppliesWithTheFewestCallsAndVerifies) {
  Fixture f;
  add_two_groups(f);
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 0);
  EXPECT_FALSE(r.refused());
  EXPECT_EQ(r.summary().changed, 6u);
  EXPECT_EQ(r.summary().unchanged, 1u);
  EXPECT_EQ(r.batch_calls, 3u);
  EXPECT_EQ(f.api->count("BatchModifyGroupOffsets"), 3);
  EXPECT_EQ(f.api->count("ModifyGroupOffsets"), 0);
  EXPECT_EQ(f.api->count("DescribeGroupInfo"), 1);     // both groups in one call
  EXPECT_EQ(f.api->count("DescribeGroupOffsets"), 4);  // drift check and read-back, per group
  EXPECT_EQ(f.api->committed("orders-consumer", "payments", 1), 1500);
  EXPECT_EQ(f.api->committed("billing", "invoices", 0), 0);

  ASSERT_EQ(r.partitions.size(), 7u);
  EXPECT_EQ(r.partitions[0].group, "billing");  // sorted like the plan report
  const PartitionOutcome& p = r.partitions[1];
  EXPECT_EQ(p.group, "orders-consumer");
  EXPECT_EQ(p.topic, "orders");
  EXPECT_EQ(p.status, PartitionStatus::Verified);
  EXPECT_EQ(p.before, 1720);
  EXPECT_EQ(p.after, 1500);
  EXPECT_EQ(p.action, "BatchModifyGroupOffsets");
  EXPECT_EQ(p.request_id.str().rfind("req-batch-", 0), 0u);
  EXPECT_EQ(r.partitions[6].status, PartitionStatus::Unchanged);
  EXPECT_EQ(r.partitions[6].note, "nothing to do");

  EXPECT_EQ(f.sink.events.front(), "run_started");
  EXPECT_EQ(f.sink.events.back(), "run_finished changed=6 failed=0 unchanged=1 calls=3 exit=0");
  EXPECT_EQ(f.sink.count("intent "), 6u);
  EXPECT_EQ(f.sink.count("result "), 6u);
}

// A million outcomes are held until the report: they hold their row's names
// and their call's texts, not copies.
TEST(Executor, OutcomesShareTheirRowsNamesAndTheirCallsTexts) {
  Fixture f;
  add_two_groups(f);
  ApplyResult r = f.apply();
  ASSERT_EQ(r.partitions.size(), f.plan.result.changes.size());
  for (const PartitionOutcome& o : r.partitions) {
    for (const PartitionChange& c : f.plan.result.changes) {
      if (c.group != o.group || c.topic != o.topic || c.partition != o.partition) continue;
      EXPECT_TRUE(o.group.shares_with(c.group) && o.topic.shares_with(c.topic) && o.instance.shares_with(c.instance))
          << o.group << "/" << o.topic << "[" << o.partition << "]";
    }
  }
  size_t same_call = 0;
  for (size_t i = 1; i < r.partitions.size(); ++i) {
    const PartitionOutcome& a = r.partitions[i - 1];
    const PartitionOutcome& b = r.partitions[i];
    if (b.request_id.empty() || b.request_id != a.request_id) continue;
    ++same_call;
    EXPECT_TRUE(b.request_id.shares_with(a.request_id) && b.action.shares_with(a.action)) << i;
  }
  EXPECT_EQ(same_call, 3u);  // orders and payments in one call of 4 partitions, refunds and billing alone
}

TEST(Executor, EveryIntentIsRecordedBeforeItsCall) {
  Fixture f;
  f.add("g", "a", 0, 5, 1);
  f.add("g", "b", 0, 5, 2);
  std::vector<size_t> intents_at_call;
  f.api->before_write = [&](FakeCkafka&) { intents_at_call.push_back(f.sink.count("intent ")); };
  f.options.max_in_flight = 1;
  f.apply();
  EXPECT_EQ(intents_at_call, (std::vector<size_t>{1, 2}));
  EXPECT_EQ(f.sink.events, (std::vector<std::string>{
                               "run_started",
                               "intent g/a[0] 5->1 BatchModifyGroupOffsets #1",
                               "intent g/b[0] 5->2 BatchModifyGroupOffsets #2",
                               "result g/a[0] 5->1 BatchModifyGroupOffsets #1 verified=1 error=- rid=req-batch-1",
                               "result g/b[0] 5->2 BatchModifyGroupOffsets #2 verified=1 error=- rid=req-batch-2",
                               "run_finished changed=2 failed=0 unchanged=0 calls=2 exit=0",
                           }));
}

TEST(Executor, DriftChangesNothingAndNamesEveryPartition) {
  Fixture f;
  add_two_groups(f);
  f.api->set("orders-consumer", "orders", 1, 1800);
  f.api->set("billing", "invoices", 0, 7);
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 1);
  EXPECT_EQ(r.refusal, "the plan is stale: run offsetctl plan again");
  ASSERT_EQ(r.drift.size(), 2u);
  EXPECT_EQ(r.drift[0].message, "orders-consumer/orders[1]: committed offset is 1800, the plan saw 1720");
  EXPECT_EQ(r.drift[1].message, "billing/invoices[0]: committed offset is 7, the plan saw nothing committed");
  EXPECT_EQ(f.api->count("BatchModifyGroupOffsets"), 0);
  EXPECT_TRUE(r.partitions.empty());
  EXPECT_EQ(f.sink.events, (std::vector<std::string>{
                               "run_started",
                               "run_finished changed=0 failed=0 unchanged=0 calls=0 exit=1 reason=the plan is "
                               "stale: run offsetctl plan again",
                           }));
}

TEST(Executor, AGroupThatIsNoLongerEmptyIsRefused) {
  Fixture f;
  add_two_groups(f);
  f.api->groups["billing"].state = "Stable";
  api::GroupInfoMember m;
  m.MemberId = "m-1";
  m.ClientId = "billing-1";
  m.ClientHost = "10.0.0.7";
  f.api->groups["billing"].members = {m};
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 1);
  ASSERT_EQ(r.drift.size(), 1u);
  EXPECT_EQ(r.drift[0].message,
            "billing: the group is Stable with 1 member (billing-1@10.0.0.7); offsets can only be reset while it "
            "is Empty: stop its consumers");
  EXPECT_EQ(f.api->count("BatchModifyGroupOffsets"), 0);
}

TEST(Executor, ADeletedTopicIsDrift) {
  Fixture f;
  add_two_groups(f);
  f.api->topics.erase("refunds");  // deleted: gone from every group's offsets
  ApplyResult r = f.apply();
  ASSERT_EQ(r.drift.size(), 1u);
  EXPECT_EQ(r.drift[0].message, "orders-consumer/refunds: the topic no longer exists");
}

TEST(Executor, ARerunSkipsWhatIsAlreadyAtItsTarget) {
  Fixture f;
  add_two_groups(f);
  // An earlier run got orders-consumer's first call through, then died.
  for (int p = 0; p < 2; ++p) {
    f.api->set("orders-consumer", "orders", p, 1500);
    f.api->set("orders-consumer", "payments", p, 1500);
  }
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 0);
  EXPECT_EQ(r.summary().changed, 2u);
  EXPECT_EQ(r.summary().unchanged, 5u);
  EXPECT_EQ(f.api->count("BatchModifyGroupOffsets"), 2);  // refunds and billing
  EXPECT_EQ(r.partitions[1].topic, "orders");
  EXPECT_EQ(r.partitions[1].status, PartitionStatus::Unchanged);
  EXPECT_EQ(r.partitions[1].note, "already at its target");
  EXPECT_EQ(r.partitions[1].after, 1500);

  // And once more: nothing left to send.
  Fixture again;
  again.api = f.api;
  again.plan = f.plan;
  ApplyResult r2 = again.apply();
  EXPECT_EQ(r2.exit_code(), 0);
  EXPECT_EQ(r2.summary().unchanged, 7u);
  EXPECT_EQ(r2.batch_calls, 0u);
}

TEST(Executor, AFailedGroupDoesNotStopTheOthersAndARerunConverges) {
  Fixture f;
  add_two_groups(f);
  f.api->fail_writes_for = {"orders-consumer"};
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 1);
  EXPECT_EQ(r.summary().changed, 1u);  // billing
  EXPECT_EQ(r.summary().failed, 5u);
  const PartitionOutcome& p = r.partitions[1];
  EXPECT_EQ(p.group, "orders-consumer");
  EXPECT_EQ(p.status, PartitionStatus::Failed);
  EXPECT_EQ(p.error_code, "FailedOperation");
  EXPECT_EQ(p.error_message, "the group is not empty");
  EXPECT_EQ(p.request_id.str().rfind("req-batch-", 0), 0u);
  EXPECT_EQ(f.api->committed("billing", "invoices", 0), 0);
  EXPECT_EQ(f.sink.count("result orders-consumer/orders[0] 1720->1500 BatchModifyGroupOffsets #2 verified=0 "
                         "error=FailedOperation"),
            1u);

  f.api->fail_writes_for.clear();
  Fixture again;
  again.api = f.api;
  again.plan = f.plan;
  ApplyResult r2 = again.apply();
  EXPECT_EQ(r2.exit_code(), 0);
  EXPECT_EQ(r2.summary().changed, 5u);
  EXPECT_EQ(r2.summary().unchanged, 2u);
}

TEST(Executor, AnAcceptedCallThatChangedNothingIsNotVerified) {
  Fixture f;
  add_two_groups(f);
  f.api->ignore_writes_for = {"billing"};
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 1);
  const PartitionOutcome& p = r.partitions[0];  // billing sorts first
  EXPECT_EQ(p.group, "billing");
  EXPECT_EQ(p.status, PartitionStatus::NotVerified);
  EXPECT_EQ(p.error_code, "NotVerified");
  EXPECT_EQ(p.error_message, "nothing is committed after the call, the target is 0");
  EXPECT_EQ(f.sink.count("result billing/invoices[0] -->0 BatchModifyGroupOffsets"), 1u);
}

TEST(Executor, AnAnswerThatDeclinesIsAFailure) {
  Fixture f;
  add_two_groups(f);
  f.api->decline_writes_for = {"billing"};
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 1);
  const PartitionOutcome& p = r.partitions[0];
  EXPECT_EQ(p.group, "billing");
  EXPECT_EQ(p.status, PartitionStatus::Failed);
  EXPECT_EQ(p.error_code, "ReturnCode -1");
  EXPECT_EQ(p.error_message, "offset commit rejected");
  EXPECT_EQ(r.summary().changed, 5u);  // orders-consumer went through
}

TEST(Executor, BlockedEntriesRefuseTheWholePlan) {
  Fixture f;
  add_two_groups(f);
  PartitionChange blocked = change("zeta", "t", 0, 5, 1, Action::Blocked);
  blocked.reason = "the group is Stable";
  f.plan.result.changes.push_back(blocked);
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 1);
  EXPECT_EQ(r.refusal, "the plan cannot be applied as a whole: fix what is blocked or invalid, then plan again");
  EXPECT_EQ(r.refusal_details, std::vector<std::string>{"zeta/t[0]: blocked: the group is Stable"});
  EXPECT_EQ(f.api->count("DescribeGroupOffsets"), 0);
  EXPECT_EQ(f.api->count("BatchModifyGroupOffsets"), 0);
}

TEST(Executor, AChangedPlanFileRefusesThePlan) {
  offsetctl::testing::TempDir dir;
  Fixture f;
  add_two_groups(f);
  std::string same = dir.write("same.yaml", "kind: OffsetPlan\n");
  std::string edited = dir.write("edited.yaml", "kind: OffsetPlan # edited\n");
  f.plan.files = {{same, util::sha256_hex("kind: OffsetPlan\n")},
                  {edited, util::sha256_hex("kind: OffsetPlan\n")},
                  {dir.path("gone.yaml"), util::sha256_hex("x")}};
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 1);
  EXPECT_EQ(r.refusal, "the plan is stale: run offsetctl plan again");
  ASSERT_EQ(r.refusal_details.size(), 1u);
  EXPECT_EQ(r.refusal_details[0], edited + " changed since the plan was made (sha256 is " +
                                      util::sha256_hex("kind: OffsetPlan # edited\n").substr(0, 12) +
                                      ", the plan saw " + util::sha256_hex("kind: OffsetPlan\n").substr(0, 12) + ")");
  EXPECT_EQ(f.api->count("DescribeGroupOffsets"), 0);
}

TEST(Executor, AReadFailureDuringTheDriftCheckChangesNothing) {
  Fixture f;
  add_two_groups(f);
  f.api->fail_reads_for = {"billing"};
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 1);
  EXPECT_EQ(r.refusal, "could not read the groups again to check the plan against them");
  EXPECT_EQ(r.refusal_details,
            std::vector<std::string>{"billing: DescribeGroupOffsets failed: InternalError: read failed (RequestId req-42)"});
  EXPECT_EQ(f.api->count("BatchModifyGroupOffsets"), 0);
}

TEST(Executor, APartitionAnsweredWithAnErrorCodeDuringTheDriftCheckChangesNothing) {
  Fixture f;
  add_two_groups(f);
  f.api->partition_error_for = {{"billing", 16}};
  f.options.max_in_flight = 1;  // billing is read first: its answer is req-read-1
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 1);
  EXPECT_EQ(r.refusal, "could not read the groups again to check the plan against them");
  EXPECT_EQ(r.refusal_details,
            std::vector<std::string>{"billing: DescribeGroupOffsets failed: 16: topic 'invoices' partition 0 came back "
                                     "with ErrorCode 16, so its committed offset is unknown (the group coordinator may "
                                     "be moving); apply again in a moment (RequestId req-read-1)"});
  EXPECT_EQ(f.api->count("BatchModifyGroupOffsets"), 0);
}

TEST(Executor, AnAuditLogThatCannotBeWrittenStopsFurtherChanges) {
  Fixture f;
  add_two_groups(f);
  f.options.max_in_flight = 1;
  f.sink.fail_intents_after = 1;  // billing's call is announced, the next one is not
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 1);
  EXPECT_EQ(f.api->count("BatchModifyGroupOffsets"), 1);
  EXPECT_EQ(r.summary().changed, 1u);
  EXPECT_EQ(r.summary().failed, 5u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0], "the audit log could not be written: disk full; no further change was sent");
  EXPECT_EQ(r.partitions[0].status, PartitionStatus::Verified);  // billing, announced first
  EXPECT_EQ(r.partitions[1].status, PartitionStatus::Skipped);
  EXPECT_EQ(r.partitions[1].error_code, "NotAttempted");
  EXPECT_EQ(r.partitions[1].error_message, "not sent: the audit log could not be written");
}

TEST(Executor, TargetsResolvedAtApplyGoThroughModifyGroupOffsets) {
  Fixture f;
  f.add("g", "a", 0, 100, 900);
  f.add("g", "a", 1, 100, 900);
  for (auto& c : f.plan.result.changes) c.apply_timestamp = -1;  // to: latest, resolveAt: apply
  f.api->set("g", "a", 0, 100, 950);
  f.api->set("g", "a", 1, 100, 960);
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 0);
  EXPECT_EQ(r.modify_calls, 1u);
  ASSERT_EQ(f.api->modify_requests.size(), 1u);
  EXPECT_EQ(f.api->modify_requests[0].ShiftTimestamp, -1);
  EXPECT_EQ(f.api->modify_requests[0].Partitions, (std::vector<int64_t>{0, 1}));
  EXPECT_EQ(r.partitions[0].after, 950);
  EXPECT_EQ(r.partitions[0].note, "resolved at apply: 950");
  EXPECT_EQ(r.partitions[1].after, 960);
  EXPECT_EQ(f.sink.count("intent g/a[0] 100->? ModifyGroupOffsets #1"), 1u);
}

TEST(Executor, APlanWithNothingToChangeReadsNothing) {
  Fixture f;
  f.add("g", "a", 0, 5, 5, Action::Noop);
  ApplyResult r = f.apply();
  EXPECT_EQ(r.exit_code(), 0);
  EXPECT_EQ(r.summary().unchanged, 1u);
  EXPECT_TRUE(f.api->calls().empty());
}

TEST(Executor, AClientThatCannotBeMadeIsAnErrorBeforeAnything) {
  Fixture f;
  add_two_groups(f);
  auto r = apply_saved_plan(
      f.plan,
      [](const std::string& region) -> Result<std::shared_ptr<api::CkafkaApi>> {
        return fail("no credentials for region " + region);
      },
      f.sink, f.options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "no credentials for region ap-guangzhou");
  EXPECT_TRUE(f.sink.events.empty());
}

}  // namespace
}  // namespace offsetctl::executor
