// offsetctl import, run as a user runs it: kafka-consumer-groups' CSV in, a plan
// file out; and the round trip export --format csv -> import -> plan.
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

const char* kImportCluster = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 3
        begin: 100
        end: 1000
      - name: audit
        partitions: 1
        end: 50
    groups:
      - name: billing
        state: Empty
        offsets:
          orders: {0: 500, 1: 510, 2: 520}
          audit: {0: 40}
      - name: shipping
        state: Empty
        offsets:
          orders: {0: 700}
)";

struct ImportCommand : ::testing::Test {
  testing::TempDir dir;
  Emulator emulator{dir, kImportCluster, {"--no-rate-limit"}};
  void SetUp() override { ASSERT_FALSE(emulator.url().empty()) << "the emulator did not start"; }

  // export --format csv, then import, then plan: what the last one says.
  void round_trip(std::vector<std::string> groups, std::vector<std::string> import_flags, const std::string& expect) {
    std::vector<std::string> args = {"export", "--instance", "ckafka-test", "--format", "csv", "--out",
                                     dir.path("offsets.csv")};
    for (const auto& g : groups) args = concat(args, {"--group", g});
    auto exported = offsetctl(dir, concat(args, at(emulator)));
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    dir.write("plans/.keep", "");
    auto imported = offsetctl(dir, concat({"import", dir.path("offsets.csv"), "--instance", "ckafka-test", "--region",
                                           "ap-guangzhou", "--out", dir.path("plans/imported.yaml")},
                                          import_flags));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto validated = offsetctl(dir, {"validate", dir.path("plans/imported.yaml")});
    EXPECT_EQ(validated.out, "1 file, 1 plan: valid.\n");
    auto planned = offsetctl(dir, concat({"plan", dir.path("plans/imported.yaml"), "--detailed-exitcode"},
                                         at(emulator)));
    EXPECT_EQ(planned.exit_code, 0) << planned.err << planned.out;
    EXPECT_NE(planned.out.find(expect), std::string::npos) << planned.out;
  }
};

TEST_F(ImportCommand, RoundTripOfOneGroupShowsNoChanges) {
  round_trip({"billing"}, {"--group", "billing"}, "Plan: 0 to change, 4 unchanged, 0 blocked, 0 invalid.");
}

TEST_F(ImportCommand, RoundTripOfSeveralGroupsShowsNoChanges) {
  round_trip({"billing", "shipping"}, {}, "Plan: 0 to change, 5 unchanged, 0 blocked, 0 invalid.");
}

