// Fault injection: 50 groups applied against the real emulator failing 30% of
// requests (rate limits, internal errors, dropped connections, and replies held
// back longer than offsetctl's --timeout). The apply must converge within the
// documented bound (docs/hardening.md: the first run, else at most two reruns of
// the same command), the audit log must verify, and each change must have one
// change_intent and one final change_result per run.

#include <gtest/gtest.h>

#include "emulator_process.h"
#include "scenario.h"

namespace offsetctl::hardening {
namespace {

// Reruns of the same command allowed after the first apply (docs/hardening.md).
constexpr int kMaxReruns = 2;
constexpr int kFaultGroups = 50;

class FaultInjection : public ::testing::TestWithParam<uint64_t> {};

TEST_P(FaultInjection, ApplyConvergesAndTheAuditLogAccountsForEveryChange) {
  testing::TempDir dir;
  const Scenario s = make_scenario(kFaultGroups, Targets::PerPartition);
  EmulatorOptions eo;
  eo.fault_rate = 0.3;
  eo.seed = GetParam();
  eo.fault_delay_ms = 1500;  // a held-back reply; offsetctl gives up after 1 s and retries
  EmulatorProcess emu(dir, s.state_yaml, eo);
  ASSERT_FALSE(emu.url().empty()) << emu.error();
  dir.write("plans/hardening.yaml", s.plan_yaml);
  const std::vector<std::string> api = {"--endpoint", emu.url(), "--timeout", "1", "--connect-timeout", "1",
                                        "--max-attempts", "8"};

  // Planning reads through the same faults (retried by the client).
  std::vector<std::string> plan = {"plan", "plans", "--out", "saved-plan.json"};
  plan.insert(plan.end(), api.begin(), api.end());
  auto planned = offsetctl(dir, plan);
  ASSERT_EQ(planned.exit_code, 0) << planned.out << planned.err;

  const std::vector<std::string> apply = {"apply", "saved-plan.json", "--audit-log", "audit.jsonl", "--timeout", "1",
                                          "--connect-timeout", "1", "--max-attempts", "8"};
  int runs = 0;
  testing::ProcessResult applied;
  do {
    applied = offsetctl(dir, apply);
    ++runs;
  } while (applied.exit_code != 0 && runs <= kMaxReruns);
  EXPECT_EQ(applied.exit_code, 0) << "not converged after " << runs << " runs:\n" << applied.out << applied.err;
  RecordProperty("apply_runs", runs);
  std::printf("seed %llu: converged after %d apply run(s)\n", static_cast<unsigned long long>(GetParam()), runs);

  auto verified = offsetctl(dir, {"audit", "verify", "audit.jsonl"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;

  const AuditCheck audit = check_audit(read_audit_records(dir.path("audit.jsonl")));
  EXPECT_EQ(audit.problems, "");
  EXPECT_EQ(audit.runs.size(), static_cast<size_t>(runs));
  EXPECT_EQ(audit.final_result.size(), s.targets.size()) << "every change has a final change_result";
  for (const auto& [key, to] : s.targets) {
    auto it = audit.final_result.find(key);
    if (it == audit.final_result.end()) {
      ADD_FAILURE() << "no change_result for " << describe(key);
      continue;
    }
    EXPECT_EQ(it->second.value("target", int64_t{-1}), to) << describe(key);
    EXPECT_TRUE(it->second.value("verified", false)) << describe(key) << ": " << it->second.dump();
    EXPECT_TRUE(it->second["error_code"].is_null()) << describe(key) << ": " << it->second.dump();
  }

  auto state = emu.stop();
  ASSERT_TRUE(state) << emu.error();
  EXPECT_EQ(unconverged(*state, s.targets), "");
}

INSTANTIATE_TEST_SUITE_P(Seeds, FaultInjection, ::testing::Values(1u, 2u, 3u));

}  // namespace
}  // namespace offsetctl::hardening
