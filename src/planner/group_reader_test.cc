#include "planner/group_reader.h"

#include <gtest/gtest.h>

#include "api/fake_ckafka_test.h"

namespace offsetctl::planner {
namespace {

TEST(GroupReader, ChunksOfAHundredGroups) {
  std::vector<std::string> groups;
  for (int i = 0; i < 250; ++i) groups.push_back("g" + std::to_string(i));
  auto chunks = group_info_chunks(groups);
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0].size(), 100u);
  EXPECT_EQ(chunks[2].size(), 50u);
  EXPECT_EQ(chunks[1].front(), "g100");
  EXPECT_EQ(chunks[2].back(), "g249");
  EXPECT_TRUE(group_info_chunks({}).empty());
}

TEST(GroupReader, AnUnknownGroupIsDeadAndOtherErrorCodesAreUnusable) {
  api::GroupInfoResponse info;
  info.State = "Stable";
  EXPECT_EQ(group_state(info), "Stable");
  info.ErrorCode = "0";
  EXPECT_EQ(group_state(info), "Stable");
  info.ErrorCode = "69";
  EXPECT_EQ(group_state(info), "Dead");
  info.ErrorCode = "GROUP_ID_NOT_FOUND";
  EXPECT_EQ(group_state(info), "Dead");
  info.ErrorCode = "15";  // COORDINATOR_NOT_AVAILABLE
  EXPECT_EQ(group_state(info), std::nullopt);
}

TEST(GroupReader, MembersKeepTheirAssignments) {
  api::GroupInfoResponse info;
  info.Members = {{.MemberId = "c-1-abc", .ClientId = "c-1", .ClientHost = "/10.0.0.1",
                   .Assignment = {.Topics = {{"orders", {0, 2}}}}}};
  auto members = members_of(info);
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].client_id, "c-1");
  EXPECT_EQ(members[0].assignment.at("orders"), (std::vector<int32_t>{0, 2}));
}

TEST(GroupReader, OffsetsAreReadEveryPageWithTheTopicsFilter) {
  api::fakes::FakeCkafka api;
  for (int t = 0; t < 120; ++t) api.topics["t" + std::to_string(t)] = {2, 0, 100, 1'000'000};
  std::vector<std::string> topics;
  for (int t = 0; t < 120; ++t) {
    api.groups["g"].committed["t" + std::to_string(t)][0] = 7;
    topics.push_back("t" + std::to_string(t));
  }
  auto all = read_group_offsets(api, "i", "g", topics);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->result.TopicList.size(), 120u);
  EXPECT_EQ(api.calls().at("DescribeGroupOffsets"), 3);  // 50 topics a page
  auto some = read_group_offsets(api, "i", "g", {"t1"});
  ASSERT_TRUE(some.ok());
  ASSERT_EQ(some->result.TopicList.size(), 1u);
  EXPECT_EQ(some->result.TopicList[0].Partitions[0].Offset, 7);

  auto states = read_group_states(api, "i", {"g", "unknown"});
  ASSERT_TRUE(states.ok());
  ASSERT_EQ(states->result.size(), 2u);
  EXPECT_EQ(group_state(states->result[1]), "Dead");
}

}  // namespace
}  // namespace offsetctl::planner
