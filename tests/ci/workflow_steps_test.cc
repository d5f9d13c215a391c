// Runs the shell steps of examples/github-actions as the runner would: a checkout
// in GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_ACTIONS=true,
// against the real ckafka-emulator; and checks what the job would show.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "testing/emulator.h"
#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::testing {
namespace {

namespace fs = std::filesystem;

const std::string kState = R"(credentials:
  - {secretId: AKIDEXAMPLE, secretKey: secretEXAMPLE}
instances:
  - id: ckafka-demo
    region: ap-guangzhou
    topics:
      - {name: orders, partitions: 3, begin: 0, end: 10000, firstTimestampMs: 1794787200000, intervalMs: 90000}
    groups:
      - name: orders-consumer
        state: Empty
        members: []
        offsets:
          orders: {0: 9200, 1: 9350, 2: 9100}
      - name: analytics-consumer
        state: Stable
        members:
          - {memberId: a-1, clientId: analytics-1, clientHost: /10.0.1.15, partitions: {orders: [0, 1, 2]}}
        offsets:
          orders: {0: 9990, 1: 9985, 2: 9980}
)";

std::string plan_yaml(const std::string& name, const std::string& group, const std::string& spec) {
  return "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: " + name +
         "\ninstance: ckafka-demo\nregion: ap-guangzhou\ngroups:\n  - group: " + group +
         "\n    topics:\n      - topic: orders\n        " + spec + "\n";
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A workspace with plans/, and the runner's files.
struct Job {
  TempDir dir;
  Emulator emulator{dir, kState};

  std::string workspace() const { return dir.path("repo"); }
  std::string output() const { return read(dir.path("github_output")); }
  std::string summary() const { return read(dir.path("step_summary.md")); }

  void plan_file(const std::string& name, const std::string& text) {
    fs::create_directories(workspace() + "/plans");
    std::ofstream(workspace() + "/plans/" + name, std::ios::binary) << text;
  }

  ProcessResult step(const std::string& script, std::map<std::string, std::string> env = {}) {
    ProcessOptions o;
    o.cwd = workspace();
    o.env = {{"GITHUB_WORKSPACE", workspace()},
             {"GITHUB_OUTPUT", dir.path("github_output")},
             {"GITHUB_STEP_SUMMARY", dir.path("step_summary.md")},
             {"GITHUB_ACTIONS", "true"},
             {"HOME", dir.root()},
             {"OFFSETCTL", program_path("offsetctl")},
             {"OFFSETCTL_ENDPOINT", emulator.url()},
             {"TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE"},
             {"TENCENTCLOUD_SECRET_KEY", "secretEXAMPLE"},
             {"TENCENTCLOUD_REGION", "ap-guangzhou"}};
    for (auto& [k, v] : env) o.env[k] = v;
    o.unset_env = {"TENCENTCLOUD_SESSION_TOKEN", "NO_COLOR", "CI"};
    o.timeout_ms = 120000;
    return run_process({"/bin/bash", source_dir() + "/examples/github-actions/.github/offsetctl/" + script}, o);
  }
};

TEST(WorkflowSteps, AGoodPlanLeavesTheCommentTheSummaryAndTheSavedPlan) {
  Job job;
  ASSERT_FALSE(job.emulator.url().empty());
  job.plan_file("replay.yaml", plan_yaml("replay-orders", "orders-consumer", "shift: -100"));
  auto r = job.step("offsetctl-pr.sh");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(job.output(), "status=ok\nchanges=true\n");
  EXPECT_EQ(r.out.find("::error"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(job.workspace() + "/.offsetctl/plan.json"));
  const std::string comment = read(job.workspace() + "/.offsetctl/comment/comment-1.md");
  EXPECT_EQ(comment.rfind("<!-- offsetctl plan pr part 1/1 -->\n", 0), 0u) << comment.substr(0, 200);
  EXPECT_NE(comment.find("orders-consumer"), std::string::npos);
  EXPECT_FALSE(fs::exists(job.workspace() + "/.offsetctl/comment/comment-2.md"));
  const std::string summary = job.summary();
  EXPECT_NE(summary.find("orders-consumer"), std::string::npos) << summary;
  EXPECT_LT(summary.size(), 1024u * 1024u);

  // The merge job applies what was planned, verifies it and keeps a verified audit log.
  auto applied = job.step("offsetctl-apply.sh");
  EXPECT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  EXPECT_TRUE(fs::exists(job.workspace() + "/audit/offsetctl-audit.jsonl"));
  EXPECT_NE(applied.out.find("3 changed"), std::string::npos) << applied.out;
}

TEST(WorkflowSteps, ABrokenPlanIsAnnotatedOnItsLine) {
  Job job;
  job.plan_file("good.yaml", plan_yaml("good", "orders-consumer", "to: earliest"));
  job.plan_file("broken.yaml", plan_yaml("broken", "orders-consumer", "offest: 5"));
  auto r = job.step("offsetctl-pr.sh");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(job.output(), "status=invalid\nchanges=false\n");
  EXPECT_EQ(r.out.rfind("::error file=plans/broken.yaml,line=10,col=9,title=offsetctl::unknown key 'offest'", 0), 0u)
      << r.out;
  EXPECT_FALSE(fs::exists(job.workspace() + "/.offsetctl/plan.json"));
}

TEST(WorkflowSteps, ABlockedGroupIsShownAndNotSaved) {
  Job job;
  job.plan_file("active.yaml", plan_yaml("rewind-analytics", "analytics-consumer", "to: earliest"));
  auto r = job.step("offsetctl-pr.sh");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(job.output(), "status=failed\nchanges=false\n");
  // The reviewers still get the comment that says why.
  const std::string comment = read(job.workspace() + "/.offsetctl/comment/comment-1.md");
  EXPECT_NE(comment.find("blocked"), std::string::npos) << comment;
  EXPECT_FALSE(fs::exists(job.workspace() + "/.offsetctl/plan.json"));
}

TEST(WorkflowSteps, ADriftedApplyFailsTheJobAndChangesNothing) {
  Job job;
  job.plan_file("replay.yaml", plan_yaml("replay-orders", "orders-consumer", "shift: -100"));
  ASSERT_EQ(job.step("offsetctl-pr.sh").exit_code, 0);
  ASSERT_EQ(job.output(), "status=ok\nchanges=true\n");
  // The group consumed on between review and merge.
  std::string moved = kState;
  moved.replace(moved.find("{0: 9200, 1: 9350, 2: 9100}"), 27, "{0: 9300, 1: 9350, 2: 9100}");
  ASSERT_TRUE(job.emulator.restart(moved));
  auto r = job.step("offsetctl-apply.sh");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("offsetctl: error: the plan is stale: run offsetctl plan again (nothing was changed)\n"
                       "  orders-consumer/orders[0]: committed offset is 9300, the plan saw 9200\n"),
            std::string::npos)
      << r.out << r.err;
  EXPECT_EQ(job.emulator.calls().count("BatchModifyGroupOffsets"), 0u);
}

TEST(WorkflowSteps, ApplyWithoutASavedPlanSaysWhy) {
  Job job;
  job.plan_file("replay.yaml", plan_yaml("replay-orders", "orders-consumer", "shift: -100"));
  auto r = job.step("offsetctl-apply.sh");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "::error title=offsetctl::no saved plan at .offsetctl/plan.json: was the pull request planned with "
            "changes, and did its plan job pass?\n");
}

}  // namespace
}  // namespace offsetctl::testing
