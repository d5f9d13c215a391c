// offsetctl plan against the real ckafka-emulator: what a reviewer and a
// pipeline see, and the calls it takes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/saved_plan.h"
#include "testing/emulator.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

using nlohmann::json;
using offsetctl::testing::at;
using offsetctl::testing::concat;
using offsetctl::testing::Emulator;
using offsetctl::testing::offsetctl;

// orders: 9 partitions, messages 100..999, the one at offset o written at
// 2025-11-20T00:00:00Z + (o - 100) s. wide-00..wide-59: one partition each.
std::string cluster() {
  std::string s = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 9
        begin: 100
        end: 1000
        firstTimestampMs: 1763596800000
        intervalMs: 1000
      - name: audit
        partitions: 1
        begin: 0
        end: 50
)";
  for (int t = 0; t < 60; ++t) {
    char name[16];
    std::snprintf(name, sizeof name, "wide-%02d", t);
    s += std::string("      - name: ") + name + "\n        partitions: 1\n        end: 10\n";
  }
  s += R"(    groups:
      - name: billing
        state: Empty
        offsets:
          orders: {0: 500, 1: 500, 2: 500, 3: 500, 4: 500, 5: 500, 6: 500, 8: 500}
          audit: {0: 50}
      - name: live
        state: Stable
        members:
          - memberId: consumer-1-4f2a
            clientId: consumer-1
            clientHost: /10.0.0.1
            partitions: {orders: [0, 1, 2]}
          - memberId: consumer-2-9c1b
            clientId: consumer-2
            clientHost: /10.0.0.2
            partitions: {orders: [3, 4, 5]}
        offsets:
          orders: {0: 500, 1: 500, 2: 500}
      - name: wide
        state: Empty
        offsets:
)";
  for (int t = 0; t < 60; ++t) {
    char line[64];
    std::snprintf(line, sizeof line, "          wide-%02d: {0: 5}\n", t);
    s += line;
  }
  s += R"(subscriptions:
  - id: subs-635ns8r71g
    region: ap-guangzhou
    topic: account-subs-635ns8r71g-1
    partitions: 2
    begin: 10
    end: 100
    groups:
      - name: grp-1
        state: Empty
        offsets: {0: 40, 1: 50}
)";
  return s;
}

std::string plan_head(const std::string& name, const std::string& policy = "") {
  return "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: " + name +
         "\ninstance: ckafka-test\nregion: ap-guangzhou\n" + policy + "groups:\n";
}

// The JSON report's rows, by "topic/partition".
std::map<std::string, json> rows(const std::string& report) {
  std::map<std::string, json> out;
  json doc = json::parse(report);
  for (const auto& c : doc.at("changes")) {
    const json& p = c.at("partition");  // null: a whole unknown topic
    out[c.at("group").get<std::string>() + "/" + c.at("topic").get<std::string>() + "/" +
        (p.is_null() ? std::string("*") : std::to_string(p.get<int>()))] = c;
  }
  return out;
}

struct Fixture : ::testing::Test {
  testing::TempDir dir;
  Emulator emulator{dir, cluster(), {"--no-rate-limit"}};
  void SetUp() override { ASSERT_FALSE(emulator.url().empty()) << "the emulator did not start"; }

  testing::ProcessResult plan(const std::string& plan_text, std::vector<std::string> extra = {}) {
    std::string path = dir.write("plans/plan.yaml", plan_text);
    return offsetctl(dir, concat(concat({"plan", path}, extra), at(emulator)));
  }
};

using PlanCommand = Fixture;

