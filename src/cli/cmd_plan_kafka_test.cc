// offsetctl plan with what kafka-consumer-groups users reach for first:
// topics: all (--all-topics) and fromGroup (rpk group seek --to-group,
// kafkactl's group clone), against the real ckafka-emulator.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "testing/emulator.h"

namespace offsetctl::cli {
namespace {

using nlohmann::json;
using offsetctl::testing::at;
using offsetctl::testing::concat;
using offsetctl::testing::Emulator;
using offsetctl::testing::offsetctl;

// orders: messages 100..999 from 2025-11-20T00:00:00Z, one a second.
const char* kKafkaUsersCluster = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 3
        begin: 100
        end: 1000
        firstTimestampMs: 1763596800000
        intervalMs: 1000
      - name: payments
        partitions: 2
        begin: 0
        end: 500
      - name: audit
        partitions: 1
        end: 50
    groups:
      - name: billing
        state: Empty
        offsets:
          orders: {0: 500, 1: 510}
          payments: {0: 300, 1: 310}
          audit: {0: 40}
      - name: source
        state: Stable
        members:
          - memberId: source-1-4f2a
            clientId: source-1
            clientHost: /10.0.0.1
            partitions: {orders: [0, 1, 2]}
        offsets:
          orders: {0: 800, 1: 150, 2: 900}
          payments: {0: 200}
      - name: live
        state: Stable
        members:
          - memberId: live-1-9c1b
            clientId: live-1
            clientHost: /10.0.0.2
            partitions: {orders: [0]}
        offsets:
          orders: {0: 600}
  - id: ckafka-replica
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 3
        end: 2000
    groups:
      - name: source
        state: Empty
        offsets:
          orders: {0: 1500, 1: 50, 2: 700}
)";

std::string kafka_head(const std::string& name, const std::string& policy = "") {
  return "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: " + name +
         "\ninstance: ckafka-test\nregion: ap-guangzhou\n" + policy + "groups:\n";
}

// The JSON report's rows, by "group/topic/partition" ("*" for none).
std::map<std::string, json> kafka_rows(const std::string& report) {
  std::map<std::string, json> out;
  const json doc = json::parse(report);
  for (const auto& c : doc.at("changes")) {
    const json& p = c.at("partition");
    out[c.at("group").get<std::string>() + "/" + c.at("topic").get<std::string>() + "/" +
        (p.is_null() ? std::string("*") : std::to_string(p.get<int>()))] = c;
  }
  return out;
}

struct KafkaUsers : ::testing::Test {
  testing::TempDir dir;
  Emulator emulator{dir, kKafkaUsersCluster, {"--no-rate-limit"}};
  void SetUp() override { ASSERT_FALSE(emulator.url().empty()) << "the emulator did not start"; }

  testing::ProcessResult plan(const std::string& text) {
    return offsetctl(dir, concat({"plan", dir.write("plans/plan.yaml", text), "--format", "json"}, at(emulator)));
  }
  testing::ProcessResult validate(const std::string& text) {
    return offsetctl(dir, {"validate", dir.write("plans/plan.yaml", text)});
  }
};

void expect_row(const std::map<std::string, json>& c, const std::string& key, json current, json target,
                const char* action, const std::string& spec) {
  SCOPED_TRACE(key);
  ASSERT_TRUE(c.count(key));
  const json& row = c.at(key);
  EXPECT_EQ(row.at("current"), current);
  EXPECT_EQ(row.at("target"), target);
  EXPECT_EQ(row.at("action"), action) << row.dump();
  EXPECT_EQ(row.at("spec"), spec);
}

TEST_F(KafkaUsers, TopicsAllResetsTheCommittedPartitionsOfEveryTopicButTheExceptedOnes) {
  auto r = plan(kafka_head("all-topics") + R"(  - group: billing
    topics: all
    exceptTopics: [audit]
    to: earliest
)");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = kafka_rows(r.out);
  // As Kafka's --all-topics: the partitions the group has committed on (orders 2 has nothing).
  ASSERT_EQ(c.size(), 4u) << r.out;
  expect_row(c, "billing/orders/0", 500, 100, "change", "to: earliest (topics: all)");
  expect_row(c, "billing/orders/1", 510, 100, "change", "to: earliest (topics: all)");
  expect_row(c, "billing/payments/0", 300, 0, "change", "to: earliest (topics: all)");
  expect_row(c, "billing/payments/1", 310, 0, "change", "to: earliest (topics: all)");
  EXPECT_EQ(emulator.calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 1},
                                                          {"DescribeGroupOffsets", 1},
                                                          {"DescribeTopicSyncReplica", 2}}));
}

