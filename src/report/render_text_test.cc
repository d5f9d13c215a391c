#include <gtest/gtest.h>

#include "report/render.h"
#include "report/test_support.h"

namespace offsetctl::report {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST(RenderText, Golden) { test::expect_golden("plan.txt", render_text(test::sample_result(), {})); }

TEST(RenderText, GoldenWithColour) {
  test::expect_golden("plan-color.txt", render_text(test::sample_result(), TextOptions{true, {}}));
}

TEST(RenderText, ColourOnlyWhenAsked) {
  const auto result = test::sample_result();
  const std::string plain = render_text(result, {});
  const std::string color = render_text(result, TextOptions{true, {}});
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(color.find("\x1b[33m"), std::string::npos);  // change: yellow
  EXPECT_NE(color.find("\x1b[31m"), std::string::npos);  // blocked, invalid: red
  EXPECT_NE(color.find("\x1b[2m"), std::string::npos);   // noop: dim
  // Without the escape sequences the two are the same text.
  std::string stripped;
  for (size_t i = 0; i < color.size(); ++i) {
    if (color[i] == '\x1b') {
      i = color.find('m', i);
      continue;
    }
    stripped += color[i];
  }
  EXPECT_EQ(stripped, plain);
}

TEST(RenderText, EndsWithExactlyOneSummaryLine) {
  const std::string text = render_text(test::sample_result(), {});
  const auto lines = lines_of(text);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "Plan: 10 to change (replays 2,390 messages, skips 5,600, 3 first commits), 3 unchanged, 2 blocked, 4 invalid.");
  size_t summaries = 0;
  for (const auto& l : lines) summaries += l.rfind("Plan: ", 0) == 0;
  EXPECT_EQ(summaries, 1u);
}

TEST(RenderText, EmptyPlanIsJustTheSummary) {
  EXPECT_EQ(render_text(planner::PlanResult{}, {}),
            "Live state read at 1970-01-01T00:00:00.000Z\n\nPlan: 0 to change, 0 unchanged, 0 blocked, 0 invalid.\n");
}

TEST(RenderText, NoNoteColumnWhenNothingToSayAndTheSpecOncePerTopic) {
  auto result = test::large_result(1, 1, 3);
  const std::string text = render_text(result, {});
  EXPECT_EQ(text,
            "Live state read at 2026-11-23T12:00:00.000Z\n\n"
            "Group group-10000 (instance ckafka-100000, region ap-guangzhou, plan plan-0, state Empty)\n"
            "  TOPIC       PARTITION  CURRENT  TARGET   DELTA  LAG AFTER  ACTION  ASKED\n"
            "  topic-1000          0   100000   90000  -10000     110000  change  shift: -10000\n"
            "  topic-1000          1   100037   90031  -10006     109970  change\n"
            "  topic-1000          2   100074   90062  -10012     109940  change\n"
            "\n"
            "Plan: 3 to change (replays 30,018 messages), 0 unchanged, 0 blocked, 0 invalid.\n");
}

TEST(RenderText, ASkipIsSaidInWordsOnTheRowAndTheGroup) {
  const std::string text = render_text(test::sample_result(), {});
  EXPECT_NE(text.find("Group reports-billing (instance ckafka-9m4p2w, region ap-shanghai, 3 plans, state Empty)\n"
                      "  Skips 5,000 messages: the group will never read them\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  payments          0     2000    7000         +5000          0  change (skip)  to: latest\n"
                      "  payments          1        -    6500  first commit          0  change\n"),
            std::string::npos)
      << text;
  // Red where colour is on, with the words all the same.
  const std::string color = render_text(test::sample_result(), TextOptions{true, {}});
  EXPECT_NE(color.find("  \x1b[31mpayments          0     2000    7000         +5000          0  change (skip)"),
            std::string::npos)
      << color;
}

TEST(RenderText, TheContextAndTheApplyCommand) {
  TextOptions options;
  options.context.saved = SavedPlanRef{"out/plan 1.json", "sha256:" + std::string(64, 'a')};
  const std::string text = render_text(test::sample_result(), options);
  EXPECT_EQ(text.rfind("Plan skip-billing (plans/billing.yaml:1): Billing skips the poisoned backlog of 11-20. "
                       "Approved by **ops** <ops@example.com>\n"
                       "Plan fix-inventory (plans/inventory.yaml:1)\n",
                       0),
            0u)
      << text;
  EXPECT_NE(text.find("\nLive state read at 2026-11-23T12:00:00.000Z\n\n"), std::string::npos);
  EXPECT_NE(text.find("invalid.\nSaved as out/plan 1.json (sha256:aaaa"), std::string::npos) << text;
  EXPECT_NE(text.find("); apply it with: offsetctl apply 'out/plan 1.json'\n"), std::string::npos) << text;
}

TEST(RenderText, AnInvalidRowShowsTheRequestAndTheValidRangeNotALag) {
  const std::string text = render_text(test::sample_result(), {});
  EXPECT_NE(text.find("  inventory            1     4900     100      -          -  invalid                moves back "
                      "4800 messages (from 4900 to 100), more than the policy's maxRewind of 1000; raise maxRewind or "
                      "choose a closer target; valid range [100, 5000]\n"),
            std::string::npos)
      << text;
}

TEST(RenderText, HostileNamesCannotDriveTheTerminal) {
  auto result = test::large_result(1, 1, 1);
  result.changes[0].topic = "t\x1b]0;pwned\x07";
  result.changes[0].group = result.groups[0].group = "g\x1b[2J";
  result.groups[0].plan_name = "p\r";
  const std::string text = render_text(result, TextOptions{false, {}});
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_NE(text.find("t\\x1b]0;pwned\\x07"), std::string::npos);
  EXPECT_NE(text.find("Group g\\x1b[2J (instance ckafka-100000, region ap-guangzhou, plan p\\x0d, state Empty)"),
            std::string::npos);
}

TEST(RenderText, BlockedGroupWithoutMembersSaysSo) {
  auto result = test::sample_result();
  result.groups[1].members.clear();  // payments-consumer
  EXPECT_NE(render_text(result, {}).find("  Members: none reported\n"), std::string::npos);
}

}  // namespace
}  // namespace offsetctl::report
