// offsetctl export against the real ckafka-emulator, and the round trip:
// planning an export against the cluster it came from changes nothing.
#include <gtest/gtest.h>

#include "plan/load.h"
#include "testing/emulator.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

using offsetctl::testing::at;
using offsetctl::testing::concat;
using offsetctl::testing::Emulator;
using offsetctl::testing::offsetctl;

const char* kCluster = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 12
        begin: 100
        end: 1000
      - name: audit
        partitions: 1
        end: 50
      - name: quiet
        partitions: 2
        end: 5
    groups:
      - name: billing
        state: Empty
        offsets:
          orders: {0: 500, 1: 510, 2: 520, 3: 530, 4: 540, 5: 550, 6: 560, 7: 570, 8: 580, 9: 590, 10: 600}
          audit: {0: 50}
      - name: live
        state: Stable
        members:
          - memberId: consumer-1-4f2a
            clientId: consumer-1
            clientHost: /10.0.0.1
            partitions: {orders: [0]}
        offsets:
          orders: {0: 900}
)";

struct ExportCommand : ::testing::Test {
  testing::TempDir dir;
  Emulator emulator{dir, kCluster, {"--no-rate-limit"}};
  void SetUp() override { ASSERT_FALSE(emulator.url().empty()) << "the emulator did not start"; }
};

TEST_F(ExportCommand, PlanningAnExportAgainstItsClusterChangesNothing) {
  std::string file = dir.path("snapshot.yaml");
  auto r = offsetctl(dir, concat({"export", "--instance", "ckafka-test", "--group", "billing", "--group", "live",
                                  "--out", file},
                                 at(emulator)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "offsetctl: note: group 'billing', topic 'orders': nothing committed on partition 11: left out\n"
            "offsetctl: note: group 'live' is Stable with 1 member (consumer-1@10.0.0.1): its offsets move while it "
            "consumes, so this snapshot may already be behind\n"
            "offsetctl: note: group 'live', topic 'orders': nothing committed on partitions 1, 2, 3, 4, 5, 6, 7, 8, "
            "9, 10 and 1 more: left out\n"
            "Wrote " + file + ": the committed offsets of 13 partitions in 2 groups.\n");
  plan::LoadResult loaded = plan::load_plans({file});
  ASSERT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : loaded.errors[0].format());
  ASSERT_EQ(loaded.plans.files.size(), 1u);
  const plan::OffsetPlan& p = loaded.plans.files[0].offset_plans.at(0);
  EXPECT_EQ(p.name, "export-ckafka-test");
  EXPECT_EQ(p.instance, "ckafka-test");
  EXPECT_EQ(p.region, "ap-guangzhou");
  ASSERT_EQ(p.groups.size(), 2u);
  EXPECT_EQ(std::get<plan::ExplicitOffsets>(p.groups[0].topics[1].spec).by_partition.size(), 11u);

  auto planned = offsetctl(dir, concat({"plan", file, "--detailed-exitcode"}, at(emulator)));
  EXPECT_EQ(planned.exit_code, 0) << planned.err << planned.out;
  EXPECT_NE(planned.out.find("Plan: 0 to change, 13 unchanged, 0 blocked, 0 invalid."), std::string::npos)
      << planned.out;
}

TEST_F(ExportCommand, WritesToStandardOutputWithTheNotesInTheFile) {
  auto r = offsetctl(dir, concat({"export", "--instance", "ckafka-test", "--group", "billing", "--topic", "audit",
                                  "--topic", "quiet", "--name", "before-replay"},
                                 at(emulator)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "offsetctl: note: group 'billing' has nothing committed on topic 'quiet': left out\n");
  EXPECT_NE(r.out.find("# Note: group 'billing' has nothing committed on topic 'quiet': left out.\n"),
            std::string::npos)
      << r.out;
  plan::LoadResult loaded = plan::load_plan_text(r.out, "exported.yaml");
  ASSERT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : loaded.errors[0].format());
  const plan::OffsetPlan& p = loaded.plans.files.at(0).offset_plans.at(0);
  EXPECT_EQ(p.name, "before-replay");
  ASSERT_EQ(p.groups.at(0).topics.size(), 1u);
  EXPECT_EQ(p.groups[0].topics[0].topic, "audit");
  EXPECT_EQ(std::get<plan::ExplicitOffsets>(p.groups[0].topics[0].spec).by_partition,
            (std::map<int32_t, int64_t>{{0, 50}}));
  EXPECT_EQ(emulator.calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 1}, {"DescribeGroupOffsets", 1}}));
}

