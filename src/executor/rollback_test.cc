#include "executor/rollback.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "audit/sink.h"
#include "audit/test_support.h"
#include "plan/load.h"
#include "testing/temp_dir.h"

namespace offsetctl::executor {
namespace {

using namespace audit::test;
using offsetctl::testing::TempDir;

audit::ChangeFields on(const std::string& instance, const std::string& group, int32_t partition,
                std::optional<int64_t> before, int64_t target) {
  audit::ChangeFields c = sample_change(group, partition, before, target);
  c.instance = instance;
  return c;
}

class RollbackTest : public ::testing::Test {
 protected:
  void SetUp() override { path_ = dir_.path("audit.jsonl"); }
  TempDir dir_;
  std::string path_;
};

TEST_F(RollbackTest, LatestRunByDefault) {
  ASSERT_TRUE(write_sample_log(path_));
  auto rb = build_rollback(path_, std::nullopt);
  ASSERT_TRUE(rb) << rb.error().message;
  EXPECT_EQ(rb->run_id, kRun2);
  EXPECT_EQ(rb->yaml, "# Rollback of run " + kRun2 +
                          ", started 2026-11-23T13:00:00.000Z by alice (audit log " + path_ +
                          ").\n"
                          "# Each partition below goes back to the committed offset it had before that run.\n"
                          "# Review it like any plan (offsetctl validate, offsetctl plan), then apply it.\n"
                          "apiVersion: offsetctl/v1\n"
                          "kind: OffsetPlan\n"
                          "name: rollback-run-20261123T130000Z-bbbbbb\n"
                          "description: \"Sets the committed offsets that run " +
                          kRun2 +
                          " (started 2026-11-23T13:00:00.000Z) "
                          "changed back to their values before it.\"\n"
                          "instance: ckafka-1\n"
                          "region: ap-guangzhou\n"
                          "groups:\n"
                          "  - group: billing\n"
                          "    topics:\n"
                          "      - topic: orders\n"
                          "        offsets: {0: 1500}\n");
}

// A log whose older runs are format 1 (a record per partition) and whose newest is
// format 2 (a record per call), as after an upgrade: both are read.
TEST_F(RollbackTest, ReadsCompactRunsAfterFormatOneRuns) {
  ASSERT_TRUE(write_sample_log(path_));
  util::FakeClock clock(kT0 + 7200000);
  const std::string run3 = "run-20261123T140000Z-cccccc";
  auto log = audit::AuditLog::open(path_, run3, clock, 1000);
  ASSERT_TRUE(log) << log.error().message;
  audit::AuditLogSink sink(std::move(*log));
  ASSERT_TRUE(sink.run_started(sample_run_info()));
  auto a = sample_change("billing", 0, 1400, 1300, 1), b = sample_change("billing", 1, 700, 600, 1);
  auto c = sample_change("billing", 2, 50, 60, 2);  // its call fails
  auto d = sample_change("billing", 3, 70, 80, 3);  // interrupted: an intent without a result
  audit::ChangeOutcome ok{"req-1", std::nullopt, std::nullopt, true, std::nullopt};
  audit::ChangeOutcome failed{"req-2", "InternalError", "try again", false, 50};
  ASSERT_TRUE(sink.change_intents({a, b}));
  ASSERT_TRUE(sink.change_results({{a, ok}, {b, ok}}));
  ASSERT_TRUE(sink.change_intents({c}));
  ASSERT_TRUE(sink.change_results({{c, failed}}));
  ASSERT_TRUE(sink.change_intents({d}));

  auto rb = build_rollback(path_, std::nullopt);
  ASSERT_TRUE(rb) << rb.error().message;
  EXPECT_EQ(rb->run_id, run3);
  EXPECT_NE(rb->yaml.find("        offsets: {0: 1400, 1: 700, 3: 70}\n"), std::string::npos) << rb->yaml;
  auto first = build_rollback(path_, kRun1);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_NE(first->yaml.find("        offsets: {0: 1720, 1: 800}\n"), std::string::npos) << first->yaml;
}

TEST_F(RollbackTest, ChosenRun) {
  ASSERT_TRUE(write_sample_log(path_));
  auto rb = build_rollback(path_, kRun1);
  ASSERT_TRUE(rb) << rb.error().message;
  EXPECT_EQ(rb->run_id, kRun1);
  EXPECT_NE(rb->yaml.find("name: rollback-run-20261123T120000Z-aaaaaa\n"), std::string::npos);
  EXPECT_NE(rb->yaml.find("        offsets: {0: 1720, 1: 800}\n"), std::string::npos) << rb->yaml;
  EXPECT_EQ(rb->restored.size(), 2u);
}

TEST_F(RollbackTest, TheFileIsAPlanThatLoads) {
  ASSERT_TRUE(write_sample_log(path_));
  auto yaml = rollback_plan_yaml(path_, kRun1);
  ASSERT_TRUE(yaml);
  auto loaded = plan::load_plan_text(*yaml, "rollback.yaml");
  ASSERT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : loaded.errors[0].format());
  ASSERT_EQ(loaded.plans.files.size(), 1u);
  const auto& plans = loaded.plans.files[0].offset_plans;
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].instance, "ckafka-1");
  ASSERT_EQ(plans[0].groups.size(), 1u);
  const auto& spec = std::get<plan::ExplicitOffsets>(plans[0].groups[0].topics[0].spec);
  EXPECT_EQ(spec.by_partition, (std::map<int32_t, int64_t>{{0, 1720}, {1, 800}}));
}

