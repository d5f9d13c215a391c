#include "audit/log.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "audit/compact.h"
#include "audit/lock.h"
#include "audit/test_support.h"
#include "audit/verify.h"
#include "testing/temp_dir.h"
#include "util/crypto.h"
#include "util/time.h"

namespace offsetctl::audit {
namespace {

using namespace audit::test;
using offsetctl::testing::TempDir;

unsigned mode_of(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 07777;
}

std::unique_ptr<AuditLog> open_log(const std::string& path, const std::string& run_id,
                                   const util::Clock& clock, int timeout_ms = 1000) {
  auto log = AuditLog::open(path, run_id, clock, timeout_ms);
  EXPECT_TRUE(log) << (log ? "" : log.error().message);
  return log ? std::move(*log) : nullptr;
}

TEST(AuditLog, WritesAHashChainOfCanonicalLines) {
  TempDir dir;
  std::string path = dir.path("audit.jsonl");
  ASSERT_TRUE(write_sample_log(path));
  auto lines = read_lines(path);
  ASSERT_EQ(lines.size(), 10u);
  std::string prev(kZeroHash);
  for (size_t i = 0; i < lines.size(); ++i) {
    auto record = nlohmann::json::parse(lines[i]);
    EXPECT_EQ(record["seq"], i + 1);
    EXPECT_EQ(record["prev_hash"], prev);
    nlohmann::json without = record;
    without.erase("hash");
    EXPECT_EQ(record["hash"], util::sha256_hex(prev + canonical_json(without)));
    EXPECT_EQ(lines[i], canonical_json(record));
    prev = record["hash"];
  }
  auto first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["type"], "run_started");
  EXPECT_EQ(first["run_id"], kRun1);
  EXPECT_EQ(first["time"], "2026-11-23T12:00:00.000Z");
  EXPECT_EQ(nlohmann::json::parse(lines[6])["run_id"], kRun2);
  EXPECT_EQ(nlohmann::json::parse(lines[6])["time"], "2026-11-23T13:00:00.000Z");
  EXPECT_TRUE(verify_audit_log(path).ok);
}

TEST(AuditLog, SeqAndChainContinueAcrossRuns) {
  TempDir dir;
  std::string path = dir.path("audit.jsonl");
  util::FakeClock clock(kT0);
  ASSERT_TRUE(write_run(path, kRun1, clock, {sample_change("g", 0, 1, 2)}));
  std::string last_hash = nlohmann::json::parse(read_lines(path).back())["hash"];
  auto log = open_log(path, kRun2, clock);
  ASSERT_TRUE(log);
  EXPECT_EQ(log->last_seq(), 4);
  EXPECT_EQ(log->last_hash(), last_hash);
  EXPECT_FALSE(log->created());
  ASSERT_TRUE(log->append("run_started", run_started_fields(sample_run_info()), true));
  auto record = nlohmann::json::parse(read_lines(path).back());
  EXPECT_EQ(record["seq"], 5);
  EXPECT_EQ(record["prev_hash"], last_hash);
}

TEST(AuditLog, CreatesTheFilePrivate) {
  TempDir dir;
  std::string path = dir.path("audit.jsonl");
  mode_t old = ::umask(0);  // even with a permissive umask
  util::FakeClock clock(kT0);
  auto log = open_log(path, kRun1, clock);
  ::umask(old);
  ASSERT_TRUE(log);
  EXPECT_TRUE(log->created());
  EXPECT_EQ(mode_of(path), 0600u);
}

TEST(AuditLog, KeepsTheModeOfAnExistingFile) {
  TempDir dir;
  std::string path = dir.write("audit.jsonl", "");
  ::chmod(path.c_str(), 0640);
  util::FakeClock clock(kT0);
  auto log = open_log(path, kRun1, clock);
  ASSERT_TRUE(log);
  ASSERT_TRUE(log->append("run_started", run_started_fields(sample_run_info()), true));
  EXPECT_EQ(mode_of(path), 0640u);
}

TEST(AuditLog, FlushesToDiskOnlyWhenAsked) {
  TempDir dir;
  util::FakeClock clock(kT0);
  auto log = open_log(dir.path("audit.jsonl"), kRun1, clock);
  ASSERT_TRUE(log);
  ASSERT_TRUE(log->append("run_started", run_started_fields(sample_run_info()), false));
  EXPECT_EQ(log->fsync_count(), 0u);
  ASSERT_TRUE(log->append("change_intent", change_intent_fields(sample_change("g", 0, 1, 2)), false));
  ASSERT_TRUE(log->append("change_intent", change_intent_fields(sample_change("g", 1, 1, 2)), true));
  EXPECT_EQ(log->fsync_count(), 1u);
}

TEST(AuditLog, ARunStartsWithRunStartedAndEndsWithRunFinished) {
  TempDir dir;
  util::FakeClock clock(kT0);
  std::string path = dir.path("audit.jsonl");
  auto log = open_log(path, kRun1, clock);
  ASSERT_TRUE(log);
  auto early = log->append("change_intent", change_intent_fields(sample_change("g", 0, 1, 2)), true);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().message,
            "audit log " + path + ": a run's first record must be run_started, not change_intent");
  ASSERT_TRUE(log->append("run_started", run_started_fields(sample_run_info()), false));
  auto again = log->append("run_started", run_started_fields(sample_run_info()), false);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message, "audit log " + path + ": run " + kRun1 + " has already started");
  ASSERT_TRUE(log->append("run_finished", run_finished_fields({}, 0), true));
  auto late = log->append("change_intent", change_intent_fields(sample_change("g", 0, 1, 2)), true);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().message, "audit log " + path + ": run " + kRun1 + " has already finished");
  EXPECT_EQ(read_lines(path).size(), 2u);
}

