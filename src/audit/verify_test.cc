#include "audit/verify.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "audit/schema.h"
#include "audit/test_support.h"
#include "testing/temp_dir.h"

namespace offsetctl::audit {
namespace {

using namespace audit::test;
using offsetctl::testing::TempDir;

class AuditVerify : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.path("audit.jsonl");
    ASSERT_TRUE(write_sample_log(path_));
    lines_ = read_lines(path_);
  }
  VerifyReport verify_lines(const std::vector<std::string>& lines) {
    write_lines(path_, lines);
    return verify_audit_log(path_);
  }
  std::string summary_of(const std::vector<std::string>& lines) { return verify_lines(lines).summary(path_); }

  TempDir dir_;
  std::string path_;
  std::vector<std::string> lines_;
};

TEST_F(AuditVerify, IntactLog) {
  auto report = verify_audit_log(path_);
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.records, 10u);
  EXPECT_EQ(report.runs, 2u);
  EXPECT_EQ(report.lines, 10u);
  EXPECT_FALSE(report.truncated_tail);
  EXPECT_EQ(report.last_seq, 10);
  EXPECT_EQ(report.last_run_id, kRun2);
  EXPECT_EQ(report.last_hash, nlohmann::json::parse(lines_.back())["hash"].get<std::string>());
  EXPECT_EQ(report.summary(path_), path_ + ": 10 records in 2 runs, chain intact.");
}

TEST_F(AuditVerify, ASchemaCompiledOnceGivesTheSameVerdicts) {
  AuditSchema schema;
  std::string text = read_text(path_);
  EXPECT_TRUE(verify_audit_bytes(text, schema).ok);
  EXPECT_EQ(verify_audit_bytes(text, schema).records, 10u);
  std::string edited = text;
  edited[edited.find("\"partition\":1") + 12] = '2';
  EXPECT_EQ(verify_audit_bytes(edited, schema).summary("log"), verify_audit_bytes(edited).summary("log"));
  EXPECT_FALSE(verify_audit_bytes(edited, schema).ok);
}

TEST_F(AuditVerify, VisitsEveryRecordInOrder) {
  std::vector<size_t> seen;
  auto report = verify_audit_log(path_, [&](size_t line, const nlohmann::json& record) {
    EXPECT_EQ(record["seq"], line);
    seen.push_back(line);
  });
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(seen.size(), 10u);
}

TEST_F(AuditVerify, ChangedByte) {
  auto lines = lines_;
  auto at = lines[3].find("\"partition\":0");
  ASSERT_NE(at, std::string::npos);
  lines[3][at + 12] = '3';
  EXPECT_EQ(summary_of(lines),
            path_ + ":4: error: hash mismatch: the record was changed after it was written");
}

TEST_F(AuditVerify, EveryChangedByteIsCaught) {
  // Any byte but those of the last line: damage there looks like (and is
  // reported as) a record cut short, as would its removal (docs/audit-log.md).
  std::string text = read_text(path_);
  size_t last_line = text.rfind('\n', text.size() - 2) + 1;
  std::mt19937 random(7);
  for (int i = 0; i < 300; ++i) {
    std::string edited = text;
    size_t at = random() % last_line;
    if (edited[at] == '\n') continue;
    edited[at] = static_cast<char>(edited[at] ^ (1 + random() % 0x7f));
    if (edited[at] == '\n') continue;  // a split line is caught too, but not as one changed record
    auto report = verify_audit_bytes(edited);
    size_t line =
        1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    EXPECT_FALSE(report.ok) << "byte " << at << " (line " << line << ") changed, still verifies";
    EXPECT_EQ(report.bad_line, line) << report.summary("log");
  }
}

TEST_F(AuditVerify, RemovedLine) {
  auto lines = lines_;
  lines.erase(lines.begin() + 3);
  EXPECT_EQ(summary_of(lines),
            path_ + ":4: error: seq 5 follows seq 3: a record was removed (seq 4 is missing)");
}

TEST_F(AuditVerify, SeveralRemovedLines) {
  auto lines = lines_;
  lines.erase(lines.begin() + 3, lines.begin() + 6);
  EXPECT_EQ(summary_of(lines),
            path_ + ":4: error: seq 7 follows seq 3: 3 records were removed (seq 4 to 6 are missing)");
}