TEST_F(KafkaUsers, TopicsAllLooksUpTimesOnlyWhereTheGroupHasCommitted) {
  auto r = plan(kafka_head("all-topics-time") + R"(  - group: billing
    topics: all
    datetime: "2025-11-20T00:05:00Z"
)");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = kafka_rows(r.out);
  ASSERT_EQ(c.size(), 5u) << r.out;
  expect_row(c, "billing/orders/0", 500, 400, "change", "datetime: 2025-11-20T00:05:00Z (topics: all)");
  EXPECT_EQ(emulator.calls().at("FetchMessageListByTimestamp"), 5);
}

TEST_F(KafkaUsers, TopicsAllOnAGroupWithNothingCommittedIsInvalid) {
  auto r = plan(kafka_head("nothing") + "  - group: newcomer\n    topics: all\n    to: latest\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = kafka_rows(r.out);
  ASSERT_EQ(c.size(), 1u) << r.out;
  expect_row(c, "newcomer/*/*", nullptr, nullptr, "invalid", "to: latest (topics: all)");
  EXPECT_EQ(c.at("newcomer/*/*").at("reason"),
            "group 'newcomer' has no committed offsets on instance ckafka-test, so 'topics: all' selects nothing; "
            "name the topics instead, or check the group's name");
}

TEST_F(KafkaUsers, FromGroupCopiesTheSourcesOffsetsReadOnceWhileItRuns) {
  const std::string entries = R"(  - group: billing
    topics:
      - topic: orders
        fromGroup: source
      - topic: payments
        fromGroup: source
  - group: newcomer
    topics:
      - topic: orders
        partitions: [2]
        fromGroup: source
)";
  auto r = plan(kafka_head("copy") + entries);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = kafka_rows(r.out);
  expect_row(c, "billing/orders/0", 500, 800, "change", "from group source");
  expect_row(c, "billing/orders/1", 510, 150, "change", "from group source");
  expect_row(c, "billing/orders/2", nullptr, 900, "change", "from group source");
  expect_row(c, "billing/payments/0", 300, 200, "change", "from group source");
  expect_row(c, "billing/payments/1", 310, nullptr, "invalid", "from group source");
  EXPECT_EQ(c.at("billing/payments/1").at("reason"),
            "the source group 'source' has nothing committed on this partition, so there is no offset to copy; give "
            "this partition another target, or set the plan's policy missingSource: skip to leave such partitions "
            "as they are");
  expect_row(c, "newcomer/orders/2", nullptr, 900, "change", "from group source");
  // The source is read once for both targets; only the targets' states are read.
  EXPECT_EQ(emulator.calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 1},
                                                          {"DescribeGroupOffsets", 3},
                                                          {"DescribeTopicSyncReplica", 2}}));

  auto skipped = plan(kafka_head("copy", "policy:\n  missingSource: skip\n") + entries);
  ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
  auto s = kafka_rows(skipped.out);
  expect_row(s, "billing/payments/1", 310, 310, "noop", "from group source");
  EXPECT_EQ(s.at("billing/payments/1").at("reason"),
            "the source group 'source' has nothing committed on this partition; policy missingSource: skip leaves "
            "it as it is");
}

