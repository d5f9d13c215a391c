#include <gtest/gtest.h>

#include "emulator/state.h"
#include "emulator/test_support.h"
#include "testing/temp_dir.h"

namespace offsetctl::emulator {
namespace {

std::string error_of(const std::string& yaml) {
  auto s = parse_state(yaml, "s.yaml");
  return s ? "(loaded)" : s.error().message;
}

const char* kCreds = "credentials:\n  - {secretId: AKIDEXAMPLE, secretKey: secretEXAMPLE}\n";

TEST(StateLoadTest, ReadsTheFixture) {
  State s = testing::fixture_state();
  ASSERT_EQ(s.credentials.size(), 2u);
  EXPECT_EQ(s.credentials[0].secret_id, "AKIDEXAMPLE");
  EXPECT_EQ(s.credentials[0].secret_key, "secretEXAMPLE");
  EXPECT_EQ(s.credentials[0].token, "");
  const Instance* in = s.find_instance("ckafka-test", "ap-guangzhou");
  ASSERT_NE(in, nullptr);
  const Topic& orders = in->topics.at("orders");
  ASSERT_EQ(orders.partitions.size(), 3u);
  for (const auto& [id, log] : orders.partitions) {
    EXPECT_EQ(log.partition, id);
    EXPECT_EQ(log.begin, 0);
    EXPECT_EQ(log.end, 1000);
    EXPECT_EQ(log.first_timestamp_ms, testing::kT0);
    EXPECT_EQ(log.interval_ms, 60000);
  }
  const Topic& payments = in->topics.at("payments");
  EXPECT_EQ(payments.partitions.at(0).begin, 100);
  EXPECT_EQ(payments.partitions.at(0).end, 200);
  EXPECT_EQ(payments.partitions.at(0).first_timestamp_ms, testing::kT0);  // the topic's, shared
  EXPECT_EQ(payments.partitions.at(1).end, 0);
  const Group& idle = in->groups.at("idle");
  EXPECT_EQ(idle.state, "Empty");
  EXPECT_EQ(idle.offsets.at("orders").at(2), 30);
  const Group& busy = in->groups.at("busy");
  EXPECT_EQ(busy.state, "Stable");
  ASSERT_EQ(busy.members.size(), 1u);
  EXPECT_EQ(busy.members[0].member_id, "m-1");
  EXPECT_EQ(busy.members[0].client_host, "/10.0.0.1");
  EXPECT_EQ(busy.members[0].partitions.at("orders"), (std::vector<int32_t>{0, 1, 2}));
  EXPECT_EQ(in->groups.at("gone").state, "Dead");
  const Topic& logs = s.find_instance("ckafka-sh", "ap-shanghai")->topics.at("logs");
  EXPECT_EQ(logs.partitions.at(0).begin, 0);  // defaults
  EXPECT_EQ(logs.partitions.at(0).first_timestamp_ms, 0);
  EXPECT_EQ(logs.partitions.at(0).interval_ms, 1000);
  ASSERT_EQ(s.subscriptions.size(), 1u);
  const Subscription& sub = s.subscriptions[0];
  EXPECT_EQ(sub.topic.name, "subs-topic");
  EXPECT_EQ(sub.topic.partitions.size(), 2u);
  EXPECT_EQ(sub.groups.at("g1").offsets.at(0), 100);
  EXPECT_EQ(sub.groups.at("g2").members[0].partitions, (std::vector<int32_t>{0, 1}));
}

TEST(StateLoadTest, CredentialsAloneAreAValidState) {
  auto s = parse_state(kCreds, "s.yaml");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_TRUE(s->instances.empty());
}

TEST(StateLoadTest, EmptyOptionalValuesMeanNone) {
  auto s = parse_state(std::string(kCreds) + R"(instances:
  - id: i
    region: r
    topics:
      - {name: t, partitions: 1, end: 5}
    groups:
      - name: g
        members:
        offsets:
subscriptions:
)",
                       "s.yaml");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_TRUE(s->instances[0].groups.at("g").offsets.empty());
}

TEST(StateLoadTest, PartitionListEntriesMayOverrideTheTimeModel) {
  auto s = parse_state(std::string(kCreds) + R"(instances:
  - id: i
    region: r
    topics:
      - name: t
        end: 50
        partitions:
          - {partition: 3, begin: 5, firstTimestampMs: 7, intervalMs: 2}
)",
                       "s.yaml");
  ASSERT_TRUE(s) << s.error().message;
  const PartitionLog& log = s->instances[0].topics.at("t").partitions.at(3);
  EXPECT_EQ(log.begin, 5);
  EXPECT_EQ(log.end, 50);
  EXPECT_EQ(log.first_timestamp_ms, 7);
  EXPECT_EQ(log.interval_ms, 2);
}

