#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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
  EXPECT_EQ(none.err,
            "offsetctl: error: 'offsetctl audit' needs a subcommand: 'offsetctl audit verify FILE' checks an audit "
            "log, 'offsetctl audit list FILE' lists its runs\n");
  CliRun r = run_cli({"audit", "verify"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err,
            "offsetctl: error: missing FILE: 'offsetctl audit verify' needs the audit log (JSON Lines), e.g. "
            "offsetctl-audit.jsonl (see 'offsetctl audit verify --help')\n");
}

TEST_F(AuditCommand, ListShowsEveryRun) {
  CliRun r = run_cli({"audit", "list", path_});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "RUN                          STARTED                   ENDED                     ACTOR  CHANGED  "
            "UNCHANGED  FAILED  OUTCOME      PLANS\n"
            "run-20261123T120000Z-aaaaaa  2026-11-23T12:00:00.000Z  2026-11-23T12:00:00.025Z  alice  2        0   "
            "       0       succeeded    plans/orders.yaml\n"
            "run-20261123T130000Z-bbbbbb  2026-11-23T13:00:00.000Z  2026-11-23T13:00:00.015Z  alice  1        0   "
            "       0       succeeded    plans/orders.yaml\n" +
                path_ + ": 2 runs, chain intact.\n");
}

TEST_F(AuditCommand, ListAsJson) {
  CliRun r = run_cli({"audit", "list", path_, "--format", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("ok"), true);
  ASSERT_EQ(doc.at("runs").size(), 2u);
  EXPECT_EQ(doc.at("runs").at(1), nlohmann::json::parse(R"({"run_id": "run-20261123T130000Z-bbbbbb",
      "started_at": "2026-11-23T13:00:00.000Z", "finished_at": "2026-11-23T13:00:00.015Z", "actor": "alice",
      "plans": [], "plan_files": ["plans/orders.yaml"], "saved_plan": null, "region": "ap-guangzhou",
      "counts": {"changed": 1, "unchanged": 0, "failed": 0}, "outcome": "succeeded", "reason": null})"));
}

TEST_F(AuditCommand, ListMarksAnInterruptedRunAndADamagedLog) {
  auto lines = read_lines(path_);
  lines.pop_back();  // run 2 never finished
  write_lines(path_, lines);
  CliRun r = run_cli({"audit", "list", path_, "--format", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("runs").at(1).at("outcome"), "interrupted");
  EXPECT_TRUE(doc.at("runs").at(1).at("finished_at").is_null());
  std::swap(lines[1], lines[2]);
  write_lines(path_, lines);
  CliRun bad = run_cli({"audit", "list", path_});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.out.find(path_ + ":2: error: seq 3 follows seq 1"), std::string::npos) << bad.out;
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
