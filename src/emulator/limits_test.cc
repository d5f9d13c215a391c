#include "emulator/limits.h"

#include <gtest/gtest.h>

namespace offsetctl::emulator {
namespace {

TEST(LimitsTest, AdmitsUpToTheLimitInASecond) {
  RateLimiter limiter;
  for (int i = 0; i < 20; ++i) EXPECT_FALSE(limiter.admit("BatchModifyGroupOffsets", 20, 5000 + i * 10)) << i;
  auto refused = limiter.admit("BatchModifyGroupOffsets", 20, 5999);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, "RequestLimitExceeded");
  EXPECT_EQ(refused->message,
            "Your current request times equals to `21` in a second, which exceeds the frequency "
            "limit `20` of BatchModifyGroupOffsets for a second. Please reduce the frequency of "
            "calls.");
  EXPECT_FALSE(limiter.admit("BatchModifyGroupOffsets", 20, 6000));  // the next second starts afresh
}

TEST(LimitsTest, ActionsHaveTheirOwnBudgets) {
  RateLimiter limiter;
  EXPECT_FALSE(limiter.admit("A", 1, 0));
  EXPECT_TRUE(limiter.admit("A", 1, 1));
  EXPECT_FALSE(limiter.admit("B", 1, 2));
}

TEST(LimitsTest, RefusedCallsDoNotCount) {
  RateLimiter limiter;
  EXPECT_FALSE(limiter.admit("A", 2, 0));
  for (int i = 0; i < 5; ++i) limiter.admit("A", 1, 1);  // refused: the limit of 1 is spent
  EXPECT_FALSE(limiter.admit("A", 2, 2));                // the second of 2 still fits
  EXPECT_TRUE(limiter.admit("A", 2, 3));
}

}  // namespace
}  // namespace offsetctl::emulator
