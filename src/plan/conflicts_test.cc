#include "plan/conflicts.h"

#include <gtest/gtest.h>

namespace offsetctl::plan {
namespace {

TopicSpec entry(const std::string& topic, std::optional<std::vector<int32_t>> partitions, SourceLoc loc,
                Spec spec = ToAnchor{}) {
  TopicSpec t;
  t.topic = topic;
  t.partitions = std::move(partitions);
  t.spec = std::move(spec);
  t.loc = std::move(loc);
  return t;
}

OffsetPlan plan(const std::string& name, const std::string& instance, const std::string& group,
                std::vector<TopicSpec> topics, const std::string& file) {
  OffsetPlan p;
  p.name = name;
  p.instance = instance;
  p.name_loc = {file, 3, 7};
  GroupSpec g;
  g.group = group;
  g.topics = std::move(topics);
  p.groups.push_back(std::move(g));
  return p;
}

std::vector<std::string> messages(const std::vector<Conflict>& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs) out.push_back(c.loc.file + ":" + std::to_string(c.loc.line) + ": " + c.message);
  return out;
}

TEST(Conflicts, DisjointPartitionsAndDifferentKeysAreFine) {
  OffsetPlan a = plan("a", "ckafka-demo", "g", {entry("t", std::vector<int32_t>{0, 1}, {"a.yaml", 8, 9})}, "a.yaml");
  OffsetPlan b = plan("b", "ckafka-demo", "g", {entry("t", std::vector<int32_t>{2}, {"b.yaml", 8, 9}),
                                               entry("u", std::nullopt, {"b.yaml", 10, 9})}, "b.yaml");
  OffsetPlan c = plan("c", "ckafka-other", "g", {entry("t", std::nullopt, {"c.yaml", 8, 9})}, "c.yaml");
  OffsetPlan d = plan("d", "ckafka-demo", "h", {entry("t", std::nullopt, {"d.yaml", 8, 9})}, "d.yaml");
  EXPECT_TRUE(find_conflicts({&a, &b, &c, &d}, {}).empty());
}

TEST(Conflicts, APartitionDeclaredTwiceNamesBothPlaces) {
  OffsetPlan a = plan("a", "ckafka-demo", "g", {entry("t", std::vector<int32_t>{0, 1, 5}, {"a.yaml", 8, 9})}, "a.yaml");
  OffsetPlan b = plan("b", "ckafka-demo", "g", {entry("t", std::vector<int32_t>{5, 1, 7}, {"b.yaml", 12, 9})}, "b.yaml");
  EXPECT_EQ(messages(find_conflicts({&a, &b}, {})),
            (std::vector<std::string>{"b.yaml:12: partitions 5, 1 of topic 't' of group 'g' on instance 'ckafka-demo' "
                                      "are already declared at a.yaml:8:9: each partition may have one target"}));
}

TEST(Conflicts, AnEntryWithoutPartitionsCoversThemAll) {
  OffsetPlan a = plan("a", "i", "g", {entry("t", std::vector<int32_t>{3}, {"a.yaml", 8, 9})}, "a.yaml");
  OffsetPlan b = plan("b", "i", "g", {entry("t", std::nullopt, {"b.yaml", 9, 9})}, "b.yaml");
  EXPECT_EQ(messages(find_conflicts({&a, &b}, {})),
            (std::vector<std::string>{"b.yaml:9: topic 't' of group 'g' on instance 'i' is already declared at "
                                      "a.yaml:8:9; this entry has no 'partitions', so it covers every partition: each "
                                      "partition may have one target"}));
  EXPECT_EQ(messages(find_conflicts({&b, &a}, {})),
            (std::vector<std::string>{"a.yaml:8: topic 't' of group 'g' on instance 'i' is already declared at "
                                      "b.yaml:9:9 for every partition (that entry has no 'partitions'): each partition "
                                      "may have one target"}));
}

TEST(Conflicts, ExplicitOffsetsClaimTheirPartitions) {
  OffsetPlan a = plan("a", "i", "g",
                      {entry("t", std::nullopt, {"a.yaml", 8, 9}, ExplicitOffsets{{{0, 10}, {4, 40}}}),
                       entry("t", std::vector<int32_t>{4}, {"a.yaml", 10, 9})},
                      "a.yaml");
  EXPECT_EQ(messages(find_conflicts({&a}, {})),
            (std::vector<std::string>{"a.yaml:10: partition 4 of topic 't' of group 'g' on instance 'i' is already "
                                      "declared at a.yaml:8:9: each partition may have one target"}));
}

TEST(Conflicts, ManyOverlapsAreShortened) {
  std::vector<int32_t> many;
  for (int32_t p = 0; p < 30; ++p) many.push_back(p);
  OffsetPlan a = plan("a", "i", "g", {entry("t", many, {"a.yaml", 8, 9})}, "a.yaml");
  OffsetPlan b = plan("b", "i", "g", {entry("t", many, {"b.yaml", 8, 9})}, "b.yaml");
  auto m = messages(find_conflicts({&a, &b}, {}));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_NE(m[0].find("partitions 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... (30 in all) of topic 't'"), std::string::npos) << m[0];
}

TEST(Conflicts, PlanNamesAreUnique) {
  OffsetPlan a = plan("same", "i", "g", {entry("t", std::nullopt, {"a.yaml", 8, 9})}, "a.yaml");
  OffsetPlan b = plan("same", "i", "g", {entry("u", std::nullopt, {"b.yaml", 8, 9})}, "b.yaml");
  EXPECT_EQ(messages(find_conflicts({&a, &b}, {})),
            (std::vector<std::string>{"b.yaml:3: plan name 'same' is already used at a.yaml:3:7: give each plan its own "
                                      "name"}));
}

TEST(Conflicts, DtsPlansBySubscriptionGroupTopicAndPartition) {
  const auto dts = [](const std::string& name, const std::string& subs, std::optional<std::vector<int32_t>> ps,
                      const std::string& file) {
    DtsOffsetPlan p;
    p.name = name;
    p.subscribe_id = subs;
    p.name_loc = {file, 3, 7};
    DtsGroupSpec g;
    g.group = "grp-1";
    g.topic = "t";
    g.partitions = std::move(ps);
    g.loc = {file, 6, 5};
    p.groups.push_back(g);
    return p;
  };
  DtsOffsetPlan a = dts("a", "subs-1", std::vector<int32_t>{0, 1}, "a.yaml");
  DtsOffsetPlan b = dts("b", "subs-1", std::vector<int32_t>{1}, "b.yaml");
  DtsOffsetPlan c = dts("c", "subs-2", std::nullopt, "c.yaml");
  EXPECT_EQ(messages(find_conflicts({}, {&a, &b, &c})),
            (std::vector<std::string>{"b.yaml:6: partition 1 of topic 't' of group 'grp-1' in subscription 'subs-1' is "
                                      "already declared at a.yaml:6:5: each partition may have one target"}));
}

}  // namespace
}  // namespace offsetctl::plan