TEST_F(PlanCommand, ResolvesEverySpecKindWithTheFewestCalls) {
  auto r = plan(plan_head("every-kind") + R"(  - group: billing
    topics:
      - topic: orders
        offsets: {0: 300}
      - topic: orders
        partitions: [1]
        offset: 700
      - topic: orders
        partitions: [2]
        to: earliest
      - topic: orders
        partitions: [3]
        to: latest
      - topic: orders
        partitions: [4]
        to: current
      - topic: orders
        partitions: [5]
        shift: -120
      - topic: orders
        partitions: [6]
        datetime: "2025-11-20T08:02:30.500+08:00"
      - topic: orders
        partitions: [7]
        datetime: "2025-11-20T00:15:00Z"
      - topic: orders
        partitions: [8]
        duration: P3650D
)",
                {"--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = rows(r.out);
  ASSERT_EQ(c.size(), 9u) << r.out;
  auto expect = [&](const std::string& key, json current, int64_t target, const char* action) {
    SCOPED_TRACE(key);
    const json& row = c.at("billing/orders/" + key);
    EXPECT_EQ(row.at("current"), current);
    EXPECT_EQ(row.at("target"), target);
    EXPECT_EQ(row.at("action"), action);
    EXPECT_EQ(row.at("end_offset"), 1000);
    if (current.is_null()) {
      EXPECT_TRUE(row.at("delta").is_null());
    } else {
      EXPECT_EQ(row.at("delta"), target - current.get<int64_t>());
    }
  };
  expect("0", 500, 300, "change");
  expect("1", 500, 700, "change");
  expect("2", 500, 100, "change");
  expect("3", 500, 1000, "change");
  expect("4", 500, 500, "noop");
  expect("5", 500, 380, "change");
  expect("6", 500, 251, "change");   // between the messages at 250 (00:02:30) and 251 (00:02:31)
  expect("7", nullptr, 1000, "change");  // past the last message: the log end; nothing committed before
  expect("8", 500, 100, "change");   // ten years back: the first message still in the log
  EXPECT_EQ(c.at("billing/orders/2").at("begin_offset"), 100);
  EXPECT_EQ(c.at("billing/orders/7").at("reason"), "no message at or after 2025-11-20T00:15:00.000Z: the log end offset");
  EXPECT_EQ(json::parse(r.out).at("summary"), (json{{"to_change", 8}, {"unchanged", 1}, {"blocked", 0}, {"invalid", 0}}));
  EXPECT_EQ(emulator.calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 1},
                                                          {"DescribeGroupOffsets", 1},
                                                          {"DescribeTopicSyncReplica", 1},
                                                          {"FetchMessageListByTimestamp", 3}}));
}

