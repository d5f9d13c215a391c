#include "report/markdown.h"

#include <gtest/gtest.h>

namespace offsetctl::report {
namespace {

TEST(MarkdownEscape, NeutralisesTablesCodeAndHtml) {
  EXPECT_EQ(markdown_escape("orders-v2.events"), "orders-v2.events");
  EXPECT_EQ(markdown_escape("a|b"), "a\\|b");
  EXPECT_EQ(markdown_escape("`x`"), "\\`x\\`");
  EXPECT_EQ(markdown_escape("<script>&"), "&lt;script&gt;&amp;");
  EXPECT_EQ(markdown_escape("*bold* _it_ [l](u) ~s~ #h !i \\"), "\\*bold\\* \\_it\\_ \\[l\\](u) \\~s\\~ \\#h \\!i \\\\");
  EXPECT_EQ(markdown_escape("two\nlines\r\tx"), "two lines  x");
}

TEST(HtmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(html_escape("x\ny"), "x y");
  EXPECT_EQ(html_escape("`|`"), "`|`");
}

TEST(MarkdownTable, WritesHeaderAlignmentAndEscapedCells) {
  std::string out;
  MarkdownTable t(out, {{"Topic"}, {"Partition", Align::Right}});
  t.begin_row();
  t.cell("a|b");
  t.cell_raw("**1**");
  t.end_row();
  EXPECT_EQ(out,
            "| Topic | Partition |\n"
            "| :--- | ---: |\n"
            "| a\\|b | **1** |\n");
}

}  // namespace
}  // namespace offsetctl::report
