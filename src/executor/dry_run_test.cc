#include "executor/dry_run.h"

#include <gtest/gtest.h>

#include "api/fake_ckafka_test.h"
#include "executor/executor.h"

namespace offsetctl::executor {
namespace {

using api::fakes::FakeCkafka;

api::DescribeGroupOffsetsRequest read(const std::string& group, const std::string& topic) {
  api::DescribeGroupOffsetsRequest r;
  r.InstanceId = "ckafka-a";
  r.Group = group;
  r.Topics = {topic};
  return r;
}

TEST(DryRun, WritesAreKeptBackAndShowInLaterReads) {
  auto real = std::make_shared<FakeCkafka>();
  real->set("g", "t", 0, 700, 1000);
  real->set("g", "t", 1, 700, 1000);
  DryRunApi dry(real);

  api::BatchModifyGroupOffsetsRequest w;
  w.InstanceId = "ckafka-a";
  w.GroupName = "g";
  w.TopicName = {"t"};
  w.Partitions = {{0, 100}};
  auto answer = dry.batch_modify_group_offsets(w);
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->request_id, "dry-run");
  EXPECT_EQ(dry.writes(), 1u);
  EXPECT_EQ(real->count("BatchModifyGroupOffsets"), 0);  // never sent
  EXPECT_EQ(real->committed("g", "t", 0), 700);

  auto after = dry.describe_group_offsets(read("g", "t"));
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->result.TopicList.size(), 1u);
  EXPECT_EQ(after->result.TopicList[0].Partitions[0].Offset, 100);
  // Thin answers (the .thin run) have no LogEndOffset to take the lag from.
  EXPECT_EQ(after->result.TopicList[0].Partitions[0].Lag, real->thin_answers ? 0 : 900);
  EXPECT_EQ(after->result.TopicList[0].Partitions[1].Offset, 700);  // not written
  EXPECT_EQ(real->count("DescribeGroupOffsets"), 1);
}

TEST(DryRun, TimestampsAreResolvedByReadingOnly) {
  auto real = std::make_shared<FakeCkafka>();
  real->set("g", "t", 0, 700, 1000, 200);
  real->topics["t"].first_ts = 1763568000000 - 400'000;  // the message at offset 600 was written then
  DryRunApi dry(real);
  api::ModifyGroupOffsetsRequest w;
  w.InstanceId = "ckafka-a";
  w.Group = "g";
  w.Strategy = 1;
  w.Topics = {"t"};
  w.Partitions = {0};
  for (auto [ts, expected] : std::vector<std::pair<int64_t, int64_t>>{{-1, 1000}, {-2, 200}, {1763568000000, 600}}) {
    w.ShiftTimestamp = ts;
    ASSERT_TRUE(dry.modify_group_offsets(w).ok());
    auto after = dry.describe_group_offsets(read("g", "t"));
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->result.TopicList[0].Partitions[0].Offset, expected) << ts;
  }
  EXPECT_EQ(real->count("ModifyGroupOffsets"), 0);
  // The earliest from BeginOffset; under thin answers the latest from EndOffset too.
  EXPECT_EQ(real->count("DescribeTopicSyncReplica"), real->thin_answers ? 2 : 1);
  EXPECT_EQ(real->count("FetchMessageListByTimestamp"), 1);
  EXPECT_EQ(real->committed("g", "t", 0), 700);
}

TEST(DryRun, EachTopicsLogIsReadOncePerReadBack) {
  auto real = std::make_shared<FakeCkafka>();
  for (int p = 0; p < 64; ++p) real->set("g", "t", p, 700, 1000, 200 + p);
  DryRunApi dry(real);
  api::ModifyGroupOffsetsRequest w;
  w.InstanceId = "ckafka-a";
  w.Group = "g";
  w.Strategy = 1;
  w.ShiftTimestamp = -2;  // earliest: each partition's BeginOffset
  w.Topics = {"t"};
  for (int p = 0; p < 64; ++p) w.Partitions.push_back(p);
  ASSERT_TRUE(dry.modify_group_offsets(w).ok());
  auto after = dry.describe_group_offsets(read("g", "t"));
  ASSERT_TRUE(after.ok());
  for (int p = 0; p < 64; ++p) EXPECT_EQ(after->result.TopicList[0].Partitions[p].Offset, 200 + p) << p;
  // 64 partitions, one topic: its pages once (20 partitions a page), not once per partition.
  EXPECT_EQ(real->count("DescribeTopicSyncReplica"), 4);
  ASSERT_TRUE(dry.describe_group_offsets(read("g", "t")).ok());
  EXPECT_EQ(real->count("DescribeTopicSyncReplica"), 8);  // a later read-back reads the log again
}

TEST(DryRun, TheExecutorRunsUnchangedAndChangesNothing) {
  auto real = std::make_shared<FakeCkafka>();
  report::SavedPlan plan;
  plan.endpoint = "http://127.0.0.1:9000";
  for (int p = 0; p < 2; ++p) {
    planner::PartitionChange c;
    c.instance = "ckafka-a";
    c.group = "g";
    c.topic = "t";
    c.partition = p;
    c.current = 700;
    c.target = 100;
    c.action = planner::Action::Change;
    plan.result.changes.push_back(c);
    real->set("g", "t", p, 700);
  }
  auto dry = std::make_shared<DryRunApi>(real);
  audit::NullAuditSink sink;
  ApplyOptions options;
  options.dry_run = true;
  auto r = apply_saved_plan(
      plan, [dry](const std::string&) -> Result<std::shared_ptr<api::CkafkaApi>> { return std::shared_ptr<api::CkafkaApi>(dry); }, sink, options);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->dry_run);
  EXPECT_EQ(r->exit_code(), 0);
  EXPECT_EQ(r->summary().changed, 2u);
  EXPECT_EQ(r->batch_calls, 1u);
  EXPECT_EQ(r->partitions[0].request_id, "dry-run");
  EXPECT_EQ(r->partitions[0].after, 100);
  EXPECT_EQ(real->count("BatchModifyGroupOffsets"), 0);
  EXPECT_EQ(real->committed("g", "t", 0), 700);

  // Drift is found all the same: a dry run says whether the real one would run.
  real->set("g", "t", 1, 650);
  auto stale = apply_saved_plan(
      plan, [dry = std::make_shared<DryRunApi>(real)](const std::string&) -> Result<std::shared_ptr<api::CkafkaApi>> {
        return std::shared_ptr<api::CkafkaApi>(dry);
      },
      sink, options);
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(stale->exit_code(), 1);
  ASSERT_EQ(stale->drift.size(), 1u);
  EXPECT_EQ(stale->drift[0].message, "g/t[1]: committed offset is 650, the plan saw 700");
}

}  // namespace
}  // namespace offsetctl::executor