TEST(AuditLog, RefusesInvalidRecordsAndWritesNothing) {
  TempDir dir;
  util::FakeClock clock(kT0);
  std::string path = dir.path("audit.jsonl");
  auto log = open_log(path, kRun1, clock);
  ASSERT_TRUE(log);
  ASSERT_TRUE(log->append("run_started", run_started_fields(sample_run_info()), false));
  auto fields = change_intent_fields(sample_change("g", 0, 1, 2));
  fields.erase("target");
  auto missing = log->append("change_intent", fields, true);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "audit log " + path + ": refusing an invalid change_intent record: missing field 'target'");
  auto reserved = log->append("run_finished", {{"seq", 9}}, true);
  ASSERT_FALSE(reserved);
  EXPECT_EQ(reserved.error().message, "audit log " + path + ": field 'seq' is set by the audit log itself");
  auto unknown = log->append("run_paused", {}, true);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, "audit log " + path + ": unknown record type 'run_paused'");
  EXPECT_EQ(read_lines(path).size(), 1u);
  ASSERT_TRUE(log->append("run_finished", run_finished_fields({}, 0), true));  // still usable
  EXPECT_TRUE(verify_audit_log(path).ok);
}

TEST(AuditLog, RefusesACompactChangeRecordWithoutItsHeaderOrWithABadRow) {
  TempDir dir;
  util::FakeClock clock(kT0);
  std::string path = dir.path("audit.jsonl");
  auto log = open_log(path, kRun1, clock);
  ASSERT_TRUE(log);
  ASSERT_TRUE(log->append("run_started", run_started_fields(sample_run_info()), false));
  auto intent = [] {
    return compact_intent_fields({sample_change("g", 0, 1, 2), sample_change("g", 1, 1, 2)}).front();
  };
  auto headless = intent();
  headless.erase("group");
  auto missing = log->append("change_intent", headless, true);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "audit log " + path + ": refusing an invalid change_intent record: missing field 'group'");
  auto bad_row = intent();
  bad_row["partitions"][0][2] = "1";
  EXPECT_FALSE(log->append("change_intent", bad_row, true));
  EXPECT_EQ(read_lines(path).size(), 1u);
  ASSERT_TRUE(log->append("change_intent", intent(), true));
  EXPECT_TRUE(verify_audit_log(path).ok);
}

