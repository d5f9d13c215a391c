#include "report/comment_split.h"

#include <gtest/gtest.h>

#include "report/render.h"
#include "report/test_support.h"

namespace offsetctl::report {
namespace {

size_t occurrences(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The table rows of `md` (lines starting with "| " that are neither a header,
// which the delimiter line follows, nor a delimiter), in order.
std::vector<std::string> rows_of(const std::string& md) {
  std::vector<std::string> lines;
  for (size_t at = 0; at < md.size();) {
    size_t end = md.find('\n', at);
    if (end == std::string::npos) end = md.size();
    lines.push_back(md.substr(at, end - at));
    at = end + 1;
  }
  auto delimiter = [](const std::string& line) { return line.rfind("| :--", 0) == 0 || line.rfind("| ---", 0) == 0; };
  std::vector<std::string> rows;
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool header = i + 1 < lines.size() && delimiter(lines[i + 1]);
    if (lines[i].rfind("| ", 0) == 0 && !delimiter(lines[i]) && !header) rows.push_back(lines[i]);
  }
  return rows;
}

CommentSplit split_at(size_t limit, std::string id = "replay-orders") {
  CommentSplit s;
  s.limit = limit;
  s.id = std::move(id);
  return s;
}

TEST(CommentMarker, IsAHiddenHtmlComment) {
  EXPECT_EQ(comment_marker(split_at(65000), 2, 3), "<!-- offsetctl plan replay-orders part 2/3 -->\n");
}

TEST(SplitComment, WhatFitsIsOnePartWithItsMarker) {
  const auto parts = split_comment("**Plan: 1 to change, 0 unchanged, 0 blocked, 0 invalid.**\n", split_at(65000));
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0],
            "<!-- offsetctl plan replay-orders part 1/1 -->\n**Plan: 1 to change, 0 unchanged, 0 blocked, 0 invalid.**\n");
}

TEST(SplitComment, CutsBetweenRowsAndReopensTheGroupAndItsTable) {
  const std::string md =
      "**Plan: 6 to change**\n\n"
      "<details><summary><b>g</b> (instance i): 6 to change</summary>\n\n"
      "| Topic | Partition |\n"
      "| :--- | ---: |\n"
      "| orders | 0 |\n| orders | 1 |\n| orders | 2 |\n| orders | 3 |\n| orders | 4 |\n| orders | 5 |\n"
      "\n</details>\n";
  const auto parts = split_comment(md, split_at(comment_split_overhead(split_at(0)) + 180));
  ASSERT_GT(parts.size(), 1u);
  std::string rows;
  for (size_t k = 0; k < parts.size(); ++k) {
    const std::string& p = parts[k];
    const std::string n = std::to_string(parts.size());
    EXPECT_EQ(p.rfind("<!-- offsetctl plan replay-orders part " + std::to_string(k + 1) + "/" + n + " -->\n", 0), 0u)
        << p;
    EXPECT_NE(p.find("**Part " + std::to_string(k + 1) + " of " + n + "**"), std::string::npos) << p;
    EXPECT_LE(p.size(), comment_split_overhead(split_at(0)) + 180);
    EXPECT_EQ(occurrences(p, "<details"), occurrences(p, "</details>")) << p;
    if (k + 1 < parts.size()) {
      EXPECT_NE(p.find("continued in the next comment (part " + std::to_string(k + 2) + " of " + n + ")"),
                std::string::npos)
          << p;
    } else {
      EXPECT_EQ(p.find("continued in the next comment"), std::string::npos);
    }
    if (k > 0) {
      EXPECT_NE(p.find("<details open><summary><b>g</b> (instance i): 6 to change (continued)</summary>\n\n"
                       "| Topic | Partition |\n| :--- | ---: |\n| orders |"),
                std::string::npos)
          << p;
    }
    for (const auto& r : rows_of(p)) rows += r + "\n";
  }
  EXPECT_EQ(rows, "| orders | 0 |\n| orders | 1 |\n| orders | 2 |\n| orders | 3 |\n| orders | 4 |\n| orders | 5 |\n");
}

TEST(SplitComment, NeverLeavesATableHeaderWithoutARow) {
  const std::string md =
      "<details><summary>a</summary>\n\n| A |\n| :--- |\n| 1 |\n| 2 |\n\n</details>\n\n"
      "<details><summary>b</summary>\n\n| A |\n| :--- |\n| 3 |\n| 4 |\n\n</details>\n";
  for (size_t room = 60; room < 200; room += 7) {
    const auto parts = split_comment(md, split_at(comment_split_overhead(split_at(0)) + room));
    std::string rows;
    for (const auto& p : parts) {
      // A header line is always followed by its delimiter and at least one row.
      for (size_t at = p.find("| A |\n"); at != std::string::npos; at = p.find("| A |\n", at + 1)) {
        EXPECT_EQ(p.compare(at, 17, "| A |\n| :--- |\n| "), 0) << "room " << room << ":\n" << p;
      }
      EXPECT_EQ(occurrences(p, "<details"), occurrences(p, "</details>")) << p;
      for (const auto& r : rows_of(p)) rows += r;
    }
    EXPECT_EQ(rows, "| 1 || 2 || 3 || 4 |") << "room " << room;
  }
}

TEST(SplitComment, AHugeReportComesOutWholeInPartsUnderTheLimit) {
  const auto result = test::large_result(400, 5, 50);  // 100,000 partitions
  MarkdownOptions options;
  const auto parts = render_markdown_parts(result, options);
  ASSERT_GT(parts.size(), 10u);
  size_t rows = 0;
  size_t groups = 0;
  for (size_t k = 0; k < parts.size(); ++k) {
    EXPECT_LE(parts[k].size(), kMarkdownLimit) << "part " << k + 1;
    EXPECT_EQ(occurrences(parts[k], "<details"), occurrences(parts[k], "</details>")) << "part " << k + 1;
    rows += rows_of(parts[k]).size();
    groups += occurrences(parts[k], "<details") - occurrences(parts[k], "(continued)</summary>");
  }
  EXPECT_EQ(rows, result.changes.size()) << "every partition, once";
  EXPECT_EQ(groups, 400u);
  EXPECT_EQ(parts[0].rfind("<!-- offsetctl plan " + comment_marker_id(result) + " part 1/", 0), 0u);
  EXPECT_EQ(parts[0].find("Cut short"), std::string::npos);
}

TEST(SplitComment, ALineLongerThanAPartIsClipped) {
  const std::string md = std::string(5000, 'x') + "\n";
  const auto parts = split_comment(md, split_at(comment_split_overhead(split_at(0)) + 1000));
  for (const auto& p : parts) EXPECT_LE(p.size(), comment_split_overhead(split_at(0)) + 1000);
  EXPECT_NE(parts[0].find("x\xE2\x80\xA6\n"), std::string::npos);
}

}  // namespace
}  // namespace offsetctl::report
