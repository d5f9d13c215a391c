// plan and apply in a pipeline, through the real programs: diagnostics as
// annotations or JSON, and the job summary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "testing/emulator.h"
#include "testing/json_schema.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

using offsetctl::testing::at;
using offsetctl::testing::concat;
using offsetctl::testing::Emulator;
using offsetctl::testing::offsetctl;

const char* kCiCluster = R"(credentials:
  - {secretId: AKIDEXAMPLE, secretKey: secretEXAMPLE}
instances:
  - id: ckafka-ci
    region: ap-guangzhou
    topics:
      - {name: orders, partitions: 2, begin: 0, end: 1000}
    groups:
      - name: orders-consumer
        state: Empty
        members: []
        offsets:
          orders: {0: 900, 1: 950}
)";

const char* kCiPlan =
    "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: rewind\ninstance: ckafka-ci\nregion: ap-guangzhou\n"
    "groups:\n  - group: orders-consumer\n    topics:\n      - topic: orders\n        shift: -100\n";

const char* kCiBroken =
    "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: broken\ninstance: ckafka-ci\n"
    "groups:\n  - group: orders-consumer\n    topics:\n      - topic: orders\n        offest: 5\n";

TEST(CiFlags, AnInvalidPlanInJsonIsTheDiagnosticsDocument) {
  testing::TempDir dir;
  dir.write("plans/broken.yaml", kCiBroken);
  auto r = offsetctl(dir, {"plan", "plans", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(testing::schema_errors("diagnostics.schema.json", r.out), "") << r.out;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["kind"], "diagnostics");
  EXPECT_EQ(doc["diagnostics"][0]["line"], 9);
  EXPECT_EQ(doc["diagnostics"][0]["hint"], "did you mean 'offset'?");
  // The text form stays on standard error for people.
  EXPECT_NE(r.err.find("plans/broken.yaml:9:9: error: unknown key 'offest'"), std::string::npos) << r.err;
}

TEST(CiFlags, AnnotationsOnStandardErrorBesideAMarkdownReport) {
  testing::TempDir dir;
  dir.write("plans/broken.yaml", kCiBroken);
  auto r = offsetctl(dir, {"plan", "plans", "--format", "markdown", "--diagnostics", "github"},
                     {{"GITHUB_WORKSPACE", dir.root()}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("::error file=plans/broken.yaml,line=9,col=9,title=offsetctl::unknown key 'offest' in an "
                        "entry of 'topics'; did you mean 'offset'?\n",
                        0),
            0u)
      << r.err;

  auto apply = offsetctl(dir, {"apply", "plans", "--auto-approve", "--diagnostics", "json"});
  EXPECT_EQ(apply.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(apply.err)["valid"], false);
}

TEST(CiFlags, DiagnosticsIsOneOfThree) {
  testing::TempDir dir;
  auto r = offsetctl(dir, {"plan", "plans", "--diagnostics", "sarif"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --diagnostics sarif: use text, json or github\n");
}

TEST(CiFlags, PlanAndApplyAppendToTheJobSummary) {
  testing::TempDir dir;
  Emulator emulator{dir, kCiCluster, {"--no-rate-limit"}};
  ASSERT_FALSE(emulator.url().empty());
  dir.write("plans/rewind.yaml", kCiPlan);
  const std::map<std::string, std::string> env = {{"GITHUB_STEP_SUMMARY", dir.path("summary.md")}};
  auto plan = offsetctl(dir, concat({"plan", "plans", "--out", "reviewed.json"}, at(emulator)), env);
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  auto summary = util::read_file(dir.path("summary.md"));
  ASSERT_TRUE(summary.ok());
  EXPECT_NE(summary->find("orders-consumer"), std::string::npos) << *summary;
  EXPECT_NE(summary->find("| orders |"), std::string::npos) << *summary;

  auto apply = offsetctl(dir, {"apply", "reviewed.json", "--summary", "apply-summary.md"}, env);
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  auto applied = util::read_file(dir.path("apply-summary.md"));
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->rfind("### offsetctl apply\n\n**Apply: 2 changed and verified, 0 failed, 0 unchanged.**", 0), 0u)
      << *applied;
  // --summary wins over GITHUB_STEP_SUMMARY: the plan's summary is as it was.
  EXPECT_EQ(*util::read_file(dir.path("summary.md")), *summary);
}

}  // namespace
}  // namespace offsetctl::cli
