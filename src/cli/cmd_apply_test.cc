// offsetctl apply against the real ckafka-emulator: what an operator sees,
// the calls it takes (from the emulator's request log), what the audit log
// holds, and that reruns and rollbacks converge.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include "audit/lock.h"
#include "cli/cmd_apply_test.h"
#include "audit/verify.h"
#include "executor/rollback.h"
#include "testing/emulator.h"
#include "util/files.h"
#include "util/time.h"

namespace offsetctl::cli {
namespace {

using offsetctl::testing::Emulator;
using offsetctl::testing::offsetctl;
using nlohmann::json;
using namespace apply_test;

const char* kPlan = R"(apiVersion: offsetctl/v1
kind: OffsetPlan
name: replay
instance: ckafka-test
region: ap-guangzhou
groups:
  - group: orders-consumer
    topics:
      - topic: orders
        offset: 1500
      - topic: payments
        offset: 1500
      - topic: refunds
        offsets: {0: 1500, 1: 1600}
  - group: billing
    topics:
      - topic: audit
        offset: 500
  - group: reports
    topics:
      - topic: orders
        to: current
)";

// The committed offsets as `offsetctl plan` sees them: "group/topic/partition" -> current.
std::map<std::string, json> committed(const testing::TempDir& dir, const Emulator& e) {
  std::string plan = R"(apiVersion: offsetctl/v1
kind: OffsetPlan
name: look
instance: ckafka-test
region: ap-guangzhou
groups:
)";
  for (const char* g : {"orders-consumer", "billing", "reports"}) {
    plan += std::string("  - group: ") + g + "\n    topics:\n";
    for (const char* t : {"orders", "payments", "refunds", "audit"}) {
      plan += std::string("      - topic: ") + t + "\n        to: current\n";
    }
  }
  std::string path = dir.write("look/look.yaml", plan);
  auto r = offsetctl(dir, {"plan", path, "--format", "json", "--endpoint", e.url()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, json> out;
  if (r.exit_code != 0) return out;
  const json doc = json::parse(r.out);  // named: a range-for over a temporary's member would dangle
  for (const auto& c : doc.at("changes")) {
    if (c.at("partition").is_null()) continue;
    out[c.at("group").get<std::string>() + "/" + c.at("topic").get<std::string>() + "/" +
        std::to_string(c.at("partition").get<int>())] = c.at("current");
  }
  return out;
}

struct ApplyCommand : ::testing::Test {
  testing::TempDir dir;
  Cluster cluster;
  Emulator emulator{dir, state_yaml(cluster), {"--no-rate-limit"}};
  std::string plan_path;
  std::string saved;
  std::string audit;

  void SetUp() override {
    ASSERT_FALSE(emulator.url().empty()) << "the emulator did not start";
    plan_path = dir.write("plans/replay.yaml", kPlan);
    saved = dir.path("saved-plan.json");
    audit = dir.path("offsetctl-audit.jsonl");  // the default, in the working directory
  }

  void save_plan() {
    auto r = offsetctl(dir, {"plan", plan_path, "--out", saved, "--endpoint", emulator.url(), "--region",
                             "ap-guangzhou"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  size_t requests_now() const { return emulator.requests().size(); }
};

TEST_F(ApplyCommand, AppliesASavedPlanWithTheFewestCallsAndVerifiesIt) {
  save_plan();
  size_t before = requests_now();
  auto r = offsetctl(dir, {"apply", saved});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(last_line(r.out), "Apply: 11 changed and verified, 0 failed, 4 unchanged.");
  // A line per group; the partitions changed are in the JSON, the audit log and -v.
  EXPECT_NE(r.out.find("\n\nGroup billing (instance ckafka-test): 1 changed and verified\n"
                       "Group orders-consumer (instance ckafka-test): 10 changed and verified\n"
                       "Group reports (instance ckafka-test): 4 unchanged\n"
                       "\n"
                       "Partitions changed and verified are counted, not listed: -v lists them.\n"
                       "\n"
                       "Apply: 11 changed and verified, 0 failed, 4 unchanged.\n"),
            std::string::npos)
      << r.out;
  // orders and payments need the same set and share a call; refunds and billing's audit one each.
  // reports changes nothing, so it is not even read.
  EXPECT_EQ(emulator.calls(before), (std::map<std::string, int>{{"BatchModifyGroupOffsets", 3},
                                                                {"DescribeGroupInfo", 1},
                                                                {"DescribeGroupOffsets", 4}}));
  auto now = committed(dir, emulator);
  EXPECT_EQ(now.at("orders-consumer/orders/3"), 1500);
  EXPECT_EQ(now.at("orders-consumer/payments/0"), 1500);
  EXPECT_EQ(now.at("orders-consumer/refunds/1"), 1600);
  EXPECT_EQ(now.at("billing/audit/0"), 500);
  EXPECT_EQ(now.at("reports/orders/0"), 100);

  audit::VerifyReport v = audit::verify_audit_log(audit);
  EXPECT_TRUE(v.ok) << v.summary(audit);
  EXPECT_EQ(record_types(audit), (std::map<std::string, int>{
                                     {"run_started", 1}, {"change_intent", 3}, {"change_result", 3}, {"run_finished", 1}}));

  // The same saved plan again: everything is at its target already.
  before = requests_now();
  r = offsetctl(dir, {"apply", saved});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(last_line(r.out), "Apply: 0 changed and verified, 0 failed, 15 unchanged.");
  EXPECT_EQ(emulator.calls(before).count("BatchModifyGroupOffsets"), 0u);
}

TEST_F(ApplyCommand, TheJsonReportListsSuccAndFailedPerGroupAndTopic) {
  save_plan();
  auto r = offsetctl(dir, {"apply", saved, "--format", "json", "--audit-log", "logs.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  json j = json::parse(r.out);
  EXPECT_EQ(j.at("exit_code"), 0);
  EXPECT_EQ(j.at("summary"), (json{{"changed", 11}, {"failed", 0}, {"unchanged", 4}}));
  EXPECT_EQ(j.at("calls").at("BatchModifyGroupOffsets"), 3);
  EXPECT_EQ(j.at("endpoint"), emulator.url());
  EXPECT_EQ(j.at("region"), "ap-guangzhou");
  const json& billing = j.at("groups").at(0);
  EXPECT_EQ(billing.at("group"), "billing");
  const json& p = billing.at("succ").at(0).at("partitions").at(0);
  EXPECT_EQ(p.at("before"), 800);
  EXPECT_EQ(p.at("after"), 500);
  EXPECT_FALSE(p.at("request_id").get<std::string>().empty());
  EXPECT_TRUE(std::filesystem::exists(dir.path("logs.jsonl")));
  EXPECT_FALSE(std::filesystem::exists(audit));
}

TEST_F(ApplyCommand, DriftChangesNothingAndNamesWhatMoved) {
  save_plan();
  // Someone moves orders-consumer's orders[1] after the review.
  std::string other = dir.write("other/move.yaml", R"(apiVersion: offsetctl/v1
kind: OffsetPlan
name: move
instance: ckafka-test
region: ap-guangzhou
groups:
  - group: orders-consumer
    topics:
      - topic: orders
        offsets: {1: 1800}
)");
  auto moved = offsetctl(dir, {"apply", other, "--auto-approve", "--endpoint", emulator.url()});
  ASSERT_EQ(moved.exit_code, 0) << moved.err;

  size_t before = requests_now();
  auto r = offsetctl(dir, {"apply", saved});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "offsetctl: error: the plan is stale: run offsetctl plan again (nothing was changed)\n"
            "  orders-consumer/orders[1]: committed offset is 1800, the plan saw 1720\n");
  EXPECT_EQ(emulator.calls(before).count("BatchModifyGroupOffsets"), 0u);
  EXPECT_EQ(committed(dir, emulator).at("billing/audit/0"), 800);
  EXPECT_TRUE(audit::verify_audit_log(audit).ok);
}

TEST_F(ApplyCommand, AChangedPlanFileRefusesTheSavedPlan) {
  save_plan();
  std::string edited = std::string(kPlan) + "# reviewed: no\n";
  dir.write("plans/replay.yaml", edited);
  auto r = offsetctl(dir, {"apply", saved});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("offsetctl: error: the plan is stale: run offsetctl plan again (nothing was changed)\n  " +
                            plan_path + " changed since the plan was made (sha256 is ",
                        0),
            0u)
      << r.err;
  EXPECT_EQ(committed(dir, emulator).at("billing/audit/0"), 800);
}

TEST_F(ApplyCommand, AGroupNoLongerEmptyIsRefused) {
  save_plan();
  Cluster active = cluster;
  active.members["orders-consumer"] =
      "          - memberId: consumer-1-4f2a\n            clientId: consumer-1\n            clientHost: /10.0.0.1\n"
      "            partitions: {orders: [0, 1]}\n";
  ASSERT_TRUE(emulator.restart(state_yaml(active), {"--no-rate-limit"}));
  auto r = offsetctl(dir, {"apply", saved});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "offsetctl: error: the plan is stale: run offsetctl plan again (nothing was changed)\n"
            "  orders-consumer: the group is Stable with 1 member (consumer-1@10.0.0.1); offsets can only be "
            "reset while it is Empty: stop its consumers\n");
  EXPECT_EQ(emulator.calls().count("BatchModifyGroupOffsets"), 0u);
}

TEST_F(ApplyCommand, APartialFailureIsReportedAndARerunConverges) {
  save_plan();
  // Retention moved orders' earliest offset past the target: that call fails, the others go through.
  Cluster retained = cluster;
  retained.orders_begin = 1600;
  ASSERT_TRUE(emulator.restart(state_yaml(retained), {"--no-rate-limit"}));
  auto r = offsetctl(dir, {"apply", saved});
  EXPECT_EQ(r.exit_code, 1) << r.err << r.out;
  EXPECT_EQ(last_line(r.out), "Apply: 3 changed and verified, 8 failed, 4 unchanged.");
  EXPECT_EQ(r.err,
            "Some changes failed or could not be verified (see above): run the same command again to retry them; "
            "what is done already is left alone.\n");
  // Every partition that failed is listed under its group's line; the verified ones are counted.
  EXPECT_NE(r.out.find("Group orders-consumer (instance ckafka-test): 2 changed and verified, 8 failed\n"
                       "  TOPIC     PARTITION  BEFORE  TARGET  AFTER  RESULT  REQUEST ID  "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  orders            0    1720    1500   1720  failed  "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("  refunds           1    1720    1600   1600  verified  "), std::string::npos) << r.out;

  auto j = offsetctl(dir, {"apply", saved, "--format", "json", "--audit-log", "second.jsonl"});
  json failed = json::parse(j.out).at("groups").at(1).at("failed");
  ASSERT_EQ(failed.size(), 2u) << j.out;  // orders and payments, one call
  const json& p = failed.at(0).at("partitions").at(0);
  EXPECT_FALSE(p.at("error_code").get<std::string>().empty());
  EXPECT_FALSE(p.at("error_message").get<std::string>().empty());
  EXPECT_FALSE(p.at("request_id").get<std::string>().empty());

  // The retention problem goes away (a new emulator with what the first run changed): the same command converges.
  Cluster fixed = cluster;
  fixed.offsets["orders-consumer"]["refunds"] = {{0, 1500}, {1, 1600}};
  fixed.offsets["billing"]["audit"] = {{0, 500}};
  ASSERT_TRUE(emulator.restart(state_yaml(fixed), {"--no-rate-limit"}));
  r = offsetctl(dir, {"apply", saved});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(last_line(r.out), "Apply: 8 changed and verified, 0 failed, 7 unchanged.");
  EXPECT_EQ(emulator.calls().at("BatchModifyGroupOffsets"), 1);
  EXPECT_TRUE(audit::verify_audit_log(audit).ok);
}

TEST_F(ApplyCommand, AutoApprovePlansAndAppliesInOneStep) {
  auto r = offsetctl(dir, {"apply", plan_path, "--auto-approve", "--endpoint", emulator.url()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("Plan: 11 to change (replays 2,400 messages), 4 unchanged, 0 blocked, 0 invalid.\n"), std::string::npos) << r.out;
  EXPECT_EQ(last_line(r.out), "Apply: 11 changed and verified, 0 failed, 4 unchanged.");
  EXPECT_EQ(committed(dir, emulator).at("orders-consumer/refunds/0"), 1500);
  EXPECT_TRUE(audit::verify_audit_log(audit).ok);
  // The audit log names the plan and its file; audit list shows the run.
  auto list = offsetctl(dir, {"audit", "list", audit, "--format", "json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  json run = json::parse(list.out).at("runs").at(0);
  EXPECT_EQ(run.at("plans"), json::array({"replay"}));
  EXPECT_EQ(run.at("plan_files"), json::array({plan_path}));
  EXPECT_EQ(run.at("outcome"), "succeeded");
  EXPECT_EQ(run.at("counts"), (json{{"changed", 11}, {"unchanged", 4}, {"failed", 0}}));
}

TEST_F(ApplyCommand, TheJsonReportNamesTheRegionOfThePlanWhenNoneIsGiven) {
  auto r = offsetctl(dir, {"apply", plan_path, "--auto-approve", "--format", "json", "--endpoint", emulator.url()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(json::parse(r.out).at("region"), "ap-guangzhou");
}

TEST_F(ApplyCommand, ALockedAuditLogFailsAtOnceNamingTheHolder) {
  save_plan();
  std::string log = dir.write("offsetctl-audit.jsonl", "");
  ASSERT_EQ(::chmod(log.c_str(), 0600), 0);  // private, as offsetctl makes it: no warning
  int holder = ::open(log.c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_GE(holder, 0);
  ASSERT_EQ(::flock(holder, LOCK_EX | LOCK_NB), 0);
  size_t before = requests_now();
  auto r = offsetctl(dir, {"apply", saved});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: audit log ./offsetctl-audit.jsonl is locked by another offsetctl run (pid " +
                       std::to_string(::getpid()) + ", started " +
                       util::format_rfc3339_ms(*audit::process_start_ms(::getpid())) +
                       "): two runs must not write one audit log at once. Let that run finish and run this command "
                       "again, or wait for it with --lock-timeout (e.g. --lock-timeout 1m); the lock goes away by "
                       "itself when that process ends.\n");
  EXPECT_EQ(requests_now(), before);  // nothing read, nothing changed
  auto bad = offsetctl(dir, {"apply", saved, "--lock-timeout", "soon"});
  EXPECT_EQ(bad.err, "offsetctl: error: --lock-timeout 'soon' is not a duration: write it like 0s, 10s, 1m, 1m30s "
                     "or 500ms\n");
  ::close(holder);
  auto waited = offsetctl(dir, {"apply", saved, "--lock-timeout", "5s"});
  EXPECT_EQ(waited.exit_code, 0) << waited.err;
}

TEST_F(ApplyCommand, WithoutAutoApproveItOnlyShowsThePlan) {
  size_t before = requests_now();
  auto r = offsetctl(dir, {"apply", plan_path, "--endpoint", emulator.url()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("Plan: 11 to change (replays 2,400 messages), 4 unchanged, 0 blocked, 0 invalid.\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.err, "offsetctl: error: nothing was changed: review the plan above, then apply it with: offsetctl "
                   "apply " + plan_path + " --endpoint " + emulator.url() + " --auto-approve\n");
  auto calls = emulator.calls(before);
  EXPECT_EQ(calls.count("BatchModifyGroupOffsets") + calls.count("ModifyGroupOffsets"), 0u);
  EXPECT_FALSE(std::filesystem::exists(audit));  // nothing ran, nothing to audit
}

TEST_F(ApplyCommand, ADryRunChecksDriftAndShowsTheOutcomeButChangesNothing) {
  save_plan();
  size_t before = requests_now();
  auto r = offsetctl(dir, {"-v", "apply", saved, "--dry-run"});  // -v: a row per partition
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(r.out.rfind("Dry run (nothing is sent, nothing is written) against " + emulator.url(), 0), 0u) << r.out;
  EXPECT_NE(r.out.find("  audit          0     800     500    500  verified  dry-run\n"), std::string::npos) << r.out;
  EXPECT_EQ(last_line(r.out), "Dry run: 11 would change, 0 failed, 4 unchanged.");
  // The drift check and the read-back are real reads; no write goes out.
  EXPECT_EQ(emulator.calls(before), (std::map<std::string, int>{{"DescribeGroupInfo", 1}, {"DescribeGroupOffsets", 4}}));
  EXPECT_EQ(committed(dir, emulator).at("billing/audit/0"), 800);
  EXPECT_FALSE(std::filesystem::exists(audit));  // nothing written, not even the audit log

  // Once the cluster moved, the dry run says the real apply would be refused.
  dir.write("other/move.yaml", "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: move\ninstance: ckafka-test\n"
                               "region: ap-guangzhou\ngroups:\n  - group: billing\n    topics:\n"
                               "      - topic: audit\n        offset: 850\n");
  ASSERT_EQ(offsetctl(dir, {"apply", dir.path("other/move.yaml"), "--auto-approve", "--endpoint", emulator.url()}).exit_code, 0);
  r = offsetctl(dir, {"apply", saved, "--dry-run"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "offsetctl: error: the plan is stale: run offsetctl plan again (nothing was changed)\n"
            "  billing/audit[0]: committed offset is 850, the plan saw 800\n");
}

Cluster with_dts() {
  Cluster c;
  c.dts = true;
  return c;
}

// The cluster with a DTS subscription too, and plans/ holding kPlan and a
// DtsOffsetPlan that moves grp-1 to latest.
struct ApplyDts : ::testing::Test {
  testing::TempDir dir;
  Emulator emulator{dir, state_yaml(with_dts()), {"--no-rate-limit"}};

  void SetUp() override {
    ASSERT_FALSE(emulator.url().empty()) << "the emulator did not start";
    dir.write("plans/replay.yaml", kPlan);
    dir.write("plans/dts.yaml", R"(apiVersion: offsetctl/v1
kind: DtsOffsetPlan
name: replay-subscription
subscribeId: subs-635ns8r71g
region: ap-guangzhou
groups:
  - group: grp-1
    topic: account-subs-635ns8r71g-1
    to: latest
)");
  }
};

TEST_F(ApplyDts, APlanWithDtsRowsAppliesBothKindsAsTwoRuns) {
  auto r = offsetctl(dir, {"apply", dir.path("plans"), "--auto-approve", "--endpoint", emulator.url()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("\nRuns run-"), std::string::npos) << r.out;
  EXPECT_EQ(last_line(r.out), "Apply: 15 changed and verified, 0 failed, 4 unchanged.");
  EXPECT_EQ(emulator.calls().at("ResetConsumerGroupOffset"), 1);
  EXPECT_EQ(emulator.calls().at("BatchModifyGroupOffsets"), 3);
  std::string audit = dir.path("offsetctl-audit.jsonl");
  EXPECT_TRUE(audit::verify_audit_log(audit).ok);
  EXPECT_EQ(record_types(audit).at("run_started"), 2);

  r = offsetctl(dir, {"apply", dir.path("plans"), "--auto-approve", "--endpoint", emulator.url()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(last_line(r.out), "Apply: 0 changed and verified, 0 failed, 19 unchanged.");
}

TEST_F(ApplyDts, ADryRunCoversDtsRowsAndSendsNothing) {
  auto r = offsetctl(dir, {"apply", dir.path("plans"), "--dry-run", "--endpoint", emulator.url()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(last_line(r.out), "Dry run: 15 would change, 0 failed, 4 unchanged.");
  EXPECT_EQ(emulator.calls().count("ResetConsumerGroupOffset"), 0u);
  EXPECT_EQ(emulator.calls().count("BatchModifyGroupOffsets"), 0u);
  EXPECT_FALSE(std::filesystem::exists(dir.path("offsetctl-audit.jsonl")));  // nothing written

  // The real apply afterwards finds nothing drifted and changes the same 15 partitions.
  r = offsetctl(dir, {"apply", dir.path("plans"), "--auto-approve", "--endpoint", emulator.url()});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(last_line(r.out), "Apply: 15 changed and verified, 0 failed, 4 unchanged.");
}

TEST_F(ApplyCommand, ASavedPlanRunsOnlyWhereItWasMade) {
  save_plan();
  auto r = offsetctl(dir, {"apply", saved, "--endpoint", "http://127.0.0.1:1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: the saved plan " + saved + " was made against " + emulator.url() +
                       ", not http://127.0.0.1:1: apply it where it was made (leave out --endpoint), or run offsetctl "
                       "plan again against http://127.0.0.1:1\n");
  r = offsetctl(dir, {"apply", saved, "--region", "ap-beijing"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: the saved plan " + saved +
                       " was made for region ap-guangzhou, not ap-beijing: apply it where it was made (leave out "
                       "--region), or run offsetctl plan again for ap-beijing\n");
  // The same endpoint given again is fine.
  r = offsetctl(dir, {"apply", saved, "--endpoint", emulator.url() + "/"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path("unexpected")));
}

TEST_F(ApplyCommand, ASavedPlanIsAppliedOnItsOwn) {
  save_plan();
  auto r = offsetctl(dir, {"apply", plan_path, saved, "--auto-approve"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: " + saved + " is a saved plan: apply it on its own (offsetctl apply " + saved +
                       ")\n");
}

TEST_F(ApplyCommand, ARollbackPlanRestoresTheOffsets) {
  save_plan();
  auto r = offsetctl(dir, {"apply", saved});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto yaml = executor::rollback_plan_yaml(audit, std::nullopt);
  ASSERT_TRUE(yaml.ok()) << yaml.error().message;
  std::string rollback = dir.write("rollback/rollback.yaml", *yaml);
  r = offsetctl(dir, {"apply", rollback, "--auto-approve", "--endpoint", emulator.url(), "--region", "ap-guangzhou"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_EQ(last_line(r.out), "Apply: 11 changed and verified, 0 failed, 0 unchanged.");
  auto now = committed(dir, emulator);
  EXPECT_EQ(now.at("orders-consumer/orders/2"), 1720);
  EXPECT_EQ(now.at("orders-consumer/refunds/1"), 1720);
  EXPECT_EQ(now.at("billing/audit/0"), 800);
  EXPECT_TRUE(audit::verify_audit_log(audit).ok);
}

// 30 groups of one topic (4 partitions), each group its own offset set: 30
// BatchModifyGroupOffsets calls, about 1.5 s at the service's rate limit.
}  // namespace
}  // namespace offsetctl::cli