TEST_F(RollbackTest, UnknownRun) {
  ASSERT_TRUE(write_sample_log(path_));
  auto typo = build_rollback(path_, "run-20261123T120000Z-aaaaab");
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().message,
            "audit log " + path_ + " has no run run-20261123T120000Z-aaaaab; did you mean " + kRun1 + "?");
  auto other = build_rollback(path_, "run-20251001T000000Z-123456");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().message, "audit log " + path_ +
                                       " has no run run-20251001T000000Z-123456; runs that "
                                       "changed offsets, latest first: " +
                                       kRun2 + ", " + kRun1);
}

TEST_F(RollbackTest, NothingToRollBack) {
  write_text(path_, "");
  auto rb = build_rollback(path_, std::nullopt);
  ASSERT_FALSE(rb);
  EXPECT_EQ(rb.error().message,
            "audit log " + path_ + " records no run that changed offsets: nothing to roll back");
}

TEST_F(RollbackTest, PartitionsWithNothingCommittedCannotBeRestored) {
  util::FakeClock clock(kT0);
  ASSERT_TRUE(
      write_run(path_, kRun1, clock,
                {sample_change("billing", 0, std::nullopt, 10), sample_change("billing", 1, 800, 700)}));
  auto rb = build_rollback(path_, std::nullopt);
  ASSERT_TRUE(rb) << rb.error().message;
  ASSERT_EQ(rb->not_restorable.size(), 1u);
  EXPECT_EQ(rb->not_restorable[0].partition, 0);
  EXPECT_NE(rb->yaml.find(
                "# Not restored: nothing was committed before the run, and an offset cannot be set back to "
                "nothing:\n#   ckafka-1/billing/orders[0]\n"),
            std::string::npos)
      << rb->yaml;
  EXPECT_NE(rb->yaml.find("offsets: {1: 800}\n"), std::string::npos);
}

TEST_F(RollbackTest, OnlyPartitionsWithNothingCommitted) {
  util::FakeClock clock(kT0);
  ASSERT_TRUE(write_run(path_, kRun1, clock, {sample_change("billing", 0, std::nullopt, 10)}));
  auto rb = build_rollback(path_, std::nullopt);
  ASSERT_FALSE(rb);
  EXPECT_EQ(
      rb.error().message,
      "run " + kRun1 +
          " changed nothing that a plan can set back: nothing was committed before the run, and an offset "
          "cannot be set back to nothing (ckafka-1/billing/orders[0]). To undo it, write a plan that sets "
          "them where they should be (e.g. to: earliest, or a datetime).");
}

