// The official Tencent Cloud Node SDK as the judge of ckafka-emulator and of offsetctl's
// client: the SDK calls every action the emulator serves, over HTTPS, with the request
// bodies offsetctl's own codec writes; every request and every answer is checked field by
// field against the SDK's model types, and offsetctl's codec must read every answer.
// (offsetctl's requests in the CLI tests are checked too: testing::Emulator does it.)
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <set>
#include <sstream>

#include "api/ckafka_codec.h"
#include "api/dts_codec.h"
#include "emulator/actions.h"
#include "testing/emulator.h"
#include "testing/sdk_models.h"
#include "testing/tls_certs.h"

namespace offsetctl::testing {
namespace {

using nlohmann::json;

const char* kSdkCluster = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
instances:
  - id: ckafka-sdk
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 3
        begin: 100
        end: 1000
        firstTimestampMs: 1794787200000
        intervalMs: 60000
      - name: payments
        partitions: 2
        end: 500
    groups:
      - name: billing
        state: Empty
        offsets:
          orders: {0: 500, 1: 510}
          payments: {0: 10}
      - name: live
        state: Stable
        members:
          - memberId: consumer-1-4f2a
            clientId: consumer-1
            clientHost: /10.0.0.1
            partitions: {orders: [0, 1], payments: [0]}
        offsets:
          orders: {0: 900}
subscriptions:
  - id: subs-sdk
    region: ap-guangzhou
    topic: subs-sdk-topic
    partitions: 2
    begin: 0
    end: 500
    firstTimestampMs: 1794787200000
    intervalMs: 60000
    groups:
      - name: grp-1
        state: Empty
        offsets: {0: 10, 1: 20}
      - name: grp-live
        state: Stable
        members:
          - clientId: c-1
            partitions: [0, 1]
)";

// The first `name` on PATH, or "".
std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = dir + "/" + name;
    if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

struct Call {
  std::string service;
  std::string action;
  json params;
};

// The calls, with request bodies written by offsetctl's codec (api/*_codec.cc) in every
// shape offsetctl sends: with and without the optional parameters, groups that are Empty,
// Stable and Dead, each ModifyGroupOffsets strategy, each DTS reset mode and time form.
std::vector<Call> offsetctl_calls() {
  using namespace api;
  std::vector<Call> calls;
  auto ckafka = [&](const std::string& action, json params) { calls.push_back({"ckafka", action, std::move(params)}); };
  auto dts = [&](const std::string& action, json params) { calls.push_back({"dts", action, std::move(params)}); };

  ckafka("DescribeGroupOffsets", to_json(DescribeGroupOffsetsRequest{"ckafka-sdk", "billing", {}, {}, 0, 50}));
  ckafka("DescribeGroupOffsets",
         to_json(DescribeGroupOffsetsRequest{"ckafka-sdk", "live", {"orders", "payments"}, {}, 0, 50}));
  ckafka("DescribeGroupOffsets", to_json(DescribeGroupOffsetsRequest{"ckafka-sdk", "nobody", {"orders"}, {}, 0, 50}));
  ckafka("DescribeGroupOffsets", to_json(DescribeGroupOffsetsRequest{"ckafka-sdk", "billing", {}, "ord", 0, 50}));
  ckafka("DescribeGroupInfo", to_json(DescribeGroupInfoRequest{"ckafka-sdk", {"billing", "live", "nobody"}}));
  ckafka("DescribeGroup", to_json(DescribeGroupRequest{"ckafka-sdk", {}, 0, 20}));
  ckafka("DescribeGroup", to_json(DescribeGroupRequest{"ckafka-sdk", "BILL", 0, 20}));
  ckafka("DescribeGroup", to_json(DescribeGroupRequest{"ckafka-sdk", {}, 1, 1}));
  ckafka("DescribeConsumerGroup", to_json(DescribeConsumerGroupRequest{"ckafka-sdk", {}, {}, 50, 0}));
  ckafka("DescribeConsumerGroup", to_json(DescribeConsumerGroupRequest{"ckafka-sdk", "billing", "orders", 50, 0}));
  DescribeTopicSyncReplicaRequest replicas;
  replicas.InstanceId = "ckafka-sdk";
  replicas.TopicName = "orders";
  ckafka("DescribeTopicSyncReplica", to_json(replicas));
  replicas.OutOfSyncReplicaOnly = true;
  ckafka("DescribeTopicSyncReplica", to_json(replicas));
  ckafka("FetchMessageListByTimestamp",
         to_json(FetchMessageListByTimestampRequest{"ckafka-sdk", "orders", 0, 1794787200000 + 90000, 1}));
  ckafka("FetchMessageListByTimestamp",
         to_json(FetchMessageListByTimestampRequest{"ckafka-sdk", "orders", 2, 1894787200000, 1}));  // past the end
  ckafka("BatchModifyGroupOffsets",
         to_json(BatchModifyGroupOffsetsRequest{"billing", "ckafka-sdk", {{0, 600}, {1, 601}}, {"orders"}}));
  ckafka("BatchModifyGroupOffsets", to_json(BatchModifyGroupOffsetsRequest{"billing", "ckafka-sdk", {{0, 150}}, {}}));  // every topic: inside both logs
  ModifyGroupOffsetsRequest modify;
  modify.InstanceId = "ckafka-sdk";
  modify.Group = "billing";
  modify.Topics = {"orders"};
  modify.Strategy = 0;
  modify.Shift = -10;
  modify.Partitions = {0, 1};  // the committed ones: a shift needs a committed offset
  ckafka("ModifyGroupOffsets", to_json(modify));
  modify.Strategy = 1;
  modify.Shift.reset();
  modify.ShiftTimestamp = -2;
  ckafka("ModifyGroupOffsets", to_json(modify));
  modify.Strategy = 2;
  modify.ShiftTimestamp.reset();
  modify.Offset = 700;
  modify.Partitions.clear();  // every partition
  ckafka("ModifyGroupOffsets", to_json(modify));

  dts("DescribeConsumerGroups", to_json(DescribeConsumerGroupsRequest{"subs-sdk", 0, 10}));
  dts("DescribeOffsetByTime", to_json(DescribeOffsetByTimeRequest{"subs-sdk", "2026-11-16 08:10:00"}));
  dts("DescribeOffsetByTime", to_json(DescribeOffsetByTimeRequest{"subs-sdk", "2026-11-16T08:10:00+08:00"}));
  dts("DescribeOffsetByTime", to_json(DescribeOffsetByTimeRequest{"subs-sdk", ""}));
  dts("ResetConsumerGroupOffset",
      to_json(ResetConsumerGroupOffsetRequest{"subs-sdk", "subs-sdk-topic", "grp-1", {0, 1}, "earliest", {}}));
  dts("ResetConsumerGroupOffset",
      to_json(ResetConsumerGroupOffsetRequest{"subs-sdk", "subs-sdk-topic", "consumer-grp-subs-sdk-grp-1", {1},
                                              "datetime", "2026-11-16 08:20:00"}));
  return calls;
}

// offsetctl's reader of each action's answer: it must take every answer the models allow.
std::string read_with_offsetctl(const std::string& action, const json& response) {
  const json& whole = response;  // the codec reads the object inside {"Response": ...}
  auto message = [](const auto& r) { return r.ok() ? std::string() : r.error().message; };
  if (action == "DescribeGroupOffsets") return message(api::parse_describe_group_offsets(whole));
  if (action == "DescribeGroupInfo") return message(api::parse_describe_group_info(whole));
  if (action == "DescribeConsumerGroup") return message(api::parse_describe_consumer_group(whole));
  if (action == "DescribeGroup") return message(api::parse_describe_group(whole));
  if (action == "DescribeTopicSyncReplica") return message(api::parse_describe_topic_sync_replica(whole));
  if (action == "FetchMessageListByTimestamp") return message(api::parse_fetch_message_list_by_timestamp(whole));
  if (action == "BatchModifyGroupOffsets" || action == "ModifyGroupOffsets")
    return message(api::parse_jgw_operate_response(whole));
  if (action == "DescribeConsumerGroups") return message(api::parse_describe_consumer_groups(whole));
  if (action == "DescribeOffsetByTime") return message(api::parse_describe_offset_by_time(whole));
  return "";  // ResetConsumerGroupOffset answers only a RequestId
}

struct SdkFidelity : ::testing::Test {
  TempDir dir;
  const SdkModels* models = nullptr;
  std::string node;

