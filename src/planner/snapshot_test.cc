#include "planner/snapshot.h"

#include <gtest/gtest.h>

#include "api/fake_ckafka_test.h"

namespace offsetctl::planner {
namespace {

using api::fakes::FakeCkafka;

SnapshotRequest request(std::vector<std::string> groups, std::vector<std::string> topics = {}) {
  SnapshotRequest r;
  r.instance = "ckafka-1";
  r.region = "ap-guangzhou";
  r.groups = std::move(groups);
  r.topics = std::move(topics);
  r.name = "export-ckafka-1";
  r.now_ms = 1'763'900'000'000;
  return r;
}

std::shared_ptr<FakeCkafka> cluster() {
  auto fake = std::make_shared<FakeCkafka>();
  fake->topics["orders"] = {3, 0, 1000};
  fake->topics["audit"] = {1, 0, 10};
  fake->topics["unused"] = {1, 0, 10};
  fake->groups["billing"].committed = {{"orders", {{0, 500}, {1, 600}}}, {"audit", {{0, 7}}}};
  FakeCkafka::Group& live = fake->groups["live"];
  live.state = "Stable";
  api::GroupInfoMember m;
  m.ClientId = "consumer-1";
  m.ClientHost = "/10.0.0.1";
  live.members = {m};
  live.committed = {{"orders", {{2, 900}}}};
  return fake;
}

TEST(Snapshot, PinsEveryCommittedOffsetAndSaysWhatItLeftOut) {
  auto fake = cluster();
  auto s = take_snapshot(*fake, request({"billing", "live", "billing"}));
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->plan.name, "export-ckafka-1");
  EXPECT_EQ(s->plan.instance, "ckafka-1");
  EXPECT_EQ(s->plan.region, "ap-guangzhou");
  EXPECT_EQ(s->plan.description,
            "Committed offsets of 2 groups on ckafka-1 at 2025-11-23T12:13:20.000Z, exported by offsetctl export");
  ASSERT_EQ(s->plan.groups.size(), 2u);
  const plan::GroupSpec& billing = s->plan.groups[0];
  EXPECT_EQ(billing.group, "billing");
  ASSERT_EQ(billing.topics.size(), 2u);
  EXPECT_EQ(billing.topics[0].topic, "audit");
  EXPECT_EQ(std::get<plan::ExplicitOffsets>(billing.topics[1].spec).by_partition,
            (std::map<int32_t, int64_t>{{0, 500}, {1, 600}}));
  EXPECT_EQ(s->plan.groups[1].group, "live");
  EXPECT_EQ(s->notes, (std::vector<std::string>{
                          "group 'billing', topic 'orders': nothing committed on partition 2: left out",
                          "group 'live' is Stable with 1 member (consumer-1@10.0.0.1): its offsets move while it "
                          "consumes, so this snapshot may already be behind",
                          "group 'live', topic 'orders': nothing committed on partitions 0, 1: left out"}));
  // Every group exists: no group listing.
  EXPECT_EQ(fake->calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 1}, {"DescribeGroupOffsets", 2}}));
}

TEST(Snapshot, TopicsLimitTheExport) {
  auto fake = cluster();
  auto s = take_snapshot(*fake, request({"billing"}, {"audit", "unused"}));
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_EQ(s->plan.groups.size(), 1u);
  ASSERT_EQ(s->plan.groups[0].topics.size(), 1u);
  EXPECT_EQ(s->plan.groups[0].topics[0].topic, "audit");
  EXPECT_EQ(s->notes, (std::vector<std::string>{"group 'billing' has nothing committed on topic 'unused': left out"}));
}

TEST(Snapshot, AnUnknownTopicIsAnError) {
  auto fake = cluster();
  auto s = take_snapshot(*fake, request({"billing"}, {"audit", "ordres", "nope"}));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "topics 'ordres', 'nope' do not exist on instance ckafka-1: check the --topic names");
}

TEST(Snapshot, AGroupThatDoesNotExistIsAnErrorWithTheNameItMeant) {
  auto fake = cluster();
  auto s = take_snapshot(*fake, request({"billing", "gone"}));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "group 'gone' does not exist on ckafka-1: check the --group names (it has no members and nothing "
            "committed)");
  EXPECT_EQ(fake->calls().at("DescribeGroup"), 1);
  auto typo = take_snapshot(*fake, request({"bililng"}));
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.error().message, "group 'bililng' does not exist on ckafka-1; did you mean 'billing'?");
}

TEST(Snapshot, NothingCommittedAnywhereIsAnError) {
  auto fake = cluster();
  auto t = take_snapshot(*fake, request({"billing"}, {"unused"}));
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().message,
            "nothing to export: no group of 1 has a committed offset on the topics asked for on instance ckafka-1");
}

// Left out, the partition would look like one with nothing committed: the snapshot is refused.
TEST(Snapshot, APartitionAnsweredWithAnErrorCodeRefusesTheSnapshot) {
  auto fake = cluster();
  fake->partition_error_for = {{"billing", 16}};
  auto s = take_snapshot(*fake, request({"billing"}));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "DescribeGroupOffsets answered group 'billing', topic 'audit' partition 0 with ErrorCode 16, so its "
            "committed offset is unknown; export again in a moment (the group coordinator may be moving)");
}

TEST(Snapshot, AFailedReadNamesTheGroup) {
  auto fake = cluster();
  fake->fail_reads_for = {"billing"};
  auto s = take_snapshot(*fake, request({"billing"}));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "reading the offsets of group 'billing' on instance ckafka-1: DescribeGroupOffsets failed: InternalError: "
            "read failed (RequestId req-42)");
}

}  // namespace
}  // namespace offsetctl::planner
