#include "executor/verify.h"

#include <gtest/gtest.h>

namespace offsetctl::executor {
namespace {

planner::PartitionChange change(std::optional<int64_t> current, std::optional<int64_t> target) {
  planner::PartitionChange c;
  c.instance = "ckafka-a";
  c.group = "orders-consumer";
  c.topic = "orders";
  c.partition = 1;
  c.current = current;
  c.target = target;
  c.action = planner::Action::Change;
  return c;
}

LiveGroup read_back(std::optional<int64_t> committed, int64_t log_end = 5000) {
  LiveGroup g;
  g.topics["orders"][1] = LivePartition{committed, log_end};
  return g;
}

CallOutcome ok_call() { return CallOutcome{"BatchModifyGroupOffsets", true, "req-1", "", ""}; }
CallOutcome failed_call() {
  return CallOutcome{"BatchModifyGroupOffsets", false, "req-2", "FailedOperation", "the group is not empty"};
}

TEST(Verify, AcceptedAndAtTargetIsVerified) {
  LiveGroup g = read_back(1500);
  PartitionOutcome o = verify_change(change(1720, 1500), ok_call(), &g);
  EXPECT_EQ(o.status, PartitionStatus::Verified);
  EXPECT_EQ(o.before, 1720);
  EXPECT_EQ(o.target, 1500);
  EXPECT_EQ(o.after, 1500);
  EXPECT_EQ(o.action, "BatchModifyGroupOffsets");
  EXPECT_EQ(o.request_id, "req-1");
  EXPECT_EQ(o.error_code, "");
  EXPECT_EQ(o.note, "");
}

TEST(Verify, AcceptedButNotAppliedIsNotVerified) {
  LiveGroup g = read_back(1720);
  PartitionOutcome o = verify_change(change(1720, 1500), ok_call(), &g);
  EXPECT_EQ(o.status, PartitionStatus::NotVerified);
  EXPECT_EQ(o.error_code, "NotVerified");
  EXPECT_EQ(o.error_message, "committed offset is 1720 after the call, the target is 1500");
  EXPECT_EQ(o.request_id, "req-1");
}

TEST(Verify, FailedCallKeepsTheApiError) {
  LiveGroup g = read_back(1720);
  PartitionOutcome o = verify_change(change(1720, 1500), failed_call(), &g);
  EXPECT_EQ(o.status, PartitionStatus::Failed);
  EXPECT_EQ(o.error_code, "FailedOperation");
  EXPECT_EQ(o.error_message, "the group is not empty");
  EXPECT_EQ(o.request_id, "req-2");
  EXPECT_EQ(o.after, 1720);
}

TEST(Verify, FailedCallThatLandedAnywayIsVerified) {
  LiveGroup g = read_back(1500);
  CallOutcome timeout{"BatchModifyGroupOffsets", false, "", "Timeout", "no answer within 30 s"};
  PartitionOutcome o = verify_change(change(1720, 1500), timeout, &g);
  EXPECT_EQ(o.status, PartitionStatus::Verified);
  EXPECT_EQ(o.note, "the call failed (Timeout) but the offset is at its target");
}

TEST(Verify, NothingCommittedBeforeIsFine) {
  LiveGroup g = read_back(0);
  PartitionOutcome o = verify_change(change(std::nullopt, 0), ok_call(), &g);
  EXPECT_EQ(o.status, PartitionStatus::Verified);
  EXPECT_FALSE(o.before.has_value());
}

TEST(Verify, ReadBackFailureIsNotVerified) {
  LiveGroup g;
  g.error = api::ApiFailure{api::ApiFailure::Kind::Transport, "DescribeGroupOffsets", "Timeout", "no answer", ""};
  PartitionOutcome o = verify_change(change(1720, 1500), ok_call(), &g);
  EXPECT_EQ(o.status, PartitionStatus::NotVerified);
  EXPECT_EQ(o.error_code, "Timeout");
  EXPECT_EQ(o.error_message.str().rfind("the call was accepted but the offset could not be read back: ", 0), 0u)
      << o.error_message;
  // A failed call stays failed, with its own error.
  PartitionOutcome f = verify_change(change(1720, 1500), failed_call(), &g);
  EXPECT_EQ(f.status, PartitionStatus::Failed);
  EXPECT_EQ(f.error_code, "FailedOperation");
}

TEST(Verify, PartitionGoneIsNotVerified) {
  LiveGroup g;
  g.topics["orders"];
  PartitionOutcome o = verify_change(change(1720, 1500), ok_call(), &g);
  EXPECT_EQ(o.status, PartitionStatus::NotVerified);
  EXPECT_EQ(o.error_message, "the partition is no longer there");
}

TEST(Verify, ResolvedAtApplyNeedsAValidMovedOffset) {
  planner::PartitionChange c = change(1720, 4000);  // to: latest, previewed at 4000
  c.apply_timestamp = -1;
  CallOutcome call{"ModifyGroupOffsets", true, "req-3", "", ""};

  LiveGroup moved = read_back(4100, 4100);  // messages arrived since the plan
  PartitionOutcome o = verify_change(c, call, &moved);
  EXPECT_EQ(o.status, PartitionStatus::Verified);
  EXPECT_EQ(o.after, 4100);
  EXPECT_EQ(o.note, "resolved at apply: 4100");

  LiveGroup stayed = read_back(1720, 4100);  // accepted but not applied
  o = verify_change(c, call, &stayed);
  EXPECT_EQ(o.status, PartitionStatus::NotVerified);
  EXPECT_EQ(o.error_message, "committed offset is still 1720 after the call");

  LiveGroup beyond = read_back(9000, 4100);
  o = verify_change(c, call, &beyond);
  EXPECT_EQ(o.status, PartitionStatus::NotVerified);
  EXPECT_EQ(o.error_message, "committed offset is 9000 after the call, not within [0, 4100]");

  LiveGroup none = read_back(std::nullopt, 4100);
  o = verify_change(c, call, &none);
  EXPECT_EQ(o.status, PartitionStatus::NotVerified);
  EXPECT_EQ(o.error_message, "nothing is committed after the call, not within [0, 4100]");
}

TEST(Verify, UnchangedCarriesTheNote) {
  PartitionOutcome o = unchanged(change(1720, 1500), 1500, "already at its target");
  EXPECT_EQ(o.status, PartitionStatus::Unchanged);
  EXPECT_EQ(o.after, 1500);
  EXPECT_EQ(o.note, "already at its target");
  EXPECT_EQ(o.action, "");
}

}  // namespace
}  // namespace offsetctl::executor