  void SetUp() override {
    std::string why;
    models = installed_sdk_models(&why);
    ASSERT_NE(models, nullptr) << why;
    node = find_on_path("node");
    ASSERT_FALSE(node.empty()) << "node is not on PATH (scripts/deps installs nodejs and npm)";
  }

  // Runs the calls through the SDK against `emulator`; one parsed output line per call.
  std::vector<json> through_sdk(const Emulator& emulator, const std::vector<Call>& calls, const std::string& ca) {
    json list = json::array();
    for (const Call& c : calls) list.push_back({{"service", c.service}, {"action", c.action}, {"params", c.params}});
    std::string file = dir.write("calls.json", list.dump());
    std::string port = emulator.url().substr(emulator.url().rfind(':') + 1);
    ProcessOptions o;
    o.timeout_ms = 120000;
    auto r = run_process({node, source_dir() + "/tests/cloud/sdk_calls.js", node_sdk_dir(), port, file, ca}, o);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<json> out;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) out.push_back(json::parse(line));
    return out;
  }
};

// Every action, judged through the SDK against an emulator started with `extra` flags.
void judge_every_action(SdkFidelity& t, const std::vector<std::string>& extra) {
  const SdkModels* models = t.models;
  TempDir& dir = t.dir;
  ThrowawayCa ca(dir, "sdk");
  IssuedCert cert = ca.issue("server", {"ckafka.tencentcloudapi.com", "dts.tencentcloudapi.com"});
  Emulator emulator(dir, kSdkCluster,
                    concat({"--no-rate-limit", "--tls-cert", cert.cert, "--tls-key", cert.key}, extra));
  ASSERT_EQ(emulator.url().rfind("https://", 0), 0u) << "the emulator did not start with TLS";
  auto through_sdk = [&](const Emulator& e, const std::vector<Call>& c, const std::string& pem) {
    return t.through_sdk(e, c, pem);
  };

  const std::vector<Call> calls = offsetctl_calls();
  std::vector<json> results = through_sdk(emulator, calls, ca.ca_pem());
  ASSERT_EQ(results.size(), calls.size());

  std::set<std::string> called;
  for (const json& r : results) {
    const std::string service = r["service"].get<std::string>(), action = r["action"].get<std::string>();
    const std::string what = service + " " + action + " " + r["request"].dump();
    called.insert(service + " " + action);
    ASSERT_FALSE(r.contains("error")) << what << ": " << r["error"].dump();
    ASSERT_TRUE(r.contains("response")) << what;
    ASSERT_NE(models->find(service, action + "Request"), nullptr) << "the SDK has no model of " << action;
    for (const auto& p : models->check(service, action + "Request", r["request"], SdkDirection::Request, "request"))
      ADD_FAILURE() << what << ": offsetctl's request: " << p;
    for (const auto& p : models->check(service, action + "Response", r["response"], SdkDirection::Answer, "Response"))
      ADD_FAILURE() << what << ": the emulator's answer: " << p;
    EXPECT_EQ(read_with_offsetctl(action, r["response"]), "") << what << ": offsetctl cannot read the answer";
  }

  // Thin answers did leave the optional fields out (the SDK hands them on as they came).
  const bool thin = std::find(extra.begin(), extra.end(), "--thin-answers") != extra.end();
  const json& first_partition = results[0]["response"]["Result"]["TopicList"][0]["Partitions"][0];
  EXPECT_EQ(first_partition.contains("LogEndOffset"), !thin) << first_partition.dump();
  EXPECT_TRUE(first_partition.contains("Offset")) << first_partition.dump();

  // Every action the emulator serves was judged: a new action needs its calls above.
  for (const offsetctl::emulator::ActionSpec& spec : offsetctl::emulator::action_table()) {
    EXPECT_TRUE(called.count(std::string(spec.service) + " " + std::string(spec.name)))
        << spec.service << " " << spec.name << " is served by the emulator but not checked against the SDK's model";
  }
}

