#include "clidoc/man.h"

#include <gtest/gtest.h>

#include "clidoc/clidoc_test_app.h"

namespace offsetctl::clidoc {
namespace {

TEST(ManTest, ProseSectionsAndOnePartPerCommand) {
  Prose prose = parse_prose(
      "# title\nignored\n## DESCRIPTION\nWhat it is.\n## Commands\n### tool plan\nPlans.\n"
      "```\n## not a section\n```\n### tool audit verify\nVerifies.\n## SEE ALSO\nothers\n");
  ASSERT_EQ(prose.sections.size(), 3u);
  EXPECT_EQ(prose.sections[0].first, "DESCRIPTION");
  EXPECT_EQ(prose.sections[0].second, "What it is.\n");
  EXPECT_EQ(prose.sections[1].first, "COMMANDS");
  EXPECT_EQ(prose.sections[2].first, "SEE ALSO");
  EXPECT_EQ(prose.commands.at("tool plan"), "Plans.\n```\n## not a section\n```\n");
  EXPECT_EQ(prose.commands.at("tool audit verify"), "Verifies.\n");
}

TEST(ManTest, ThePageHasEveryCommandFlagAndChoice) {
  testing::TestApp t;
  Prose prose = parse_prose("## DESCRIPTION\nWhat it is.\n## COMMANDS\n### tool plan\nPlans them.\n## SEE ALSO\nx(1)\n");
  std::string page = command_page(describe(t.app), prose, {"tool", 1, "tool 1.0", "does things to plans"});
  EXPECT_NE(page.find(".TH TOOL 1 \"\" \"tool 1.0\" \"offsetctl manual\"\n.nh\n.ad l\n.SH NAME\ntool \\- does things to plans\n"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find(".SH SYNOPSIS\n\\fBtool plan [FLAGS] PATH...\\fR\n.br\n\\fBtool audit verify [FLAGS] FILE\\fR\n"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find(".SH DESCRIPTION\n.PP\nWhat it is.\n.SH OPTIONS\n"), std::string::npos) << page;
  EXPECT_NE(page.find(".SS \"\\fBtool plan [FLAGS] PATH...\\fR\"\n.PP\nShow what would change.\n.PP\nPlans them.\n"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find(".TP\n\\fB\\-\\-format\\fR \\fIFORMAT\\fR\nReport format (one of \\fBtext\\fR, \\fBjson\\fR)\n"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find(".TP\n\\fIPATH\\fR...\nPlan files\n"), std::string::npos) << page;
  // The named group's flags are listed once, in their own section, and named by the command.
  EXPECT_NE(page.find("And the options of SHARED OPTIONS below.\n"), std::string::npos) << page;
  EXPECT_NE(page.find(".SH \"SHARED OPTIONS\"\n.TP\n\\fB\\-\\-name\\fR \\fINAME\\fR\nA name\n"), std::string::npos)
      << page;
  EXPECT_NE(page.find(".SS \"\\fBtool audit verify [FLAGS] FILE\\fR\"\n.PP\nCheck it's whole.\n"), std::string::npos)
      << page;
  EXPECT_NE(page.find(".SH \"SEE ALSO\"\n.PP\nx(1)\n"), std::string::npos) << page;
}

TEST(ManTest, ADocumentPageKeepsTheDocumentsSections) {
  std::string page = document_page("# Plans\n\nThey are YAML.\n\n## Keys\n\nMany.\n", "## See also\n\ny(1)\n",
                                   {"tool-plan", 5, "tool 1.0", "plan files"});
  EXPECT_NE(page.find(".TH TOOL-PLAN 5"), std::string::npos);
  EXPECT_NE(page.find(".SH DESCRIPTION\n.PP\nThey are YAML.\n.SH \"KEYS\"\n.PP\nMany.\n.SH \"SEE ALSO\"\n.PP\ny(1)\n"),
            std::string::npos)
      << page;
}

}  // namespace
}  // namespace offsetctl::clidoc
