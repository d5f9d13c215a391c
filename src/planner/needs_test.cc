#include "planner/needs.h"

#include <gtest/gtest.h>

#include "planner/plan_builders_test.h"

namespace offsetctl::planner {
namespace {

using builders::entry;

plan::OffsetPlan plan_in(std::string instance, std::optional<std::string> region,
                             std::vector<std::pair<std::string, std::vector<plan::TopicSpec>>> groups) {
  plan::OffsetPlan p;
  p.name = "p";
  p.instance = std::move(instance);
  p.region = std::move(region);
  for (auto& [name, topics] : groups) p.groups.push_back({name, std::move(topics), {}});
  return p;
}

plan::PlanSet two_files(std::vector<plan::OffsetPlan> a, std::vector<plan::OffsetPlan> b = {}) {
  plan::PlanSet s;
  s.files.push_back({"a.yaml", "", std::move(a), {}});
  s.files.push_back({"b.yaml", "", std::move(b), {}});
  return s;
}

TEST(NeedsOf, GroupsAndTheirTopicsPerRegionAndInstance) {
  LiveNeeds n = needs_of(
      two_files({plan_in("ckafka-2", std::nullopt, {{"g2", {entry("t", plan::ToAnchor{plan::Anchor::Latest})}}}),
              plan_in("ckafka-1", "ap-shanghai", {{"g1", {entry("b", plan::ToAnchor{}), entry("a", plan::ToAnchor{})}}})},
             {plan_in("ckafka-2", std::nullopt, {{"g1", {entry("t", plan::ToAnchor{})}}, {"g2", {entry("u", plan::ToAnchor{}), entry("t", plan::ToAnchor{})}}})}),
      PlanOptions{0, ""});
  ASSERT_EQ(n.instances.size(), 2u);
  EXPECT_EQ(n.instances[0].region, "");
  EXPECT_EQ(n.instances[0].instance, "ckafka-2");
  ASSERT_EQ(n.instances[0].groups.size(), 2u);
  EXPECT_EQ(n.instances[0].groups[0].group, "g1");
  EXPECT_EQ(n.instances[0].groups[1].group, "g2");
  EXPECT_EQ(n.instances[0].groups[1].topics, (std::vector<std::string>{"t", "u"}));
  EXPECT_EQ(n.instances[1].region, "ap-shanghai");
  EXPECT_EQ(n.instances[1].groups[0].topics, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(n.instances[0].begin_topics.empty());
  EXPECT_TRUE(n.instances[0].time_lookups.empty());
}

TEST(NeedsOf, BeginOffsetsOnlyForTopicsWhoseSpecNeedsThem) {
  LiveNeeds n = needs_of(two_files({plan_in("i", std::nullopt,
                                              {{"g", {entry("latest", plan::ToAnchor{plan::Anchor::Latest}),
                                                      entry("current", plan::ToAnchor{plan::Anchor::Current}),
                                                      entry("time", plan::Datetime{5, "x"}),
                                                      entry("earliest", plan::ToAnchor{plan::Anchor::Earliest}),
                                                      entry("shift", plan::Shift{-1}),
                                                      entry("offset", plan::SingleOffset{1}),
                                                      entry("offsets", plan::ExplicitOffsets{{{0, 1}}})}}})}),
                         PlanOptions{0, ""});
  ASSERT_EQ(n.instances.size(), 1u);
  EXPECT_EQ(n.instances[0].begin_topics,
            (std::vector<std::string>{"earliest", "offset", "offsets", "shift"}));
}

TEST(NeedsOf, TimeLookupsAreDistinctAndMergePartitionSelections) {
  const int64_t now = 10'000'000;
  LiveNeeds n = needs_of(
      two_files({plan_in("i", std::nullopt,
                          {{"g1", {entry("t", plan::Datetime{5000, "x"}, std::vector<int32_t>{3, 1})}},
                           {"g2", {entry("t", plan::Datetime{5000, "y"}, std::vector<int32_t>{2})}},
                           {"g3", {entry("t", plan::Duration{1000, "PT1S"}), entry("u", plan::Duration{1000, "PT1S"})}},
                           {"g4", {entry("u", plan::Datetime{now - 1000, "z"}, std::vector<int32_t>{0})}}})}),
      PlanOptions{now, ""});
  const auto& l = n.instances[0].time_lookups;
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[0].topic, "t");
  EXPECT_EQ(l[0].ms, 5000);
  EXPECT_EQ(l[0].partitions, (std::vector<int32_t>{1, 2, 3}));
  EXPECT_EQ(l[1].topic, "t");
  EXPECT_EQ(l[1].ms, now - 1000);
  EXPECT_EQ(l[1].partitions, std::nullopt);
  EXPECT_EQ(l[2].topic, "u");
  EXPECT_EQ(l[2].partitions, std::nullopt);  // every partition wins over a selection of the same instant
}

TEST(NeedsOf, AFromGroupSourceIsReadOnItsInstanceOnceAndWithoutItsState) {
  plan::TopicSpec all = entry("", plan::FromGroup{"src", "", false});
  all.all_topics = true;
  all.except_topics = {"skip"};
  LiveNeeds n = needs_of(
      two_files({plan_in("i", std::nullopt,
                         {{"a", {entry("t", plan::FromGroup{"src", "", false})}},
                          {"b", {entry("u", plan::FromGroup{"src", "", false})}},
                          {"c", {entry("t", plan::FromGroup{"src", "other", true})}},
                          {"d", {all}}})}),
      PlanOptions{0, ""});
  ASSERT_EQ(n.instances.size(), 2u);
  const InstanceNeeds& in = n.instances[0];
  EXPECT_EQ(in.instance, "i");
  ASSERT_EQ(in.groups.size(), 5u);
  EXPECT_EQ(in.groups[4].group, "src");
  EXPECT_FALSE(in.groups[4].state);  // only read
  EXPECT_TRUE(in.groups[4].all_topics);  // d's topics are known once d is read
  EXPECT_TRUE(in.groups[3].state);
  EXPECT_TRUE(in.groups[3].all_topics);
  EXPECT_EQ(in.begin_topics, (std::vector<std::string>{"t", "u"}));  // the range check
  ASSERT_EQ(in.all_topics.size(), 1u);
  EXPECT_EQ(in.all_topics[0].group, "d");
  EXPECT_EQ(in.all_topics[0].except_topics, (std::vector<std::string>{"skip"}));
  EXPECT_TRUE(in.all_topics[0].begin);
  const InstanceNeeds& other = n.instances[1];
  EXPECT_EQ(other.instance, "other");
  ASSERT_EQ(other.groups.size(), 1u);
  EXPECT_EQ(other.groups[0].topics, (std::vector<std::string>{"t"}));
  EXPECT_FALSE(other.groups[0].state);
}

TEST(CommittedSelection, ThePartitionsCommittedOnButTheExceptedTopics) {
  GroupLive g;
  g.committed["a"] = {{0, 5}, {1, std::nullopt}, {2, 7}};
  g.committed["b"] = {{0, std::nullopt}};
  g.committed["c"] = {{0, 1}};
  auto s = committed_selection({"c"}, &g);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].first, "a");
  EXPECT_EQ(s[0].second, (std::vector<int32_t>{0, 2}));
  EXPECT_TRUE(committed_selection({}, nullptr).empty());
}

}  // namespace
}  // namespace offsetctl::planner
