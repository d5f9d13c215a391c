#include "plan/text.h"

#include <gtest/gtest.h>

namespace offsetctl::plan {
namespace {

std::string issues_text(const std::vector<TextIssue>& issues) {
  std::string out;
  for (const auto& i : issues) out += std::to_string(i.line) + ":" + std::to_string(i.col) + ": " + i.message + "\n";
  return out;
}

TEST(Text, StripsAUtf8ByteOrderMark) {
  std::string t = "\xEF\xBB\xBFkind: OffsetPlan\n";
  strip_utf8_bom(t);
  EXPECT_EQ(t, "kind: OffsetPlan\n");
  std::string plain = "kind: x";
  strip_utf8_bom(plain);
  EXPECT_EQ(plain, "kind: x");
}

TEST(Text, AcceptsUtf8CrlfAndTabs) {
  EXPECT_TRUE(check_encoding("name: caf\xC3\xA9\r\ndescription: \"a\tb\" \xE4\xB8\xAD\xF0\x9F\x98\x80\r\n", 10).empty());
}

TEST(Text, RefusesUtf16AndUtf32) {
  using namespace std::string_view_literals;
  EXPECT_EQ(issues_text(check_encoding("\xFF\xFEk\0i\0"sv, 10)), "1:1: the file is UTF-16 encoded: save it as UTF-8\n");
  EXPECT_EQ(issues_text(check_encoding("\xFE\xFF\0k"sv, 10)), "1:1: the file is UTF-16 encoded: save it as UTF-8\n");
  EXPECT_EQ(issues_text(check_encoding("\xFF\xFE\0\0k\0\0\0"sv, 10)), "1:1: the file is UTF-32 encoded: save it as UTF-8\n");
}

TEST(Text, PointsAtTheFirstByteThatIsNotUtf8) {
  EXPECT_EQ(issues_text(check_encoding("a: 1\nname: caf\xE9\nb: \xFF\n", 10)),
            "2:10: byte 0xE9 is not UTF-8: plan files must be UTF-8 text\n");
  // Overlong encodings and surrogates are not UTF-8 either.
  EXPECT_EQ(check_encoding("x: \xC0\xAF", 10).size(), 1u);
  EXPECT_EQ(check_encoding("x: \xED\xA0\x80", 10).size(), 1u);
  EXPECT_EQ(check_encoding("x: \xF4\x90\x80\x80", 10).size(), 1u);
  EXPECT_EQ(check_encoding("x: \xE4\xB8", 10).size(), 1u);  // cut short by the end
}

TEST(Text, RefusesControlCharactersAndLoneCarriageReturns) {
  using namespace std::string_view_literals;
  EXPECT_EQ(issues_text(check_encoding("a: 1\nb: x\x07y\nc: \0\n"sv, 10)),
            "2:5: control character U+0007: plan files hold printable text only (inside double quotes, write it as an "
            "escape)\n"
            "3:4: control character U+0000: plan files hold printable text only (inside double quotes, write it as an "
            "escape)\n");
  EXPECT_EQ(issues_text(check_encoding("a: 1\rb: 2\r\n", 10)),
            "1:5: a carriage return without a line feed: save the file with LF or CRLF line ends\n");
  EXPECT_EQ(check_encoding("a: \xC2\x85", 10).size(), 1u);  // C1 control U+0085
  EXPECT_EQ(check_encoding(std::string(50, '\x01'), 3).size(), 3u);  // bounded
}

TEST(Text, FindsTabsInIndentation) {
  EXPECT_EQ(issues_text(check_tab_indentation("a:\n\tb: 1\n  \tc: 2\n\t# a comment\nd: \"x\ty\"\n", 10)),
            "2:1: tab character in the indentation: YAML indents with spaces only\n"
            "3:3: tab character in the indentation: YAML indents with spaces only\n");
  EXPECT_TRUE(check_tab_indentation("a: 1\t# comment\n\t\n", 10).empty());
}

TEST(Text, BlankAndCommentOnly) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" \n\t\r\n"));
  EXPECT_FALSE(is_blank("# x"));
  EXPECT_TRUE(is_only_comments("# x\n\n   # y\r\n"));
  EXPECT_FALSE(is_only_comments("# x\na: 1\n"));
  EXPECT_FALSE(is_only_comments("---\n"));
}

TEST(Text, LineIndex) {
  LineIndex idx("a: 1\r\nname: caf\xC3\xA9 x\nlast");
  EXPECT_EQ(idx.line(1), "a: 1");
  EXPECT_EQ(idx.line(2), "name: caf\xC3\xA9 x");
  EXPECT_EQ(idx.line(3), "last");
  EXPECT_EQ(idx.line(4), "");
  EXPECT_EQ(idx.line(0), "");
  // Byte column 12 (the 'x', after the two-byte e acute) is character column 11.
  EXPECT_EQ(idx.char_col(2, 12), 11);
  EXPECT_EQ(idx.char_col(2, 1), 1);
  EXPECT_EQ(idx.char_col(3, 9), 9);  // past the end: counted as characters
}

TEST(Text, PrintableEscapesWhatCouldHideOrMoveText) {
  EXPECT_EQ(printable("orders\x1b[2Jx"), "orders\\x1B[2Jx");
  EXPECT_EQ(printable("a\xE2\x80\xAE" "b"), "a\\u{202E}b");  // right-to-left override
  EXPECT_EQ(printable("a\xE2\x80\xA8" "b"), "a\\u{2028}b");  // line separator
  EXPECT_EQ(printable("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(printable("bad\xFF"), "bad\\xFF");
  EXPECT_EQ(printable(std::string(100, 'x'), 10), "xxxxxxxxxx...");
  EXPECT_EQ(printable_line("a\tb\x1b" "c\xE2\x80\xAE" "d\xC3\xA9"), "a\tb?c?d\xC3\xA9");
}

}  // namespace
}  // namespace offsetctl::plan
