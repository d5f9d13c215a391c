#include <gtest/gtest.h>

#include "emulator/state.h"
#include "emulator/test_support.h"

namespace offsetctl::emulator {
namespace {

// Semantic equality, through a second dump: dump(parse(dump(s))) == dump(s).
void expect_round_trip(const State& s) {
  std::string once = dump_state_yaml(s);
  auto again = parse_state(once, "dump.yaml");
  ASSERT_TRUE(again) << again.error().message << "\n" << once;
  EXPECT_EQ(dump_state_yaml(*again), once);
}

TEST(StateDumpTest, TheFixtureRoundTrips) { expect_round_trip(testing::fixture_state()); }

TEST(StateDumpTest, KeepsEveryValue) {
  State s = testing::fixture_state();
  auto back = parse_state(dump_state_yaml(s), "dump.yaml");
  ASSERT_TRUE(back);
  const Instance* in = back->find_instance("ckafka-test", "ap-guangzhou");
  ASSERT_NE(in, nullptr);
  EXPECT_EQ(in->topics.at("payments").partitions.at(0).begin, 100);
  EXPECT_EQ(in->topics.at("payments").partitions.at(1).end, 0);
  EXPECT_EQ(in->topics.at("orders").partitions.at(2).interval_ms, 60000);
  EXPECT_EQ(in->groups.at("idle").offsets.at("orders").at(1), 20);
  EXPECT_EQ(in->groups.at("busy").members[0].client_id, "c-1");
  EXPECT_EQ(in->groups.at("gone").state, "Dead");
  EXPECT_EQ(back->credentials[1].token, "token-123");
  EXPECT_EQ(back->subscriptions[0].groups.at("g2").members[0].client_id, "cl-1");
  EXPECT_EQ(back->subscriptions[0].groups.at("g1").offsets.at(0), 100);
}

TEST(StateDumpTest, UsesTheShortFormForAlikePartitions) {
  std::string text = dump_state_yaml(testing::fixture_state());
  EXPECT_NE(text.find("partitions: 3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("- {partition: 0, begin: 100, end: 200"), std::string::npos) << text;
}

TEST(StateDumpTest, ChangedOffsetsAndOddNamesSurvive) {
  State s = testing::fixture_state();
  Instance* in = s.find_instance("ckafka-test", "ap-guangzhou");
  Group g;
  g.name = "team: a # b";
  g.offsets["orders"][1] = 999;
  in->groups[g.name] = g;
  expect_round_trip(s);
  auto back = parse_state(dump_state_yaml(s), "dump.yaml");
  ASSERT_TRUE(back);
  EXPECT_EQ(
      back->find_instance("ckafka-test", "ap-guangzhou")->groups.at("team: a # b").offsets.at("orders").at(1),
      999);
}

}  // namespace
}  // namespace offsetctl::emulator
