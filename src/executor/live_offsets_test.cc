#include "executor/live_offsets.h"

#include <gtest/gtest.h>

#include "api/fake_ckafka_test.h"

namespace offsetctl::executor {
namespace {

using api::fakes::FakeCkafka;

TEST(LiveOffsets, ReadsEveryPageAndEveryState) {
  FakeCkafka api;
  ReadSet reads;
  GroupRead& big = reads[{"ckafka-a", "big"}];
  for (int t = 0; t < 120; ++t) {  // three pages of 50 topics
    char name[16];
    std::snprintf(name, sizeof name, "t%03d", t);
    api.set("big", name, 0, t, 1000);
    big.topics.push_back(name);
  }
  api.set("small", "orders", 0, std::nullopt, 77);
  api.set("small", "orders", 1, 5, 77);
  api.set("small", "other", 0, 9);  // not asked for
  reads[{"ckafka-a", "small"}] = GroupRead{"", {"orders"}};
  reads[{"ckafka-a", "gone"}] = GroupRead{"", {"orders"}};
  api.groups["small"].state = "Stable";
  api::GroupInfoMember m;
  m.MemberId = "member-1";
  m.ClientHost = "10.0.0.1";
  api.groups["small"].members = {m};

  LiveOffsets live = read_live_offsets({{"", &api}}, reads, true, 4);
  EXPECT_EQ(api.count("DescribeGroupOffsets"), 3 + 1 + 1);
  EXPECT_EQ(api.count("DescribeGroupInfo"), 1);

  const LiveGroup* b = live.find("ckafka-a", "big");
  ASSERT_NE(b, nullptr);
  EXPECT_FALSE(b->error.has_value());
  EXPECT_EQ(b->state, "Empty");
  EXPECT_EQ(b->topics.size(), 120u);
  EXPECT_EQ(b->topics.at("t119").at(0).committed, 119);

  const LiveGroup* s = live.find("ckafka-a", "small");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->state, "Stable");
  EXPECT_EQ(s->members, std::vector<std::string>{"member-1@10.0.0.1"});
  EXPECT_EQ(s->topics.size(), 1u);
  EXPECT_FALSE(s->topics.at("orders").at(0).committed.has_value());
  EXPECT_EQ(s->topics.at("orders").at(1).committed, 5);
  EXPECT_EQ(s->topics.at("orders").at(1).log_end, 77);

  const LiveGroup* g = live.find("ckafka-a", "gone");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->state, "Dead");
  // An unknown group has nothing committed on the topics that exist.
  ASSERT_EQ(g->topics.size(), 1u);
  for (const auto& [p, part] : g->topics.at("orders")) EXPECT_FALSE(part.committed.has_value()) << p;
}

TEST(LiveOffsets, WithoutStatesOnlyOffsetsAreRead) {
  FakeCkafka api;
  api.set("g", "t", 0, 1);
  LiveOffsets live = read_live_offsets({{"", &api}}, {{{"ckafka-a", "g"}, GroupRead{"", {"t"}}}}, false, 1);
  EXPECT_EQ(api.count("DescribeGroupInfo"), 0);
  EXPECT_EQ(live.find("ckafka-a", "g")->state, "");
}

TEST(LiveOffsets, AFailedReadIsKeptPerGroup) {
  FakeCkafka api;
  api.set("a", "t", 0, 1);
  api.set("b", "t", 0, 2);
  api.fail_reads_for = {"a"};
  ReadSet reads{{{"ckafka-a", "a"}, GroupRead{"", {"t"}}}, {{"ckafka-a", "b"}, GroupRead{"", {"t"}}}};
  LiveOffsets live = read_live_offsets({{"", &api}}, reads, true, 2);
  ASSERT_TRUE(live.find("ckafka-a", "a")->error.has_value());
  EXPECT_EQ(live.find("ckafka-a", "a")->error->describe(), "DescribeGroupOffsets failed: InternalError: read failed (RequestId req-42)");
  EXPECT_FALSE(live.find("ckafka-a", "b")->error.has_value());
  EXPECT_EQ(live.find("ckafka-a", "b")->topics.at("t").at(0).committed, 2);

  api.fail_group_info = true;
  live = read_live_offsets({{"", &api}}, reads, true, 2);
  ASSERT_TRUE(live.find("ckafka-a", "b")->error.has_value());
  EXPECT_EQ(live.find("ckafka-a", "b")->error->describe(), "DescribeGroupInfo failed: InternalError: info failed (RequestId req-42)");
}

