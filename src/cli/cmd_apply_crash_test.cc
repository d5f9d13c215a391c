// offsetctl apply under concurrency and crashes, through the real programs.
#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <random>
#include <set>
#include <thread>

#include "audit/verify.h"
#include "cli/cmd_apply_test.h"
#include "testing/emulator.h"

namespace offsetctl::cli {
namespace {

using offsetctl::testing::Emulator;
using offsetctl::testing::offsetctl;
using namespace apply_test;

struct ManyGroups {
  Cluster cluster;
  std::string plan = "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: many\ninstance: ckafka-test\n"
                     "region: ap-guangzhou\ngroups:\n";
  ManyGroups() {
    cluster.offsets.clear();
    for (int g = 0; g < 30; ++g) {
      char name[16];
      std::snprintf(name, sizeof name, "group-%02d", g);
      cluster.offsets[name]["payments"] = {{0, 4000}, {1, 4000}, {2, 4000}, {3, 4000}};
      plan += std::string("  - group: ") + name + "\n    topics:\n      - topic: payments\n        offsets: {0: " +
              std::to_string(100 + g) + ", 1: 200, 2: 300, 3: 400}\n";
    }
  }
};

// Two applies of the same saved plan at once, both willing to wait for the
// lock (--lock-timeout): the audit log's lock, taken before the drift check,
// runs them one after the other, and the second finds everything done. Each
// change is sent once.
TEST(ApplyConcurrent, TwoAppliesOfOnePlanChangeEachPartitionOnce) {
  testing::TempDir dir;
  ManyGroups many;
  Emulator emulator(dir, state_yaml(many.cluster));
  ASSERT_FALSE(emulator.url().empty());
  std::string plan_path = dir.write("plans/many.yaml", many.plan);
  std::string saved = dir.path("saved.json");
  ASSERT_EQ(offsetctl(dir, {"plan", plan_path, "--out", saved, "--endpoint", emulator.url()}).exit_code, 0);
  size_t before = emulator.requests().size();

  testing::ProcessResult a, b;
  std::thread first([&] { a = offsetctl(dir, {"apply", saved, "--lock-timeout", "1m"}); });
  std::thread second([&] { b = offsetctl(dir, {"apply", saved, "--lock-timeout", "1m"}); });
  first.join();
  second.join();
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(b.exit_code, 0) << b.err;
  std::set<std::string> lines = {last_line(a.out), last_line(b.out)};
  EXPECT_EQ(lines, (std::set<std::string>{"Apply: 120 changed and verified, 0 failed, 0 unchanged.",
                                          "Apply: 0 changed and verified, 0 failed, 120 unchanged."}));
  EXPECT_EQ(emulator.calls(before).at("BatchModifyGroupOffsets"), 30);
  std::string audit = dir.path("offsetctl-audit.jsonl");
  EXPECT_TRUE(audit::verify_audit_log(audit).ok);
  EXPECT_EQ(record_types(audit).at("run_started"), 2);
  EXPECT_EQ(record_types(audit).at("change_intent"), 30);  // one per call
}

// Crash safety: apply killed at random moments (seeded) always leaves an audit
// log that verifies and a cluster that the same command converges. Each kill
// starts from the original offsets, so every moment is a different partial state.
TEST(ApplyCrash, KilledAtAnyMomentTheSameCommandConverges) {
  testing::TempDir dir;
  ManyGroups many_groups;
  const Cluster& many = many_groups.cluster;
  // Rate limited like the service (20 BatchModifyGroupOffsets a second): a run takes about 1.5 s.
  Emulator emulator(dir, state_yaml(many));
  ASSERT_FALSE(emulator.url().empty());
  std::string plan_path = dir.write("plans/many.yaml", many_groups.plan);
  std::string saved = dir.path("saved.json");
  auto r = offsetctl(dir, {"plan", plan_path, "--out", saved, "--endpoint", emulator.url()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string audit = dir.path("offsetctl-audit.jsonl");

  std::mt19937 rng(20261123);
  std::uniform_int_distribution<int> when(10, 1500);
  int killed = 0;
  for (int round = 0; round < 6; ++round) {
    int after_ms = when(rng);
    SCOPED_TRACE("killed after " + std::to_string(after_ms) + " ms");
    ASSERT_TRUE(emulator.restart(state_yaml(many)));
    r = offsetctl(dir, {"apply", saved}, {}, after_ms);
    killed += r.signal == SIGKILL;
    EXPECT_TRUE(r.signal == SIGKILL || r.exit_code == 0) << r.err << r.out;
    audit::VerifyReport v = audit::verify_audit_log(audit);
    EXPECT_TRUE(v.ok) << v.summary(audit);

    r = offsetctl(dir, {"apply", saved});
    EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
    EXPECT_NE(last_line(r.out).find(" 0 failed, "), std::string::npos) << r.out;
    v = audit::verify_audit_log(audit);
    EXPECT_TRUE(v.ok) << v.summary(audit);
    r = offsetctl(dir, {"plan", plan_path, "--endpoint", emulator.url()});
    EXPECT_EQ(last_line(r.out), "Plan: 0 to change, 120 unchanged, 0 blocked, 0 invalid.") << r.err;
  }
  EXPECT_GE(killed, 4);  // the seed puts most kills inside a run
}

}  // namespace
}  // namespace offsetctl::cli
