// offsetctl show SAVED_PLAN: the report of a saved plan, read from the file alone.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "testing/emulator.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

using offsetctl::testing::at;
using offsetctl::testing::concat;
using offsetctl::testing::Emulator;
using offsetctl::testing::offsetctl;

constexpr const char* kShowCluster = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 2
        end: 1000
    groups:
      - name: billing
        state: Empty
        offsets:
          orders: {0: 500, 1: 500}
)";

constexpr const char* kShowPlan = R"(apiVersion: offsetctl/v1
kind: OffsetPlan
name: rewind
instance: ckafka-test
region: ap-guangzhou
groups:
  - group: billing
    topics:
      - topic: orders
        offsets: {0: 10, 1: 500}
)";

struct ShowCommand : ::testing::Test {
  testing::TempDir dir;
  Emulator emulator{dir, kShowCluster, {"--no-rate-limit"}};
  std::string plan_path, saved;
  testing::ProcessResult planned;
  void SetUp() override {
    ASSERT_FALSE(emulator.url().empty()) << "the emulator did not start";
    plan_path = dir.write("plans/rewind.yaml", kShowPlan);
    saved = dir.path("reviewed.json");
    planned = offsetctl(dir, concat({"plan", plan_path, "--out", saved}, at(emulator)));
    ASSERT_EQ(planned.exit_code, 0) << planned.err;
  }
};

TEST_F(ShowCommand, ShowsTheReportOfASavedPlanWithoutAnyCall) {
  size_t before = emulator.requests().size();
  auto r = offsetctl(dir, {"show", saved});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Saved plan " + saved + ", made at ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find(" against " + emulator.url() + " (ap-guangzhou) by offsetctl "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(", from " + plan_path + ".\n\n"), std::string::npos) << r.out;
  // The same report plan printed, below that line.
  EXPECT_EQ(r.out.substr(r.out.find("\n\n") + 2), planned.out);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(emulator.requests().size(), before);
}

TEST_F(ShowCommand, JsonAndMarkdownAreThePlanReports) {
  auto json_report = offsetctl(dir, {"show", saved, "--format", "json"});
  ASSERT_EQ(json_report.exit_code, 0) << json_report.err;
  const auto report = nlohmann::json::parse(json_report.out);
  EXPECT_EQ(report.at("summary"), (nlohmann::json{{"to_change", 1},
                                                  {"unchanged", 1},
                                                  {"blocked", 0},
                                                  {"invalid", 0},
                                                  {"replayed", 490},
                                                  {"skipped", 0},
                                                  {"first_commits", 0}}));
  // The saved plan's own checksum and the command that applies it, as plan --out reported them.
  const auto file = nlohmann::json::parse(*util::read_file(saved));
  EXPECT_EQ(report.at("saved_plan"), (nlohmann::json{{"path", saved},
                                                     {"checksum", file.at("checksum")},
                                                     {"apply_command", "offsetctl apply " + saved},
                                                     {"left_out", 0}}));
  auto md = offsetctl(dir, {"show", saved, "--format", "markdown"});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("offsetctl apply " + saved), std::string::npos) << md.out;
  EXPECT_NE(md.out.find(file.at("checksum").get<std::string>()), std::string::npos) << md.out;
}

TEST_F(ShowCommand, CsvIsKafkaConsumerGroupsExportOfTheTargets) {
  auto r = offsetctl(dir, {"show", saved, "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // One group: kafka-consumer-groups' TOPIC,PARTITION,OFFSET layout.
  EXPECT_EQ(r.out, "orders,0,10\norders,1,500\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(ShowCommand, AFormatItDoesNotHaveIsRefusedWithTheChoices) {
  auto r = offsetctl(dir, {"show", saved, "--format", "yaml"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(r.err, "offsetctl: error: --format: 'yaml' is not a format of 'offsetctl show': use text, markdown, json "
                   "or csv\n");
}

TEST_F(ShowCommand, WarnsWhenAPlanFileChangedSince) {
  dir.write("plans/rewind.yaml", std::string(kShowPlan) + "# edited\n");
  auto r = offsetctl(dir, {"show", saved});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "offsetctl: warning: " + plan_path +
                       " changed (or is gone) since this plan was made; apply will refuse it: plan again\n");
}

TEST_F(ShowCommand, APlanFileIsNotASavedPlan) {
  auto r = offsetctl(dir, {"show", plan_path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: " + plan_path +
                       " is not a saved plan (those are JSON, written by 'offsetctl plan --out'): preview a plan file "
                       "with 'offsetctl plan " + plan_path + "'\n");
}

}  // namespace
}  // namespace offsetctl::cli
