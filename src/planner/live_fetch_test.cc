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
  // No group has committed anything: one group list (DescribeGroup). `wide` takes two pages of
  // DescribeTopicSyncReplica, `nope` one (it does not exist); when the answers leave out the topics a
  // group has nothing committed on, every topic is confirmed that way (60 more).
  // Thin answers (no LogEndOffset) listing the 60 topics cost one call each for their ends; `wide`'s
  // come with its begin offsets.
  const int sync_replica = fake->omit_uncommitted_topics ? 2 + 60 + 1 : 2 + 1 + (fake->thin_answers ? 60 : 0);
  // `big` has nothing committed on its 61 topics: left out, they fit one page.
  const int big_pages = fake->omit_uncommitted_topics ? 1 : 2;
  EXPECT_EQ(fake->calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 2},
                                                        {"DescribeGroupOffsets", 120 + big_pages + 1 + 1},
                                                        {"DescribeGroup", 1},
                                                        {"DescribeTopicSyncReplica", sync_replica},
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
  api::ApiResult<api::GroupResponse> describe_group(const api::DescribeGroupRequest& r) override {
    order.push_back("list");
    return fake_->describe_group(r);
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
  if (fake->omit_uncommitted_topics) {
    // No group committed anything, so no answer shows a topic: each is confirmed after the offsets.
    EXPECT_EQ(recorder->order,
              (std::vector<std::string>{"info", "offsets a", "offsets b", "offsets c", "begins ghost", "begins orders",
                                        "begins payments", "list", "time payments"}));
  } else if (fake->thin_answers) {
    // payments' log ends, left out of the answers, come from DescribeTopicSyncReplica (orders' with its begins).
    EXPECT_EQ(recorder->order, (std::vector<std::string>{"info", "offsets a", "begins orders", "offsets b", "offsets c",
                                                         "begins ghost", "begins payments", "list", "time payments"}));
  } else {
    EXPECT_EQ(recorder->order, (std::vector<std::string>{"info", "offsets a", "begins orders", "offsets b", "offsets c",
                                                         "begins ghost", "list", "time payments"}));
    EXPECT_EQ(live->instances.at("ckafka-1").topics.at("payments").partitions.at(1).begin, std::nullopt);  // not needed
  }
  EXPECT_EQ(live->instances.at("ckafka-1").topics.at("orders").partitions.at(1).begin, 10);
  EXPECT_EQ(live->instances.at("ckafka-1").topics.count("ghost"), 0u);
}

TEST(FetchLiveState, AnUnknownTopicCostsOneDescribeTopicSyncReplicaAndNothingMore) {
  auto fake = std::make_shared<FakeCkafka>();
  plan::OffsetPlan p;
  p.instance = "ckafka-1";
  p.groups.push_back({"g", {entry("missing", plan::ToAnchor{plan::Anchor::Earliest}),
                            entry("missing", plan::Duration{1000, "PT1S"})},
                      {}});
  auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), factory_of(fake));
  ASSERT_TRUE(live.ok()) << live.error().message;
  EXPECT_EQ(fake->calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 1},
                                                        {"DescribeGroupOffsets", 1},
                                                        {"DescribeGroup", 1},
                                                        {"DescribeTopicSyncReplica", 1}}));
  PlanResult r = make_plan(one_plan(p), *live, {kFetchNow, ""});
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.summary.invalid, 2u);
}

// DescribeGroupOffsets may leave out a topic the group never committed on, or list it with -1:
// both plan the same, and only a topic DescribeTopicSyncReplica does not know is invalid.
TEST(FetchLiveState, ATopicLeftOutOfTheOffsetsIsNothingCommittedWhenItExists) {
  for (bool omit : {false, true}) {
    SCOPED_TRACE(omit ? "omitted" : "listed with -1");
    auto fake = std::make_shared<FakeCkafka>();
    fake->omit_uncommitted_topics = omit;
    fake->topics["orders"] = {2, 10, 100};
    fake->topics["audit"] = {1, 0, 50};
    fake->groups["billing"].committed["audit"] = {{0, 20}};
    plan::OffsetPlan p;
    p.instance = "ckafka-1";
    p.groups.push_back({"billing", {entry("orders", plan::ToAnchor{plan::Anchor::Earliest}),
                                    entry("audit", plan::ToAnchor{plan::Anchor::Latest})},
                        {}});
    auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), factory_of(fake));
    ASSERT_TRUE(live.ok()) << live.error().message;
    PlanResult r = make_plan(one_plan(p), *live, {kFetchNow, ""});
    ASSERT_EQ(r.changes.size(), 3u);
    EXPECT_EQ(r.changes[1].topic, "orders");
    EXPECT_EQ(r.changes[1].action, Action::Change);
    EXPECT_EQ(r.changes[1].current, std::nullopt);
    EXPECT_EQ(r.changes[1].target, 10);
    EXPECT_EQ(r.changes[2].end_offset, 100);
    EXPECT_EQ(fake->calls().count("DescribeGroup"), 0u);  // the group exists
    // orders' begin offsets, or its existence; with thin answers, audit's log end too
    EXPECT_EQ(fake->calls().at("DescribeTopicSyncReplica"), fake->thin_answers ? 2 : 1);
  }
}

