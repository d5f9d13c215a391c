#include "clidoc/roff.h"

#include <gtest/gtest.h>

namespace offsetctl::clidoc {
namespace {

TEST(RoffTest, InlineMarkdownBecomesFontsAndCodeKeepsItsMinusSigns) {
  EXPECT_EQ(roff_inline("run `offsetctl plan --out x` **now**, *maybe*"),
            "run \\fBoffsetctl plan \\-\\-out x\\fR \\fBnow\\fR, \\fImaybe\\fR");
  EXPECT_EQ(roff_inline("see [the format](docs/plan-format.md)"), "see the format");
  EXPECT_EQ(roff_inline("a\\b"), "a\\eb");
  EXPECT_EQ(roff_inline("snake_case and a * b"), "snake_case and a * b");
}

TEST(RoffTest, BlocksBecomeManMacros) {
  std::string roff = markdown_to_roff(
      "# Title\n\nIntro text\non two lines.\n\n## Keys and more\n\n### `spec`\n\n"
      "```yaml\n.hidden: 1\n--x\n```\n\n- one\n  continued\n- two\n\n"
      "| key | required | value |\n|---|---|---|\n| `name` | yes | the name \\| or not |\n");
  EXPECT_EQ(roff,
            ".PP\nIntro text on two lines.\n"
            ".SH \"KEYS AND MORE\"\n"
            ".SS \"\\fBspec\\fR\"\n"
            ".PP\n.RS 4\n.nf\n\\&.hidden: 1\n\\-\\-x\n.fi\n.RE\n"
            ".IP \\(bu 2\none continued\n.IP \\(bu 2\ntwo\n"
            ".TP\n\\fBname\\fR\nrequired: yes\n.br\nvalue: the name | or not\n");
}

TEST(RoffTest, ALineStartingWithADotIsNotARequest) {
  EXPECT_EQ(markdown_to_roff(".dot\n"), ".PP\n\\&.dot\n");
  EXPECT_EQ(markdown_to_roff("'quote\n"), ".PP\n\\&'quote\n");
}

}  // namespace
}  // namespace offsetctl::clidoc
