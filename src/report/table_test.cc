#include "report/table.h"

#include <gtest/gtest.h>

namespace offsetctl::report {
namespace {

TEST(TextTable, AlignsColumnsAndLeavesNoTrailingBlanks) {
  TextTable t({{"TOPIC"}, {"PARTITION", Align::Right}, {"ACTION"}});
  t.add_row({"orders", "0", "change"});
  t.add_row({"a-much-longer-topic", "12", "noop"});
  std::string out;
  t.render(out, "  ");
  EXPECT_EQ(out,
            "  TOPIC                PARTITION  ACTION\n"
            "  orders                       0  change\n"
            "  a-much-longer-topic         12  noop\n");
}

TEST(TextTable, HiddenColumnsAndMissingCells) {
  TextTable t({{"A"}, {"B"}, {"C"}});
  t.add_row({"1"});
  t.add_row({"22", "x", ""});
  EXPECT_FALSE(t.column_empty(1));
  EXPECT_TRUE(t.column_empty(2));
  t.hide_column(2);
  std::string out;
  t.render(out);
  EXPECT_EQ(out, "A   B\n1\n22  x\n");
}

TEST(TextTable, StyleColoursTheWholeLineWithoutBreakingAlignment) {
  TextTable t({{"NAME"}, {"N", Align::Right}});
  t.add_row({"ab", "1"}, ansi::kYellow);
  t.add_row({"abcd", "10"});
  std::string out;
  t.render(out);
  EXPECT_EQ(out, "NAME   N\n\x1b[33mab     1\x1b[0m\nabcd  10\n");
}

TEST(TextTable, WidthCountsCodePointsNotBytes) {
  EXPECT_EQ(display_width("naïve"), 5u);
  TextTable t({{"X"}, {"Y"}});
  t.add_row({"ü", "1"});
  t.add_row({"ab", "2"});
  std::string out;
  t.render(out);
  EXPECT_EQ(out, "X   Y\nü   1\nab  2\n");
}

TEST(TerminalSafe, EscapesControlCharacters) {
  std::string storage;
  EXPECT_EQ(terminal_safe("orders", storage), "orders");
  EXPECT_EQ(terminal_safe("evil\x1b[2Jname\n", storage), "evil\\x1b[2Jname\\x0a");
  EXPECT_EQ(terminal_safe("c1\xc2\x9b" "31m", storage), "c1\\x9b31m");
  EXPECT_EQ(terminal_safe("\x7f", storage), "\\x7f");
  EXPECT_EQ(terminal_safe("caf\xc3\xa9", storage), "caf\xc3\xa9");
}

TEST(FormatPartitionList, CollapsesRuns) {
  EXPECT_EQ(format_partition_list({}), "");
  EXPECT_EQ(format_partition_list({3}), "3");
  EXPECT_EQ(format_partition_list({5, 0, 1, 2, 3, 9, 10, 7, 3}), "0-3,5,7,9-10");
}

TEST(AppendInt, SignsWhenAsked) {
  std::string out;
  append_int(out, -42);
  out += ' ';
  append_int(out, 42, true);
  out += ' ';
  append_int(out, 0, true);
  out += ' ';
  append_int(out, INT64_MIN);
  EXPECT_EQ(out, "-42 +42 0 -9223372036854775808");
}

}  // namespace
}  // namespace offsetctl::report