TEST(StateLoadTest, EmptyFile) {
  EXPECT_EQ(error_of(""), "s.yaml: the state file is empty: it needs at least `credentials`");
}

TEST(StateLoadTest, YamlSyntaxErrorsHaveAPosition) {
  EXPECT_EQ(error_of("credentials: [\n"), "s.yaml:2:1: end of sequence flow not found");
}

TEST(StateLoadTest, UnknownKeysSuggestTheRightOne) {
  EXPECT_EQ(error_of(std::string(kCreds) + "instancs: []\n"),
            "s.yaml:3:1: unknown key `instancs` in the state file; did you mean `instances`?");
  EXPECT_EQ(
      error_of(std::string(kCreds) +
               "instances:\n  - id: i\n    region: r\n    topics:\n      - {name: t, partitions: 1, end: 5, "
               "intervalMS: 3}\n"),
      "s.yaml:7:42: unknown key `intervalMS` in a topic; did you mean `intervalMs`?");
}

TEST(StateLoadTest, MissingRequiredKeys) {
  EXPECT_EQ(error_of("instances: []\n"),
            "s.yaml:1:1: `credentials` is required: a list of {secretId, secretKey}");
  EXPECT_EQ(error_of("credentials:\n  - {secretId: a}\n"), "s.yaml:2:5: `secretKey` is required here");
  EXPECT_EQ(error_of(std::string(kCreds) +
                     "instances:\n  - id: i\n    region: r\n    topics:\n      - {name: t}\n"),
            "s.yaml:7:9: `partitions` is required: a count, or a list of {partition, begin, end}");
  EXPECT_EQ(error_of(std::string(kCreds) +
                     "instances:\n  - id: i\n    region: r\n    topics:\n      - {name: t, partitions: 2}\n"),
            "s.yaml:7:9: `end` is required with a partition count (the log end offset)");
}

TEST(StateLoadTest, WrongValues) {
  std::string head = std::string(kCreds) + "instances:\n  - id: i\n    region: r\n    topics:\n";
  EXPECT_EQ(error_of(head + "      - {name: t, partitions: 2, end: lots}\n"),
            "s.yaml:7:39: `end` must be an integer, not `lots`");
  EXPECT_EQ(error_of(head + "      - {name: t, partitions: 0, end: 5}\n"),
            "s.yaml:7:31: `partitions` must be between 1 and 100000, not 0");
  EXPECT_EQ(error_of(head + "      - {name: t, partitions: 1, begin: 9, end: 5}\n"),
            "s.yaml:7:9: `begin` (9) is after `end` (5): begin is the earliest offset, end the log end");
  EXPECT_EQ(error_of(head + "      - {name: t, partitions: 1, end: -5}\n"),
            "s.yaml:7:39: `end` must be between 0 and 9007199254740992, not -5");
  EXPECT_EQ(
      error_of(head + "      - {name: t, partitions: [{partition: 0, end: 1}, {partition: 0, end: 2}]}\n"),
      "s.yaml:7:56: partition 0 is listed twice");
}

