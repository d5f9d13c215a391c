#include "api/rate_limiter.h"

#include <gtest/gtest.h>

#include <thread>

namespace offsetctl::api {
namespace {

TEST(RateLimits, PublishedLimits) {
  RateLimits l = RateLimits::published();
  EXPECT_EQ(l.limit_for("DescribeGroupOffsets"), 100);
  EXPECT_EQ(l.limit_for("ModifyGroupOffsets"), 100);
  EXPECT_EQ(l.limit_for("BatchModifyGroupOffsets"), 20);
  EXPECT_EQ(l.limit_for("ResetConsumerGroupOffset"), 20);
  EXPECT_EQ(l.limit_for("DescribeGroupInfo"), 20);
  EXPECT_EQ(l.limit_for("DescribeConsumerGroups"), 20);
}

TEST(RateLimits, LoweringOnlyLowers) {
  RateLimits l = RateLimits::published();
  ASSERT_TRUE(l.lower("DescribeGroupOffsets", 10).ok());
  EXPECT_EQ(l.limit_for("DescribeGroupOffsets"), 10);
  ASSERT_TRUE(l.lower("DescribeGroupInfo", 0.5).ok());
  EXPECT_EQ(l.limit_for("DescribeGroupInfo"), 0.5);

  auto s = l.lower("BatchModifyGroupOffsets", 50);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "--rate-limit BatchModifyGroupOffsets=50 is above the limit of 20/s; the flag can only lower limits");
  s = l.lower("ModifyGroupOffsets", 0);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "--rate-limit ModifyGroupOffsets=0: the limit must be a positive number of requests per second");
  s = l.lower("DescribeGroupOffset", 5);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "--rate-limit: unknown action 'DescribeGroupOffset'; did you mean 'DescribeGroupOffsets'? (the actions "
            "are: BatchModifyGroupOffsets, DescribeGroupOffsets, ...; see docs/api-client.md)");
}

RateLimits exact() {
  RateLimits l = RateLimits::published();
  l.pacing = 1.0;
  return l;
}

TEST(RateLimiter, SpacesRequestsEvenlyAtTheRate) {
  FakeSleeper sleeper;
  RateLimiter limiter(exact(), sleeper);
  for (int i = 0; i < 5; ++i) limiter.acquire("DescribeGroupOffsets");  // 100/s: 10 ms apart
  EXPECT_EQ(sleeper.sleeps(), (std::vector<int64_t>{10, 10, 10, 10}));
  EXPECT_EQ(sleeper.monotonic_ms(), 40);
}

TEST(RateLimiter, PacesSlightlyUnderTheLimitByDefault) {
  FakeSleeper sleeper;
  RateLimiter limiter(RateLimits::published(), sleeper);
  for (int i = 0; i < 20; ++i) limiter.acquire("BatchModifyGroupOffsets");
  // 20/s at 97%: 19 gaps of 51.5 ms, so 20 requests span 980 ms rather than 950 ms.
  EXPECT_EQ(sleeper.monotonic_ms(), 980);
}

TEST(RateLimiter, ActionsHaveBucketsOfTheirOwn) {
  FakeSleeper sleeper;
  RateLimiter limiter(exact(), sleeper);
  limiter.acquire("BatchModifyGroupOffsets");
  limiter.acquire("DescribeGroupOffsets");  // not held up by the other action
  EXPECT_TRUE(sleeper.sleeps().empty());
  limiter.acquire("BatchModifyGroupOffsets");  // 20/s: 50 ms after the first
  EXPECT_EQ(sleeper.sleeps(), (std::vector<int64_t>{50}));
}

TEST(RateLimiter, IdleTimeIsNotSavedUpForABurst) {
  FakeSleeper sleeper;
  RateLimiter limiter(exact(), sleeper);
  limiter.acquire("BatchModifyGroupOffsets");
  sleeper.sleep_ms(10000);  // idle for 10 s
  limiter.acquire("BatchModifyGroupOffsets");
  limiter.acquire("BatchModifyGroupOffsets");
  EXPECT_EQ(sleeper.sleeps(), (std::vector<int64_t>{10000, 50}));
}

TEST(RateLimiter, TryAcquireTakesOnlyAFreeSlot) {
  FakeSleeper sleeper;
  RateLimiter limiter(exact(), sleeper);
  EXPECT_TRUE(limiter.try_acquire("BatchModifyGroupOffsets"));
  EXPECT_FALSE(limiter.try_acquire("BatchModifyGroupOffsets"));  // the next slot is 50 ms away
  EXPECT_TRUE(limiter.try_acquire("DescribeGroupOffsets"));      // another action's bucket
  sleeper.sleep_ms(49);
  EXPECT_FALSE(limiter.try_acquire("BatchModifyGroupOffsets"));
  sleeper.sleep_ms(1);
  EXPECT_TRUE(limiter.try_acquire("BatchModifyGroupOffsets"));
  // A refused try takes nothing: a waiting caller gets the slot after the taken one.
  limiter.acquire("BatchModifyGroupOffsets");
  EXPECT_EQ(sleeper.sleeps().back(), 50);
}

TEST(RateLimiter, DisabledLimitsNeverWait) {
  FakeSleeper sleeper;
  RateLimits l = RateLimits::published();
  l.enabled = false;
  RateLimiter limiter(l, sleeper);
  for (int i = 0; i < 100; ++i) limiter.acquire("BatchModifyGroupOffsets");
  EXPECT_TRUE(sleeper.sleeps().empty());
  EXPECT_TRUE(limiter.try_acquire("BatchModifyGroupOffsets"));
}

TEST(RateLimiter, ConcurrentCallersShareTheRate) {
  FakeSleeper sleeper;
  RateLimiter limiter(exact(), sleeper);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) limiter.acquire("BatchModifyGroupOffsets");
    });
  }
  for (auto& t : threads) t.join();
  // 200 requests at 20/s: the last slot is 199 * 50 ms after the first, whatever the interleaving.
  int64_t total = 0;
  for (int64_t s : sleeper.sleeps()) total += s;
  EXPECT_GE(total, 199 * 50);
}

}  // namespace
}  // namespace offsetctl::api