// LogEndOffset is optional in the models: answers without it plan as answers with it, the ends read
// once per topic from DescribeTopicSyncReplica (not per group); none where begin offsets were read.
TEST(FetchLiveState, ThinAnswersTakeTheLogEndFromDescribeTopicSyncReplicaOncePerTopic) {
  auto live_of = [](bool thin, std::map<std::string, int>* calls) {
    auto fake = std::make_shared<FakeCkafka>();
    fake->thin_answers = thin;
    fake->set("a", "orders", 0, 40, 100);
    fake->set("a", "orders", 1, 50, 120);
    fake->set("b", "orders", 0, 30, 100);
    fake->set("b", "orders", 1, 35, 120);
    fake->set("b", "audit", 0, 5, 70);
    plan::OffsetPlan p;
    p.instance = "ckafka-1";
    p.groups.push_back({"a", {entry("orders", plan::ToAnchor{plan::Anchor::Latest})}, {}});
    p.groups.push_back({"b", {entry("orders", plan::ToAnchor{plan::Anchor::Latest}, std::vector<int32_t>{1}),
                              entry("audit", plan::ToAnchor{plan::Anchor::Earliest})},
                        {}});
    auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), factory_of(fake));
    EXPECT_TRUE(live.ok()) << live.error().message;
    *calls = fake->calls();
    return make_plan(one_plan(p), *live, {kFetchNow, ""});
  };
  std::map<std::string, int> full_calls, thin_calls;
  PlanResult full = live_of(false, &full_calls);
  PlanResult thin = live_of(true, &thin_calls);
  ASSERT_EQ(thin.changes.size(), full.changes.size());
  for (size_t i = 0; i < full.changes.size(); ++i) {
    EXPECT_EQ(thin.changes[i].action, full.changes[i].action) << i;
    EXPECT_EQ(thin.changes[i].target, full.changes[i].target) << i;
    EXPECT_EQ(thin.changes[i].end_offset, full.changes[i].end_offset) << i;
  }
  EXPECT_EQ(full.summary.invalid, 0u);
  // orders' ends cost one DescribeTopicSyncReplica for both groups; audit's come with its begin offsets.
  EXPECT_EQ(thin_calls.at("DescribeTopicSyncReplica"), full_calls.at("DescribeTopicSyncReplica") + 1);
  EXPECT_EQ(thin_calls.at("DescribeGroupOffsets"), full_calls.at("DescribeGroupOffsets"));
}

// Group a to the latest offsets of topic_a, group b of topic_b, planned against `fake`.
PlanResult plan_latest(const std::shared_ptr<FakeCkafka>& fake, const std::string& topic_a, const std::string& topic_b) {
  plan::OffsetPlan p;
  p.instance = "ckafka-1";
  p.groups.push_back({"a", {entry(topic_a, plan::ToAnchor{plan::Anchor::Latest})}, {}});
  p.groups.push_back({"b", {entry(topic_b, plan::ToAnchor{plan::Anchor::Latest})}, {}});
  auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), factory_of(fake));
  EXPECT_TRUE(live.ok()) << live.error().message;
  return live.ok() ? make_plan(one_plan(p), *live, {kFetchNow, ""}) : PlanResult{};
}