TEST_F(ImportCommand, WritesThePlanToStandardOutputOrAFile) {
  std::string csv = dir.write("saved/Orders.csv", "orders,0,300\norders,2,400\n\n");
  auto r = offsetctl(dir, {"import", csv, "--instance", "ckafka-test", "--group", "billing"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "# yaml-language-server: $schema=../schemas/plan.schema.json\n"
            "# Imported by offsetctl import from " + csv + ".\n"
            "# Each partition goes to the offset the CSV gives it; offsetctl plan shows what that changes.\n"
            "apiVersion: offsetctl/v1\n"
            "kind: OffsetPlan\n"
            "name: import-orders-csv\n"
            "description: \"Imported by offsetctl import from " + csv + " (kafka-consumer-groups' offsets CSV, 2 "
            "offsets)\"\n"
            "instance: ckafka-test\n"
            "groups:\n"
            "  - group: billing\n"
            "    topics:\n"
            "      - topic: orders\n"
            "        offsets: {0: 300, 2: 400}\n");
  std::string out = dir.path("plans/replay.yaml");
  auto to_file = offsetctl(dir, {"import", csv, "--instance", "ckafka-test", "--group", "billing", "--name", "replay",
                                 "--schema", "https://example.com/plan.schema.json", "--out", out});
  ASSERT_EQ(to_file.exit_code, 1) << "plans/ does not exist yet";
  EXPECT_EQ(to_file.err, "offsetctl: error: --out " + out + ": the folder " + dir.path("plans") +
                             " does not exist; create it first\n");
  dir.write("plans/.keep", "");
  to_file = offsetctl(dir, {"import", csv, "--instance", "ckafka-test", "--group", "billing", "--name", "replay",
                            "--schema", "https://example.com/plan.schema.json", "--out", out});
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_EQ(to_file.err, "Wrote " + out + ": 2 offsets in 1 group; preview it with: offsetctl plan " + out + "\n");
  std::string text = util::read_file(out).value();
  EXPECT_EQ(text.rfind("# yaml-language-server: $schema=https://example.com/plan.schema.json\n", 0), 0u) << text;
  EXPECT_NE(text.find("\nname: replay\n"), std::string::npos) << text;
  auto planned = offsetctl(dir, concat({"plan", out, "--format", "json"}, at(emulator)));
  EXPECT_EQ(planned.exit_code, 0) << planned.err;
  EXPECT_EQ(nlohmann::json::parse(planned.out).at("summary").at("to_change"), 2) << planned.out;
}

TEST_F(ImportCommand, BadRowsAreRefusedWithFileLineAndNothingIsWritten) {
  std::string csv = dir.write("bad.csv", "orders,0,300\norders,one,400\norders,1,-4\norders,0,500\n");
  std::string out = dir.path("plan.yaml");
  auto r = offsetctl(dir, {"import", csv, "--instance", "ckafka-test", "--group", "billing", "--out", out});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            csv + ":2:8: error: partition 'one' is not a number: give a decimal integer\n"
            "orders,one,400\n"
            "       ^\n" +
            csv + ":3:10: error: offset -4 is negative: offsets are 0 to 9223372036854775807\n"
            "orders,1,-4\n"
            "         ^\n" +
            csv + ":4:8: error: partition 0 of topic 'orders' is already given at line 1: each partition may have "
            "one offset\n"
            "orders,0,500\n"
            "       ^\n"
            "offsetctl: error: 3 errors in " + csv + "; nothing written\n");
  EXPECT_FALSE(util::read_file(out).ok());
}

TEST_F(ImportCommand, AHeaderAGroupColumnWithGroupAndAnEmptyFileAreRefused) {
  std::string header = dir.write("header.csv", "group,topic,partition,offset\nbilling,orders,0,1\n");
  auto r = offsetctl(dir, {"import", header, "--instance", "ckafka-test"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, header + ":1:1: error: a header line: kafka-consumer-groups' CSV has none (each line is one "
                            "partition); remove it\ngroup,topic,partition,offset\n^\n"
                            "offsetctl: error: 1 error in " + header + "; nothing written\n");

  std::string grouped = dir.write("grouped.csv", "billing,orders,0,1\n");
  r = offsetctl(dir, {"import", grouped, "--instance", "ckafka-test", "--group", "billing"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, grouped + ":1:1: error: this file has a group column (group,topic,partition,offset) and --group "
                             "billing was given too: drop --group, the file names its groups\nbilling,orders,0,1\n^\n"
                             "offsetctl: error: 1 error in " + grouped + "; nothing written\n");

  std::string empty = dir.write("empty.csv", "");
  r = offsetctl(dir, {"import", empty, "--instance", "ckafka-test", "--group", "billing"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, empty + ": error: the file holds no offsets: kafka-consumer-groups' CSV has one line per "
                           "partition, topic,partition,offset or group,topic,partition,offset\n"
                           "offsetctl: error: 1 error in " + empty + "; nothing written\n");

  std::string ungrouped = dir.write("ungrouped.csv", "orders,0,1\n");
  r = offsetctl(dir, {"import", ungrouped, "--instance", "ckafka-test"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, ungrouped + ": error: a topic,partition,offset file does not name its group: give it with --group "
                               "(as kafka-consumer-groups --from-file takes it from --group)\n"
                               "offsetctl: error: 1 error in " + ungrouped + "; nothing written\n");

  r = offsetctl(dir, {"import", dir.path("missing.csv"), "--instance", "ckafka-test", "--group", "billing"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("offsetctl: error: could not read " + dir.path("missing.csv") + ": ", 0), 0u) << r.err;
}

TEST_F(ImportCommand, HelpNamesEveryFlag) {
  auto r = offsetctl(dir, {"import", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"FILE.csv", "--instance", "--group", "--region", "--name", "--out", "--schema"}) {
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag << "\n" << r.out;
  }
}

}  // namespace
}  // namespace offsetctl::cli
