#include "emulator/faults.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

namespace offsetctl::emulator {
namespace {

std::vector<Fault> sequence(double rate, uint64_t seed, int n) {
  FaultInjector f(rate, seed);
  std::vector<Fault> out;
  for (int i = 0; i < n; ++i) out.push_back(f.next());
  return out;
}

TEST(FaultsTest, NoFaultsAtRateZero) {
  for (Fault f : sequence(0, 7, 1000)) EXPECT_EQ(f, Fault::None);
}

TEST(FaultsTest, EveryRequestFailsAtRateOne) {
  for (Fault f : sequence(1, 7, 1000)) EXPECT_NE(f, Fault::None);
}

TEST(FaultsTest, TheSameSeedGivesTheSameFaults) {
  EXPECT_EQ(sequence(0.3, 42, 500), sequence(0.3, 42, 500));
  EXPECT_NE(sequence(0.3, 42, 500), sequence(0.3, 43, 500));
}

TEST(FaultsTest, TheShareAndTheMixMatchTheRate) {
  std::map<Fault, int> counts;
  for (Fault f : sequence(0.3, 1, 20000)) ++counts[f];
  int faulted = 20000 - counts[Fault::None];
  EXPECT_NEAR(faulted / 20000.0, 0.3, 0.02);
  for (Fault f : {Fault::RequestLimitExceeded, Fault::InternalError, Fault::Drop, Fault::Delay}) {
    EXPECT_NEAR(counts[f] / static_cast<double>(faulted), 0.25, 0.03) << fault_name(f);
  }
}

TEST(FaultsTest, Names) {
  EXPECT_EQ(fault_name(Fault::None), nullptr);
  EXPECT_STREQ(fault_name(Fault::RequestLimitExceeded), "limit");
  EXPECT_STREQ(fault_name(Fault::InternalError), "internal");
  EXPECT_STREQ(fault_name(Fault::Drop), "drop");
  EXPECT_STREQ(fault_name(Fault::Delay), "delay");
}

}  // namespace
}  // namespace offsetctl::emulator
