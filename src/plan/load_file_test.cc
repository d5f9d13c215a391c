#include "plan/load_file.h"

#include <gtest/gtest.h>

#include "plan/test_support.h"

namespace offsetctl::plan {
namespace {

using test::errors_of;
using test::first_error;
using test::plan_with;

const std::string kNoPlan = "a plan file holds one or more plans (apiVersion: offsetctl/v1, kind: OffsetPlan, ...)";

TEST(LoadFile, EmptyFilesAndFilesWithoutPlans) {
  EXPECT_EQ(errors_of(""), (std::vector<std::string>{"1:1: the file is empty: " + kNoPlan}));
  EXPECT_EQ(errors_of("\n  \n\t\n"), (std::vector<std::string>{"1:1: the file is empty: " + kNoPlan}));
  EXPECT_EQ(errors_of("# nothing yet\n\n  # still nothing\n"),
            (std::vector<std::string>{"1:1: the file holds only comments: " + kNoPlan}));
  EXPECT_EQ(errors_of("---\n# x\n---\n...\n"),
            (std::vector<std::string>{"1:1: the file holds no plan, only empty YAML documents: " + kNoPlan}));
}

TEST(LoadFile, EmptyDocumentsBetweenPlansAreIgnored) {
  EXPECT_EQ(errors_of("---\n" + plan_with("        offset: 1\n") + "---\n"), std::vector<std::string>{});
}

TEST(LoadFile, TheTopLevelMustBeAMapping) {
  EXPECT_EQ(first_error("- apiVersion: offsetctl/v1\n"),
            "1:1: a plan must be a mapping of keys (apiVersion, kind, name, ...), not a list");
  EXPECT_EQ(first_error("orders\n"), "1:1: a plan must be a mapping of keys (apiVersion, kind, name, ...), not 'orders'");
  EXPECT_EQ(first_error("42\n"), "1:1: a plan must be a mapping of keys (apiVersion, kind, name, ...), not the number 42");
}

TEST(LoadFile, ApiVersionComesFirst) {
  std::string p = plan_with("        offset: 1\n");
  const auto with_api = [&](const std::string& v) {
    return first_error(std::string(p).replace(0, 24, "apiVersion: " + v));
  };
  EXPECT_EQ(with_api("offsetctl/v2"),
            "1:13: unsupported apiVersion 'offsetctl/v2': this offsetctl reads offsetctl/v1 (a newer offsetctl may "
            "read offsetctl/v2)");
  EXPECT_EQ(with_api("offsetctl/V1"),
            "1:13: unsupported apiVersion 'offsetctl/V1': this offsetctl reads offsetctl/v1; did you mean "
            "'offsetctl/v1'?");
  EXPECT_EQ(with_api("v1"), "1:13: unsupported apiVersion 'v1': this offsetctl reads offsetctl/v1");
  EXPECT_EQ(with_api("1"), "1:13: 'apiVersion' must be 'offsetctl/v1', not the number 1");
  EXPECT_EQ(first_error(p.substr(25)),
            "1:1: missing required key 'apiVersion' (the plan format version: apiVersion: offsetctl/v1)");
}

TEST(LoadFile, KindSelectsThePlanShape) {
  std::string p = plan_with("        offset: 1\n");
  const auto with_kind = [&](const std::string& k) {
    return errors_of(std::string(p).replace(p.find("kind: OffsetPlan"), 16, "kind: " + k));
  };
  EXPECT_EQ(with_kind("OffsetPlna"),
            (std::vector<std::string>{"2:7: unknown kind 'OffsetPlna': offsetctl/v1 plans are OffsetPlan or "
                                      "DtsOffsetPlan; did you mean 'OffsetPlan'?"}));
  EXPECT_EQ(with_kind("[OffsetPlan]"),
            (std::vector<std::string>{"2:7: 'kind' must be OffsetPlan or DtsOffsetPlan, not a list"}));
  EXPECT_EQ(errors_of("apiVersion: offsetctl/v1\nname: x\n"),
            (std::vector<std::string>{"1:1: missing required key 'kind' (OffsetPlan or DtsOffsetPlan)"}));
  // The other kind's keys are unknown keys.
  EXPECT_EQ(with_kind("DtsOffsetPlan").front(),
            "1:1: missing required key 'subscribeId' (the DTS data subscription id, e.g. subs-635ns8r71g)");
}

TEST(LoadFile, EncodingAndTabProblemsStopTheFile) {
  EXPECT_EQ(errors_of("name: caf\xE9\nkind: [\n"),
            (std::vector<std::string>{"1:10: byte 0xE9 is not UTF-8: plan files must be UTF-8 text"}));
  EXPECT_EQ(errors_of("a:\n\tb: 1\nkind: [\n"),
            (std::vector<std::string>{"2:1: tab character in the indentation: YAML indents with spaces only"}));
}

TEST(LoadFile, ASyntaxErrorKeepsWhatCameBeforeIt) {
  EXPECT_EQ(errors_of(plan_with("        offset: x\n") + "---\nkind: [\n"),
            (std::vector<std::string>{"9:17: 'offset' must be an integer, not 'x'",
                                      "12:1: YAML syntax error: a '[' is not closed by ']'"}));
}

TEST(LoadFile, ALimitRefusesTheWholeFile) {
  std::string deep = plan_with("        offset: x\n") + "---\nx: " + std::string(100, '[') + std::string(100, ']') + "\n";
  EXPECT_EQ(errors_of(deep), (std::vector<std::string>{
                                 "11:67: values are nested more than 64 levels deep; a plan needs far fewer"}));
}

TEST(LoadFile, ADocumentWithAnAliasIsNotCheckedFurther) {
  EXPECT_EQ(errors_of("apiVersion: offsetctl/v1\nkind: &k OffsetPlan\nname: *k\n"),
            (std::vector<std::string>{
                "2:7: anchor '&k' is not supported: plan files do not use anchors and aliases; write the value out",
                "3:7: alias '*k' is not supported: plan files do not use anchors and aliases; write the value out"}));
}

TEST(LoadFile, ShowsTheFirst200ErrorsAndCountsTheRest) {
  std::string text = plan_with("        partitions: [");
  for (int i = 0; i < 250; ++i) text += (i ? ", " : "") + std::string("-1");
  text += "]\n        offset: 1\n";
  auto errors = errors_of(text);
  ASSERT_EQ(errors.size(), 201u);
  EXPECT_EQ(errors[0], "9:22: each item of 'partitions' must be between 0 and 2147483647, not -1");
  EXPECT_EQ(errors[200], "9:822: 50 more errors from here on are not shown (fix the ones above first)");
}

TEST(LoadFile, KeepsTheTextForLaterDiagnostics) {
  SchemaChecker checker;
  FileLoad f = load_file_text("\xEF\xBB\xBF" + plan_with("        offset: 1\n"), "a.yaml", checker);
  EXPECT_TRUE(f.diagnostics.empty());
  EXPECT_EQ(f.text, plan_with("        offset: 1\n"));
  EXPECT_EQ(f.file.offset_plans.size(), 1u);
  EXPECT_EQ(f.file.sha256.size(), 64u);
}

}  // namespace
}  // namespace offsetctl::plan
