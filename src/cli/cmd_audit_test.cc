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

class AuditCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.path("audit.jsonl");
    ASSERT_TRUE(write_sample_log(path_));
  }
  TempDir dir_;
  std::string path_;
};

TEST_F(AuditCommand, IntactLog) {
  CliRun r = run_cli({"audit", "verify", path_});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, path_ + ": 10 records in 2 runs, chain intact.\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(AuditCommand, TamperedLog) {
  auto lines = read_lines(path_);
  lines[3].replace(lines[3].find("\"partition\":0"), 13, "\"partition\":5");
  write_lines(path_, lines);
  CliRun r = run_cli({"audit", "verify", path_});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, path_ + ":4: error: hash mismatch: the record was changed after it was written\n");
}

TEST_F(AuditCommand, TruncatedTail) {
  std::string text = read_text(path_);
  write_text(path_, text.substr(0, text.size() - 20));
  CliRun r = run_cli({"audit", "verify", path_});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, path_ +
                       ": 9 records in 2 runs, chain intact. The last line (10) is a record cut short by an "
                       "interrupted run (a crash, not tampering); the next run continues the chain from the "
                       "record before it.\n");
}

TEST_F(AuditCommand, Json) {
  CliRun r = run_cli({"audit", "verify", path_, "--json"});
  EXPECT_EQ(r.code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["ok"], true);
  EXPECT_EQ(j["records"], 10);
  EXPECT_EQ(j["runs"], 2);
  EXPECT_TRUE(j["error"].is_null());
  EXPECT_EQ(j["truncated_tail"], false);
  EXPECT_EQ(j["last_run_id"], kRun2);
  EXPECT_EQ(j["last_hash"], nlohmann::json::parse(read_lines(path_).back())["hash"]);

  auto lines = read_lines(path_);
  lines.erase(lines.begin() + 1);
  write_lines(path_, lines);
  r = run_cli({"audit", "verify", "--json", path_});
  EXPECT_EQ(r.code, 1);
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["ok"], false);
  EXPECT_EQ(j["error"]["line"], 2);
  EXPECT_EQ(j["error"]["message"], "seq 3 follows seq 1: a record was removed (seq 2 is missing)");
}

TEST_F(AuditCommand, MissingFile) {
  std::string missing = dir_.path("missing.jsonl");
  CliRun r = run_cli({"audit", "verify", missing});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, missing + ": error: cannot open: No such file or directory\n");
}

TEST_F(AuditCommand, NeedsASubcommandAndAFile) {
  CliRun none = run_cli({"audit"});
  EXPECT_EQ(none.code, 1);
  EXPECT_EQ(
      none.err,
      "offsetctl: error: 'offsetctl audit' needs a subcommand: 'offsetctl audit verify FILE' checks an audit "
      "log\n");
  CliRun r = run_cli({"audit", "verify"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("file is required"), std::string::npos) << r.err;
}

TEST_F(AuditCommand, TheProgramExitsWithTheVerdict) {
  auto ok = offsetctl::testing::run_process({"offsetctl", "audit", "verify", path_});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.out, path_ + ": 10 records in 2 runs, chain intact.\n");
  auto lines = read_lines(path_);
  std::swap(lines[1], lines[2]);
  write_lines(path_, lines);
  auto bad = offsetctl::testing::run_process({"offsetctl", "audit", "verify", path_});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.out, path_ + ":2: error: seq 3 follows seq 1: records were reordered (seq 2 is at line 3)\n");
}

}  // namespace
}  // namespace offsetctl::cli
