#include "plan/diagnostic.h"

#include <gtest/gtest.h>

namespace offsetctl::plan {
namespace {

TEST(Diagnostic, FormatsLikeACompiler) {
  Diagnostic d{"plans/a.yaml", 12, 9, "unknown key 'offest'; did you mean 'offset'?", "        offest: 1500"};
  EXPECT_EQ(d.format(),
            "plans/a.yaml:12:9: error: unknown key 'offest'; did you mean 'offset'?\n"
            "        offest: 1500\n"
            "        ^\n");
}

TEST(Diagnostic, WithoutALineNamesTheFileOnly) {
  Diagnostic d{"plans/big.yaml", 0, 0, "file is 20000000 bytes", ""};
  EXPECT_EQ(d.format(), "plans/big.yaml: error: file is 20000000 bytes\n");
  Diagnostic empty_line{"a.yaml", 1, 1, "the file is empty", ""};
  EXPECT_EQ(empty_line.format(), "a.yaml:1:1: error: the file is empty\n");
}

TEST(Diagnostic, PathsArePrintedSafely) {
  Diagnostic d{"plans/\x1b[2J.yaml", 1, 1, "m", ""};
  EXPECT_EQ(d.format(), "plans/\\x1B[2J.yaml:1:1: error: m\n");
}

TEST(Diagnostic, CaretFollowsTabsAndWideCharacters) {
  EXPECT_EQ(caret_padding("\tab", 3), "\t ");
  EXPECT_EQ(caret_padding("caf\xC3\xA9: x", 7), "      ");  // 6 characters, 7 bytes
  EXPECT_EQ(caret_padding("ab", 5), "    ");
}

TEST(Diagnostic, LongLinesAreCutAroundTheColumn) {
  Diagnostic d{"a.yaml", 3, 500, "here", ""};
  std::string line = std::string(499, 'a') + "X" + std::string(500, 'b');
  set_source_line(d, line, 20);
  EXPECT_EQ(d.source_line, "..." + std::string(10, 'a') + "X" + std::string(9, 'b') + "...");
  EXPECT_EQ(d.caret_col, 14);
  EXPECT_EQ(d.format(), "a.yaml:3:500: error: here\n" + d.source_line + "\n" + std::string(13, ' ') + "^\n");

  Diagnostic start{"a.yaml", 1, 2, "near the start", ""};
  set_source_line(start, std::string(100, 'x'), 20);
  EXPECT_EQ(start.source_line, std::string(20, 'x') + "...");
  EXPECT_EQ(start.caret_col, 2);

  Diagnostic end{"a.yaml", 1, 100, "at the end", ""};
  set_source_line(end, std::string(100, 'x'), 20);
  EXPECT_EQ(end.source_line, "..." + std::string(20, 'x'));
  EXPECT_EQ(end.caret_col, 23);

  Diagnostic short_line{"a.yaml", 1, 3, "short", ""};
  set_source_line(short_line, "ab\x1b" "cd", 20);
  EXPECT_EQ(short_line.source_line, "ab?cd");
  EXPECT_EQ(short_line.caret_col, 0);
}

}  // namespace
}  // namespace offsetctl::plan
