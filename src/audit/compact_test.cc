#include "audit/compact.h"

#include <gtest/gtest.h>

#include "audit/record.h"
#include "audit/schema.h"
#include "audit/test_support.h"

namespace offsetctl::audit {
namespace {

using nlohmann::json;
using test::sample_change;

ChangeFields on(std::string topic, int32_t partition, std::optional<int64_t> before, int64_t target,
                int64_t call = 3) {
  ChangeFields c = sample_change("billing", partition, before, target, call);
  c.topic = std::move(topic);
  return c;
}

// A record as the writer stores it (the chained fields added), for the schema.
json as_record(json fields, const char* type) {
  fields["type"] = type;
  fields["run_id"] = test::kRun1;
  return json::parse(test::chain({fields}).front());
}

json audit_testing_started() { return test::started(test::kRun1); }

std::vector<RecordedChange> expand(const json& record) {
  std::vector<RecordedChange> out;
  for_each_change(record, [&](const RecordedChange& c) { out.push_back(c); });
  return out;
}

TEST(AuditCompact, OneIntentPerCallWithItsPartitionsAsRows) {
  auto records = compact_intent_fields({on("orders", 0, 1720, 1500), on("orders", 1, std::nullopt, 700),
                                        on("payments", 0, 90, 1500), on("payments", 1, 91, 700)});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(
      canonical_json(records[0]),
      R"({"action":"BatchModifyGroupOffsets","call":3,"format":2,"group":"billing","instance":"ckafka-1",)"
      R"("partitions":[[0,0,1720,1500],[0,1,null,700],[1,0,90,1500],[1,1,91,700]],)"
      R"("topics":["orders","payments"]})");
  AuditSchema schema;
  json record = as_record(records[0], "change_intent");
  EXPECT_EQ(schema.check(record), std::nullopt);
  EXPECT_EQ(check_change_record(record), std::nullopt);
}

TEST(AuditCompact, OneResultPerCallAndAnswer) {
  ChangeOutcome ok{"req-1", std::nullopt, std::nullopt, true, 1500};
  ChangeOutcome unread{"req-1", std::nullopt, std::nullopt, false, std::nullopt};
  ChangeOutcome failed{"req-2", "InternalError", "try again", false, 10};
  auto records = compact_result_fields({{on("orders", 0, 1720, 1500), ok},
                                        {on("orders", 1, 800, 700), unread},
                                        {on("orders", 2, 10, 700, 4), failed}});
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(
      canonical_json(records[0]),
      R"({"action":"BatchModifyGroupOffsets","call":3,"error_code":null,"error_message":null,"format":2,)"
      R"("group":"billing","instance":"ckafka-1","partitions":[[0,0,1500,true],[0,1,null,false]],)"
      R"("request_id":"req-1","topics":["orders"]})");
  EXPECT_EQ(records[1]["call"], 4);
  EXPECT_EQ(records[1]["error_code"], "InternalError");
  AuditSchema schema;
  for (auto& r : records) EXPECT_EQ(schema.check(as_record(r, "change_result")), std::nullopt);
}

TEST(AuditCompact, BothFormatsReadAsTheSamePartitions) {
  ChangeFields c = on("orders", 5, 1720, 1500);
  auto v1 = expand(as_record(change_intent_fields(c), "change_intent"));
  auto v2 = expand(as_record(compact_intent_fields({c})[0], "change_intent"));
  ASSERT_EQ(v1.size(), 1u);
  ASSERT_EQ(v2.size(), 1u);
  for (const auto& got : {v1[0], v2[0]}) {
    EXPECT_EQ(got.change.instance, "ckafka-1");
    EXPECT_EQ(got.change.group, "billing");
    EXPECT_EQ(got.change.topic, "orders");
    EXPECT_EQ(got.change.partition, 5);
    EXPECT_EQ(got.change.before, 1720);
    EXPECT_EQ(got.change.target, 1500);
    EXPECT_EQ(got.change.action, "BatchModifyGroupOffsets");
    EXPECT_EQ(got.change.call, 3);
    EXPECT_TRUE(got.has_before_target);
    EXPECT_FALSE(got.outcome);
  }
  ChangeOutcome o{"req-9", "FailedOperation", "the group is active", false, 1720};
  auto r1 = expand(as_record(change_result_fields(c, o), "change_result"));
  auto r2 = expand(as_record(compact_result_fields({{c, o}})[0], "change_result"));
  ASSERT_EQ(r1.size(), 1u);
  ASSERT_EQ(r2.size(), 1u);
  EXPECT_FALSE(r2[0].has_before_target);
  for (const auto& got : {r1[0], r2[0]}) {
    ASSERT_TRUE(got.outcome);
    EXPECT_EQ(got.change.partition, 5);
    EXPECT_EQ(got.outcome->request_id, "req-9");
    EXPECT_EQ(got.outcome->error_code, "FailedOperation");
    EXPECT_EQ(got.outcome->error_message, "the group is active");
    EXPECT_FALSE(got.outcome->verified);
    EXPECT_EQ(got.outcome->after, 1720);
  }
}

TEST(AuditCompact, ThePartitionViewHasTheFieldsOfFormatOne) {
  ChangeFields c = on("orders", 5, 1720, 1500);
  json v1 = as_record(change_intent_fields(c), "change_intent");
  auto view = as_partition_records(as_record(compact_intent_fields({c})[0], "change_intent"));
  ASSERT_EQ(view.size(), 1u);
  for (const char* key :
       {"instance", "group", "topic", "partition", "before", "target", "action", "call", "type"})
    EXPECT_EQ(view[0][key], v1[key]) << key;
  json started = audit_testing_started();
  EXPECT_EQ(as_partition_records(started), std::vector<json>{started});
}

TEST(AuditCompact, DifferentCallsAndTimestampsGetRecordsOfTheirOwn) {
  ChangeFields a = on("orders", 0, 1, 2, 1), b = on("orders", 1, 1, 2, 2);
  ChangeFields t1 = on("orders", 2, 1, 2, 3), t2 = on("orders", 3, 1, 2, 3);
  t1.apply_timestamp = -2;
  t2.apply_timestamp = -1;
  t1.target = t2.target = std::nullopt;
  auto records = compact_intent_fields({a, b, t1, t2});
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[2]["apply_timestamp"], -2);
  EXPECT_EQ(records[2]["partitions"], json::parse("[[0,2,1,null]]"));
}

TEST(AuditCompact, AHugeCallIsSplitBelowTheRecordLimit) {
  std::vector<ChangeFields> changes;
  for (int32_t p = 0; p < 30000; ++p)
    changes.push_back(on("orders", p, 1000000000000 + p, 2000000000000 + p));
  auto records = compact_intent_fields(changes);
  ASSERT_GT(records.size(), 1u);
  size_t rows = 0;
  for (const auto& r : records) {
    EXPECT_LT(canonical_json(r).size() + 400, kMaxRecordBytes);
    EXPECT_EQ(r["call"], 3);
    rows += r["partitions"].size();
  }
  EXPECT_EQ(rows, changes.size());
}

TEST(AuditCompact, WhatTheSchemaCannotCheck) {
  json r =
      as_record(compact_intent_fields({on("orders", 0, 1, 2), on("orders", 1, 1, 2)})[0], "change_intent");
  json bad_index = r;
  bad_index["partitions"][1][0] = 1;
  EXPECT_EQ(check_change_record(bad_index), "field 'partitions[1]': topic 1 is not in 'topics' (1 listed)");
  json twice = r;
  twice["partitions"][1][1] = 0;
  EXPECT_EQ(check_change_record(twice),
            "field 'partitions[1]': partition 0 of topic 'orders' is listed twice");
  json topics_twice = r;
  topics_twice["topics"] = {"orders", "orders"};
  EXPECT_EQ(check_change_record(topics_twice), "field 'topics': topic 'orders' is listed twice");
  json huge = r;
  huge["partitions"][0][3] = 18446744073709551615ull;
  EXPECT_EQ(check_change_record(huge), "field 'partitions[0]': not a valid offset (beyond 2^63 - 1)");
  json v1 = as_record(change_intent_fields(on("orders", 0, 1, 2)), "change_intent");
  v1["before"] = 18446744073709551615ull;
  EXPECT_EQ(check_change_record(v1), "field 'before': not a valid offset (beyond 2^63 - 1)");
}

TEST(AuditCompact, TheSchemaKnowsTheFormats) {
  AuditSchema schema;
  json r = as_record(compact_intent_fields({on("orders", 0, 1, 2)})[0], "change_intent");
  json future = r;
  future["format"] = 3;
  EXPECT_EQ(
      schema.check(future),
      "field 'format': format 3 is not one this offsetctl reads (1 and 2): was the log written by a newer "
      "version?");
  json short_row = r;
  short_row["partitions"][0] = {0, 0, 1};
  EXPECT_NE(schema.check(short_row), std::nullopt);
  json mixed = r;
  mixed["topic"] = "orders";  // a format-1 field in a format-2 record
  EXPECT_EQ(schema.check(mixed), "unknown field 'topic'");
  json started = test::started(test::kRun1);
  started["format"] = 2;
  EXPECT_EQ(schema.check(started), "unknown field 'format' (only change records have one)");
}

}  // namespace
}  // namespace offsetctl::audit
