#include "plan/offsets_csv.h"

#include <gtest/gtest.h>

namespace offsetctl::plan {
namespace {

std::vector<std::string> csv_errors(const CsvRead& r) {
  std::vector<std::string> out;
  for (const auto& d : r.errors) out.push_back(d.format());
  return out;
}

TEST(OffsetsCsv, WritesBothLayoutsAsKafkaDoes) {
  std::vector<CsvOffset> rows = {{"billing", "orders", 0, 500}, {"billing", "orders", 1, 720}};
  EXPECT_EQ(write_offsets_csv(rows, CsvLayout::TopicPartitionOffset), "orders,0,500\norders,1,720\n");
  EXPECT_EQ(write_offsets_csv(rows, CsvLayout::GroupTopicPartitionOffset),
            "billing,orders,0,500\nbilling,orders,1,720\n");
  EXPECT_EQ(write_offsets_csv({}, CsvLayout::TopicPartitionOffset), "");
}

TEST(OffsetsCsv, QuotesOnlyTheFieldsThatNeedIt) {
  std::vector<CsvOffset> rows = {{"a,b", "t", 0, 1}, {"say \"hi\"", "t", 0, 2}, {" padded", "t", 0, 3}};
  EXPECT_EQ(write_offsets_csv(rows, CsvLayout::GroupTopicPartitionOffset),
            "\"a,b\",t,0,1\n\"say \"\"hi\"\"\",t,0,2\n\" padded\",t,0,3\n");
  CsvRead back = read_offsets_csv(write_offsets_csv(rows, CsvLayout::GroupTopicPartitionOffset), "x.csv");
  ASSERT_TRUE(back.ok()) << csv_errors(back)[0];
  ASSERT_EQ(back.rows.size(), 3u);
  EXPECT_EQ(back.rows[0].group, "a,b");
  EXPECT_EQ(back.rows[1].group, "say \"hi\"");
  EXPECT_EQ(back.rows[2].group, " padded");
}

TEST(OffsetsCsv, RowsFollowThePlanGroupsThenTopicsThenPartitions) {
  OffsetPlan p;
  GroupSpec g{"billing", {}, {}};
  TopicSpec t;
  t.topic = "orders";
  t.spec = ExplicitOffsets{{{2, 30}, {0, 10}}};
  g.topics.push_back(t);
  TopicSpec other;
  other.topic = "audit";
  other.spec = ToAnchor{};  // not an explicit offset: nothing to write
  g.topics.push_back(other);
  p.groups.push_back(g);
  auto rows = csv_rows({p});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].partition, 0);
  EXPECT_EQ(rows[1].partition, 2);
  EXPECT_EQ(rows[1].offset, 30);
}

TEST(OffsetsCsv, ReadsEitherLayoutWithKafkasTrailingBlankLineAndCrlf) {
  CsvRead three = read_offsets_csv("orders,0,500\r\norders,1,720\r\n\n", "a.csv");
  ASSERT_TRUE(three.ok());
  EXPECT_EQ(three.layout, CsvLayout::TopicPartitionOffset);
  ASSERT_EQ(three.rows.size(), 2u);
  EXPECT_EQ(three.rows[1].partition, 1);
  EXPECT_EQ(three.rows[1].offset, 720);
  EXPECT_EQ(three.rows[1].line, 2);
  CsvRead four = read_offsets_csv("\xEF\xBB\xBF" "g1,orders,0,5\ng2,orders,0,6\n", "b.csv");
  ASSERT_TRUE(four.ok());
  EXPECT_EQ(four.layout, CsvLayout::GroupTopicPartitionOffset);
  EXPECT_EQ(four.rows[1].group, "g2");
}

