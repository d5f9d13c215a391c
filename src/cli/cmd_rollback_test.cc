#include <gtest/gtest.h>

#include "audit/test_support.h"
#include "cli/run_cli_test.h"
#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::cli {
namespace {

using namespace audit::test;
using offsetctl::testing::TempDir;

using cli_testing::CliRun;
using cli_testing::run_cli;

class RollbackCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.path("audit.jsonl");
    out_ = dir_.path("rollback.yaml");
  }
  TempDir dir_;
  std::string path_;
  std::string out_;
};

TEST_F(RollbackCommand, WritesAPlanThatValidates) {
  ASSERT_TRUE(write_sample_log(path_));
  CliRun r = run_cli({"rollback", "--audit-log", path_, "--out", out_});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Wrote " + out_ +
                       ": restores 1 partition in 1 group to their committed offsets before run " + kRun2 +
                       " (started 2026-11-23T13:00:00.000Z).\nReview it with 'offsetctl plan " + out_ +
                       "', then apply it.\n");
  EXPECT_EQ(r.err, "");
  EXPECT_NE(read_text(out_).find("offsets: {0: 1500}"), std::string::npos);
  CliRun v = run_cli({"validate", out_});
  EXPECT_EQ(v.code, 0) << v.out;
}

TEST_F(RollbackCommand, ChosenRun) {
  ASSERT_TRUE(write_sample_log(path_));
  CliRun r = run_cli({"rollback", "--audit-log", path_, "--run", kRun1, "--out", out_});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("restores 2 partitions in 1 group"), std::string::npos) << r.out;
  EXPECT_NE(read_text(out_).find("offsets: {0: 1720, 1: 800}"), std::string::npos);
}

TEST_F(RollbackCommand, UnknownRun) {
  ASSERT_TRUE(write_sample_log(path_));
  CliRun r =
      run_cli({"rollback", "--audit-log", path_, "--run", "run-20261123T120000Z-aaaaab", "--out", out_});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: audit log " + path_ +
                       " has no run run-20261123T120000Z-aaaaab; did you mean " + kRun1 + "?\n");
  EXPECT_FALSE(std::ifstream(out_).good());  // nothing written
}

TEST_F(RollbackCommand, WarnsAboutPartitionsThatCannotBeRestored) {
  util::FakeClock clock(kT0);
  ASSERT_TRUE(
      write_run(path_, kRun1, clock,
                {sample_change("billing", 0, std::nullopt, 10), sample_change("billing", 1, 800, 700)}));
  CliRun r = run_cli({"rollback", "--audit-log", path_, "--out", out_});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "offsetctl: warning: ckafka-1/billing/orders[0] had no committed offset before run " +
                       kRun1 + " and cannot be set back to nothing; it is left out of " + out_ + "\n");
}

TEST_F(RollbackCommand, NeverOverwritesTheAuditLog) {
  ASSERT_TRUE(write_sample_log(path_));
  std::string before = read_text(path_);
  CliRun r = run_cli({"rollback", "--audit-log", path_, "--out", path_});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: " + path_ +
                       " is the audit log itself; give --out another file for the rollback plan\n");
  EXPECT_EQ(read_text(path_), before);
}

TEST_F(RollbackCommand, OutIsRequired) {
  ASSERT_TRUE(write_sample_log(path_));
  CliRun r = run_cli({"rollback", "--audit-log", path_});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("--out is required"), std::string::npos) << r.err;
}

TEST_F(RollbackCommand, ReadsTheDefaultAuditLogOfApply) {
  ASSERT_TRUE(write_sample_log(dir_.path("offsetctl-audit.jsonl")));
  offsetctl::testing::ProcessOptions options;
  options.cwd = dir_.root();
  auto r = offsetctl::testing::run_process({"offsetctl", "rollback", "--out", "plan.yaml"}, options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_text(dir_.path("plan.yaml")).find("name: rollback-run-20261123t130000z-bbbbbb"),
            std::string::npos);
}

}  // namespace
}  // namespace offsetctl::cli
