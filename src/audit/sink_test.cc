#include "audit/sink.h"

#include <gtest/gtest.h>

#include "audit/verify.h"
#include "testing/temp_dir.h"
#include "util/clock.h"
#include "util/files.h"

namespace offsetctl::audit {
namespace {

ChangeFields change(int32_t partition) {
  ChangeFields f;
  f.instance = "ckafka-a";
  f.group = "orders-consumer";
  f.topic = "orders";
  f.partition = partition;
  f.before = 1720;
  f.target = 1500;
  f.action = "BatchModifyGroupOffsets";
  f.call = 1;
  return f;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    out.push_back(text.substr(start, nl - start));
    start = nl == std::string::npos ? text.size() : nl + 1;
  }
  return out;
}

TEST(AuditSink, WritesAVerifiableRunToTheAuditLog) {
  offsetctl::testing::TempDir dir;
  util::FakeClock clock(1763900000000);
  std::string path = dir.path("audit.jsonl");
  std::string run_id = make_run_id(clock.now_ms());
  auto log = AuditLog::open(path, run_id, clock);
  ASSERT_TRUE(log.ok()) << log.error().message;
  AuditLogSink sink(std::move(*log));

  RunStartedInfo info;
  info.tool_version = "0.1.0";
  info.endpoint = "http://127.0.0.1:9000";
  info.region = "ap-guangzhou";
  ASSERT_TRUE(sink.run_started(info).ok());
  ASSERT_TRUE(sink.change_intents({change(0), change(1)}).ok());
  // The intent is on disk before the call is sent; the result rides on the next sync.
  EXPECT_EQ(sink.log().fsync_count(), 2u);
  ChangeOutcome ok;
  ok.request_id = "req-1";
  ok.verified = true;
  ok.after = 1500;
  ASSERT_TRUE(sink.change_results({{change(0), ok}, {change(1), ok}}).ok());
  EXPECT_EQ(sink.log().fsync_count(), 2u);
  RunCounts counts;
  counts.changed = 2;
  counts.calls = 1;
  ASSERT_TRUE(sink.run_finished(counts, 0, "").ok());
  EXPECT_EQ(sink.log().fsync_count(), 3u);

  auto text = util::read_file(path);
  ASSERT_TRUE(text.ok());
  std::vector<std::string> lines = lines_of(*text);
  // One change_intent and one change_result for the call (format 2), its partitions as rows.
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_NE(lines[0].find("\"type\":\"run_started\""), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("\"type\":\"change_intent\""), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("\"format\":2"), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("\"partitions\":[[0,0,1720,1500],[0,1,1720,1500]]"), std::string::npos) << lines[1];
  EXPECT_NE(lines[2].find("\"type\":\"change_result\""), std::string::npos) << lines[2];
  EXPECT_NE(lines[2].find("\"request_id\":\"req-1\""), std::string::npos) << lines[2];
  EXPECT_NE(lines[2].find("\"partitions\":[[0,0,1500,true],[0,1,1500,true]]"), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find("\"type\":\"run_finished\""), std::string::npos) << lines[3];

  VerifyReport report = verify_audit_log(path);
  EXPECT_TRUE(report.ok) << report.summary(path);
  EXPECT_EQ(report.records, 4u);
}

TEST(AuditSink, NullSinkAcceptsEverything) {
  NullAuditSink sink;
  EXPECT_TRUE(sink.run_started({}).ok());
  EXPECT_TRUE(sink.change_intents({change(0)}).ok());
  EXPECT_TRUE(sink.change_results({{change(0), {}}}).ok());
  EXPECT_TRUE(sink.run_finished({}, 0, "").ok());
}

}  // namespace
}  // namespace offsetctl::audit
