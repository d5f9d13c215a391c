#include "planner/live_fetch.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "api/fake_ckafka_test.h"
#include "planner/plan_builders_test.h"
#include "planner/planner.h"

namespace offsetctl::planner {
namespace {

using api::fakes::FakeCkafka;

using builders::entry;

plan::PlanSet one_plan(plan::OffsetPlan p) {
  plan::PlanSet s;
  s.files.push_back({"a.yaml", "", {std::move(p)}, {}});
  return s;
}

ClientFactory factory_of(std::shared_ptr<FakeCkafka> fake, std::vector<std::string>* regions = nullptr) {
  return [fake, regions](const std::string& region) -> Result<std::shared_ptr<api::CkafkaApi>> {
    if (regions) regions->push_back(region);
    return std::shared_ptr<api::CkafkaApi>(fake);
  };
}

constexpr int64_t kFetchNow = 10'000'000;

TEST(FetchLiveState, MakesExactlyTheFewestCallsTheApiAllows) {
  auto fake = std::make_shared<FakeCkafka>();
  for (int t = 0; t < 60; ++t) fake->topics["t" + std::to_string(100 + t)] = {4, 10, 100};
  fake->topics["wide"] = {150, 0, 500};
  plan::OffsetPlan p;
  p.instance = "ckafka-1";
  // 120 groups: two DescribeGroupInfo calls. Each needs begin offsets of `wide`.
  for (int g = 0; g < 120; ++g) {
    p.groups.push_back({"g" + std::to_string(1000 + g), {entry("wide", plan::ToAnchor{plan::Anchor::Earliest})}, {}});
  }
  // One group over 61 topics: two DescribeGroupOffsets pages.
  plan::GroupSpec big{"big", {}, {}};
  for (int t = 0; t < 60; ++t) big.topics.push_back(entry("t" + std::to_string(100 + t), plan::ToAnchor{plan::Anchor::Latest}));
  big.topics.push_back(entry("wide", plan::Datetime{1'005'500, "x"}, std::vector<int32_t>{1, 2}));
  p.groups.push_back(big);
  // The same instant on partition 2 from another group, and on every partition from a third: 150 lookups in all.
  p.groups.push_back({"h1", {entry("wide", plan::Datetime{1'005'500, "x"}, std::vector<int32_t>{2})}, {}});
  p.groups.push_back({"h2", {entry("wide", plan::Datetime{1'005'500, "x"}), entry("nope", plan::Shift{1})}, {}});

  auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), factory_of(fake), {4});
  ASSERT_TRUE(live.ok()) << live.error().message;
  EXPECT_EQ(fake->calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 2},
                                                        {"DescribeGroupOffsets", 120 + 2 + 1 + 1},
                                                        {"DescribeTopicSyncReplica", 2},
                                                        {"FetchMessageListByTimestamp", 150}}));
  // The two DescribeGroupInfo calls run in parallel: their order is the scheduler's.
  std::vector<size_t> sizes = fake->group_info_sizes();
  std::sort(sizes.begin(), sizes.end());
  EXPECT_EQ(sizes, (std::vector<size_t>{23, 100}));
  EXPECT_LE(fake->max_in_flight(), 4);
}

TEST(FetchLiveState, FillsStatesMembersCommitsBoundsAndTimes) {
  auto fake = std::make_shared<FakeCkafka>();
  fake->topics["orders"] = {3, 100, 110, 1'000'000};  // messages at 1,000,000 .. 1,009,000 ms
  FakeCkafka::Group& g = fake->groups["billing"];
  g.state = "Stable";
  api::GroupInfoMember m;
  m.MemberId = "m-1";
  m.ClientId = "consumer-1";
  m.ClientHost = "/10.0.0.1";
  m.Assignment.Topics.push_back({"orders", {0, 2}});
  g.members.push_back(m);
  g.committed["orders"] = {{0, 105}, {1, 107}};
  plan::OffsetPlan p;
  p.instance = "ckafka-1";
  p.groups.push_back({"billing", {entry("orders", plan::ToAnchor{plan::Anchor::Earliest}),
                                  entry("orders", plan::Datetime{1'004'500, "between"}, std::vector<int32_t>{0}),
                                  entry("orders", plan::Datetime{1'009'001, "past"}, std::vector<int32_t>{1})},
                      {}});
  p.groups.push_back({"newcomer", {entry("orders", plan::ToAnchor{plan::Anchor::Latest})}, {}});

  auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), factory_of(fake));
  ASSERT_TRUE(live.ok()) << live.error().message;
  const InstanceLive& in = live->instances.at("ckafka-1");
  const GroupLive& billing = in.groups.at("billing");
  EXPECT_EQ(billing.state, "Stable");
  ASSERT_EQ(billing.members.size(), 1u);
  EXPECT_EQ(billing.members[0].client_host, "/10.0.0.1");
  EXPECT_EQ(billing.members[0].assignment.at("orders"), (std::vector<int32_t>{0, 2}));
  EXPECT_EQ(billing.committed.at("orders").at(0), 105);
  EXPECT_EQ(billing.committed.at("orders").at(2), std::nullopt);
  EXPECT_EQ(in.groups.at("newcomer").state, "Dead");
  EXPECT_EQ(in.topics.at("orders").partitions.size(), 3u);
  EXPECT_EQ(in.topics.at("orders").partitions.at(2).begin, 100);
  EXPECT_EQ(in.topics.at("orders").partitions.at(2).end, 110);
  EXPECT_EQ(in.offset_at_time.at({"orders", 0, 1'004'500}), 105);  // between the messages at 104 and 105
  EXPECT_EQ(in.offset_at_time.at({"orders", 1, 1'009'001}), std::nullopt);  // past the last message
  EXPECT_EQ(in.offset_at_time.size(), 2u);
}