TEST_F(PlanCommand, ClampsAtBothEndsAndOutOfRangeErrorRefuses) {
  dir.write("plans/clamp.yaml", plan_head("clamp", "policy:\n  outOfRange: clamp\n") + R"(  - group: billing
    topics:
      - topic: orders
        partitions: [0]
        shift: -450
      - topic: orders
        partitions: [1]
        shift: 900
      - topic: orders
        offsets: {2: 5000, 3: 5}
)");
  dir.write("plans/strict.yaml", plan_head("strict") + R"(  - group: billing
    topics:
      - topic: orders
        offsets: {4: 5000, 5: 5}
)");
  auto r = offsetctl(dir, concat({"plan", dir.path("plans"), "--format", "json"}, at(emulator)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = rows(r.out);
  EXPECT_EQ(c.at("billing/orders/0").at("target"), 100);
  EXPECT_EQ(c.at("billing/orders/0").at("reason"),
            "500 - 450 = 50 is before the earliest offset 100: clamped to it, as Kafka's --shift-by does");
  EXPECT_EQ(c.at("billing/orders/1").at("target"), 1000);
  EXPECT_EQ(c.at("billing/orders/2").at("target"), 1000);
  EXPECT_EQ(c.at("billing/orders/2").at("reason"),
            "offset 5000 is past the log end offset 1000: clamped to it (outOfRange: clamp)");
  EXPECT_EQ(c.at("billing/orders/3").at("target"), 100);
  EXPECT_EQ(c.at("billing/orders/4").at("action"), "invalid");
  EXPECT_EQ(c.at("billing/orders/4").at("reason"),
            "offset 5000 is past the log end offset 1000; choose an offset within [100, 1000], or set the plan's "
            "policy outOfRange: clamp");
  EXPECT_EQ(c.at("billing/orders/5").at("action"), "invalid");
  auto detailed = offsetctl(dir, concat({"plan", dir.path("plans"), "--detailed-exitcode"}, at(emulator)));
  EXPECT_EQ(detailed.exit_code, 1) << detailed.err;
  EXPECT_NE(detailed.out.find("Plan: 4 to change, 0 unchanged, 0 blocked, 2 invalid."), std::string::npos)
      << detailed.out;
}

TEST_F(PlanCommand, MaxRewindAndMaxSkipGuardTheMove) {
  auto r = plan(plan_head("guarded", "policy:\n  maxRewind: 100\n  maxSkip: 100\n") + R"(  - group: billing
    topics:
      - topic: orders
        offsets: {0: 399, 1: 400, 2: 600, 3: 601}
)",
                {"--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = rows(r.out);
  EXPECT_EQ(c.at("billing/orders/0").at("action"), "invalid");
  EXPECT_EQ(c.at("billing/orders/0").at("reason"),
            "moves back 101 messages (from 500 to 399), more than the policy's maxRewind of 100; raise maxRewind or "
            "choose a closer target");
  EXPECT_EQ(c.at("billing/orders/1").at("action"), "change");
  EXPECT_EQ(c.at("billing/orders/2").at("action"), "change");
  EXPECT_EQ(c.at("billing/orders/3").at("action"), "invalid");
}

TEST_F(PlanCommand, AStableGroupIsBlockedAndNamesItsMembers) {
  std::string text = plan_head("stop-first") + R"(  - group: live
    topics:
      - topic: orders
        partitions: [0, 1]
        to: earliest
)";
  auto r = plan(text, {"--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = rows(r.out);
  EXPECT_EQ(c.at("live/orders/0").at("action"), "blocked");
  EXPECT_EQ(c.at("live/orders/0").at("target"), 100);
  EXPECT_EQ(c.at("live/orders/0").at("reason"),
            "group is Stable with 2 members (consumer-1@10.0.0.1, consumer-2@10.0.0.2); Kafka refuses an outside "
            "reset of an active group: stop the consumers first");
  auto detailed = plan(text, {"--detailed-exitcode"});
  EXPECT_EQ(detailed.exit_code, 1);
  EXPECT_NE(detailed.out.find("Plan: 0 to change, 0 unchanged, 2 blocked, 0 invalid."), std::string::npos)
      << detailed.out;
}

TEST_F(PlanCommand, AGroupWithNoCommitsChangesFromNothing) {
  auto r = plan(plan_head("first-start") + R"(  - group: newcomer
    topics:
      - topic: orders
        partitions: [0]
        to: latest
      - topic: audit
        shift: 5
)",
                {"--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = rows(r.out);
  EXPECT_TRUE(c.at("newcomer/orders/0").at("current").is_null());
  EXPECT_EQ(c.at("newcomer/orders/0").at("target"), 1000);
  EXPECT_EQ(c.at("newcomer/orders/0").at("action"), "change");
  EXPECT_EQ(c.at("newcomer/audit/0").at("action"), "invalid");
  EXPECT_EQ(c.at("newcomer/audit/0").at("reason"),
            "nothing is committed on this partition, so there is no offset to shift from; give it an offset, to: "
            "earliest or latest, or a datetime instead");
}

// kafka-consumer-groups --by-duration PT0S is "now"; so is offsetctl's, at plan
// time: every message is older, so the target is the log end.
TEST_F(PlanCommand, DurationPT0SIsPlanTimeSoTheLogEnd) {
  auto r = plan(plan_head("now") + R"(  - group: billing
    topics:
      - topic: orders
        partitions: [0, 7]
        duration: PT0S
)",
                {"--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = rows(r.out);
  EXPECT_EQ(c.at("billing/orders/0").at("target"), 1000);
  EXPECT_EQ(c.at("billing/orders/0").at("action"), "change");
  EXPECT_EQ(c.at("billing/orders/7").at("target"), 1000);
  EXPECT_EQ(c.at("billing/orders/0").at("reason").get<std::string>().rfind("no message at or after ", 0), 0u)
      << r.out;
  EXPECT_EQ(c.at("billing/orders/0").at("spec").get<std::string>().rfind("duration: PT0S (since ", 0), 0u) << r.out;
}

TEST_F(PlanCommand, ANegativeDurationIsRefusedWithTheReasonAndNoCall) {
  auto r = plan(plan_head("future") + R"(  - group: billing
    topics:
      - topic: orders
        duration: -PT1H
)");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("plan.yaml:10:19: error: 'duration' \"-PT1H\" is a negative duration: it would count forward "
                       "from plan time, where no message is yet; use a positive duration to go back, or to: latest "
                       "for the end of the log\n"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(emulator.requests().empty());
}

TEST_F(PlanCommand, UnknownTopicsAndPartitionsAreInvalid) {
  auto r = plan(plan_head("typos") + R"(  - group: billing
    topics:
      - topic: ordres
        to: latest
      - topic: audit
        partitions: [0, 3]
        to: latest
)",
                {"--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = rows(r.out);
  EXPECT_EQ(c.at("billing/ordres/*").at("reason"),
            "topic 'ordres' does not exist on instance ckafka-test; check the name, or create the topic before "
            "applying");
  EXPECT_EQ(c.at("billing/audit/3").at("reason"),
            "partition 3 does not exist: topic 'audit' has only partition 0; remove it from the entry");
  EXPECT_EQ(c.at("billing/audit/0").at("action"), "noop");
  EXPECT_EQ(emulator.calls().count("DescribeTopicSyncReplica"), 0u);
}

TEST_F(PlanCommand, ReadsEveryPageOfAGroupWithMoreThan50Topics) {
  std::string text = plan_head("wide") + "  - group: wide\n    topics:\n";
  for (int t = 0; t < 60; ++t) {
    char entry[80];
    std::snprintf(entry, sizeof entry, "      - topic: wide-%02d\n        to: latest\n", t);
    text += entry;
  }
  auto r = plan(text, {"--format", "json", "--detailed-exitcode"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  auto c = rows(r.out);
  EXPECT_EQ(c.size(), 60u);
  EXPECT_EQ(c.at("wide/wide-59/0").at("target"), 10);
  EXPECT_EQ(c.at("wide/wide-59/0").at("current"), 5);
  EXPECT_EQ(emulator.calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 1}, {"DescribeGroupOffsets", 2}}));
}

TEST_F(PlanCommand, ExitCodesWithAndWithoutDetailedExitcode) {
  std::string nothing = plan_head("nothing") + "  - group: billing\n    topics:\n      - topic: audit\n        to: latest\n";
  std::string changes = plan_head("changes") + "  - group: billing\n    topics:\n      - topic: audit\n        offset: 10\n";
  EXPECT_EQ(plan(nothing).exit_code, 0);
  EXPECT_EQ(plan(nothing, {"--detailed-exitcode"}).exit_code, 0);
  auto r = plan(changes);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Plan: 1 to change, 0 unchanged, 0 blocked, 0 invalid."), std::string::npos) << r.out;
  EXPECT_EQ(plan(changes, {"--detailed-exitcode"}).exit_code, 2);
}

TEST_F(PlanCommand, AnInvalidPlanMakesNoCallAndReadsLikeValidate) {
  std::string path = dir.write("plans/bad.yaml", plan_head("bad") + "  - group: billing\n    topics:\n      - topic: audit\n        offest: 10\n");
  auto r = offsetctl(dir, concat({"plan", path}, at(emulator)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  auto validate = offsetctl(dir, {"validate", path});
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_EQ(r.err, validate.out);
  EXPECT_NE(r.err.find("bad.yaml:10:9: error:"), std::string::npos) << r.err;
  EXPECT_TRUE(emulator.requests().empty());
}

TEST_F(PlanCommand, OutSavesThePlanForApplyAndStillPrintsTheReport) {
  std::string saved = dir.path("saved-plan.json");
  auto r = plan(plan_head("save-me") + "  - group: billing\n    topics:\n      - topic: audit\n        offset: 10\n",
                {"--out", saved});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Plan: 1 to change"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "Saved the plan to " + saved + "; apply it with: offsetctl apply " + saved + "\n");
  auto text = util::read_file(saved);
  ASSERT_TRUE(text.ok());
  auto parsed = report::parse_saved_plan(*text, saved);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->result.changes.size(), 1u);
  EXPECT_EQ(parsed->result.changes[0].current, 50);
  EXPECT_EQ(parsed->result.changes[0].target, 10);
  EXPECT_EQ(parsed->region, "ap-guangzhou");
  EXPECT_EQ(parsed->endpoint, emulator.url());
  ASSERT_EQ(parsed->files.size(), 1u);
  EXPECT_EQ(parsed->files[0].path, dir.path("plans/plan.yaml"));
  EXPECT_EQ(text->find("secretEXAMPLE"), std::string::npos);
}

TEST_F(PlanCommand, OutIntoAFolderThatDoesNotExistIsRefusedBeforeAnyCall) {
  std::string saved = dir.path("no/such/saved-plan.json");
  auto r = plan(plan_head("nowhere") + "  - group: billing\n    topics:\n      - topic: audit\n        offset: 10\n",
                {"--out", saved});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --out " + saved + ": the folder " + dir.path("no/such") +
                       " does not exist; create it first\n");
  EXPECT_TRUE(emulator.requests().empty());
}

TEST_F(PlanCommand, PlansDtsSubscriptionsBesideCkafkaGroups) {
  dir.write("plans/dts.yaml", R"(apiVersion: offsetctl/v1
kind: DtsOffsetPlan
name: replay-subscription
subscribeId: subs-635ns8r71g
region: ap-guangzhou
groups:
  - group: grp-1
    topic: account-subs-635ns8r71g-1
    to: earliest
)");
  dir.write("plans/ckafka.yaml", plan_head("beside") + "  - group: billing\n    topics:\n      - topic: audit\n        offset: 10\n");
  auto r = offsetctl(dir, concat({"plan", dir.path("plans"), "--format", "json"}, at(emulator)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json doc = json::parse(r.out);
  ASSERT_EQ(doc.at("changes").size(), 3u) << r.out;
  EXPECT_EQ(doc.at("changes")[0].at("instance"), "ckafka-test");
  EXPECT_EQ(doc.at("changes")[1].at("instance"), "subs-635ns8r71g");
  EXPECT_EQ(doc.at("changes")[1].at("group"), "grp-1");
  EXPECT_EQ(doc.at("changes")[1].at("partition"), 0);
  EXPECT_EQ(doc.at("changes")[2].at("partition"), 1);
  EXPECT_EQ(doc.at("summary").at("to_change"), 3);
  EXPECT_EQ(emulator.calls().at("DescribeConsumerGroups"), 1);
}

TEST_F(PlanCommand, MarkdownAndTextShowTheSameSummary) {
  std::string text = plan_head("formats") + "  - group: billing\n    topics:\n      - topic: audit\n        offset: 10\n";
  auto md = plan(text, {"--format", "markdown"});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("Plan: 1 to change, 0 unchanged, 0 blocked, 0 invalid."), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("<details>"), std::string::npos) << md.out;
  auto plain = plan(text);
  EXPECT_NE(plain.out.find("Plan: 1 to change, 0 unchanged, 0 blocked, 0 invalid."), std::string::npos);
  EXPECT_EQ(plain.out.find("\x1b["), std::string::npos);  // not a terminal: no colour
}

TEST_F(PlanCommand, AFailedCallIsAClearErrorWithoutSecrets) {
  std::string path = dir.write("plans/plan.yaml", plan_head("denied") +
                                                      "  - group: billing\n    topics:\n      - topic: audit\n        to: latest\n");
  auto r = offsetctl(dir, concat({"plan", path}, at(emulator)), {{"TENCENTCLOUD_SECRET_KEY", "wrongSECRET"}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("offsetctl: error: reading the state of groups 'billing' on instance ckafka-test "
                        "(ap-guangzhou): DescribeGroupInfo failed: AuthFailure.SignatureFailure: ",
                        0),
            0u)
      << r.err;
  EXPECT_EQ(r.err.find("wrongSECRET"), std::string::npos);
}

}  // namespace
}  // namespace offsetctl::cli