TEST(AuditLog, InvalidUtf8IsStoredReplacedAndStillVerifies) {
  TempDir dir;
  util::FakeClock clock(kT0);
  std::string path = dir.path("audit.jsonl");
  auto log = open_log(path, kRun1, clock);
  ASSERT_TRUE(log);
  ASSERT_TRUE(log->append("run_started", run_started_fields(sample_run_info()), false));
  ChangeOutcome outcome{"req", "InternalError", std::string("bad \xff byte"), false, std::nullopt};
  ASSERT_TRUE(log->append("change_intent", change_intent_fields(sample_change("g", 0, 1, 2)), true));
  ASSERT_TRUE(log->append("change_result", change_result_fields(sample_change("g", 0, 1, 2), outcome), true));
  EXPECT_EQ(nlohmann::json::parse(read_lines(path).back())["error_message"], "bad \xEF\xBF\xBD byte");
  EXPECT_TRUE(verify_audit_log(path).ok);
}

TEST(AuditLog, SecondRunWaitsForTheLockThenFailsClearly) {
  TempDir dir;
  util::FakeClock clock(kT0);
  std::string path = dir.path("audit.jsonl");
  auto first = open_log(path, kRun1, clock);
  ASSERT_TRUE(first);
  auto second = AuditLog::open(path, kRun2, clock, 200);
  ASSERT_FALSE(second);
  EXPECT_EQ(
      second.error().message,
      "audit log " + path + " is locked by another offsetctl run (pid " + std::to_string(::getpid()) +
          ", started " + util::format_rfc3339_ms(*process_start_ms(::getpid())) +
          ") and was still locked after 200 ms. Two runs must not write one audit log at the same time: "
          "let that run finish, then run this command again (the lock goes away by itself when that "
          "process ends).");
  first.reset();
  EXPECT_TRUE(open_log(path, kRun2, clock));
}

TEST(AuditLog, SecondRunGetsTheLockWhenTheFirstEndsInTime) {
  TempDir dir;
  util::FakeClock clock(kT0);
  std::string path = dir.path("audit.jsonl");
  auto first = open_log(path, kRun1, clock);
  ASSERT_TRUE(first);
  ASSERT_TRUE(first->append("run_started", run_started_fields(sample_run_info()), false));
  std::thread finisher([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_TRUE(first->append("run_finished", run_finished_fields({}, 0), true));
    first.reset();
  });
  auto second = open_log(path, kRun2, clock, 30000);
  finisher.join();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->last_seq(), 2);  // it read the file after the first run finished
}

TEST(AuditLog, LockHeldByAnotherProcessNamesItAndDiesWithIt) {
  TempDir dir;
  util::FakeClock clock(kT0);
  std::string path = dir.path("audit.jsonl");
  int ready[2], release[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(release), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto log = AuditLog::open(path, kRun1, clock, 1000);
    char c = log ? 'y' : 'n';
    (void)!::write(ready[1], &c, 1);
    (void)!::read(release[0], &c, 1);  // hold the lock until the parent is done
    ::_exit(0);
  }
  char c = 0;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);
  ASSERT_EQ(c, 'y');
  auto second = AuditLog::open(path, kRun2, clock, 100);
  ASSERT_FALSE(second);
  EXPECT_NE(
      second.error().message.find("is locked by another offsetctl run (pid " + std::to_string(child) + ", started "),
      std::string::npos)
      << second.error().message;
  ::kill(child, SIGKILL);  // a crashed run never leaves a stale lock
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(open_log(path, kRun2, clock));
  for (int fd : {ready[0], ready[1], release[0], release[1]}) ::close(fd);
}

TEST(AuditLog, ContinuesAfterARecordCutShortByACrash) {
  TempDir dir;
  util::FakeClock clock(kT0);
  std::string path = dir.path("audit.jsonl");
  ASSERT_TRUE(write_run(path, kRun1, clock, {sample_change("g", 0, 1, 2)}));
  std::string before_crash = read_text(path);
  std::string torn = R"({"action":"BatchModifyGroupOffsets","before":5,"ca)";
  write_text(path, before_crash + torn);
  EXPECT_EQ(verify_audit_log(path).truncated_line, 5u);

  auto log = open_log(path, kRun2, clock);
  ASSERT_TRUE(log);
  EXPECT_EQ(log->truncated_line(), 5u);
  EXPECT_EQ(log->last_seq(), 4);
  ASSERT_TRUE(log->append("run_started", run_started_fields(sample_run_info()), true));
  auto lines = read_lines(path);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[4], torn);  // left as it was
  auto record = nlohmann::json::parse(lines[5]);
  EXPECT_EQ(record["seq"], 5);
  EXPECT_EQ(record["prev_hash"], nlohmann::json::parse(lines[3])["hash"]);
  auto report = verify_audit_log(path);
  EXPECT_TRUE(report.ok) << report.summary(path);
  EXPECT_EQ(report.interrupted_lines, std::vector<size_t>{5});
}

