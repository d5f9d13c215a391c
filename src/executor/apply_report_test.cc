#include "executor/apply_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace offsetctl::executor {
namespace {

PartitionOutcome outcome(const std::string& group, const std::string& topic, int32_t partition,
                         PartitionStatus status, std::optional<int64_t> before, std::optional<int64_t> target,
                         std::optional<int64_t> after) {
  PartitionOutcome p;
  p.instance = "ckafka-a";
  p.group = group;
  p.topic = topic;
  p.partition = partition;
  p.status = status;
  p.before = before;
  p.target = target;
  p.after = after;
  if (status != PartitionStatus::Unchanged) p.action = "BatchModifyGroupOffsets";
  return p;
}

ApplyResult mixed() {
  ApplyResult r;
  r.run_id = "run-1";
  r.endpoint = "http://127.0.0.1:9000";
  r.region = "ap-guangzhou";
  r.batch_calls = 2;
  PartitionOutcome ok0 = outcome("orders-consumer", "orders", 0, PartitionStatus::Verified, 1720, 1500, 1500);
  ok0.request_id = "req-ok";
  PartitionOutcome ok1 = outcome("orders-consumer", "orders", 1, PartitionStatus::Verified, std::nullopt, 1500, 1500);
  ok1.request_id = "req-ok";
  PartitionOutcome bad = outcome("orders-consumer", "payments", 0, PartitionStatus::Failed, 900, 800, 900);
  bad.request_id = "req-bad";
  bad.error_code = "FailedOperation";
  bad.error_message = "the group is not empty";
  PartitionOutcome same = outcome("orders-consumer", "payments", 1, PartitionStatus::Unchanged, 800, 800, 800);
  same.note = "already at its target";
  same.already_at_target = true;
  PartitionOutcome other = outcome("reports", "orders", 0, PartitionStatus::Unchanged, 5, 5, std::nullopt);
  r.partitions = {ok0, ok1, bad, same, other};
  return r;
}

TEST(ApplyReport, SummaryLine) {
  ApplyResult r = mixed();
  EXPECT_EQ(apply_summary_line(r), "Apply: 2 changed and verified, 1 failed, 2 unchanged.");
  r.dry_run = true;
  EXPECT_EQ(apply_summary_line(r), "Dry run: 2 would change, 1 failed, 2 unchanged.");
  EXPECT_EQ(apply_summary_line(ApplyResult{}), "Apply: 0 changed and verified, 0 failed, 0 unchanged.");
}

TEST(ApplyReport, TextCountsEachGroupAndListsWhatWentWrong) {
  EXPECT_EQ(render_apply_text(mixed()),
            "Run run-1 against http://127.0.0.1:9000 (ap-guangzhou)\n"
            "\n"
            "Group orders-consumer (instance ckafka-a): 2 changed and verified, 1 failed, 1 unchanged\n"
            "  TOPIC     PARTITION  BEFORE  TARGET  AFTER  RESULT  REQUEST ID  DETAIL\n"
            "  payments          0     900     800    900  failed  req-bad     FailedOperation: the group is not empty\n"
            "\n"
            "Group reports (instance ckafka-a): 1 unchanged\n"
            "\n"
            "Partitions changed and verified are counted, not listed: -v lists them.\n"
            "\n"
            "Apply: 2 changed and verified, 1 failed, 2 unchanged.\n");
}

TEST(ApplyReport, TextOfGroupsWithNothingWrongIsALineEach) {
  ApplyResult r = mixed();
  r.partitions.erase(r.partitions.begin() + 2);  // the failed one
  r.dry_run = true;
  EXPECT_EQ(render_apply_text(r),
            "Dry run (nothing is sent, nothing is written) against http://127.0.0.1:9000 (ap-guangzhou)\n"
            "\n"
            "Group orders-consumer (instance ckafka-a): 2 would change, 1 unchanged\n"
            "Group reports (instance ckafka-a): 1 unchanged\n"
            "\n"
            "Partitions that would change are counted, not listed: -v lists them.\n"
            "\n"
            "Dry run: 2 would change, 0 failed, 2 unchanged.\n");
}

TEST(ApplyReport, TextWithEveryPartitionListsEveryChangeAndCountsTheRest) {
  EXPECT_EQ(render_apply_text(mixed(), {.every_partition = true}),
            "Run run-1 against http://127.0.0.1:9000 (ap-guangzhou)\n"
            "\n"
            "Group orders-consumer (instance ckafka-a)\n"
            "  TOPIC     PARTITION  BEFORE  TARGET  AFTER  RESULT    REQUEST ID  DETAIL\n"
            "  orders            0    1720    1500   1500  verified  req-ok\n"
            "  orders            1       -    1500   1500  verified  req-ok\n"
            "  payments          0     900     800    900  failed    req-bad     FailedOperation: the group is not empty\n"
            "  1 partition unchanged (already at its target)\n"
            "\n"
            "Group reports (instance ckafka-a)\n"
            "  1 partition unchanged (nothing to do)\n"
            "\n"
            "Apply: 2 changed and verified, 1 failed, 2 unchanged.\n");
}

TEST(ApplyReport, TextShowsTargetsResolvedAtApply) {
  ApplyResult r;
  r.run_id = "run-2";
  r.endpoint = "http://127.0.0.1:9000";
  PartitionOutcome p = outcome("g", "t", 0, PartitionStatus::Verified, 10, 40, 42);
  p.apply_timestamp = -1;
  p.note = "resolved at apply: 42";
  PartitionOutcome q = outcome("g", "t", 1, PartitionStatus::Verified, 10, 3, 3);
  q.apply_timestamp = 1763568000000;
  r.partitions = {p, q};
  EXPECT_EQ(render_apply_text(r, {.every_partition = true}),
            "Run run-2 against http://127.0.0.1:9000\n"
            "\n"
            "Group g (instance ckafka-a)\n"
            "  TOPIC  PARTITION  BEFORE                               TARGET  AFTER  RESULT    DETAIL\n"
            "  t              0      10                    latest (at apply)     42  verified  resolved at apply: 42\n"
            "  t              1      10  2025-11-19T16:00:00.000Z (at apply)      3  verified\n"
            "\n"
            "Apply: 2 changed and verified, 0 failed, 0 unchanged.\n");
}

TEST(ApplyReport, TwoRunsAreBothNamed) {
  ApplyResult r = mixed();
  r.run_ids = {"run-1", "run-2"};
  r.reset_calls = 1;
  EXPECT_EQ(render_apply_text(r).substr(0, 56), "Runs run-1 and run-2 against http://127.0.0.1:9000 (ap-g");
  nlohmann::json j = nlohmann::json::parse(render_apply_json(r));
  EXPECT_EQ(j["run_ids"], nlohmann::json::array({"run-1", "run-2"}));
  EXPECT_EQ(j["calls"]["ResetConsumerGroupOffset"], 1);
}

TEST(ApplyReport, TextNamesProblems) {
  ApplyResult r = mixed();
  r.problems = {"the audit log could not be written: disk full"};
  std::string text = render_apply_text(r);
  EXPECT_NE(text.find("\nwarning: the audit log could not be written: disk full\n"), std::string::npos) << text;
}

TEST(ApplyReport, ControlCharactersInNamesAreEscaped) {
  ApplyResult r = mixed();
  r.partitions[2].error_message = "bad\x1b[31m";
  std::string text = render_apply_text(r);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(text.find("bad\\x1b[31m"), std::string::npos) << text;
}

TEST(ApplyReport, RefusalNamesEveryDrift) {
  ApplyResult r;
  r.refusal = "the plan is stale: run offsetctl plan again";
  r.refusal_details = {"plans/orders.yaml changed since the plan was made (sha256 is aaaaaaaaaaaa, the plan saw bbbbbbbbbbbb)"};
  r.drift = {{"ckafka-a", "orders-consumer", "orders", 1, "orders-consumer/orders[1]: committed offset is 1800, the plan saw 1720"},
             {"ckafka-a", "billing", "", std::nullopt, "billing: the group is Stable"}};
  const std::string expected =
      "the plan is stale: run offsetctl plan again (nothing was changed)\n"
      "  plans/orders.yaml changed since the plan was made (sha256 is aaaaaaaaaaaa, the plan saw bbbbbbbbbbbb)\n"
      "  orders-consumer/orders[1]: committed offset is 1800, the plan saw 1720\n"
      "  billing: the group is Stable";
  EXPECT_EQ(describe_refusal(r), expected);
  EXPECT_EQ(render_apply_text(r), expected + "\n");
  EXPECT_EQ(r.exit_code(), 1);
  EXPECT_EQ(describe_refusal(mixed()), "");
}

TEST(ApplyReport, JsonHasSuccAndFailedListsPerGroupAndTopic) {
  nlohmann::json j = nlohmann::json::parse(render_apply_json(mixed()));
  EXPECT_EQ(j["format_version"], 1);
  EXPECT_EQ(j["run_id"], "run-1");
  EXPECT_EQ(j["run_ids"], nlohmann::json::array({"run-1"}));
  EXPECT_FALSE(j["calls"].contains("ResetConsumerGroupOffset"));
  EXPECT_EQ(j["exit_code"], 1);
  EXPECT_EQ(j["summary"], (nlohmann::json{{"changed", 2}, {"failed", 1}, {"unchanged", 2}}));
  EXPECT_EQ(j["calls"]["BatchModifyGroupOffsets"], 2);
  EXPECT_TRUE(j["refusal"].is_null());
  ASSERT_EQ(j["groups"].size(), 2u);
  const auto& g = j["groups"][0];
  EXPECT_EQ(g["instance"], "ckafka-a");
  EXPECT_EQ(g["group"], "orders-consumer");
  ASSERT_EQ(g["succ"].size(), 1u);
  EXPECT_EQ(g["succ"][0]["topic"], "orders");
  ASSERT_EQ(g["succ"][0]["partitions"].size(), 2u);
  EXPECT_EQ(g["succ"][0]["partitions"][1],
            nlohmann::json::parse(R"({"partition":1,"status":"verified","before":null,"target":1500,"after":1500,
              "action":"BatchModifyGroupOffsets","request_id":"req-ok","error_code":null,"error_message":null,"note":null})"));
  ASSERT_EQ(g["failed"].size(), 1u);
  EXPECT_EQ(g["failed"][0]["topic"], "payments");
  EXPECT_EQ(g["failed"][0]["partitions"][0]["error_code"], "FailedOperation");
  EXPECT_EQ(g["failed"][0]["partitions"][0]["error_message"], "the group is not empty");
  EXPECT_EQ(g["failed"][0]["partitions"][0]["request_id"], "req-bad");
  ASSERT_EQ(g["unchanged"].size(), 1u);
  EXPECT_EQ(g["unchanged"][0]["partitions"][0]["note"], "already at its target");
  EXPECT_EQ(j["groups"][1]["succ"].size(), 0u);
}

TEST(ApplyReport, JsonOfARefusalListsTheDrift) {
  ApplyResult r;
  r.refusal = "the plan is stale: run offsetctl plan again";
  r.drift = {{"ckafka-a", "orders-consumer", "orders", 1, "orders-consumer/orders[1]: committed offset is 1800, the plan saw 1720"}};
  nlohmann::json j = nlohmann::json::parse(render_apply_json(r));
  EXPECT_EQ(j["exit_code"], 1);
  EXPECT_EQ(j["refusal"], "the plan is stale: run offsetctl plan again");
  ASSERT_EQ(j["drift"].size(), 1u);
  EXPECT_EQ(j["drift"][0]["group"], "orders-consumer");
  EXPECT_EQ(j["drift"][0]["partition"], 1);
  EXPECT_EQ(j["groups"].size(), 0u);
}

}  // namespace
}  // namespace offsetctl::executor
