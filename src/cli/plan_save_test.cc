// offsetctl plan --out through the real program: a saved plan is written only
// when apply can carry all of it (or, with --allow-partial, what it can), and
// never over an input or a file of another kind.
#include "cli/plan_save.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/saved_plan.h"
#include "testing/emulator.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

using offsetctl::testing::at;
using offsetctl::testing::concat;
using offsetctl::testing::Emulator;
using offsetctl::testing::offsetctl;

constexpr const char* kSaveCluster = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 3
        end: 1000
    groups:
      - name: billing
        state: Empty
        offsets:
          orders: {0: 500, 1: 500, 2: 500}
      - name: live
        state: Stable
        members:
          - memberId: consumer-1-4f2a
            clientId: consumer-1
            clientHost: /10.0.0.1
            partitions: {orders: [0, 1]}
        offsets:
          orders: {0: 500, 1: 500}
)";

// billing: 3 to change; live: 2 blocked; billing/ordres: 1 invalid.
constexpr const char* kMixedPlan = R"(apiVersion: offsetctl/v1
kind: OffsetPlan
name: stable
instance: ckafka-test
region: ap-guangzhou
groups:
  - group: billing
    topics:
      - topic: orders
        offset: 10
      - topic: ordres
        to: latest
  - group: live
    topics:
      - topic: orders
        partitions: [0, 1]
        to: earliest
)";

constexpr const char* kGoodPlan = R"(apiVersion: offsetctl/v1
kind: OffsetPlan
name: good
instance: ckafka-test
region: ap-guangzhou
groups:
  - group: billing
    topics:
      - topic: orders
        offset: 10
)";

struct PlanSave : ::testing::Test {
  testing::TempDir dir;
  Emulator emulator{dir, kSaveCluster, {"--no-rate-limit"}};
  void SetUp() override { ASSERT_FALSE(emulator.url().empty()) << "the emulator did not start"; }
  testing::ProcessResult plan(const std::vector<std::string>& args) {
    return offsetctl(dir, concat(concat({"plan"}, args), at(emulator)));
  }
};

TEST_F(PlanSave, NothingIsSavedWhenAnythingIsBlockedOrInvalid) {
  std::string path = dir.write("stable.yaml", kMixedPlan);
  std::string out = dir.path("stable.json");
  auto r = plan({path, "--out", out});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("Plan: 3 to change (replays 1,470 messages), 0 unchanged, 2 blocked, 1 invalid."), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "offsetctl: error: nothing was saved to " + out +
                       ": 2 partitions are blocked and 1 is invalid (see the report), and apply would refuse the "
                       "plan; fix them and plan again, or add --allow-partial to save only the 3 partitions that "
                       "can be applied\n");
  EXPECT_FALSE(util::read_file(out).ok());
}

TEST_F(PlanSave, AllowPartialSavesWhatCanBeAppliedAndSaysWhatWasLeftOut) {
  std::string path = dir.write("stable.yaml", kMixedPlan);
  std::string out = dir.path("stable.json");
  auto r = plan({path, "--out", out, "--allow-partial"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "Left out of " + out + " because they cannot be applied (2 partitions are blocked and 1 is "
                       "invalid):\n"
                       "  ckafka-test/billing/ordres[*] (invalid: topic 'ordres' does not exist on instance "
                       "ckafka-test; did you mean 'orders'?)\n"
                       "  ckafka-test/live/orders[0] (blocked: group is Stable with 1 member "
                       "(consumer-1@10.0.0.1); Kafka refuses an outside reset of an active group: stop the "
                       "consumers first)\n"
                       "  ckafka-test/live/orders[1] (blocked: group is Stable with 1 member "
                       "(consumer-1@10.0.0.1); Kafka refuses an outside reset of an active group: stop the "
                       "consumers first)\n"
                       "Saved the plan to " + out + "; apply it with: offsetctl apply " + out + "\n");
  // The report says it too, beside the rows marked blocked and invalid.
  const std::string checksum = report::saved_plan_checksum(*util::read_file(out));
  EXPECT_NE(r.out.find("Saved as " + out + " (" + checksum +
                       "), without the 3 blocked or invalid partitions above; apply it with: offsetctl apply " + out +
                       "\n"),
            std::string::npos)
      << r.out;
  auto json = plan({path, "--out", out, "--allow-partial", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out).at("saved_plan").at("left_out"), 3);
  auto saved = report::read_saved_plan(out);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->result.changes.size(), 3u);
  EXPECT_EQ(saved->result.summary.blocked + saved->result.summary.invalid, 0u);
  ASSERT_EQ(saved->result.groups.size(), 1u);
  EXPECT_EQ(saved->result.groups[0].group, "billing");
  auto applied = offsetctl(dir, concat({"apply", out, "--audit-log", dir.path("audit.jsonl")}, at(emulator)));
  EXPECT_EQ(applied.exit_code, 0) << applied.err;
}

TEST_F(PlanSave, AllowPartialNeedsOut) {
  std::string path = dir.write("good.yaml", kGoodPlan);
  auto r = plan({path, "--allow-partial"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "offsetctl: error: --allow-partial only says what --out saves: add --out SAVED_PLAN, or leave it out\n");
  EXPECT_TRUE(emulator.requests().empty());
}

TEST_F(PlanSave, NeverOverwritesAPlanFileItReads) {
  std::string path = dir.write("skip.yaml", kGoodPlan);
  auto r = plan({path, "--out", path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --out " + path +
                       ": that file is one this command reads; write a saved plan to another file\n");
  EXPECT_EQ(*util::read_file(path), kGoodPlan);
  EXPECT_TRUE(emulator.requests().empty());
}

TEST_F(PlanSave, NeverOverwritesAFileOfAnotherKind) {
  std::string path = dir.write("good.yaml", kGoodPlan);
  std::string other = dir.write("other.yaml", kMixedPlan);
  std::string notes = dir.write("notes.txt", "my notes\n");
  for (const std::string& out : {other, notes}) {
    auto r = plan({path, "--out", out});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "offsetctl: error: --out " + out +
                         ": the file exists and is not a saved plan, so it is left alone; choose another name, or "
                         "remove it first\n");
  }
  EXPECT_EQ(*util::read_file(other), kMixedPlan);
  EXPECT_TRUE(emulator.requests().empty());
}

TEST_F(PlanSave, ReplacesASavedPlan) {
  std::string path = dir.write("good.yaml", kGoodPlan);
  std::string out = dir.path("good.json");
  ASSERT_EQ(plan({path, "--out", out}).exit_code, 0);
  auto again = plan({path, "--out", out});
  EXPECT_EQ(again.exit_code, 0) << again.err;
}

TEST_F(PlanSave, ASavedPlanIsNotAPlanFile) {
  std::string path = dir.write("good.yaml", kGoodPlan);
  std::string out = dir.path("reviewed.json");
  ASSERT_EQ(plan({path, "--out", out}).exit_code, 0);
  auto r = plan({out});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: " + out +
                       " is a saved plan (offsetctl plan --out), not a plan file: look at it with 'offsetctl show " +
                       out + "', apply it with 'offsetctl apply " + out + "'\n");
  auto v = offsetctl(dir, {"validate", out});
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_EQ(v.err, r.err);
}

}  // namespace
}  // namespace offsetctl::cli
