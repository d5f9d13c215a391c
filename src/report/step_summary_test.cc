#include "report/step_summary.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "testing/temp_dir.h"

namespace offsetctl::report {
namespace {

std::string group_section(int i, size_t rows) {
  std::string s = "<details><summary>group-" + std::to_string(i) + "</summary>\n\n| topic | partition |\n|---|---|\n";
  for (size_t r = 0; r < rows; ++r) s += "| orders | " + std::to_string(r) + " |\n";
  return s + "\n</details>\n\n";
}

std::string report(int groups, size_t rows) {
  std::string s = "### Plan: 3 to change\n\n";
  for (int i = 1; i <= groups; ++i) s += group_section(i, rows);
  return s;
}

TEST(StepSummary, AReportThatFitsIsUnchanged) {
  const std::string md = report(3, 2);
  EXPECT_EQ(fit_step_summary(md, md.size(), "x"), md);
}

TEST(StepSummary, CutBetweenGroupsWithWhatWasLeftOut) {
  const std::string md = report(10, 50);
  const size_t room = md.size() / 2;
  const std::string fitted = fit_step_summary(md, room, "run 'offsetctl plan plans' for all of them");
  EXPECT_LE(fitted.size(), room);
  const size_t kept = fitted.find("\n> **");
  ASSERT_NE(kept, std::string::npos);
  EXPECT_EQ(md.compare(0, kept, fitted, 0, kept), 0);          // a prefix of the report
  EXPECT_EQ(md.compare(kept, 8, "<details"), 0);               // cut where a group starts
  size_t shown = 0;
  for (size_t at = fitted.find("<details>"); at != std::string::npos; at = fitted.find("<details>", at + 1)) ++shown;
  EXPECT_GT(shown, 0u);
  EXPECT_EQ(fitted.substr(kept),
            "\n> **" + std::to_string(10 - shown) +
                " groups left out** to stay under the job summary's size limit: run 'offsetctl plan plans' for all "
                "of them\n");
}

TEST(StepSummary, TooSmallForAnyGroup) {
  const std::string md = report(2, 1000);
  // The headline before the first group stays: it is the verdict.
  EXPECT_EQ(fit_step_summary(md, 200, "see the log"),
            "### Plan: 3 to change\n\n\n> **2 groups left out** to stay under the job summary's size limit: see the "
            "log\n");
  EXPECT_EQ(fit_step_summary(md, 90, "see the log"),
            "> **2 groups left out** to stay under the job summary's size limit: see the log\n");
  EXPECT_EQ(fit_step_summary(md, 10, "see the log"), "");
}

TEST(StepSummary, AppendsWithinWhatTheStepHasLeft) {
  testing::TempDir dir;
  const std::string path = dir.write("summary.md", std::string(900, 'x') + "\n");
  const std::string md = report(10, 5);
  AppendResult r = append_step_summary(path, md, "see the log", 900 + 1 + md.size() / 2);
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.cut);
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_LE(s.str().size(), 900 + 1 + md.size() / 2);
  EXPECT_EQ(s.str().rfind(std::string(900, 'x') + "\n### Plan", 0), 0u);

  AppendResult whole = append_step_summary(dir.path("new.md"), md, "see the log");
  EXPECT_FALSE(whole.cut);
}

TEST(StepSummary, AnUnwritablePathIsAnError) {
  testing::TempDir dir;
  AppendResult r = append_step_summary(dir.path("no/such/folder/summary.md"), "x", "");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.rfind("could not write the job summary " + dir.path("no/such/folder/summary.md") + ": ", 0), 0u);
}

}  // namespace
}  // namespace offsetctl::report
