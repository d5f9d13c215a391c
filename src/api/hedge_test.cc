#include "api/hedge.h"

#include <gtest/gtest.h>

namespace offsetctl::api {
namespace {

TEST(Hedger, WaitsTheInitialDelayUntilItHasSeenEnoughAnswers) {
  Hedger h(HedgePolicy{});
  EXPECT_EQ(h.delay_ms(), 1000);
  for (int i = 0; i < 9; ++i) h.record_answer(200);
  EXPECT_EQ(h.delay_ms(), 1000);
  h.record_answer(200);
  EXPECT_EQ(h.delay_ms(), 400);  // twice the 95th percentile of ten answers of 200 ms
}

TEST(Hedger, HedgesAfterTwiceThe95thPercentileOfTheLatestAnswers) {
  Hedger h(HedgePolicy{});
  for (int i = 1; i <= 100; ++i) h.record_answer(3 * i);  // 3..300 ms: the 95th is 285
  EXPECT_EQ(h.delay_ms(), 570);
  for (int i = 0; i < 100; ++i) h.record_answer(300);  // the window moves on: only the latest 100 count
  EXPECT_EQ(h.delay_ms(), 600);
  for (int i = 0; i < 94; ++i) h.record_answer(10);  // 94 fast, 6 slow: the 95th is still slow
  EXPECT_EQ(h.delay_ms(), 600);
  h.record_answer(10);
  EXPECT_EQ(h.delay_ms(), 250);  // 95 fast: 20 ms, raised to the least delay
}

TEST(Hedger, TheBudgetIsOneHedgePlusAShareOfTheReads) {
  Hedger h(HedgePolicy{});
  EXPECT_TRUE(h.try_spend());
  EXPECT_FALSE(h.try_spend());  // one hedge before any read is counted
  for (int i = 0; i < 40; ++i) h.record_read();
  EXPECT_TRUE(h.try_spend());  // 5 % of 40 reads: two more in all
  EXPECT_TRUE(h.try_spend());
  EXPECT_FALSE(h.try_spend());
  for (int i = 0; i < 20; ++i) h.record_read();
  EXPECT_TRUE(h.try_spend());
  EXPECT_FALSE(h.try_spend());
}

}  // namespace
}  // namespace offsetctl::api
