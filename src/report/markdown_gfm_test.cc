// Every Markdown the report writes, rendered by a real GitHub-flavoured
// Markdown renderer (Debian's cmark-gfm, with GitHub's extensions and its tag
// filter): tables come out as tables, <details> balance, the caution block is
// there, and names or descriptions cannot break the layout or inject HTML.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "report/comment_split.h"
#include "report/render.h"
#include "report/test_support.h"
#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::report {
namespace {

std::string gfm_html(const std::string& markdown) {
  testing::ProcessOptions o;
  o.stdin_data = markdown;
  auto r = testing::run_process({OFFSETCTL_CMARK_GFM, "--unsafe", "-e", "table", "-e", "tagfilter", "-e", "autolink",
                                 "-e", "strikethrough"},
                                o);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

size_t count_in(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Markdown tables: delimiter rows ("| :--- | ---: |").
size_t markdown_tables(const std::string& md) {
  static const std::regex delimiter(R"(^\| *:?-+:? *(\| *:?-+:? *)*\|$)");
  size_t n = 0;
  std::istringstream in(md);
  for (std::string line; std::getline(in, line);) n += std::regex_match(line, delimiter) ? 1 : 0;
  return n;
}

// What the HTML must look like: only the tags a plan comment uses, <details>
// nested properly, every row of a table as wide as its header.
void expect_layout(const std::string& md, const std::string& html, const std::string& what) {
  static const std::set<std::string> allowed = {"p",  "table", "thead",      "tbody", "tr",   "th",  "td",
                                                "details", "summary", "b", "strong", "em",  "code", "ul",
                                                "li", "blockquote", "br",    "hr",   "a"};
  static const std::regex tag(R"(<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>)");
  int depth = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[2];
    EXPECT_TRUE(allowed.count(name)) << what << ": unexpected <" << name << "> in\n" << html;
    if (name == "a") {
      EXPECT_EQ((*it)[3].str().find("javascript:"), std::string::npos) << what;
    }
    if (name == "details") {
      depth += (*it)[1] == "/" ? -1 : 1;
      EXPECT_GE(depth, 0) << what << ": </details> before its <details>";
      EXPECT_LE(depth, 1) << what << ": <details> inside <details>";
    }
  }
  EXPECT_EQ(depth, 0) << what << ": unbalanced <details>";
  EXPECT_EQ(count_in(html, "<table>"), markdown_tables(md)) << what << ": a table did not come out as <table>";
  // Row widths: the cells of each row equal the header's.
  size_t at = 0;
  while ((at = html.find("<table>", at)) != std::string::npos) {
    const size_t end = html.find("</table>", at);
    ASSERT_NE(end, std::string::npos);
    const std::string table = html.substr(at, end - at);
    const std::string head = table.substr(0, table.find("</thead>"));
    const size_t columns = count_in(head, "<th ") + count_in(head, "<th>");
    std::istringstream rows(table.substr(table.find("</thead>")));
    for (std::string line; std::getline(rows, line, '\n');) {
      if (line != "<tr>") continue;
      std::string cells;
      for (std::string cell; std::getline(rows, cell) && cell != "</tr>";) cells += cell;
      EXPECT_EQ(count_in(cells, "<td"), columns) << what << ": a row of another width: " << cells;
    }
    at = end;
  }
}

std::string read_testdata(const std::string& name) {
  std::ifstream in(testing::source_dir() + "/src/report/testdata/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(MarkdownGfm, EveryGoldenCommentRendersAsGitHubWould) {
  for (const std::string name : {"plan.md", "plan-small.md", "plan-part-1.md", "plan-part-2.md", "plan-part-3.md"}) {
    const std::string md = read_testdata(name);
    ASSERT_FALSE(md.empty()) << name;
    const std::string html = gfm_html(md);
    expect_layout(md, html, name);
    EXPECT_NE(html.find("<!-- offsetctl plan "), std::string::npos) << name << ": the marker is kept, hidden";
  }
  const std::string html = gfm_html(read_testdata("plan.md"));
  EXPECT_NE(html.find("<blockquote>\n<p>[!CAUTION]\n<strong>Skips 5,600 messages:</strong>"), std::string::npos)
      << html;
  EXPECT_NE(html.find("<blockquote>\n<p>[!WARNING]"), std::string::npos);
  EXPECT_EQ(count_in(html, "<table>"), 4u);
}

TEST(MarkdownGfm, HostileNamesAndDescriptionsStayText) {
  auto result = test::sample_result();
  const std::string topic = "a|b`c`<script>alert(1)</script>";
  for (auto& c : result.changes) {
    if (c.topic == "orders") c.topic = topic;
  }
  result.groups[0].group = "</details><img src=x onerror=alert(1)>";
  for (auto& c : result.changes) {
    if (c.group == "orders-consumer") c.group = result.groups[0].group;
  }
  result.plans[0].description =
      "# Heading\n<script>x</script> [link](javascript:alert(1)) | pipe | `code` </details> <!-- hide -->";
  result.plans[0].name = "**bold** <b>name</b>";
  result.changes[0].spec = "to: latest | <img src=x>";
  test::recount(result);
  for (const auto& md : {render_markdown(result), render_markdown_parts(result, MarkdownOptions{1800, {}})[1]}) {
    const std::string html = gfm_html(md);
    expect_layout(md, html, "hostile names");
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
    EXPECT_EQ(html.find("<img"), std::string::npos) << html;
    EXPECT_EQ(html.find("<h1"), std::string::npos) << html;
    EXPECT_EQ(html.find("<!-- hide"), std::string::npos) << html;
  }
  const std::string html = gfm_html(render_markdown(result));
  EXPECT_NE(html.find("<td align=\"left\">a|b`c`&lt;script&gt;alert(1)&lt;/script&gt;</td>"), std::string::npos) << html;
}

TEST(MarkdownGfm, AHugeReportSplitsIntoPartsThatEachRender) {
  const auto result = test::large_result(60, 4, 40);
  const auto parts = render_markdown_parts(result, MarkdownOptions{20000, {}});
  ASSERT_GT(parts.size(), 2u);
  for (size_t k = 0; k < parts.size(); ++k) expect_layout(parts[k], gfm_html(parts[k]), "part " + std::to_string(k + 1));
}

}  // namespace
}  // namespace offsetctl::report