TEST_F(AuditVerify, RemovedFirstLine) {
  auto lines = lines_;
  lines.erase(lines.begin());
  EXPECT_EQ(summary_of(lines),
            path_ + ":1: error: seq 2 is the first record's: a record was removed (seq 1 is missing)");
}

TEST_F(AuditVerify, ReorderedLines) {
  auto lines = lines_;
  std::swap(lines[2], lines[3]);
  EXPECT_EQ(summary_of(lines),
            path_ + ":3: error: seq 4 follows seq 2: records were reordered (seq 3 is at line 4)");
}

TEST_F(AuditVerify, CopiedLine) {
  auto lines = lines_;
  lines.insert(lines.begin() + 5, lines[2]);
  EXPECT_EQ(summary_of(lines), path_ + ":6: error: seq 3 follows seq 5: records were reordered or copied");
}

TEST_F(AuditVerify, RewrittenRecordWithARecomputedHash) {
  // Whoever edits a record and fixes its hash breaks the link of the next one.
  auto record = nlohmann::json::parse(lines_[4]);
  record["error_code"] = "InternalError";
  record["hash"] = record_hash(record["prev_hash"].get<std::string>(), record);
  auto lines = lines_;
  lines[4] = canonical_json(record);
  EXPECT_EQ(summary_of(lines),
            path_ + ":6: error: prev_hash does not match line 5: records were reordered or removed");
}

TEST_F(AuditVerify, ALineReformattedButUnchanged) {
  auto lines = lines_;
  lines[2] = nlohmann::json::parse(lines[2]).dump(1);
  lines[2].erase(std::remove(lines[2].begin(), lines[2].end(), '\n'), lines[2].end());
  EXPECT_EQ(summary_of(lines),
            path_ + ":3: error: not in canonical form: the line was edited after it was written");
}

TEST_F(AuditVerify, TruncatedTailIsACrashNotTampering) {
  std::string text = read_text(path_);
  std::string cut = text.substr(0, text.size() - 40);  // the last record, cut short
  write_text(path_, cut);
  auto report = verify_audit_log(path_);
  EXPECT_TRUE(report.ok);
  EXPECT_TRUE(report.truncated_tail);
  EXPECT_EQ(report.truncated_line, 10u);
  EXPECT_EQ(report.records, 9u);
  EXPECT_EQ(report.summary(path_),
            path_ +
                ": 9 records in 2 runs, chain intact. The last line (10) is a record cut short by an "
                "interrupted run (a crash, not tampering); the next run continues the chain from the "
                "record before it.");
}

TEST_F(AuditVerify, TruncatedTailAtEveryLength) {
  std::string text = read_text(path_);
  size_t last_start = text.rfind('\n', text.size() - 2) + 1;
  for (size_t len = last_start + 1; len < text.size() - 1; ++len) {
    auto report = verify_audit_bytes(text.substr(0, len));
    EXPECT_TRUE(report.ok) << len << ": " << report.summary("log");
    EXPECT_TRUE(report.truncated_tail) << len;
  }
  // Cut just before its newline: the record is whole, only the newline is missing.
  auto whole = verify_audit_bytes(text.substr(0, text.size() - 1));
  EXPECT_TRUE(whole.ok);
  EXPECT_FALSE(whole.truncated_tail);
  EXPECT_EQ(whole.records, 10u);
}

TEST_F(AuditVerify, ZeroBytesFromAPowerLossAreATruncatedTail) {
  auto report = verify_audit_bytes(read_text(path_) + std::string(300, '\0'));
  EXPECT_TRUE(report.ok);
  EXPECT_TRUE(report.truncated_tail);
}

TEST_F(AuditVerify, InterruptedWriteFollowedByANewRun) {
  auto lines = lines_;
  lines.insert(lines.begin() + 6, lines_[6].substr(0, 30));  // run 2's run_started was cut, then rewritten
  auto report = verify_lines(lines);
  EXPECT_TRUE(report.ok) << report.summary(path_);
  EXPECT_EQ(report.interrupted_lines, std::vector<size_t>{7});
  EXPECT_EQ(report.summary(path_),
            path_ +
                ": 10 records in 2 runs, chain intact. Line 7: a record cut short by an interrupted run (a "
                "crash, not tampering); the chain continues across.");
}

