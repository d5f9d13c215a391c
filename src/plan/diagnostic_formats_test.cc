#include "plan/diagnostic_formats.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "testing/json_schema.h"

namespace offsetctl::plan {
namespace {

Diagnostic diag(const std::string& file, int line, const std::string& message, Severity s = Severity::Error,
                const std::string& hint = "") {
  Diagnostic d{file, line, 3, message, ""};
  d.severity = s;
  d.hint = hint;
  return d;
}

TEST(DiagnosticsGithub, OneAnnotationPerDiagnosticWithTheHint) {
  std::vector<Diagnostic> ds = {diag("/repo/plans/a.yaml", 12, "unknown key 'offest'", Severity::Error,
                                     "did you mean 'offset'?")};
  EXPECT_EQ(diagnostics_github(ds, {"/repo", 10, ""}),
            "::error file=plans/a.yaml,line=12,col=3,title=offsetctl::unknown key 'offest'; did you mean 'offset'?\n");
}

TEST(DiagnosticsGithub, ErrorsFirstAndEveryFileBeforeASecondOfAny) {
  std::vector<Diagnostic> ds = {diag("a.yaml", 1, "w1", Severity::Warning), diag("a.yaml", 2, "a1"),
                                diag("a.yaml", 3, "a2"), diag("b.yaml", 9, "b1")};
  EXPECT_EQ(diagnostics_github(ds, {}),
            "::error file=a.yaml,line=2,col=3,title=offsetctl::a1\n"
            "::error file=b.yaml,line=9,col=3,title=offsetctl::b1\n"
            "::error file=a.yaml,line=3,col=3,title=offsetctl::a2\n"
            "::warning file=a.yaml,line=1,col=3,title=offsetctl::w1\n");
}

TEST(DiagnosticsGithub, OverTheLimitTheLastAnnotationSaysHowManyMore) {
  std::vector<Diagnostic> ds;
  for (int i = 1; i <= 12; ++i) ds.push_back(diag("a.yaml", i, "e" + std::to_string(i)));
  const std::string out = diagnostics_github(ds, {"", 10, "offsetctl validate plans"});
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 10);
  EXPECT_NE(out.find("::error file=a.yaml,line=9,col=3,title=offsetctl::e9\n"), std::string::npos);
  EXPECT_EQ(out.find("e10"), std::string::npos);
  EXPECT_EQ(out.substr(out.rfind("::error")),
            "::error title=offsetctl::3 more errors not shown as annotations (GitHub shows 10 per step): run "
            "'offsetctl validate plans' to see all of them\n");
}

TEST(DiagnosticsGithub, PathsAndMessagesAreEscaped) {
  std::vector<Diagnostic> ds = {diag("plans/a,b:c.yaml", 1, "100% wrong\nnext")};
  EXPECT_EQ(diagnostics_github(ds, {}), "::error file=plans/a%2Cb%3Ac.yaml,line=1,col=3,title=offsetctl::100%25 wrong%0Anext\n");
}

TEST(DiagnosticsJson, EveryDiagnosticWithItsHintAndTheSchemaHolds) {
  LoadResult r = load_plan_text("apiVersion: offsetctl/v1\nkind: OffsetPlna\nname: x\n", "plans/x.yaml");
  ASSERT_FALSE(r.ok());
  const std::string text = diagnostics_json(r);
  EXPECT_EQ(testing::schema_errors("diagnostics.schema.json", text), "");
  const auto doc = nlohmann::json::parse(text);
  EXPECT_EQ(doc["kind"], "diagnostics");
  EXPECT_EQ(doc["valid"], false);
  EXPECT_EQ(doc["errors"], 1);
  EXPECT_EQ(doc["warnings"], 0);
  const auto& d = doc["diagnostics"][0];
  EXPECT_EQ(d["file"], "plans/x.yaml");
  EXPECT_EQ(d["line"], 2);
  EXPECT_EQ(d["col"], 7);
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["message"], "unknown kind 'OffsetPlna': offsetctl/v1 plans are OffsetPlan or DtsOffsetPlan");
  EXPECT_EQ(d["hint"], "did you mean 'OffsetPlan'?");
}

TEST(DiagnosticsJson, AValidLoadHasNoDiagnostics) {
  LoadResult r;
  const std::string text = diagnostics_json(r);
  EXPECT_EQ(testing::schema_errors("diagnostics.schema.json", text), "");
  EXPECT_EQ(nlohmann::json::parse(text)["valid"], true);
}

}  // namespace
}  // namespace offsetctl::plan