TEST(StateLoadTest, GroupProblems) {
  std::string head =
      std::string(kCreds) +
      "instances:\n  - id: i\n    region: r\n    topics:\n      - {name: t, partitions: 2, end: 9}\n"
      "    groups:\n";
  EXPECT_EQ(error_of(head + "      - {name: g, state: Running}\n"),
            "s.yaml:9:26: unknown group state `Running`: use Empty, Dead, Stable, PreparingRebalance or "
            "CompletingRebalance");
  EXPECT_EQ(error_of(head + "      - {name: g, offsets: {u: {0: 1}}}\n"),
            "s.yaml:9:29: instance i has no topic `u`");
  EXPECT_EQ(error_of(head + "      - {name: g, offsets: {t: {5: 1}}}\n"),
            "s.yaml:9:33: topic t has no partition 5");
  EXPECT_EQ(error_of(head + "      - {name: g, state: Dead, offsets: {t: {0: 1}}}\n"),
            "s.yaml:9:9: a Dead group has no committed offsets: use state Empty, or remove `offsets`");
  EXPECT_EQ(error_of(head + "      - {name: g, members: [{memberId: m}]}\n"),
            "s.yaml:9:9: a group in state Empty has no members: use Stable, or remove `members`");
  EXPECT_EQ(error_of(head + "      - {name: g, state: Stable, members: [{memberId: a, partitions: {t: [0]}}, "
                            "{memberId: b, partitions: {t: [0]}}]}\n"),
            "s.yaml:9:111: partition 0 of t is assigned to two members");
  EXPECT_EQ(error_of(head + "      - {name: g}\n      - {name: g}\n"),
            "s.yaml:10:9: group g is listed twice");
}

TEST(StateLoadTest, SubscriptionProblems) {
  std::string head = std::string(kCreds) +
                     "subscriptions:\n  - id: s\n    region: r\n    topic: t\n"
                     "    partitions: 2\n    end: 9\n    groups:\n";
  EXPECT_EQ(error_of(head + "      - {name: g, offsets: {2: 1}}\n"),
            "s.yaml:10:29: topic t has no partition 2");
  EXPECT_EQ(error_of(head + "      - {name: g, state: Stable, members: [{partitions: [0]}]}\n"),
            "s.yaml:10:44: `clientId` is required here");
  auto ok = parse_state(
      head + "      - {name: g, state: Stable, members: [{clientId: c, partitions: [1]}]}\n", "s");
  ASSERT_TRUE(ok) << ok.error().message;
}

TEST(StateLoadTest, LoadsAFileAndNamesItInErrors) {
  offsetctl::testing::TempDir dir;
  std::string path = dir.write("state.yaml", "credentials: 5\n");
  auto s = load_state_file(path);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().message, path + ":1:14: `credentials` must be a list");
  auto missing = load_state_file(dir.path("nope.yaml"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, dir.path("nope.yaml") + ": cannot read: No such file or directory");
}

TEST(StateLoadTest, TheDemoStateLoads) {
  auto s = load_state_file(offsetctl::testing::source_dir() + "/demo/state.yaml");
  ASSERT_TRUE(s) << s.error().message;
  const Instance* demo = s->find_instance("ckafka-demo", "ap-guangzhou");
  ASSERT_NE(demo, nullptr);
  for (const char* t : {"orders", "payments", "refunds", "events", "clicks", "audit"}) {
    EXPECT_TRUE(demo->topics.count(t)) << t;
  }
  EXPECT_EQ(demo->groups.at("orders-consumer").state, "Empty");
  EXPECT_EQ(demo->groups.at("billing-consumer").state, "Empty");
  EXPECT_EQ(demo->groups.at("analytics-consumer").state, "Stable");
  ASSERT_NE(s->find_subscription("subs-635ns8r71g", "ap-guangzhou"), nullptr);
  const Subscription& sub = *s->find_subscription("subs-635ns8r71g", "ap-guangzhou");
  EXPECT_EQ(sub.topic.name, "account-subs-635ns8r71g-1");
  EXPECT_EQ(sub.topic.partitions.size(), 4u);
  EXPECT_EQ(sub.groups.at("grp-1").state, "Empty");
}

}  // namespace
}  // namespace offsetctl::emulator