TEST(AuditLog, RefusesToContinueADamagedLastRecord) {
  TempDir dir;
  util::FakeClock clock(kT0);
  std::string path = dir.path("audit.jsonl");
  ASSERT_TRUE(write_run(path, kRun1, clock, {sample_change("g", 0, 1, 2)}));
  auto lines = read_lines(path);
  std::string edited = lines[3];
  edited.replace(edited.find("\"exit_code\":0"), 13, "\"exit_code\":1");
  lines[3] = edited;
  write_lines(path, lines);
  auto log = AuditLog::open(path, kRun2, clock, 100);
  ASSERT_FALSE(log);
  EXPECT_EQ(
      log.error().message,
      "audit log " + path +
          ":4: the last record was changed after it was written (its hash does not "
          "match), so the hash chain cannot be continued. Run 'offsetctl audit verify " +
          path +
          "' to see what is wrong; to start a new chain, move the file aside (keep it for the auditors).");

  write_text(path, "hello\n");
  log = AuditLog::open(path, kRun2, clock, 100);
  ASSERT_FALSE(log);
  EXPECT_EQ(
      log.error().message,
      "audit log " + path +
          ":1: the last record is not an audit record (not JSON (byte 1: expected a JSON value, found 'h')), "
          "so the hash chain cannot be continued. Run 'offsetctl audit verify " +
          path +
          "' to see what is wrong; to start a new chain, move the file aside (keep it for the auditors).");
}

TEST(AuditLog, RefusesAFolderAndAMissingFolder) {
  TempDir dir;
  util::FakeClock clock(kT0);
  auto folder = AuditLog::open(dir.root(), kRun1, clock, 100);
  ASSERT_FALSE(folder);
  EXPECT_EQ(folder.error().message,
            "cannot open audit log " + dir.root() + ": Is a directory (give the path of a file)");
  std::string missing = dir.path("no/such/audit.jsonl");
  auto nowhere = AuditLog::open(missing, kRun1, clock, 100);
  ASSERT_FALSE(nowhere);
  EXPECT_EQ(nowhere.error().message,
            "cannot open audit log " + missing + ": No such file or directory (its folder does not exist)");
}

TEST(AuditLog, RefusesAnInvalidRunId) {
  TempDir dir;
  util::FakeClock clock(kT0);
  auto log = AuditLog::open(dir.path("audit.jsonl"), "my-run", clock, 100);
  ASSERT_FALSE(log);
  EXPECT_EQ(log.error().message,
            "invalid run id 'my-run' (expected run-YYYYMMDDTHHMMSSZ-<hex>, see make_run_id)");
}

TEST(AuditLog, AppendsFromManyThreadsKeepTheChain) {
  TempDir dir;
  util::FakeClock clock(kT0);
  std::string path = dir.path("audit.jsonl");
  auto log = open_log(path, kRun1, clock);
  ASSERT_TRUE(log);
  ASSERT_TRUE(log->append("run_started", run_started_fields(sample_run_info()), false));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int p = 0; p < 25; ++p) {
        EXPECT_TRUE(log->append(
            "change_intent", change_intent_fields(sample_change("g" + std::to_string(t), p, 1, 2)), p == 24));
      }
    });
  }
  for (auto& th : threads) th.join();
  auto report = verify_audit_log(path);
  EXPECT_TRUE(report.ok) << report.summary(path);
  EXPECT_EQ(report.records, 101u);
}

}  // namespace
}  // namespace offsetctl::audit
