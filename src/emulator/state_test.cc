#include "emulator/state.h"

#include <gtest/gtest.h>

#include <limits>

#include "emulator/test_support.h"

namespace offsetctl::emulator {
namespace {

PartitionLog log_of(int64_t begin, int64_t end, int64_t first_ts, int64_t interval) {
  PartitionLog log;
  log.begin = begin;
  log.end = end;
  log.first_timestamp_ms = first_ts;
  log.interval_ms = interval;
  return log;
}

TEST(StateTest, TimestampOfAnOffsetFollowsTheModel) {
  PartitionLog log = log_of(100, 200, 1'000'000, 1000);
  EXPECT_EQ(timestamp_at(log, 100), 1'000'000);
  EXPECT_EQ(timestamp_at(log, 150), 1'050'000);
  EXPECT_EQ(timestamp_at(log, 199), 1'099'000);
}

TEST(StateTest, TimestampSaturatesInsteadOfOverflowing) {
  PartitionLog log = log_of(0, int64_t{1} << 53, 1'000'000, int64_t{1} << 31);
  EXPECT_EQ(timestamp_at(log, int64_t{1} << 53), std::numeric_limits<int64_t>::max());
}

TEST(StateTest, FirstOffsetAtOrAfterATime) {
  PartitionLog log = log_of(100, 200, 1'000'000, 1000);
  EXPECT_EQ(first_offset_at_or_after(log, 0), 100);          // before the log: the earliest
  EXPECT_EQ(first_offset_at_or_after(log, 1'000'000), 100);  // exactly the first message
  EXPECT_EQ(first_offset_at_or_after(log, 1'000'001), 101);  // between two messages: the later
  EXPECT_EQ(first_offset_at_or_after(log, 1'050'000), 150);
  EXPECT_EQ(first_offset_at_or_after(log, 1'099'000), 199);
  EXPECT_EQ(first_offset_at_or_after(log, 1'099'001), 200);  // after the last: the log end
  EXPECT_EQ(first_offset_at_or_after(log, std::numeric_limits<int64_t>::max()), 200);
}

TEST(StateTest, FirstOffsetInEmptyOrInstantLogs) {
  EXPECT_EQ(first_offset_at_or_after(log_of(50, 50, 1000, 10), 0), 50);
  PartitionLog instant = log_of(0, 10, 1000, 0);
  EXPECT_EQ(first_offset_at_or_after(instant, 1000), 0);
  EXPECT_EQ(first_offset_at_or_after(instant, 1001), 10);
}

TEST(StateTest, LastOffsetAtOrBeforeATime) {
  PartitionLog log = log_of(100, 200, 1'000'000, 1000);
  EXPECT_EQ(last_offset_at_or_before(log, 0), 100);  // every message is later: the earliest
  EXPECT_EQ(last_offset_at_or_before(log, 1'000'000), 100);
  EXPECT_EQ(last_offset_at_or_before(log, 1'000'999), 100);
  EXPECT_EQ(last_offset_at_or_before(log, 1'001'000), 101);
  EXPECT_EQ(last_offset_at_or_before(log, 9'999'999), 199);  // after the last: the last message
  EXPECT_EQ(last_offset_at_or_before(log_of(7, 7, 0, 1000), 5000), 7);
  EXPECT_EQ(last_offset_at_or_before(log_of(0, 10, 1000, 0), 1000), 9);
}

TEST(StateTest, GroupStates) {
  for (const char* s : {"Empty", "Dead", "Stable", "PreparingRebalance", "CompletingRebalance"}) {
    EXPECT_TRUE(is_group_state(s)) << s;
  }
  EXPECT_FALSE(is_group_state("stable"));
  EXPECT_TRUE(accepts_offset_change("Empty"));
  EXPECT_TRUE(accepts_offset_change("Dead"));
  EXPECT_FALSE(accepts_offset_change("Stable"));
  EXPECT_FALSE(accepts_offset_change("PreparingRebalance"));
  EXPECT_FALSE(accepts_offset_change("CompletingRebalance"));
}

TEST(StateTest, LookupsAreByIdAndRegion) {
  State s = testing::fixture_state();
  EXPECT_NE(s.find_instance("ckafka-test", "ap-guangzhou"), nullptr);
  EXPECT_EQ(s.find_instance("ckafka-test", "ap-shanghai"), nullptr);
  EXPECT_NE(s.find_instance("ckafka-sh", "ap-shanghai"), nullptr);
  EXPECT_NE(s.find_subscription("subs-test", "ap-guangzhou"), nullptr);
  EXPECT_EQ(s.find_subscription("subs-test", "ap-beijing"), nullptr);
  ASSERT_NE(s.find_credential("AKIDTEMP"), nullptr);
  EXPECT_EQ(s.find_credential("AKIDTEMP")->token, "token-123");
  EXPECT_EQ(s.find_credential("nobody"), nullptr);
}

}  // namespace
}  // namespace offsetctl::emulator
