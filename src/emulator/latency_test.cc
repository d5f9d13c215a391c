#include "emulator/latency.h"

#include <gtest/gtest.h>

#include <vector>

namespace offsetctl::emulator {
namespace {

std::vector<int64_t> draws(LatencyModel& m, int n) {
  std::vector<int64_t> v;
  for (int i = 0; i < n; ++i) v.push_back(m.next_us());
  return v;
}

TEST(LatencyTest, NoneByDefault) {
  LatencyModel m(0, 0, 1);
  EXPECT_FALSE(m.active());
  EXPECT_EQ(m.next_us(), 0);
}

TEST(LatencyTest, TheSameSeedGivesTheSameTimes) {
  LatencyModel a(100, 50, 7), b(100, 50, 7), c(100, 50, 8);
  auto da = draws(a, 100);
  EXPECT_EQ(da, draws(b, 100));
  EXPECT_NE(da, draws(c, 100));
}

TEST(LatencyTest, UniformAroundTheMean) {
  LatencyModel m(100, 50, 1);
  int64_t sum = 0, lo = INT64_MAX, hi = 0;
  const int n = 10000;
  for (int i = 0; i < n; ++i) {
    int64_t us = m.next_us();
    ASSERT_GE(us, 50000);
    ASSERT_LE(us, 150000);
    sum += us;
    lo = std::min(lo, us);
    hi = std::max(hi, us);
  }
  EXPECT_NEAR(static_cast<double>(sum) / n, 100000, 1500);  // the standard error is ~290 us
  EXPECT_LT(lo, 51000);                                     // the whole range is used
  EXPECT_GT(hi, 149000);
}

TEST(LatencyTest, NoJitterIsAFixedTime) {
  LatencyModel m(30, 0, 3);
  for (int64_t us : draws(m, 10)) EXPECT_EQ(us, 30000);
}

TEST(LatencyTest, Checks) {
  EXPECT_TRUE(LatencyModel::check(0, 0));
  EXPECT_TRUE(LatencyModel::check(100, 100));
  EXPECT_EQ(LatencyModel::check(-1, 0).error().message, "the latency must be 0 ms or more, not -1");
  EXPECT_EQ(LatencyModel::check(10, -1).error().message, "the latency jitter must be 0 ms or more, not -1");
  EXPECT_EQ(LatencyModel::check(50, 80).error().message,
            "the latency jitter (80 ms) must not exceed the latency (50 ms): an answer cannot come back "
            "before its request");
}

}  // namespace
}  // namespace offsetctl::emulator