// Records the order of the calls, then lets the counting fake answer them.
class OrderRecorder final : public api::CkafkaApi {
 public:
  explicit OrderRecorder(std::shared_ptr<FakeCkafka> fake) : fake_(std::move(fake)) {}
  std::vector<std::string> order;  // one call in flight at a time: no lock needed

  api::ApiResult<api::GroupOffsetResponse> describe_group_offsets(const api::DescribeGroupOffsetsRequest& r) override {
    order.push_back("offsets " + r.Group);
    return fake_->describe_group_offsets(r);
  }
  api::ApiResult<std::vector<api::GroupInfoResponse>> describe_group_info(const api::DescribeGroupInfoRequest& r) override {
    order.push_back("info");
    return fake_->describe_group_info(r);
  }
  api::ApiResult<api::ConsumerGroupResponse> describe_consumer_group(const api::DescribeConsumerGroupRequest& r) override {
    return fake_->describe_consumer_group(r);
  }
  api::ApiResult<api::TopicInSyncReplicaResult> describe_topic_sync_replica(
      const api::DescribeTopicSyncReplicaRequest& r) override {
    order.push_back("begins " + r.TopicName);
    return fake_->describe_topic_sync_replica(r);
  }
  api::ApiResult<std::vector<api::ConsumerRecord>> fetch_message_list_by_timestamp(
      const api::FetchMessageListByTimestampRequest& r) override {
    order.push_back("time " + r.Topic);
    return fake_->fetch_message_list_by_timestamp(r);
  }
  api::ApiResult<api::JgwOperateResponse> batch_modify_group_offsets(const api::BatchModifyGroupOffsetsRequest& r) override {
    return fake_->batch_modify_group_offsets(r);
  }
  api::ApiResult<api::JgwOperateResponse> modify_group_offsets(const api::ModifyGroupOffsetsRequest& r) override {
    return fake_->modify_group_offsets(r);
  }

 private:
  std::shared_ptr<FakeCkafka> fake_;
};

// The begin offsets of a topic are read as soon as one group's offsets show it
// exists, not after every group's: rate-limited apart, they overlap the rest.
TEST(FetchLiveState, ReadsBeginOffsetsOnceAsSoonAsAGroupShowsTheTopicExists) {
  auto fake = std::make_shared<FakeCkafka>();
  fake->topics["orders"] = {2, 10, 100};
  fake->topics["payments"] = {2, 10, 100};
  plan::OffsetPlan p;
  p.instance = "ckafka-1";
  p.groups.push_back({"a", {entry("orders", plan::ToAnchor{plan::Anchor::Earliest})}, {}});
  p.groups.push_back({"b", {entry("orders", plan::Shift{-5}), entry("payments", plan::ToAnchor{plan::Anchor::Latest})}, {}});
  p.groups.push_back({"c", {entry("payments", plan::Datetime{1'000'000, "t"}, std::vector<int32_t>{0}),
                            entry("ghost", plan::ToAnchor{plan::Anchor::Earliest})},
                      {}});
  auto recorder = std::make_shared<OrderRecorder>(fake);
  ClientFactory one = [recorder](const std::string&) -> Result<std::shared_ptr<api::CkafkaApi>> {
    return std::shared_ptr<api::CkafkaApi>(recorder);
  };
  auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), one, {1});
  ASSERT_TRUE(live.ok()) << live.error().message;
  EXPECT_EQ(recorder->order, (std::vector<std::string>{"info", "offsets a", "begins orders", "offsets b", "offsets c",
                                                       "time payments"}));
  EXPECT_EQ(live->instances.at("ckafka-1").topics.at("orders").partitions.at(1).begin, 10);
  EXPECT_EQ(live->instances.at("ckafka-1").topics.at("payments").partitions.at(1).begin, std::nullopt);  // not needed
}