TEST_F(ExportCommand, AFolderThatDoesNotExistIsAClearError) {
  std::string file = dir.path("no/such/folder/snapshot.yaml");
  auto r = offsetctl(dir, concat({"export", "--instance", "ckafka-test", "--group", "billing", "--out", file},
                                 at(emulator)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --out " + file + ": the folder " + dir.path("no/such/folder") +
                       " does not exist; create it first\n");
  EXPECT_TRUE(emulator.requests().empty());
}

TEST_F(ExportCommand, AnUnknownTopicIsAnError) {
  auto r = offsetctl(dir, concat({"export", "--instance", "ckafka-test", "--group", "billing", "--topic", "ordres"},
                                 at(emulator)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "offsetctl: error: topic 'ordres' does not exist on instance ckafka-test: check the --topic names\n");
}

TEST_F(ExportCommand, NothingCommittedIsAnError) {
  auto r = offsetctl(dir, concat({"export", "--instance", "ckafka-test", "--group", "newcomer"}, at(emulator)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "offsetctl: error: nothing to export: no group of 1 has a committed offset on instance ckafka-test\n");
}

TEST_F(ExportCommand, ABadNameIsRefusedBeforeAnyCall) {
  auto r = offsetctl(dir, concat({"export", "--instance", "ckafka-test", "--group", "billing", "--name", "Before_Replay"},
                                 at(emulator)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "offsetctl: error: --name 'Before_Replay': a plan name has lower-case letters, digits and '-' only (at "
            "most 128)\n");
  EXPECT_TRUE(emulator.requests().empty());
}

TEST_F(ExportCommand, CsvIsKafkasExportOfOneGroup) {
  auto r = offsetctl(dir, concat({"export", "--instance", "ckafka-test", "--group", "billing", "--format", "csv"},
                                 at(emulator)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "audit,0,50\n"
            "orders,0,500\norders,1,510\norders,2,520\norders,3,530\norders,4,540\norders,5,550\norders,6,560\n"
            "orders,7,570\norders,8,580\norders,9,590\norders,10,600\n");
  EXPECT_EQ(r.err, "offsetctl: note: group 'billing', topic 'orders': nothing committed on partition 11: left out\n");
}

TEST_F(ExportCommand, CsvOfSeveralGroupsHasTheGroupColumn) {
  std::string file = dir.path("offsets.csv");
  auto r = offsetctl(dir, concat({"export", "--instance", "ckafka-test", "--group", "live", "--group", "billing",
                                  "--topic", "orders", "--format", "csv", "--out", file},
                                 at(emulator)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("Wrote " + file + ": the committed offsets of 12 partitions in 2 groups.\n"), std::string::npos)
      << r.err;
  EXPECT_EQ(util::read_file(file).value(),
            "live,orders,0,900\n"
            "billing,orders,0,500\nbilling,orders,1,510\nbilling,orders,2,520\nbilling,orders,3,530\n"
            "billing,orders,4,540\nbilling,orders,5,550\nbilling,orders,6,560\nbilling,orders,7,570\n"
            "billing,orders,8,580\nbilling,orders,9,590\nbilling,orders,10,600\n");
}

TEST_F(ExportCommand, AnUnknownFormatIsRefusedBeforeAnyCall) {
  auto r = offsetctl(dir, concat({"export", "--instance", "ckafka-test", "--group", "billing", "--format", "json"},
                                 at(emulator)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --format json: use yaml or csv\n");
  EXPECT_TRUE(emulator.requests().empty());
}

}  // namespace
}  // namespace offsetctl::cli