TEST_F(AuditVerify, OnlyANewRunMayFollowAnInterruptedWrite) {
  auto lines = lines_;
  lines.insert(lines.begin() + 3, lines_[3].substr(0, 30));
  EXPECT_EQ(summary_of(lines),
            path_ +
                ":5: error: a change_result record follows the record cut short at line 4: "
                "only a new run (run_started) can follow an interrupted write");
}

TEST_F(AuditVerify, GarbageLine) {
  auto lines = lines_;
  lines[4] = "hello";
  EXPECT_EQ(summary_of(lines),
            path_ + ":5: error: not an audit record (not JSON (byte 1: expected a JSON value, found 'h'))");
  lines[4] = "";
  EXPECT_EQ(summary_of(lines), path_ + ":5: error: not an audit record (an empty line)");
  lines[4] = "[1,2]";
  EXPECT_EQ(summary_of(lines), path_ + ":5: error: not an audit record (an array, not an object)");
}

TEST_F(AuditVerify, GarbageFile) {
  write_text(path_, "this is not an audit log\nat all\n");
  EXPECT_EQ(verify_audit_log(path_).summary(path_),
            path_ +
                ":1: error: not an audit record (not JSON (byte 1: an invalid literal (expected null, "
                "true or false)))");
}

TEST_F(AuditVerify, EmptyFileIsAnEmptyLog) {
  write_text(path_, "");
  auto report = verify_audit_log(path_);
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.summary(path_), path_ + ": 0 records in 0 runs, chain intact.");
}

TEST_F(AuditVerify, MissingFile) {
  auto report = verify_audit_log(dir_.path("nope.jsonl"));
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.bad_line, 0u);
  EXPECT_EQ(report.summary("nope.jsonl"), "nope.jsonl: error: cannot open: No such file or directory");
}

TEST_F(AuditVerify, AFolder) {
  auto report = verify_audit_log(dir_.root());
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.summary("x"), "x: error: cannot read: Is a directory");
}

TEST(AuditVerifyRuns, RecordsBelongToTheRunStartedLast) {
  auto lines = chain({started(kRun1), intent(kRun2, 0, 1, 2)});
  EXPECT_EQ(verify_audit_bytes(lines[0] + "\n" + lines[1] + "\n").summary("log"),
            "log:2: error: run_id " + kRun2 + " is not the run started at line 1 (" + kRun1 + ")");
}

