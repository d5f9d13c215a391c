// Crash safety: `offsetctl apply` killed with SIGKILL at 24 moments spread over
// its run (seeded, so a failure reproduces), each against a fresh cluster:
//   - the audit log verifies (a record cut short at the end is reported, not tampering);
//   - every change the emulator carried out was announced by a change_intent first;
//   - rerunning the same command converges: exit 0, every partition at its target,
//     the log still verifies, and no partition has two intents or results in a run.
// The emulator's rate limits (BatchModifyGroupOffsets: 20/s) make 50 groups take
// at least 2.5 s, so every kill moment below lands inside the run.

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include "child.h"
#include "emulator_process.h"
#include "scenario.h"

namespace offsetctl::hardening {
namespace {

constexpr int kMoments = 24;
constexpr int kCrashGroups = 50;
constexpr int kWindowMs = 2500;  // the shortest an apply of kCrashGroups can take under the rate limits
constexpr uint32_t kSeed = 20261123;

// Moment i lies in the i-th of kMoments equal slices of the window, at a seeded place within it.
int kill_after_ms(int i) {
  std::mt19937 rng(kSeed + static_cast<uint32_t>(i));
  std::uniform_real_distribution<double> within(0.0, 1.0);
  return static_cast<int>((i + within(rng)) * kWindowMs / kMoments);
}

// The log ends inside a record (the kill fell in the middle of a write).
bool torn_tail(const std::string& path) {
  const std::string text = slurp(path);
  return !text.empty() && text.back() != '\n';
}

class Crash : public ::testing::TestWithParam<int> {};

TEST_P(Crash, KilledApplyLeavesAVerifiableLogAndTheSameCommandConverges) {
  const int moment = kill_after_ms(GetParam());
  SCOPED_TRACE("killed after " + std::to_string(moment) + " ms");
  testing::TempDir dir;
  const Scenario s = make_scenario(kCrashGroups, Targets::PerGroup);
  EmulatorProcess emu(dir, s.state_yaml);
  ASSERT_FALSE(emu.url().empty()) << emu.error();
  dir.write("plans/hardening.yaml", s.plan_yaml);
  auto planned = offsetctl(dir, {"plan", "plans", "--out", "saved-plan.json", "--endpoint", emu.url()});
  ASSERT_EQ(planned.exit_code, 0) << planned.out << planned.err;

  const std::vector<std::string> apply = {"apply", "saved-plan.json", "--audit-log", "audit.jsonl"};
  {
    std::vector<std::string> argv = apply;
    argv.insert(argv.begin(), "offsetctl");
    testing::ProcessOptions po = offsetctl_options(dir, {});
    ChildOptions co;
    co.env = po.env;
    co.unset_env = po.unset_env;
    co.cwd = po.cwd;
    co.out_path = dir.path("killed.out");
    co.err_path = dir.path("killed.err");
    Child child(argv, co);
    ASSERT_TRUE(child.started());
    std::this_thread::sleep_for(std::chrono::milliseconds(moment));
    child.signal(SIGKILL);
    const ExitStatus st = child.wait();
    if (st.signal != SIGKILL) {
      ADD_FAILURE() << "apply ended before the kill (exit " << st.exit_code << "): the window is too long\n"
                    << slurp(dir.path("killed.out")) << slurp(dir.path("killed.err"));
    }
  }

  const bool log_exists = !slurp(dir.path("audit.jsonl")).empty();
  if (log_exists) {
    auto verified = offsetctl(dir, {"audit", "verify", "audit.jsonl"});
    EXPECT_EQ(verified.exit_code, 0) << "after the kill:\n" << verified.out << verified.err;
  }
  // Nothing changed without a change_intent on disk first.
  {
    const AuditCheck before = check_audit(read_audit_records(dir.path("audit.jsonl")));
    EXPECT_EQ(before.problems, "");
    std::map<PartitionKey, bool> announced;
    for (const auto& r : read_audit_records(dir.path("audit.jsonl"))) {
      if (r.value("type", "") == "change_intent") {
        announced[{r.value("instance", ""), r.value("group", ""), r.value("topic", ""), r.value("partition", -1)}] = true;
      }
    }
    const auto applied = applied_changes(emu.requests());
    for (const auto& [key, offsets] : applied) {
      EXPECT_TRUE(announced.count(key)) << describe(key) << " was changed without a change_intent in the audit log";
    }
    size_t results = 0;
    for (const auto& [key, r] : before.final_result) results += r.is_object();
    // Where the kill landed, for the log of the run (docs/hardening.md lists a sample).
    std::printf("killed after %4d ms: %3zu intents, %3zu results, %3zu partitions changed, torn last line: %s\n", moment,
                announced.size(), results, applied.size(), torn_tail(dir.path("audit.jsonl")) ? "yes" : "no");
  }

  auto rerun = offsetctl(dir, apply);
  EXPECT_EQ(rerun.exit_code, 0) << "the same command after the kill:\n" << rerun.out << rerun.err;
  auto verified = offsetctl(dir, {"audit", "verify", "audit.jsonl"});
  EXPECT_EQ(verified.exit_code, 0) << "after the rerun:\n" << verified.out << verified.err;
  const AuditCheck after = check_audit(read_audit_records(dir.path("audit.jsonl")));
  EXPECT_EQ(after.problems, "");
  for (const auto& [key, to] : s.targets) {
    auto it = after.final_result.find(key);
    // A change finished by the killed run is a noop for the rerun, with its result from the first run.
    if (it != after.final_result.end()) {
      EXPECT_EQ(it->second.value("target", int64_t{-1}), to) << describe(key);
    }
  }
  auto state = emu.stop();
  ASSERT_TRUE(state) << emu.error();
  EXPECT_EQ(unconverged(*state, s.targets), "");
}

INSTANTIATE_TEST_SUITE_P(Moments, Crash, ::testing::Range(0, kMoments));

}  // namespace
}  // namespace offsetctl::hardening