TEST(FetchLiveState, ReadsNothingForUnknownTopicsBeyondTheGroupOffsets) {
  auto fake = std::make_shared<FakeCkafka>();
  plan::OffsetPlan p;
  p.instance = "ckafka-1";
  p.groups.push_back({"g", {entry("missing", plan::ToAnchor{plan::Anchor::Earliest}),
                            entry("missing", plan::Duration{1000, "PT1S"})},
                      {}});
  auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), factory_of(fake));
  ASSERT_TRUE(live.ok()) << live.error().message;
  EXPECT_EQ(fake->calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 1}, {"DescribeGroupOffsets", 1}}));
  PlanResult r = make_plan(one_plan(p), *live, {kFetchNow, ""});
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.summary.invalid, 2u);
}

TEST(FetchLiveState, AFailedCallNamesTheGroupTheActionAndTheAnswer) {
  auto fake = std::make_shared<FakeCkafka>();
  fake->topics["orders"] = {1, 0, 10};
  fake->fail_reads_for = {"billing"};
  plan::OffsetPlan p;
  p.instance = "ckafka-1";
  p.region = "ap-shanghai";
  p.groups.push_back({"billing", {entry("orders", plan::ToAnchor{plan::Anchor::Latest})}, {}});
  auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), factory_of(fake));
  ASSERT_FALSE(live.ok());
  EXPECT_EQ(live.error().message,
            "reading the offsets of group 'billing' on instance ckafka-1 (ap-shanghai): DescribeGroupOffsets failed: "
            "InternalError: read failed (RequestId req-42)");
}

TEST(FetchLiveState, AGroupLeftOutOfDescribeGroupInfoIsAnErrorNotDead) {
  auto fake = std::make_shared<FakeCkafka>();
  fake->topics["orders"] = {1, 0, 10};
  fake->unreported_groups = {"billing"};
  plan::OffsetPlan p;
  p.instance = "ckafka-1";
  p.groups.push_back({"billing", {entry("orders", plan::ToAnchor{plan::Anchor::Latest})}, {}});
  auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), factory_of(fake));
  ASSERT_FALSE(live.ok());
  EXPECT_EQ(live.error().message,
            "DescribeGroupInfo on instance ckafka-1 did not report group 'billing', so its state is unknown; plan "
            "again, and report it if it persists");
}

TEST(FetchLiveState, OneClientPerRegionAndItsErrorsComeFirst) {
  auto fake = std::make_shared<FakeCkafka>();
  fake->topics["orders"] = {1, 0, 10};
  plan::PlanSet set;
  plan::OffsetPlan a;
  a.instance = "ckafka-1";
  a.groups.push_back({"g", {entry("orders", plan::ToAnchor{plan::Anchor::Latest})}, {}});
  plan::OffsetPlan b = a;
  b.instance = "ckafka-2";
  plan::OffsetPlan c = a;
  c.instance = "ckafka-3";
  c.region = "ap-beijing";
  set.files.push_back({"a.yaml", "", {a, b, c}, {}});
  std::vector<std::string> regions;
  auto live = fetch_live_state(needs_of(set, {kFetchNow, ""}), factory_of(fake, &regions));
  ASSERT_TRUE(live.ok()) << live.error().message;
  EXPECT_EQ(regions, (std::vector<std::string>{"", "ap-beijing"}));
  EXPECT_EQ(live->instances.size(), 3u);

  ClientFactory broken = [](const std::string&) -> Result<std::shared_ptr<api::CkafkaApi>> {
    return fail("no credentials: set TENCENTCLOUD_SECRET_ID");
  };
  auto none = fetch_live_state(needs_of(set, {kFetchNow, ""}), broken);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message, "no credentials: set TENCENTCLOUD_SECRET_ID");
}

TEST(FetchLiveState, ThePlanOfAFetchedStateResolvesEveryKind) {
  auto fake = std::make_shared<FakeCkafka>();
  fake->topics["orders"] = {2, 100, 200, 1'000'000};
  fake->groups["billing"].committed["orders"] = {{0, 150}, {1, 190}};
  plan::OffsetPlan p;
  p.instance = "ckafka-1";
  p.groups.push_back({"billing", {entry("orders", plan::Shift{-60}, std::vector<int32_t>{0}),
                                  entry("orders", plan::Datetime{1'020'000, "t"}, std::vector<int32_t>{1})},
                      {}});
  plan::PlanSet set = one_plan(p);
  auto live = fetch_live_state(needs_of(set, {kFetchNow, ""}), factory_of(fake));
  ASSERT_TRUE(live.ok()) << live.error().message;
  PlanResult r = make_plan(set, *live, {kFetchNow, ""});
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.changes[0].target, 100);  // 150 - 60 clamped to the earliest offset
  EXPECT_EQ(r.changes[1].target, 120);
  EXPECT_EQ(r.changes[1].delta(), -70);
}

}  // namespace
}  // namespace offsetctl::planner