TEST(AuditVerifyRuns, RunIdsAreNotReused) {
  auto lines = chain({started(kRun1), finished(kRun1), started(kRun1)});
  EXPECT_EQ(verify_audit_bytes(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n").summary("log"),
            "log:3: error: run_id " + kRun1 + " was already used by the run started at line 1");
}

TEST(AuditVerifyRuns, NothingAfterRunFinished) {
  auto lines = chain({started(kRun1), finished(kRun1), intent(kRun1, 0, 1, 2)});
  EXPECT_EQ(verify_audit_bytes(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n").summary("log"),
            "log:3: error: a change_intent record after the run_finished of its run at line 2");
}

TEST(AuditVerifyRuns, LogStartsWithARun) {
  auto lines = chain({intent(kRun1, 0, 1, 2)});
  EXPECT_EQ(verify_audit_bytes(lines[0] + "\n").summary("log"),
            "log:1: error: a change_intent record before any run_started: the log does not start with a run");
}

TEST(AuditVerifyRuns, FirstRecordStartsTheChain) {
  auto lines = chain({started(kRun1)}, 1, std::string(64, '1'));
  EXPECT_EQ(verify_audit_bytes(lines[0] + "\n").summary("log"),
            "log:1: error: prev_hash is not 64 zeros: the first record must start the chain");
}

TEST(AuditVerifyRuns, ShapeOfEachRecord) {
  auto record = intent(kRun1, 0, 1, 2);
  record["partition"] = -1;
  auto lines = chain({started(kRun1), record});
  EXPECT_EQ(verify_audit_bytes(lines[0] + "\n" + lines[1] + "\n").summary("log"),
            "log:2: error: field 'partition': Expected number greater than or equal to 0.000000");
  auto no_hash = nlohmann::json::parse(chain({started(kRun1)})[0]);
  no_hash.erase("hash");
  EXPECT_EQ(verify_audit_bytes(no_hash.dump() + "\n").summary("log"), "log:1: error: missing field 'hash'");
}

TEST(AuditVerifyRuns, InvalidDate) {
  auto record = started(kRun1);
  record["time"] = "2026-02-30T00:00:00.000Z";
  auto lines = chain({record});
  EXPECT_EQ(verify_audit_bytes(lines[0] + "\n").summary("log"),
            "log:1: error: field 'time': not a valid date and time");
}

TEST(AuditVerifyHostile, NeverCrashes) {
  std::vector<std::string> inputs = {
      std::string(3u << 20, 'x'),                     // one huge line
      "{\"a\":" + std::string(1u << 20, '[') + "\n",  // deep nesting
      std::string(200000, '{'),                       // deep and unfinished
      "{\"seq\":1,\"hash\":\"\xff\xfe\"}\n",          // invalid UTF-8
      std::string("\0\0\0\n\0", 5),                   // zero bytes
      "{\"seq\":18446744073709551615,\"hash\":1}\n",  // huge numbers
      "{\"seq\":-9223372036854775808}\n{\"seq\":1e400}\n",
      "\n\n\n",
      "{\"type\":\"run_started\",\"seq\":1,\"hash\":\"" + std::string(64, 'a') + "\",\"prev_hash\":\"" +
          std::string(64, '0') + "\",\"time\":\"" + std::string(500000, '1') + "\"}\n",
  };
  for (const auto& input : inputs) {
    auto report = verify_audit_bytes(input);
    EXPECT_FALSE(report.ok && report.records > 0);
  }
}

TEST(AuditVerifyHostile, RandomBytes) {
  std::mt19937 random(42);
  for (int i = 0; i < 300; ++i) {
    std::string bytes(random() % 400, '\0');
    for (auto& b : bytes) b = static_cast<char>(random() % 8 == 0 ? '\n' : random() % 256);
    auto report = verify_audit_bytes(bytes);
    EXPECT_EQ(report.records, 0u);
  }
}

// docs/audit-log.md gives auditors a recipe with standard tools; it must agree with us.
TEST_F(AuditVerify, DocumentedShellRecipeAgrees) {
  if (std::system("command -v jq >/dev/null && command -v sha256sum >/dev/null") != 0) {
    GTEST_SKIP() << "jq or sha256sum is not installed";
  }
  std::string script = dir_.write("recipe.sh", R"SH(
prev=0000000000000000000000000000000000000000000000000000000000000000
n=0
while IFS= read -r line; do
  n=$((n+1))
  [ "$(printf '%s' "$line" | jq -r .prev_hash)" = "$prev" ] || { echo "line $n: broken link"; exit 1; }
  want=$(printf '%s' "$line" | jq -r .hash)
  got=$(printf '%s%s' "$prev" "$(printf '%s' "$line" | jq -cS 'del(.hash)')" | sha256sum | cut -d' ' -f1)
  [ "$got" = "$want" ] || { echo "line $n: hash mismatch"; exit 1; }
  prev=$want
done < "$1"
echo "chain intact: $n records"
)SH");
  std::string out = dir_.path("out");
  EXPECT_EQ(std::system(("bash " + script + " " + path_ + " > " + out).c_str()), 0);
  EXPECT_EQ(read_text(out), "chain intact: 10 records\n");
  auto lines = lines_;
  lines[4][lines[4].find("\"partition\":") + 12] = '7';
  write_lines(path_, lines);
  EXPECT_NE(std::system(("bash " + script + " " + path_ + " > " + out).c_str()), 0);
  EXPECT_EQ(read_text(out), "line 5: hash mismatch\n");
}

TEST_F(AuditVerify, DocumentedPythonRecipeAgrees) {
  if (std::system("command -v python3 >/dev/null") != 0) GTEST_SKIP() << "python3 is not installed";
  std::string script = dir_.write("recipe.py", R"PY(import hashlib, json, sys
prev = "0" * 64
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    record = json.loads(line)
    claimed = record.pop("hash")
    canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if record["prev_hash"] != prev or hashlib.sha256((prev + canonical).encode()).hexdigest() != claimed:
        sys.exit(f"line {n}: broken chain")
    prev = claimed
print(f"chain intact: {n} records")
)PY");
  std::string out = dir_.path("out");
  EXPECT_EQ(std::system(("python3 " + script + " " + path_ + " > " + out).c_str()), 0);
  EXPECT_EQ(read_text(out), "chain intact: 10 records\n");
}

}  // namespace
}  // namespace offsetctl::audit