TEST_F(SdkFidelity, EveryActionTheEmulatorServesAnswersAsTheModelsSay) { judge_every_action(*this, {}); }

// The answers without their optional fields fit the models too, and offsetctl's codec reads them.
TEST_F(SdkFidelity, ThinAnswersFitTheModelsAndOffsetctlReadsThem) { judge_every_action(*this, {"--thin-answers"}); }

TEST_F(SdkFidelity, TheFixedDifferencesStayFixed) {
  // What the models showed (docs/emulator.md): each answer as the SDK hands it to its user.
  ThrowawayCa ca(dir, "sdk");
  IssuedCert cert = ca.issue("server", {"ckafka.tencentcloudapi.com", "dts.tencentcloudapi.com"});
  Emulator emulator(dir, kSdkCluster, {"--no-rate-limit", "--tls-cert", cert.cert, "--tls-key", cert.key});
  ASSERT_FALSE(emulator.url().empty());
  std::vector<Call> calls = {
      {"ckafka", "DescribeConsumerGroup", to_json(api::DescribeConsumerGroupRequest{"ckafka-sdk", "billing", {}, 50, 0})},
      {"ckafka", "FetchMessageListByTimestamp",
       to_json(api::FetchMessageListByTimestampRequest{"ckafka-sdk", "orders", 0, 0, 1})},
      {"ckafka", "ModifyGroupOffsets",
       {{"InstanceId", "ckafka-sdk"}, {"Group", "billing"}, {"Strategy", 2}, {"Topics", json::array()}, {"Offset", 1}}},
      {"dts", "DescribeOffsetByTime", {{"SubscribeId", "subs-sdk"}, {"Time", ""}}},
  };
  std::vector<json> r = through_sdk(emulator, calls, ca.ca_pem());
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0]["response"]["Result"]["GroupList"][0]["SubscribedInfo"][0]["PartitionOffset"][0],
            json::parse(R"({"Partition": "0", "Offset": 500})"));
  EXPECT_EQ(r[1]["response"]["Result"][0],
            json::parse(R"({"Topic": "orders", "Partition": 0, "Offset": 100, "Key": null, "Value": null,
                "Timestamp": 1794787200000, "Headers": null})"));
  EXPECT_EQ(r[2]["error"]["code"], "InvalidParameterValue");
  EXPECT_EQ(r[3]["response"]["Items"], json::parse(R"([{"PartitionNo": 0, "Offset": 0}, {"PartitionNo": 1, "Offset": 0}])"));
}

}  // namespace
}  // namespace offsetctl::testing
