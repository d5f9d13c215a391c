#include "executor/pipeline.h"

#include <gtest/gtest.h>

#include "executor/recording_sink_test.h"
#include "executor/verify.h"

namespace offsetctl::executor {
namespace {

using planner::Action;
using planner::PartitionChange;
using testing_sink::RecordingSink;

// A backend that answers from a script: what check_live finds, and every
// change it is asked to write verified after one call per change.
class ScriptedBackend final : public ApplyBackend {
 public:
  LiveCheck live;
  bool connect_fails = false;
  std::vector<size_t> written;

  Status<> connect(const report::SavedPlan&) override {
    if (connect_fails) return fail("no credentials for region ap-x");
    return Ok{};
  }
  std::string unread_headline() const override { return "could not read the things again"; }
  LiveCheck check_live(const std::vector<PartitionChange>&, size_t) override { return live; }
  void write_and_verify(const std::vector<PartitionChange>& changes, const std::vector<bool>& done, GuardedSink& sink,
                        Outcomes& outcomes, CallCounts& calls, size_t) override {
    for (size_t i = 0; i < changes.size(); ++i) {
      if (changes[i].action != Action::Change || done[i]) continue;
      audit::ChangeFields f;
      f.group = changes[i].group;
      f.partition = changes[i].partition;
      f.action = "Write";
      f.call = static_cast<int64_t>(i + 1);
      if (!sink.intents({f})) continue;
      calls.sent(calls.reset);
      written.push_back(i);
      PartitionOutcome o = outcome_of(changes[i]);
      o.status = PartitionStatus::Verified;
      o.after = changes[i].target;
      sink.results({{f, audit::ChangeOutcome{}}});
      outcomes.set(i, std::move(o));
    }
  }
  PartitionOutcome noop(const PartitionChange& c) const override { return unchanged(c, std::nullopt, "noop"); }
};

PartitionChange row(const std::string& group, int32_t partition, Action action, int64_t current, int64_t target) {
  PartitionChange c;
  c.instance = "i";
  c.group = group;
  c.topic = "t";
  c.partition = partition;
  c.current = current;
  c.target = target;
  c.action = action;
  return c;
}

struct PipelineFixture : ::testing::Test {
  report::SavedPlan plan;
  ScriptedBackend backend;
  RecordingSink sink;
  ApplyOptions options;

  PipelineFixture() {
    options.run_id = "run-1";
    plan.result.changes = {row("a", 0, Action::Change, 10, 20), row("a", 1, Action::Noop, 5, 5),
                           row("b", 0, Action::Change, 30, 40)};
  }
};

TEST_F(PipelineFixture, WritesWhatIsNotDoneAndFillsTheRest) {
  PartitionOutcome done = unchanged(plan.result.changes[2], 40, "already at its target");
  backend.live.done.emplace_back(2, done);
  auto r = run_apply(plan, backend, sink, options);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->run_id, "run-1");
  EXPECT_EQ(backend.written, (std::vector<size_t>{0}));
  EXPECT_EQ(r->reset_calls, 1u);
  ASSERT_EQ(r->partitions.size(), 3u);
  EXPECT_EQ(r->partitions[0].status, PartitionStatus::Verified);
  EXPECT_EQ(r->partitions[1].note, "noop");
  EXPECT_EQ(r->partitions[2].note, "already at its target");
  EXPECT_EQ(r->exit_code(), 0);
  EXPECT_EQ(sink.events.front(), "run_started");
  EXPECT_EQ(sink.events.back(), "run_finished changed=1 failed=0 unchanged=2 calls=1 exit=0");
}

TEST_F(PipelineFixture, CountsItsProgressIntoTheCallersTotals) {
  ApplyProgress progress;
  progress.add_totals(plan.result.changes);
  EXPECT_EQ(progress.groups_total.load(), 2u);      // a and b have a Change row each
  EXPECT_EQ(progress.partitions_total.load(), 2u);  // the noop is not counted
  PartitionOutcome done = unchanged(plan.result.changes[2], 40, "already at its target");
  backend.live.done.emplace_back(2, done);
  options.progress = &progress;
  auto r = run_apply(plan, backend, sink, options);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(progress.phase.load(), ApplyProgress::Phase::Writing);
  EXPECT_EQ(progress.partitions_done.load(), 2u);  // one written, one already at its target
  EXPECT_EQ(progress.groups_done.load(), 2u);
  EXPECT_EQ(progress.calls_sent.load(), 1u);
}

TEST_F(PipelineFixture, BlockedRowsAreRefusedBeforeAnyRead) {
  plan.result.changes[1].action = Action::Blocked;
  plan.result.changes[1].reason = "the group is Stable";
  backend.live.drift.push_back(Drift{"i", "a", "t", 0, "never looked at"});
  auto r = run_apply(plan, backend, sink, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->refusal, "the plan cannot be applied as a whole: fix what is blocked or invalid, then plan again");
  EXPECT_TRUE(r->drift.empty());
  EXPECT_TRUE(backend.written.empty());
  EXPECT_EQ(r->exit_code(), 1);
}

TEST_F(PipelineFixture, DriftRefusesAndChangesNothing) {
  backend.live.drift.push_back(Drift{"i", "a", "t", 0, "a/t[0]: committed offset is 12, the plan saw 10"});
  auto r = run_apply(plan, backend, sink, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->refusal, "the plan is stale: run offsetctl plan again");
  ASSERT_EQ(r->drift.size(), 1u);
  EXPECT_TRUE(r->partitions.empty());
  EXPECT_TRUE(backend.written.empty());
  EXPECT_EQ(sink.events.back(),
            "run_finished changed=0 failed=0 unchanged=0 calls=0 exit=1 reason=the plan is stale: run offsetctl plan "
            "again");
}

TEST_F(PipelineFixture, WhatCouldNotBeReadRefusesWithTheBackendsHeadline) {
  backend.live.unread = {"a: timed out"};
  auto r = run_apply(plan, backend, sink, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->refusal, "could not read the things again");
  EXPECT_EQ(r->refusal_details, (std::vector<std::string>{"a: timed out"}));
  EXPECT_TRUE(backend.written.empty());
}

TEST_F(PipelineFixture, AConfigurationErrorComesBeforeTheAuditLog) {
  backend.connect_fails = true;
  auto r = run_apply(plan, backend, sink, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "no credentials for region ap-x");
  EXPECT_TRUE(sink.events.empty());
}

TEST_F(PipelineFixture, AnIntentNotOnDiskStopsTheRun) {
  sink.fail_intents_after = 0;
  auto r = run_apply(plan, backend, sink, options);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(backend.written.empty());
  ASSERT_EQ(r->problems.size(), 1u);
  EXPECT_EQ(r->problems[0], "the audit log could not be written: disk full; no further change was sent");
  EXPECT_EQ(r->exit_code(), 1);
}

}  // namespace
}  // namespace offsetctl::executor
