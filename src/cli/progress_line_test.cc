#include "cli/progress_line.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

namespace offsetctl::cli {
namespace {

using Phase = executor::ApplyProgress::Phase;

void writing(executor::ApplyProgress& p) {
  p.phase = Phase::Writing;
  p.groups_total = 1000;
  p.groups_done = 120;
  p.partitions_total = 100000;
  p.partitions_done = 12000;
  p.calls_planned = 1000;
  p.calls_sent = 130;
}

TEST(ProgressText, SaysWhatTheDriftCheckReads) {
  executor::ApplyProgress p;
  p.groups_total = 1;
  EXPECT_EQ(progress_text(p, nullptr, 20), "checking 1 group against the plan (drift check)");
  p.groups_total = 1000;
  EXPECT_EQ(progress_text(p, nullptr, 20), "checking 1000 groups against the plan (drift check)");
}

TEST(ProgressText, CountsGroupsPartitionsAndCallsAndTheTimeLeftAtTheRateLimit) {
  executor::ApplyProgress p;
  writing(p);
  // 870 calls left at 20/s: 43.5 s.
  EXPECT_EQ(progress_text(p, nullptr, 20),
            "applying: 120/1000 groups, 12000/100000 partitions, 130/1000 calls, about 44 s left at the rate limit");
  p.calls_planned = 10000;  // 9870 calls: 493.5 s
  EXPECT_EQ(progress_text(p, nullptr, 20).substr(69), "about 8 min left at the rate limit");
}

TEST(ProgressText, NamesRetriedCallsAndLeavesOutTheTimeWithoutARateLimit) {
  executor::ApplyProgress p;
  writing(p);
  api::CallStats stats;
  stats.retried = 3;
  stats.rate_limited = 2;
  EXPECT_EQ(progress_text(p, &stats, 0),
            "applying: 120/1000 groups, 12000/100000 partitions, 130/1000 calls, 3 refused and retried (2 rate-limited)");
  p.calls_sent = 1000;  // every call sent: the read-backs are left, no time to estimate
  stats.rate_limited = 0;
  EXPECT_EQ(progress_text(p, &stats, 20),
            "applying: 120/1000 groups, 12000/100000 partitions, 1000/1000 calls, 3 refused and retried");
}

TEST(ProgressText, CountsLateReadsSentAgain) {
  executor::ApplyProgress p;
  writing(p);
  api::CallStats stats;
  stats.hedged = 1;
  EXPECT_EQ(progress_text(p, &stats, 0),
            "applying: 120/1000 groups, 12000/100000 partitions, 130/1000 calls, 1 late read sent again");
  stats.retried = 2;
  stats.hedged = 4;
  EXPECT_EQ(progress_text(p, &stats, 0), "applying: 120/1000 groups, 12000/100000 partitions, 130/1000 calls, "
                                         "2 refused and retried, 4 late reads sent again");
}

// Off a terminal (a CI log): a plain line every interval, nothing to clear at the end.
TEST(ProgressLine, OffATerminalPrintsAPlainLineEveryInterval) {
  executor::ApplyProgress p;
  writing(p);
  std::ostringstream err;
  ProgressLine line(p, nullptr, err, {false, std::chrono::milliseconds(20), 20});
  std::this_thread::sleep_for(std::chrono::milliseconds(110));
  line.stop();
  const std::string text = err.str();
  const std::string one =
      "offsetctl: applying: 120/1000 groups, 12000/100000 partitions, 130/1000 calls, about 44 s left at the rate "
      "limit\n";
  ASSERT_GE(text.size(), 2 * one.size()) << text;
  EXPECT_EQ(text.substr(0, one.size()), one);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.size() % one.size(), 0u) << text;
}

TEST(ProgressLine, AShortApplyPrintsNothing) {
  executor::ApplyProgress p;
  std::ostringstream err;
  {
    ProgressLine line(p, nullptr, err, {false, std::chrono::milliseconds(5000), 20});
  }
  EXPECT_EQ(err.str(), "");
}

// On a terminal: the line is redrawn in place and cleared when the apply ends.
TEST(ProgressLine, OnATerminalRedrawsOneLineAndClearsIt) {
  executor::ApplyProgress p;
  writing(p);
  std::ostringstream err;
  ProgressLine line(p, nullptr, err, {true, std::chrono::milliseconds(5000), 20});
  std::this_thread::sleep_for(std::chrono::milliseconds(600));  // redrawn every 250 ms
  line.stop();
  const std::string text = err.str();
  EXPECT_EQ(text.rfind("\r\033[Kapplying: 120/1000 groups", 0), 0u) << text;
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 4), "\r\033[K");
}

}  // namespace
}  // namespace offsetctl::cli
