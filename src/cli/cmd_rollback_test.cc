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
  EXPECT_EQ(r.err, "Wrote " + out_ +
                       ": restores 1 partition in 1 group to their committed offsets before run " + kRun2 +
                       " (started 2026-11-23T13:00:00.000Z).\nReview it with 'offsetctl plan " + out_ +
                       "', then apply it.\n");
  EXPECT_EQ(r.out, "");
  EXPECT_NE(read_text(out_).find("offsets: {0: 1500}"), std::string::npos);
  CliRun v = run_cli({"validate", out_});
  EXPECT_EQ(v.code, 0) << v.out;
}

TEST_F(RollbackCommand, ChosenRun) {
  ASSERT_TRUE(write_sample_log(path_));
  CliRun r = run_cli({"rollback", "--audit-log", path_, "--run", kRun1, "--out", out_});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("restores 2 partitions in 1 group"), std::string::npos) << r.err;
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
  EXPECT_EQ(r.err.substr(0, r.err.find('\n') + 1),
            "offsetctl: warning: ckafka-1/billing/orders[0] had no committed offset before run " + kRun1 +
                " and cannot be set back to nothing; it is left out of " + out_ + "\n");
}

TEST_F(RollbackCommand, NeverOverwritesTheAuditLog) {
  ASSERT_TRUE(write_sample_log(path_));
  std::string before = read_text(path_);
  CliRun r = run_cli({"rollback", "--audit-log", path_, "--out", path_});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --out " + path_ +
                       ": that file is one this command reads; write a plan file to another file\n");
  EXPECT_EQ(read_text(path_), before);
}

TEST_F(RollbackCommand, WritesToStandardOutputWithoutOut) {
  ASSERT_TRUE(write_sample_log(path_));
  CliRun r = run_cli({"rollback", "--audit-log", path_});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("name: rollback-" + kRun2 + "\n"), std::string::npos) << r.out;  // the run ID as written
  EXPECT_NE(r.out.find("offsets: {0: 1500}"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "The rollback plan above restores 1 partition in 1 group to their committed offsets before run " +
                       kRun2 +
                       " (started 2026-11-23T13:00:00.000Z). Save it to a file (or pass --out FILE), review it "
                       "with 'offsetctl plan FILE', then apply it.\n");
}

TEST_F(RollbackCommand, NeverOverwritesAFileThatIsNotAPlan) {
  ASSERT_TRUE(write_sample_log(path_));
  std::string notes = dir_.write("notes.txt", "keep me\n");
  CliRun r = run_cli({"rollback", "--audit-log", path_, "--out", notes});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --out " + notes +
                       ": the file exists and is not a plan file, so it is left alone; choose another name, or "
                       "remove it first\n");
  EXPECT_EQ(read_text(notes), "keep me\n");
  // A plan file (an earlier rollback) is replaced.
  ASSERT_EQ(run_cli({"rollback", "--audit-log", path_, "--out", out_}).code, 0);
  EXPECT_EQ(run_cli({"rollback", "--audit-log", path_, "--out", out_}).code, 0);
}

TEST_F(RollbackCommand, ReadsTheDefaultAuditLogOfApply) {
  ASSERT_TRUE(write_sample_log(dir_.path("offsetctl-audit.jsonl")));
  offsetctl::testing::ProcessOptions options;
  options.cwd = dir_.root();
  auto r = offsetctl::testing::run_process({"offsetctl", "rollback", "--out", "plan.yaml"}, options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_text(dir_.path("plan.yaml")).find("name: rollback-run-20261123T130000Z-bbbbbb"),
            std::string::npos);
}

}  // namespace
}  // namespace offsetctl::cli