nlohmann::json dts(nlohmann::json record) {
  record["instance"] = "subs-635ns8r71g";
  record["action"] = "ResetConsumerGroupOffset";
  return record;
}

TEST_F(RollbackTest, DtsGroupsCannotBeSetToAnOffset) {
  write_lines(path_, chain({started(kRun1), intent(kRun1, 0, 100, 50), dts(intent(kRun1, 1, 200, 0)),
                            result(kRun1, 0, 100, 50), dts(result(kRun1, 1, 200, 0)), finished(kRun1)}));
  auto rb = build_rollback(path_, std::nullopt);
  ASSERT_TRUE(rb) << rb.error().message;
  ASSERT_EQ(rb->dts_not_restorable.size(), 1u);
  EXPECT_EQ(rb->plans.size(), 1u);
  EXPECT_EQ(rb->plans[0].instance, "ckafka-1");
  EXPECT_NE(rb->yaml.find(
                "# Not restored: DTS subscription groups: ResetConsumerGroupOffset resets to earliest, "
                "latest or a datetime, never to a given offset:\n#   subs-635ns8r71g/billing/orders[1]\n"),
            std::string::npos)
      << rb->yaml;

  write_lines(path_, chain({started(kRun1), dts(intent(kRun1, 1, 200, 0)), dts(result(kRun1, 1, 200, 0)),
                            finished(kRun1)}));
  rb = build_rollback(path_, std::nullopt);
  ASSERT_FALSE(rb);
  EXPECT_EQ(
      rb.error().message,
      "run " + kRun1 +
          " changed nothing that a plan can set back: DTS subscription groups: ResetConsumerGroupOffset "
          "resets to earliest, latest or a datetime, never to a given offset (subs-635ns8r71g/billing/"
          "orders[1]). To undo it, write a plan that sets them where they should be (e.g. to: earliest, or "
          "a datetime).");
}

TEST_F(RollbackTest, FailedChangesAreLeftOutUnlessTheOffsetMoved) {
  write_lines(path_, chain({started(kRun1), intent(kRun1, 0, 100, 50), intent(kRun1, 1, 200, 150),
                            result(kRun1, 0, 100, 50, "InternalError"), result(kRun1, 1, 200, 150),
                            finished(kRun1)}));
  auto rb = build_rollback(path_, std::nullopt);
  ASSERT_TRUE(rb) << rb.error().message;
  EXPECT_NE(rb->yaml.find("offsets: {1: 200}\n"), std::string::npos) << rb->yaml;

  auto failed_but_there = result(kRun1, 0, 100, 50, "InternalError");
  failed_but_there["verified"] = true;  // the call failed, yet the read-back shows the target
  write_lines(path_, chain({started(kRun1), intent(kRun1, 0, 100, 50), failed_but_there, finished(kRun1)}));
  rb = build_rollback(path_, std::nullopt);
  ASSERT_TRUE(rb) << rb.error().message;
  EXPECT_NE(rb->yaml.find("offsets: {0: 100}\n"), std::string::npos) << rb->yaml;
}

TEST_F(RollbackTest, ARunWhoseChangesAllFailedChangedNothing) {
  auto refused = finished(kRun2);
  refused["reason"] = "the plan is stale";
  write_lines(path_, chain({started(kRun1), intent(kRun1, 0, 100, 50), result(kRun1, 0, 100, 50),
                            finished(kRun1), started(kRun2), intent(kRun2, 0, 50, 10),
                            result(kRun2, 0, 50, 10, "InternalError"), refused}));
  auto latest = build_rollback(path_, std::nullopt);
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->run_id, kRun1);  // the latest run that changed anything
  auto chosen = build_rollback(path_, kRun2);
  ASSERT_FALSE(chosen);
  EXPECT_EQ(chosen.error().message,
            "run " + kRun2 + " changed no offsets (the plan is stale), so there is nothing to roll back");
}