// Answers without LogEndOffset or State (optional in the models): the log end comes from
// DescribeTopicSyncReplica; where no call gives what apply needs, that group alone fails.
TEST(LiveOffsets, ThinAnswersFailOnlyTheGroupNoCallCompletes) {
  FakeCkafka api;
  api.thin_answers = true;
  api.set("a", "t", 0, 1, 40);
  api.set("b", "u", 0, 2, 50);
  api.set("c", "t", 0, 3, 40);
  api.endless_topics = {"u"};
  api.stateless_groups = {"c"};
  ReadSet reads{{{"ckafka-a", "a"}, GroupRead{"", {"t"}}},
                {{"ckafka-a", "b"}, GroupRead{"", {"u"}}},
                {{"ckafka-a", "c"}, GroupRead{"", {"t"}}}};
  LiveOffsets live = read_live_offsets({{"", &api}}, reads, true, 1);
  ASSERT_FALSE(live.find("ckafka-a", "a")->error.has_value()) << live.find("ckafka-a", "a")->error->describe();
  EXPECT_EQ(live.find("ckafka-a", "a")->topics.at("t").at(0).log_end, 40);  // from DescribeTopicSyncReplica
  ASSERT_TRUE(live.find("ckafka-a", "b")->error.has_value());
  EXPECT_EQ(live.find("ckafka-a", "b")->error->message,
            "the API answered without LogEndOffset for group 'b' (topic 'u' partition 0), and "
            "DescribeTopicSyncReplica gave no EndOffset for it either; plan again, and report it if it persists");
  ASSERT_TRUE(live.find("ckafka-a", "c")->error.has_value());
  EXPECT_EQ(live.find("ckafka-a", "c")->error->code, "MissingState");
}

// Groups that share a topic share its log ends: a read of each topic per pass, as plan reads them.
TEST(LiveOffsets, ThinAnswersReadEachTopicsLogEndsOncePerPass) {
  FakeCkafka api;
  api.thin_answers = true;
  ReadSet reads;
  for (int g = 0; g < 20; ++g) {
    const std::string group = "g" + std::to_string(g);
    for (const char* topic : {"orders", "refunds"}) api.set(group, topic, 0, g, 100);
    reads[{"ckafka-a", group}] = GroupRead{"", {"orders", "refunds"}};
  }
  LiveOffsets live = read_live_offsets({{"", &api}}, reads, false, 8);
  EXPECT_EQ(api.count("DescribeGroupOffsets"), 20);
  EXPECT_EQ(api.count("DescribeTopicSyncReplica"), 2);
  for (int g = 0; g < 20; ++g) {
    const LiveGroup* lg = live.find("ckafka-a", "g" + std::to_string(g));
    ASSERT_NE(lg, nullptr);
    ASSERT_FALSE(lg->error.has_value()) << lg->error->describe();
    EXPECT_EQ(lg->topics.at("refunds").at(0).log_end, 100);
  }
  read_live_offsets({{"", &api}}, reads, false, 8);  // the next pass (the verification) reads them again
  EXPECT_EQ(api.count("DescribeTopicSyncReplica"), 4);
}

TEST(LiveOffsets, AGroupOfARegionWithoutAClientIsAnError) {
  FakeCkafka api;
  LiveOffsets live = read_live_offsets({{"ap-guangzhou", &api}},
                                       {{{"ckafka-a", "g"}, GroupRead{"ap-beijing", {"t"}}}}, true, 1);
  ASSERT_TRUE(live.find("ckafka-a", "g")->error.has_value());
  EXPECT_EQ(api.count("DescribeGroupOffsets"), 0);
}

}  // namespace
}  // namespace offsetctl::executor