// Where no call gives a partition's log end, that group's rows are invalid and say why; the
// other groups plan as usual and the plan goes on.
TEST(FetchLiveState, ALogEndNoCallGivesMakesOnlyThatGroupInvalid) {
  auto fake = std::make_shared<FakeCkafka>();
  fake->thin_answers = true;
  fake->endless_topics = {"orders"};
  fake->set("a", "orders", 0, 40, 100);
  fake->set("b", "audit", 0, 5, 70);
  PlanResult r = plan_latest(fake, "orders", "audit");
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.changes[0].group, "a");
  EXPECT_EQ(r.changes[0].action, Action::Invalid);
  EXPECT_EQ(r.changes[0].reason,
            "the API answered without LogEndOffset for group 'a' (topic 'orders' partition 0), and "
            "DescribeTopicSyncReplica gave no EndOffset for it either; plan again, and report it if it persists");
  EXPECT_EQ(r.changes[1].group, "b");
  EXPECT_EQ(r.changes[1].action, Action::Change);
  EXPECT_EQ(r.changes[1].target, 70);
}

// Kafka answers a partition with an ErrorCode (14-16) while the group coordinator moves: that
// group's rows are invalid and say so; the other groups plan as usual.
TEST(FetchLiveState, APartitionAnsweredWithAnErrorCodeMakesOnlyThatGroupInvalid) {
  auto fake = std::make_shared<FakeCkafka>();
  fake->set("a", "orders", 0, 40, 100);
  fake->set("a", "orders", 1, 40, 100);
  fake->set("b", "orders", 0, 30, 100);
  fake->partition_error_for = {{"a", 16}};
  PlanResult r = plan_latest(fake, "orders", "orders");
  ASSERT_EQ(r.changes.size(), 4u);  // orders has partitions 0 and 1
  for (size_t i : {0, 1}) {
    EXPECT_EQ(r.changes[i].group, "a");
    EXPECT_EQ(r.changes[i].action, Action::Invalid);
    EXPECT_EQ(r.changes[i].reason,
              "DescribeGroupOffsets answered group 'a', topic 'orders' partition 0 with ErrorCode 16, so its committed "
              "offset is unknown; plan again in a moment (the group coordinator may be moving)");
  }
  for (size_t i : {2, 3}) {
    EXPECT_EQ(r.changes[i].group, "b");
    EXPECT_EQ(r.changes[i].action, Action::Change);
    EXPECT_EQ(r.changes[i].target, 100);
  }
}

// A group answered without State (optional in the models): whether its consumers are active is
// unknown, so its rows are invalid; the other groups plan as usual.
TEST(FetchLiveState, AGroupAnsweredWithoutItsStateIsInvalidAlone) {
  auto fake = std::make_shared<FakeCkafka>();
  fake->set("a", "orders", 0, 40, 100);
  fake->set("b", "orders", 0, 30, 100);
  fake->stateless_groups = {"a"};
  PlanResult r = plan_latest(fake, "orders", "orders");
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.changes[0].action, Action::Invalid);
  EXPECT_EQ(r.changes[0].reason,
            "the API answered without State for group 'a', so whether its consumers are active is unknown; plan "
            "again, and report it if it persists");
  EXPECT_EQ(r.changes[1].action, Action::Change);
  EXPECT_EQ(r.changes[1].target, 100);
}

TEST(FetchLiveState, AGroupMissingFromTheListIsATypoOrANewGroup) {
  auto fake = std::make_shared<FakeCkafka>();
  fake->topics["orders"] = {1, 0, 10};
  fake->groups["orders-consumer"].committed["orders"] = {{0, 5}};
  plan::OffsetPlan p;
  p.instance = "ckafka-demo";
  p.groups.push_back({"orders-consmer", {entry("orders", plan::ToAnchor{plan::Anchor::Earliest})}, {}});
  p.groups.push_back({"fresh-reader", {entry("orders", plan::ToAnchor{plan::Anchor::Earliest})}, {}});
  auto live = fetch_live_state(needs_of(one_plan(p), {kFetchNow, ""}), factory_of(fake));
  ASSERT_TRUE(live.ok()) << live.error().message;
  EXPECT_EQ(fake->calls().at("DescribeGroup"), 1);  // once per instance, however many groups are in doubt
  PlanResult r = make_plan(one_plan(p), *live, {kFetchNow, ""});
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.changes[0].group, "fresh-reader");
  EXPECT_EQ(r.changes[0].action, Action::Change);
  EXPECT_EQ(r.groups[0].warning,
            "new group: group 'fresh-reader' does not exist on ckafka-demo yet; its consumers start from these "
            "offsets when they first join");
  EXPECT_EQ(r.changes[1].action, Action::Invalid);
  EXPECT_EQ(r.changes[1].reason,
            "group 'orders-consmer' does not exist on ckafka-demo; did you mean 'orders-consumer'?");
  EXPECT_EQ(r.groups[1].warning, "");
  EXPECT_EQ(r.summary.invalid, 1u);
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
