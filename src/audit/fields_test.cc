#include "audit/fields.h"

#include <gtest/gtest.h>

#include <set>

#include "audit/record.h"

namespace offsetctl::audit {
namespace {

TEST(RunId, HasTheUtcTimeAndRandomHex) {
  std::string id = make_run_id(1795438501000);  // 2026-11-23T12:55:01Z
  EXPECT_EQ(id.substr(0, 21), "run-20261123T125501Z-");
  EXPECT_EQ(id.size(), 27u);
  EXPECT_TRUE(is_valid_run_id(id)) << id;
}

TEST(RunId, DiffersBetweenRunsInTheSameMillisecond) {
  std::set<std::string> ids;
  for (int i = 0; i < 20; ++i) ids.insert(make_run_id(1795438501000));
  EXPECT_GT(ids.size(), 1u);
}

TEST(RunId, Validation) {
  EXPECT_TRUE(is_valid_run_id("run-20261123T130501Z-3f9a1c"));
  EXPECT_FALSE(is_valid_run_id("run-20261123T130501Z-3F9A1C"));
  EXPECT_FALSE(is_valid_run_id("run-20261123 130501Z-3f9a1c"));
  EXPECT_FALSE(is_valid_run_id("run-20261123T130501Z-3f9a"));
  EXPECT_FALSE(is_valid_run_id("20261123T130501Z-3f9a1c"));
  EXPECT_FALSE(is_valid_run_id(""));
}

TEST(ClipText, CutsOnACharacterBoundary) {
  EXPECT_EQ(clip_text("short", 10), "short");
  EXPECT_EQ(clip_text("abcdefghij", 8), "abcde...");
  // "é" is two bytes: never cut between them.
  EXPECT_EQ(clip_text("abcd\xC3\xA9xyz", 8), "abcd...");
}

TEST(Fields, RunStarted) {
  RunStartedInfo info;
  info.actor.user = "alice";
  info.repository = GitCheckout{"/repo", std::string(40, 'a')};
  info.plan_files = {{"plans/a.yaml", std::string(64, 'b')}};
  info.saved_plan = FileHash{"plan.json", std::string(64, 'c')};
  info.tool_version = "0.1.0";
  info.endpoint = "https://ckafka.tencentcloudapi.com";
  info.region = "ap-guangzhou";
  EXPECT_EQ(canonical_json(run_started_fields(info)),
            R"({"actor":{"ci":null,"user":"alice"},"endpoint":"https://ckafka.tencentcloudapi.com",)"
            R"("plan_files":[{"path":"plans/a.yaml","sha256":")" +
                std::string(64, 'b') + R"("}],"plan_repository":{"commit":")" + std::string(40, 'a') +
                R"(","root":"/repo"},"region":"ap-guangzhou","saved_plan":{"path":"plan.json","sha256":")" +
                std::string(64, 'c') + R"("},"tool_version":"0.1.0"})");
}

TEST(Fields, RunStartedOutsideARepository) {
  RunStartedInfo info;
  EXPECT_TRUE(run_started_fields(info)["plan_repository"].is_null());
  EXPECT_FALSE(run_started_fields(info).contains("saved_plan"));
}

ChangeFields change() {
  ChangeFields c;
  c.instance = "ckafka-1";
  c.group = "orders";
  c.topic = "payments";
  c.partition = 2;
  c.before = 1720;
  c.target = 1500;
  c.action = "BatchModifyGroupOffsets";
  c.call = 3;
  return c;
}

TEST(Fields, ChangeIntent) {
  EXPECT_EQ(canonical_json(change_intent_fields(change())),
            R"({"action":"BatchModifyGroupOffsets","before":1720,"call":3,"group":"orders",)"
            R"("instance":"ckafka-1","partition":2,"target":1500,"topic":"payments"})");
}

TEST(Fields, ChangeIntentWithNothingCommittedAndResolvedAtApply) {
  ChangeFields c = change();
  c.before.reset();
  c.target.reset();
  c.action = "ModifyGroupOffsets";
  c.call = 0;
  c.apply_timestamp = -2;
  EXPECT_EQ(canonical_json(change_intent_fields(c)),
            R"({"action":"ModifyGroupOffsets","apply_timestamp":-2,"before":null,"group":"orders",)"
            R"("instance":"ckafka-1","partition":2,"target":null,"topic":"payments"})");
}

TEST(Fields, ChangeResult) {
  ChangeOutcome ok{"req-1", std::nullopt, std::nullopt, true, 1500};
  EXPECT_EQ(
      canonical_json(change_result_fields(change(), ok)),
      R"({"action":"BatchModifyGroupOffsets","after":1500,"before":1720,"call":3,"error_code":null,)"
      R"("error_message":null,"group":"orders","instance":"ckafka-1","partition":2,"request_id":"req-1",)"
      R"("target":1500,"topic":"payments","verified":true})");
  ChangeOutcome failed{std::nullopt, "InternalError", std::string(70000, 'x'), false, std::nullopt};
  auto j = change_result_fields(change(), failed);
  EXPECT_TRUE(j["request_id"].is_null());
  EXPECT_EQ(j["error_code"], "InternalError");
  EXPECT_EQ(j["error_message"].get<std::string>().size(), 60000u);
}

TEST(Fields, RunFinished) {
  EXPECT_EQ(canonical_json(run_finished_fields({3, 1, 7, 2}, 2)),
            R"({"counts":{"calls":2,"changed":3,"failed":1,"unchanged":7},"exit_code":2})");
  EXPECT_EQ(
      canonical_json(run_finished_fields({0, 0, 0, std::nullopt}, 1, "the plan is stale")),
      R"({"counts":{"changed":0,"failed":0,"unchanged":0},"exit_code":1,"reason":"the plan is stale"})");
}

}  // namespace
}  // namespace offsetctl::audit