TEST_F(KafkaUsers, FromGroupTargetsMeetTheGuardsAndAnActiveTargetIsBlocked) {
  auto r = plan(kafka_head("guarded", "policy:\n  maxRewind: 100\n") + R"(  - group: billing
    topics:
      - topic: orders
        partitions: [1]
        fromGroup: source
  - group: live
    topics:
      - topic: orders
        partitions: [0]
        fromGroup: source
)");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = kafka_rows(r.out);
  expect_row(c, "billing/orders/1", 510, 150, "invalid", "from group source");
  EXPECT_EQ(c.at("billing/orders/1").at("reason"),
            "moves back 360 messages (from 510 to 150), more than the policy's maxRewind of 100; raise maxRewind or "
            "choose a closer target");
  expect_row(c, "live/orders/0", 600, 800, "blocked", "from group source");
}

TEST_F(KafkaUsers, FromGroupOnAnotherInstanceWarnsAndIsRangeChecked) {
  auto r = plan(kafka_head("replica") + R"(  - group: billing
    topics:
      - topic: orders
        fromGroup: {group: source, instance: ckafka-replica}
        allowCrossInstance: true
)");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = kafka_rows(r.out);
  const std::string spec = "from group source on instance ckafka-replica";
  // As for an explicit offset out of range, the row keeps the offset asked for beside the reason.
  expect_row(c, "billing/orders/0", 500, 1500, "invalid", spec);
  EXPECT_EQ(c.at("billing/orders/0").at("reason"),
            "offset 1500 is past the log end offset 1000; choose an offset within [100, 1000], or set the plan's "
            "policy outOfRange: clamp");
  expect_row(c, "billing/orders/1", 510, 50, "invalid", spec);
  expect_row(c, "billing/orders/2", nullptr, 700, "change", spec);
  EXPECT_EQ(c.at("billing/orders/2").at("reason"),
            "copied from group 'source' on instance ckafka-replica: offsets carry across clusters only when the "
            "topics were replicated with their offsets preserved");
  EXPECT_EQ(emulator.calls(), (std::map<std::string, int>{{"DescribeGroupInfo", 1},
                                                          {"DescribeGroupOffsets", 2},
                                                          {"DescribeTopicSyncReplica", 1}}));
}

TEST_F(KafkaUsers, TopicsAllFromGroupCopiesEveryCommittedTopic) {
  auto r = plan(kafka_head("clone", "policy:\n  missingSource: skip\n") + R"(  - group: billing
    topics: all
    fromGroup: source
)");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto c = kafka_rows(r.out);
  ASSERT_EQ(c.size(), 5u) << r.out;
  expect_row(c, "billing/orders/0", 500, 800, "change", "from group source (topics: all)");
  expect_row(c, "billing/payments/1", 310, 310, "noop", "from group source (topics: all)");
  expect_row(c, "billing/audit/0", 40, 40, "noop", "from group source (topics: all)");
  EXPECT_EQ(emulator.calls().at("DescribeGroupOffsets"), 2);
}

