// offsetctl plan and apply against a server that leaves out optional fields
// (ckafka-emulator --thin-answers), through the real programs.
#include <gtest/gtest.h>

#include "cli/cmd_plan_test.h"

namespace offsetctl::cli {
namespace {

using namespace plan_test;  // NOLINT: the shared cluster and helpers of plan's tests

// Against a server that leaves out the optional fields (ckafka-emulator --thin-answers: no
// LogEndOffset, Lag, ...), plan shows exactly what it shows against full answers, the log ends
// read from DescribeTopicSyncReplica; apply then converges as usual.
TEST(ThinAnswers, PlanAndApplyAsAgainstFullAnswers) {
  const std::string text = plan_head("thin") + R"(  - group: billing
    topics:
      - topic: orders
        to: latest
      - topic: audit
        offset: 20
  - group: wide
    topics:
      - topic: wide-07
        to: earliest
      - topic: wide-08
        offset: 7
)";
  testing::TempDir full_dir, thin_dir;
  Emulator full{full_dir, cluster(), {"--no-rate-limit"}};
  Emulator thin{thin_dir, cluster(), {"--no-rate-limit", "--thin-answers"}};
  const std::string full_plan = full_dir.write("plan.yaml", text), thin_plan = thin_dir.write("plan.yaml", text);
  auto expected = offsetctl(full_dir, concat({"plan", full_plan, "--format", "json"}, at(full)));
  auto got = offsetctl(thin_dir, concat({"plan", thin_plan, "--format", "json"}, at(thin)));
  ASSERT_EQ(expected.exit_code, 0) << expected.err;
  EXPECT_EQ(got.exit_code, 0) << got.err;
  EXPECT_EQ(rows(got.out), rows(expected.out));
  EXPECT_EQ(rows(got.out).size(), 12u);  // 9 + 1 + 1 + 1
  // orders' log ends cost a call; the others' come with the begin offsets their specs need.
  EXPECT_EQ(thin.calls().at("DescribeTopicSyncReplica"), full.calls().at("DescribeTopicSyncReplica") + 1);

  auto applied = offsetctl(thin_dir, concat({"apply", thin_plan, "--auto-approve", "--quiet"}, at(thin)));
  EXPECT_EQ(applied.exit_code, 0) << applied.err;
  auto again = offsetctl(thin_dir, concat({"plan", thin_plan, "--detailed-exitcode"}, at(thin)));
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
}

}  // namespace
}  // namespace offsetctl::cli
