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
  explicit Job(const std::string& state = kState) : emulator(dir, state) {}
  TempDir dir;
  Emulator emulator;

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
  EXPECT_EQ(comment.rfind("<!-- offsetctl plan replay-orders part 1/1 -->\n", 0), 0u) << comment.substr(0, 200);
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

// A review too long for one comment: every group reaches the pull request, in
// parts that each fit GitHub's limit and carry the marker sticky-comment.js edits by.
TEST(WorkflowSteps, AReportTooLongForOneCommentIsPostedInParts) {
  constexpr int kGroups = 12, kPartitions = 250;
  std::string offsets;
  for (int p = 0; p < kPartitions; ++p) offsets += (p ? ", " : "") + std::to_string(p) + ": 9000";
  std::string state = "credentials:\n  - {secretId: AKIDEXAMPLE, secretKey: secretEXAMPLE}\ninstances:\n"
                      "  - id: ckafka-demo\n    region: ap-guangzhou\n    topics:\n"
                      "      - {name: orders, partitions: " + std::to_string(kPartitions) + ", begin: 0, end: 10000}\n"
                      "    groups:\n";
  std::string plan = "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: replay-all\ninstance: ckafka-demo\n"
                     "region: ap-guangzhou\ngroups:\n";
  for (int g = 0; g < kGroups; ++g) {
    const std::string name = "consumer-" + std::to_string(100 + g);
    state += "      - {name: " + name + ", state: Empty, members: [], offsets: {orders: {" + offsets + "}}}\n";
    plan += "  - group: " + name + "\n    topics:\n      - topic: orders\n        shift: -100\n";
  }
  Job job(state);
  ASSERT_FALSE(job.emulator.url().empty());
  job.plan_file("replay.yaml", plan);
  auto r = job.step("offsetctl-pr.sh");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(job.output(), "status=ok\nchanges=true\n");

  const std::string folder = job.workspace() + "/.offsetctl/comment/";
  size_t parts = 0;
  while (fs::exists(folder + "comment-" + std::to_string(parts + 1) + ".md")) ++parts;
  ASSERT_GE(parts, 2u);
  std::string all;
  for (size_t k = 1; k <= parts; ++k) {
    const std::string part = read(folder + "comment-" + std::to_string(k) + ".md");
    EXPECT_LE(part.size(), 65000u) << "part " << k;
    EXPECT_EQ(part.rfind("<!-- offsetctl plan replay-all part " + std::to_string(k) + "/" + std::to_string(parts) +
                             " -->\n",
                         0),
              0u)
        << part.substr(0, 200);
    EXPECT_EQ(part.find("Cut short"), std::string::npos) << "part " << k;
    all += part;
  }
  for (int g = 0; g < kGroups; ++g) {
    EXPECT_NE(all.find("<b>consumer-" + std::to_string(100 + g) + "</b>"), std::string::npos) << g;
  }
  size_t rows = 0;
  for (size_t at = all.find("\n| orders | "); at != std::string::npos; at = all.find("\n| orders | ", at + 1)) ++rows;
  EXPECT_EQ(rows, static_cast<size_t>(kGroups * kPartitions));
  // The job summary gets one comment's worth, cut between groups and saying so.
  const std::string summary = job.summary();
  EXPECT_LE(summary.size(), 65000u + 1);
  EXPECT_NE(summary.find("left out to keep this comment under 65,000 characters"), std::string::npos)
      << summary.substr(summary.size() > 600 ? summary.size() - 600 : 0);
}

// Earlier steps may have filled the job summary: offsetctl's report is fitted to
// what is left of GitHub's 1 MiB, cut at a group boundary, and says what it left out.
TEST(WorkflowSteps, TheJobSummaryStaysUnderGitHubsLimit) {
  Job job;
  job.plan_file("replay.yaml", plan_yaml("replay-orders", "orders-consumer", "shift: -100") +
                                   "  - group: analytics-consumer\n    topics:\n      - topic: orders\n"
                                   "        to: earliest\n");
  constexpr size_t kLimit = 1024 * 1024;
  const std::string earlier(kLimit - 1500, 'x');
  std::ofstream(job.dir.path("step_summary.md"), std::ios::binary) << earlier;
  auto r = job.step("offsetctl-pr.sh");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string summary = job.summary();
  EXPECT_LT(summary.size(), kLimit);
  EXPECT_EQ(summary.compare(0, earlier.size(), earlier), 0);  // the earlier steps' part is untouched
  const std::string ours = summary.substr(earlier.size());
  EXPECT_NE(ours.find("left out** to stay under the job summary's size limit"), std::string::npos) << ours;
  EXPECT_NE(ours.find("> **1 group left out**"), std::string::npos) << ours;
}

}  // namespace
}  // namespace offsetctl::testing