// Kafka's --reset-offsets --dry-run --export: the targets as its CSV, for --from-file or import.
TEST_F(KafkaUsers, PlanAsCsvIsKafkasDryRunExport) {
  const std::string path = dir.write("plans/plan.yaml", kafka_head("csv") + R"(  - group: billing
    topics: all
    exceptTopics: [audit]
    to: earliest
)");
  auto r = offsetctl(dir, concat({"plan", path, "--format", "csv"}, at(emulator)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "orders,0,100\norders,1,100\npayments,0,0\npayments,1,0\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(KafkaUsers, PlanAsCsvOfSeveralGroupsLeavesOutWhatIsBlockedAndSaysSo) {
  const std::string path = dir.write("plans/plan.yaml", kafka_head("csv") + R"(  - group: billing
    topics:
      - topic: orders
        to: earliest
  - group: live
    topics:
      - topic: orders
        to: latest
)");
  auto r = offsetctl(dir, concat({"plan", path, "--format", "csv", "--detailed-exitcode"}, at(emulator)));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "billing,orders,0,100\nbilling,orders,1,100\nbilling,orders,2,100\n");
  EXPECT_EQ(r.err,
            "offsetctl: note: 3 partitions blocked or invalid are not in the CSV; run 'offsetctl plan' without "
            "--format csv for the reasons\n");
}

TEST_F(KafkaUsers, PlanAsCsvOfSeveralInstancesIsRefused) {
  const std::string path = dir.write("plans/plan.yaml", kafka_head("csv") + R"(  - group: billing
    topics:
      - topic: orders
        to: earliest
---
apiVersion: offsetctl/v1
kind: OffsetPlan
name: csv-replica
instance: ckafka-replica
region: ap-guangzhou
groups:
  - group: source
    topics:
      - topic: orders
        to: earliest
)");
  auto r = offsetctl(dir, concat({"plan", path, "--format", "csv"}, at(emulator)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("offsetctl: error: the plan spans 2 instances (ckafka-replica, ckafka-test) and "
                       "kafka-consumer-groups' CSV has no instance column"),
            std::string::npos)
      << r.err;
}

TEST_F(KafkaUsers, ValidateRefusesWhatCannotWorkWithFileLineAndColumn) {
  struct Case {
    std::string body;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"  - group: billing\n    topics:\n      - topic: orders\n        fromGroup: {group: source, instance: "
       "ckafka-replica}\n",
       "plan.yaml:10:46: error: 'fromGroup' reads group 'source' on instance 'ckafka-replica', not this plan's "
       "instance 'ckafka-test': offsets carry across clusters only when the topics were replicated with their "
       "offsets preserved; if they were, add 'allowCrossInstance: true' to this entry"},
      {"  - group: billing\n    topics:\n      - topic: orders\n        fromGroup: source\n        resolveAt: apply\n",
       "plan.yaml:11:9: error: 'resolveAt: apply' cannot be combined with 'fromGroup': the source group's offsets "
       "are read when planning, so that the reviewer sees them; remove 'resolveAt'"},
      {"  - group: billing\n    topics: all\n    to: latest\n    resolveAt: apply\n    fromGroup: source\n",
       "plan.yaml:11:5: error: group 'billing' with topics: all has both 'to' and 'fromGroup': give exactly one of "
       "offset, to, shift, datetime, duration or fromGroup"},
      {"  - group: billing\n    topics: all\n", "plan.yaml:7:5: error: group 'billing' with topics: all says nothing "
                                                 "about where its offsets go: give one of offset, to, shift, datetime, "
                                                 "duration or fromGroup"},
      {"  - group: billing\n    exceptTopics: [audit]\n    topics:\n      - topic: orders\n        to: latest\n",
       "plan.yaml:8:5: error: 'exceptTopics' on a group entry goes with 'topics: all' (every topic the group has "
       "committed offsets on); with a list of topics, put it in each topic entry"},
      {"  - group: billing\n    topics: al\n    to: latest\n",
       "plan.yaml:8:13: error: invalid topics 'al': give a list of topic entries, or all for every topic the group "
       "has committed offsets on"},
      {"  - group: billing\n    topics: all\n    to: latest\n  - group: billing\n    topics:\n      - topic: orders\n"
       "        to: earliest\n",
       "plan.yaml:12:9: error: topic 'orders' of group 'billing' on instance 'ckafka-test' is already covered by "
       "'topics: all' at "},
      {"  - group: billing\n    topics:\n      - topic: orders\n        to: latest\n        allowCrossInstance: true\n",
       "plan.yaml:11:9: error: 'allowCrossInstance' applies only to 'fromGroup' entries: remove it here"},
  };
  for (const auto& c : cases) {
    auto r = validate(kafka_head("bad") + c.body);
    EXPECT_EQ(r.exit_code, 1) << c.body;
    EXPECT_NE(r.out.find(c.error), std::string::npos) << c.body << "\n" << r.out;
  }
  auto good = validate(kafka_head("good") + "  - group: billing\n    topics: all\n    exceptTopics: [audit]\n    "
                                      "fromGroup: source\n  - group: billing\n    topics:\n      - topic: audit\n"
                                      "        to: latest\n");
  EXPECT_EQ(good.out, "1 file, 1 plan: valid.\n");
}

}  // namespace
}  // namespace offsetctl::cli
