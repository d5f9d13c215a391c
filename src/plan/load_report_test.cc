#include "plan/load_report.h"

#include <gtest/gtest.h>

#include "plan/test_support.h"

namespace offsetctl::plan {
namespace {

TEST(LoadReport, SummaryWording) {
  LoadResult r;
  r.files = {"a.yaml"};
  r.plans.files.push_back(PlanFile{"a.yaml", "", {OffsetPlan{}}, {}});
  EXPECT_EQ(load_summary(r), "1 file, 1 plan: valid.");
  r.files.push_back("b.yaml");
  r.plans.files.push_back(PlanFile{"b.yaml", "", {OffsetPlan{}, OffsetPlan{}}, {DtsOffsetPlan{}}});
  EXPECT_EQ(load_summary(r), "2 files, 4 plans: valid.");
  r.errors.push_back(Diagnostic{"b.yaml", 3, 1, "x", ""});
  EXPECT_EQ(load_summary(r), "1 error in 1 of 2 files.");
  r.errors.push_back(Diagnostic{"b.yaml", 4, 1, "y", ""});
  r.errors.push_back(Diagnostic{"missing.yaml", 0, 0, "no such file or folder", ""});
  EXPECT_EQ(load_summary(r), "3 errors in 2 of 3 files.");
  EXPECT_EQ(files_examined(r), 3u);
  LoadResult none;
  EXPECT_EQ(load_summary(none), "0 files, 0 plans: valid.");
}

TEST(LoadReport, PlainAndColouredDiagnostics) {
  Diagnostic d{"plans/a.yaml", 9, 9, "unknown key 'offest'", "        offest: 1"};
  EXPECT_EQ(format_diagnostic(d, false), d.format());
  EXPECT_EQ(format_diagnostic(d, true),
            "plans/a.yaml:9:9: \x1b[1;31merror:\x1b[0m unknown key 'offest'\n"
            "        offest: 1\n"
            "        \x1b[1;32m^\x1b[0m\n");
  Diagnostic whole{"big.yaml", 0, 0, "too big", ""};
  EXPECT_EQ(format_diagnostic(whole, true), "big.yaml: \x1b[1;31merror:\x1b[0m too big\n");
  LoadResult r = load_plan_text("kind: [\n", "x.yaml");
  EXPECT_EQ(format_errors(r, false), "x.yaml:2:1: error: YAML syntax error: a '[' is not closed by ']'\n");
}

}  // namespace
}  // namespace offsetctl::plan
