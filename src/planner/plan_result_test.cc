#include "planner/plan_result.h"

#include <gtest/gtest.h>

namespace offsetctl::planner {
namespace {

PartitionChange row(std::optional<int64_t> current, std::optional<int64_t> target, Action action,
                    std::optional<int64_t> end = 10'000) {
  PartitionChange c;
  c.current = current;
  c.target = target;
  c.end_offset = end;
  c.action = action;
  return c;
}

TEST(PartitionChange, SplitsTheDeltaBySign) {
  const auto back = row(5000, 1600, Action::Change);
  EXPECT_EQ(back.replayed(), 3400);
  EXPECT_EQ(back.skipped(), 0);
  const auto forward = row(2000, 100'000, Action::Change, 100'000);
  EXPECT_EQ(forward.replayed(), 0);
  EXPECT_EQ(forward.skipped(), 98'000);
  EXPECT_FALSE(forward.first_commit());
}

TEST(PartitionChange, OnlyAChangeMovesMessages) {
  EXPECT_EQ(row(5000, 0, Action::Blocked).replayed(), 0);
  EXPECT_EQ(row(10, 10, Action::Noop).skipped(), 0);
  EXPECT_EQ(row(10, 9000, Action::Invalid).skipped(), 0);
}

TEST(PartitionChange, NothingCommittedIsAFirstCommitWithoutDelta) {
  const auto first = row(std::nullopt, 700, Action::Change);
  EXPECT_TRUE(first.first_commit());
  EXPECT_EQ(first.delta(), std::nullopt);
  EXPECT_EQ(first.replayed(), 0);
  EXPECT_EQ(first.skipped(), 0);
  EXPECT_FALSE(row(std::nullopt, 700, Action::Blocked).first_commit());
}

TEST(PartitionChange, AnInvalidRowHasNoDeltaNorLag) {
  // offset 20000 asked on a log ending at 9000: it is never written, so no -11000 lag.
  const auto bad = row(9000, 20'000, Action::Invalid, 9000);
  EXPECT_EQ(bad.delta(), std::nullopt);
  EXPECT_EQ(bad.lag_after(), std::nullopt);
  EXPECT_EQ(row(9000, 8000, Action::Change, 9000).lag_after(), 1000);
}

TEST(PlanSummary, CountsActionsMessagesAndFirstCommits) {
  const PlanSummary s = summarize({row(5000, 1600, Action::Change), row(2000, 100'000, Action::Change, 100'000),
                                   row(std::nullopt, 5, Action::Change), row(1, 1, Action::Noop),
                                   row(50, 0, Action::Blocked), row(1, 99'999, Action::Invalid)});
  EXPECT_EQ(s.to_change, 3u);
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(s.blocked, 1u);
  EXPECT_EQ(s.invalid, 1u);
  EXPECT_EQ(s.replayed, 3400);
  EXPECT_EQ(s.skipped, 98'000);
  EXPECT_EQ(s.first_commits, 1u);
}

TEST(PlanSummary, OffsetsAtTheLimitsOfInt64NeitherOverflowNorWrap) {
  // A saved plan's offsets are whatever the file holds: no undefined behaviour for any of them.
  constexpr int64_t kMin = INT64_MIN;
  constexpr int64_t kMax = INT64_MAX;
  EXPECT_EQ(row(kMin, 10, Action::Change).delta(), std::nullopt);
  EXPECT_EQ(row(kMin, 10, Action::Change).skipped(), 0);
  EXPECT_EQ(row(10, kMin, Action::Change, kMax).lag_after(), std::nullopt);
  EXPECT_EQ(row(0, kMin, Action::Change).delta(), kMin);
  EXPECT_EQ(row(0, kMin, Action::Change).replayed(), kMax);
  const PlanSummary s = summarize({row(0, kMax, Action::Change), row(0, kMax, Action::Change)});
  EXPECT_EQ(s.skipped, kMax);
  EXPECT_EQ(add_saturating(kMin, -1), kMin);
}

}  // namespace
}  // namespace offsetctl::planner