TEST(OffsetsCsv, EveryBadRowIsRefusedAtItsLineAndColumn) {
  CsvRead r = read_offsets_csv(
      "orders,0,500\n"
      "orders,x,500\n"
      "orders,1,-5\n"
      "orders,0,600\n"
      "orders,2\n"
      "g,orders,3,1\n"
      "ord ers,4,1\n"
      "orders,5,99999999999999999999\n"
      "orders,6,\"7\n",
      "bad.csv");
  EXPECT_EQ(csv_errors(r), (std::vector<std::string>{
                              "bad.csv:2:8: error: partition 'x' is not a number: give a decimal integer\n"
                              "orders,x,500\n       ^\n",
                              "bad.csv:3:10: error: offset -5 is negative: offsets are 0 to 9223372036854775807\n"
                              "orders,1,-5\n         ^\n",
                              "bad.csv:4:8: error: partition 0 of topic 'orders' is already given at line 1: each "
                              "partition may have one offset\norders,0,600\n       ^\n",
                              "bad.csv:5:1: error: a line has 2 fields: kafka-consumer-groups' CSV has "
                              "topic,partition,offset or group,topic,partition,offset\norders,2\n^\n",
                              "bad.csv:6:1: error: this line has 4 fields and line 1 has 3: a file holds one layout, "
                              "topic,partition,offset or group,topic,partition,offset\ng,orders,3,1\n^\n",
                              "bad.csv:7:1: error: topic 'ord ers' is not a Kafka topic name (letters, digits, '.', "
                              "'_' and '-', at most 249)\nord ers,4,1\n^\n",
                              "bad.csv:8:10: error: offset 99999999999999999999 is too large: offsets are 0 to "
                              "9223372036854775807\norders,5,99999999999999999999\n         ^\n",
                              "bad.csv:9:10: error: a quoted field is not closed: end it with '\"' (a quote inside is "
                              "written twice: \"\")\norders,6,\"7\n         ^\n",
                          }));
}

TEST(OffsetsCsv, AHeaderLineIsRefused) {
  CsvRead r = read_offsets_csv("topic,partition,offset\norders,0,1\n", "h.csv");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].format(),
            "h.csv:1:1: error: a header line: kafka-consumer-groups' CSV has none (each line is one partition); "
            "remove it\ntopic,partition,offset\n^\n");
  CsvRead four = read_offsets_csv("GROUP,TOPIC,PARTITION,OFFSET\n", "h.csv");
  ASSERT_EQ(four.errors.size(), 1u);
  EXPECT_EQ(four.errors[0].line, 1);
}

TEST(OffsetsCsv, AnEmptyFileIsAnError) {
  for (const char* text : {"", "\n\n", "  \r\n"}) {
    CsvRead r = read_offsets_csv(text, "empty.csv");
    ASSERT_EQ(r.errors.size(), 1u) << text;
    EXPECT_EQ(r.errors[0].format(),
              "empty.csv: error: the file holds no offsets: kafka-consumer-groups' CSV has one line per partition, "
              "topic,partition,offset or group,topic,partition,offset\n");
  }
}

TEST(OffsetsCsv, BadGroupNamesAndBytesAreRefused) {
  CsvRead r = read_offsets_csv(",orders,0,1\n", "g.csv");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "the group is empty: give the consumer group's name");
  CsvRead bytes = read_offsets_csv("orders,0,1\n\xff\n", "b.csv");
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.errors[0].line, 2);
  EXPECT_EQ(group_name_problem("ok-group"), "");
  EXPECT_EQ(group_name_problem("bell\a"), "the group name contains an invisible or control character (U+0007): plan "
                                          "text must be printable");
}

TEST(OffsetsCsv, ErrorsStopAt200AndCountTheRest) {
  std::string text;
  for (int i = 0; i < 250; ++i) text += "orders,x,1\n";
  CsvRead r = read_offsets_csv(text, "many.csv");
  ASSERT_EQ(r.errors.size(), 201u);
  EXPECT_EQ(r.errors.back().format(), "many.csv: error: and 50 more errors\n");
}

}  // namespace
}  // namespace offsetctl::plan