TEST_F(RollbackTest, InterruptedRunIncludesChangesWithoutAResult) {
  write_lines(path_, chain({started(kRun1), intent(kRun1, 0, 100, 50), intent(kRun1, 1, 200, 150),
                            result(kRun1, 0, 100, 50)}));
  write_text(path_, read_text(path_) + R"({"action":"BatchMod)");  // killed mid-write
  auto rb = build_rollback(path_, std::nullopt);
  ASSERT_TRUE(rb) << rb.error().message;
  EXPECT_TRUE(rb->truncated_tail);
  EXPECT_NE(rb->yaml.find("offsets: {0: 100, 1: 200}\n"), std::string::npos) << rb->yaml;
  EXPECT_NE(
      rb->yaml.find("# 1 partition whose change was interrupted (a change_intent without a change_result) "
                    "included: where nothing changed, the plan shows a no-op.\n"),
      std::string::npos);
  EXPECT_NE(rb->yaml.find("# The audit log ends with a record cut short by an interrupted run"),
            std::string::npos);
}

TEST_F(RollbackTest, OnePlanPerInstance) {
  util::FakeClock clock(kT0);
  ASSERT_TRUE(write_run(path_, kRun1, clock, {on("ckafka-b", "g", 0, 5, 1), on("ckafka-a", "g", 0, 7, 1)}));
  auto rb = build_rollback(path_, std::nullopt);
  ASSERT_TRUE(rb) << rb.error().message;
  ASSERT_EQ(rb->plans.size(), 2u);
  EXPECT_EQ(rb->plans[0].name, "rollback-run-20261123T120000Z-aaaaaa-ckafka-a");
  EXPECT_EQ(rb->plans[1].name, "rollback-run-20261123T120000Z-aaaaaa-ckafka-b");
  auto loaded = plan::load_plan_text(rb->yaml, "rollback.yaml");
  EXPECT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : loaded.errors[0].format());
}

TEST_F(RollbackTest, RefusesALogThatDoesNotVerify) {
  ASSERT_TRUE(write_sample_log(path_));
  auto lines = read_lines(path_);
  lines.erase(lines.begin() + 2);
  write_lines(path_, lines);
  auto rb = build_rollback(path_, std::nullopt);
  ASSERT_FALSE(rb);
  EXPECT_EQ(rb.error().message,
            "audit log " + path_ +
                " does not verify (line 3: seq 4 follows seq 2: a record was removed (seq 3 is "
                "missing)); a rollback built from it could restore the wrong offsets. See 'offsetctl audit "
                "verify " +
                path_ + "'.");
  auto missing = build_rollback(dir_.path("none.jsonl"), std::nullopt);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "audit log " + dir_.path("none.jsonl") + ": cannot open: No such file or directory");
}

TEST_F(RollbackTest, WritesExactlyTheOutFile) {
  ASSERT_TRUE(write_sample_log(path_));
  std::string out = dir_.path("rollback.yaml");
  ASSERT_TRUE(write_rollback_plan(out, "x: 1\n", path_));
  EXPECT_EQ(read_text(out), "x: 1\n");
  struct stat st {};
  ::stat(out.c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(RollbackTest, NeverOverwritesTheAuditLog) {
  ASSERT_TRUE(write_sample_log(path_));
  std::string before = read_text(path_);
  auto same = write_rollback_plan(path_, "x: 1\n", path_);
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().message,
            path_ + " is the audit log itself; give --out another file for the rollback plan");
  std::string link = dir_.path("link.yaml");
  ASSERT_EQ(::symlink(path_.c_str(), link.c_str()), 0);
  EXPECT_FALSE(write_rollback_plan(link, "x: 1\n", path_));
  auto folder = write_rollback_plan(dir_.root(), "x: 1\n", path_);
  ASSERT_FALSE(folder);
  EXPECT_EQ(folder.error().message,
            dir_.root() + " is a folder; give --out the path of the plan file to write");
  EXPECT_EQ(read_text(path_), before);
}

}  // namespace
}  // namespace offsetctl::executor
