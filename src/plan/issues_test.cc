#include "plan/issues.h"

#include <gtest/gtest.h>

namespace offsetctl::plan {
namespace {

TEST(IssueSink, OneReportPerNodeAndPerKey) {
  YNode map;
  map.kind = YNode::Kind::Map;
  map.mark = {1, 1, 0};
  YEntry e;
  e.key = "offset";
  e.key_mark = {2, 3, 10};
  e.value.mark = {2, 11, 18};
  map.entries.push_back(e);
  const YEntry& entry = map.entries[0];
  IssueSink sink;
  EXPECT_FALSE(sink.said(entry.value));
  sink.at(entry.value, "first");
  sink.at(entry.value, "second");
  EXPECT_TRUE(sink.said(entry.value));
  EXPECT_FALSE(sink.said_about_keys(map));
  sink.at_key(entry, "key");
  sink.at_key(entry, "key again");
  EXPECT_TRUE(sink.said_about_keys(map));
  sink.missing(map, "name", "missing name");
  sink.missing(map, "name", "missing name again");
  sink.missing(map, "kind", "missing kind");
  sink.at_mark({5, 1, -1}, "anywhere");
  sink.at_mark({5, 1, -1}, "anywhere");
  std::vector<std::string> got;
  for (const auto& i : sink.issues()) got.push_back(std::to_string(i.line) + ":" + std::to_string(i.col) + " " + i.message);
  EXPECT_EQ(got, (std::vector<std::string>{"2:11 first", "2:3 key", "1:1 missing name", "1:1 missing kind",
                                           "5:1 anywhere", "5:1 anywhere"}));
}

TEST(IssueSink, FlaggedNodesStaySilentAndEmptyValuesPointAtTheirKey) {
  YNode flagged;
  flagged.flagged = true;
  IssueSink sink;
  sink.at(flagged, "nothing to add");
  EXPECT_TRUE(sink.empty());
  EXPECT_TRUE(sink.said(flagged));

  YEntry e;
  e.key_mark = {4, 9, 0};
  e.value.empty = true;
  e.value.mark = {5, 1, 0};
  sink.at(e.value, "has no value", &e);
  ASSERT_EQ(sink.issues().size(), 1u);
  EXPECT_EQ(sink.issues()[0].line, 4);
  EXPECT_EQ(sink.issues()[0].col, 9);
  EXPECT_EQ(value_mark(e.value, nullptr).line, 5);
}

}  // namespace
}  // namespace offsetctl::plan
