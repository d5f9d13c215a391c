// The client against the emulator over real loopback HTTP: every call, paging,
// faults, errors, authentication. Built when the emulator module is.
#include "api/client.h"

#include <gtest/gtest.h>

#if OFFSETCTL_HAVE_EMULATOR

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "api/paging.h"
#include "api/transport.h"
#include "emulator/server.h"
#include "testing/temp_dir.h"

namespace offsetctl::api {
namespace {

constexpr int64_t kNowMs = 1795392000000;  // 2026-11-23T00:00:00Z
constexpr int64_t kT0 = 1794787200000;     // 2026-11-16T00:00:00Z: the first message of every log
const std::string kSecretKey = "secretEXAMPLE";
const std::string kToken = "token-EXAMPLE-7f3a";
const std::string kTokenKey = "secretTOKENEXAMPLE";

emulator::Topic topic(const std::string& name, int partitions, int64_t end = 1000) {
  emulator::Topic t;
  t.name = name;
  for (int p = 0; p < partitions; ++p) t.partitions[p] = {p, 0, end, kT0, 1000};  // a message every second
  return t;
}

std::string topic_name(int i) { return std::string(i < 10 ? "topic-0" : "topic-") + std::to_string(i); }

// ckafka-1 (ap-guangzhou): 60 topics of 2 partitions; group "many" (Empty) has offsets on all of
// them, "busy" is Stable with a member; "wide" is a topic of 25 partitions. subs-1: 14 groups.
emulator::State fixture() {
  emulator::State s;
  s.credentials = {{"AKIDEXAMPLE", kSecretKey, ""}, {"AKIDTOKEN", kTokenKey, kToken}};
  emulator::Instance in;
  in.id = "ckafka-1";
  in.region = "ap-guangzhou";
  emulator::Group many;
  many.name = "many";
  for (int i = 0; i < 60; ++i) {
    in.topics[topic_name(i)] = topic(topic_name(i), 2);
    many.offsets[topic_name(i)] = {{0, i}, {1, 500 + i}};
  }
  in.topics["wide"] = topic("wide", 25);
  in.groups["many"] = many;
  emulator::Group busy;
  busy.name = "busy";
  busy.state = "Stable";
  busy.members.push_back({"m-1", "client-1", "/10.0.0.1", {{"topic-00", {0, 1}}}});
  busy.offsets["topic-00"] = {{0, 7}, {1, 8}};
  in.groups["busy"] = busy;
  s.instances.push_back(in);

  emulator::Subscription sub;
  sub.id = "subs-1";
  sub.region = "ap-guangzhou";
  sub.topic = topic("subs-topic", 2, 500);
  for (int i = 0; i < 14; ++i) {
    emulator::DtsGroup g;
    g.name = "grp" + std::to_string(i);
    g.state = i == 1 ? "Stable" : "Empty";
    g.offsets = {{0, 100}, {1, 200}};
    if (i == 1) g.members.push_back({"c-1", {0, 1}});
    sub.groups[g.name] = g;
  }
  s.subscriptions.push_back(sub);
  return s;
}

class Emulated : public ::testing::Test {
 protected:
  // `real_time`: both sides on the system clock (the server's per-second rate windows must move).
  void start(emulator::ServerOptions options = {}, bool real_time = false) {
    options.clock = real_time ? nullptr : &server_clock_;
    if (options.request_log_path.empty()) options.request_log_path = dir_.path("requests.jsonl");
    auto server = emulator::Server::start(fixture(), options);
    ASSERT_TRUE(server.ok()) << server.error().message;
    server_ = std::move(*server);
    config_.endpoint = server_->url();
    config_.region = "ap-guangzhou";
    config_.credentials.secret_id = "AKIDEXAMPLE";
    config_.credentials.secret_key = Secret(kSecretKey);
    config_.credentials.source = "the test";
    config_.clock = real_time ? nullptr : &client_clock_;
    config_.sleeper = &sleeper_;
    config_.jitter_seed = 11;
    config_.timeout_ms = 5000;
  }
  void TearDown() override {
    forget_thread_connections();
    if (server_) server_->stop();
  }
  std::unique_ptr<CkafkaApi> ckafka() {
    auto c = make_ckafka_client(config_);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
    return std::move(*c);
  }
  std::unique_ptr<DtsApi> dts() {
    auto c = make_dts_client(config_);
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
    return std::move(*c);
  }
  // The actions the emulator saw, in order, from its request log.
  std::vector<std::string> logged_actions() {
    std::ifstream in(dir_.path("requests.jsonl"));
    std::vector<std::string> actions;
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("action") && j["action"].is_string()) actions.push_back(j["action"]);
    }
    return actions;
  }

  testing::TempDir dir_;
  util::FakeClock server_clock_{kNowMs};
  util::FakeClock client_clock_{kNowMs};
  FakeSleeper sleeper_;
  ClientConfig config_;
  std::unique_ptr<emulator::Server> server_;
};

TEST_F(Emulated, DescribeGroupOffsetsReadsEveryPageOfSixtyTopics) {
  start();
  auto api = ckafka();
  auto all = describe_all_group_offsets(*api, {"ckafka-1", "many", {}, std::nullopt, 0, 50});
  ASSERT_TRUE(all.ok()) << all.error().describe();
  EXPECT_EQ(all->result.TotalCount, 60);
  ASSERT_EQ(all->result.TopicList.size(), 60u);
  std::set<std::string> names;
  for (const auto& t : all->result.TopicList) {
    names.insert(t.Topic);
    ASSERT_EQ(t.Partitions.size(), 2u);
    EXPECT_EQ(t.Partitions[0].LogEndOffset, 1000);
  }
  EXPECT_EQ(names.size(), 60u);
  EXPECT_EQ(logged_actions(), (std::vector<std::string>{"DescribeGroupOffsets", "DescribeGroupOffsets"}));
  EXPECT_FALSE(all->request_id.empty());
}

TEST_F(Emulated, DescribeGroupOffsetsWithATopicFilter) {
  start();
  auto r = ckafka()->describe_group_offsets({"ckafka-1", "busy", {"topic-00", "topic-01", "no-such-topic"},
                                             std::nullopt, 0, 50});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->result.TopicList.size(), 2u);  // the unknown topic is left out
  for (const auto& t : r->result.TopicList) {
    if (t.Topic == "topic-00") {
      EXPECT_EQ(t.Partitions[0].Offset, 7);
    } else {
      EXPECT_EQ(t.Topic, "topic-01");
      EXPECT_EQ(t.Partitions[0].Offset, -1);  // nothing committed
    }
  }
}

TEST_F(Emulated, DescribeGroupInfoStatesMembersAndMoreThanAHundredGroups) {
  start();
  auto api = ckafka();
  auto r = api->describe_group_info({"ckafka-1", {"many", "busy", "absent"}});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->result.size(), 3u);
  std::map<std::string, GroupInfoResponse> by_name;
  for (auto& g : r->result) by_name[g.Group] = g;
  EXPECT_EQ(by_name["many"].State, "Empty");
  EXPECT_EQ(by_name["busy"].State, "Stable");
  ASSERT_EQ(by_name["busy"].Members.size(), 1u);
  EXPECT_EQ(by_name["busy"].Members[0].ClientId, "client-1");
  EXPECT_EQ(by_name["busy"].Members[0].Assignment.Topics[0].Partitions, (std::vector<int64_t>{0, 1}));
  EXPECT_EQ(by_name["absent"].State, "Dead");

  std::vector<std::string> names;
  for (int i = 0; i < 150; ++i) names.push_back("g" + std::to_string(i));
  auto big = api->describe_group_info({"ckafka-1", names});
  ASSERT_TRUE(big.ok()) << big.error().describe();
  EXPECT_EQ(big->result.size(), 150u);
  auto actions = logged_actions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "DescribeGroupInfo"), 3);  // 1 + ceil(150 / 100)
}

TEST_F(Emulated, DescribeConsumerGroup) {
  start();
  auto r = ckafka()->describe_consumer_group({"ckafka-1", std::string("busy"), std::nullopt, 50, 0});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->result.GroupList.size(), 1u);
  EXPECT_EQ(r->result.GroupList[0].ConsumerGroupName, "busy");
  EXPECT_EQ(r->result.GroupList[0].SubscribedInfo[0].TopicName, "topic-00");
}

TEST_F(Emulated, DescribeTopicSyncReplicaReadsEveryPage) {
  start();
  auto all = describe_all_topic_sync_replica(*ckafka(), {"ckafka-1", "wide", 0, 20, std::nullopt});
  ASSERT_TRUE(all.ok()) << all.error().describe();
  EXPECT_EQ(all->result.TopicInSyncReplicaList.size(), 25u);
  EXPECT_EQ(all->result.TopicInSyncReplicaList[0].EndOffset, 1000);
  EXPECT_EQ(logged_actions().size(), 2u);
}

TEST_F(Emulated, FetchMessageListByTimestampFindsTheFirstMessageAtOrAfter) {
  start();
  auto r = ckafka()->fetch_message_list_by_timestamp({"ckafka-1", "topic-03", 1, kT0 + 5500, 1});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->result.size(), 1u);
  EXPECT_EQ(r->result[0].Offset, 6);
  EXPECT_EQ(r->result[0].Timestamp, kT0 + 6000);
}

TEST_F(Emulated, BatchModifyGroupOffsetsSetsTheOffsets) {
  start();
  auto api = ckafka();
  auto r = api->batch_modify_group_offsets({"many", "ckafka-1", {{0, 40}, {1, 41}}, {"topic-05", "topic-06"}});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_FALSE(r->result.ReturnCode.empty());
  auto state = server_->snapshot();
  const auto& offsets = state.instances[0].groups.at("many").offsets;
  EXPECT_EQ(offsets.at("topic-05").at(0), 40);
  EXPECT_EQ(offsets.at("topic-06").at(1), 41);
  EXPECT_EQ(offsets.at("topic-07").at(0), 7);  // untouched
}

TEST_F(Emulated, ModifyGroupOffsetsByOffsetAndByShift) {
  start();
  auto api = ckafka();
  ModifyGroupOffsetsRequest to_offset;
  to_offset.InstanceId = "ckafka-1";
  to_offset.Group = "many";
  to_offset.Strategy = 2;
  to_offset.Topics = {"topic-10"};
  to_offset.Offset = 300;
  ASSERT_TRUE(api->modify_group_offsets(to_offset).ok());
  ModifyGroupOffsetsRequest shift = to_offset;
  shift.Strategy = 0;
  shift.Offset.reset();
  shift.Shift = -50;
  auto r = api->modify_group_offsets(shift);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  auto offsets = server_->snapshot().instances[0].groups.at("many").offsets.at("topic-10");
  EXPECT_EQ(offsets.at(0), 250);
  EXPECT_EQ(offsets.at(1), 250);
}

TEST_F(Emulated, ARequestTheClientCanTellIsWrongIsNotSent) {
  start();
  ModifyGroupOffsetsRequest r;
  r.InstanceId = "ckafka-1";
  r.Group = "many";
  r.Strategy = 1;  // needs ShiftTimestamp
  r.Topics = {"topic-10"};
  auto m = ckafka()->modify_group_offsets(r);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().describe(), "ModifyGroupOffsets was not sent: Strategy 1 needs ShiftTimestamp, which is not set");

  // Topics is required by the SDKs' model: an empty list is not "every topic".
  r.ShiftTimestamp = -2;
  r.Topics.clear();
  auto no_topics = ckafka()->modify_group_offsets(r);
  ASSERT_FALSE(no_topics.ok());
  EXPECT_EQ(no_topics.error().describe(),
            "ModifyGroupOffsets was not sent: Topics names no topic for group 'many'; the API requires at least one");
  EXPECT_TRUE(logged_actions().empty());
}

TEST_F(Emulated, AnUnknownInstanceIsAnApiErrorAndNotRetried) {
  start();
  auto r = ckafka()->describe_group_offsets({"ckafka-nope", "many", {}, std::nullopt, 0, 50});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ApiFailure::Kind::Api);
  EXPECT_EQ(r.error().code, "InvalidParameterValue.InstanceNotExist");
  EXPECT_FALSE(r.error().request_id.empty());
  EXPECT_EQ(r.error().attempts, 1);
  EXPECT_EQ(logged_actions().size(), 1u);
}

TEST_F(Emulated, AnInvalidParameterIsNotRetried) {
  start();
  auto r = ckafka()->batch_modify_group_offsets({"many", "ckafka-1", {{0, 1}}, {"no-such-topic"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ApiFailure::Kind::Api);
  EXPECT_EQ(r.error().code.rfind("InvalidParameter", 0), 0u) << r.error().code;
  EXPECT_EQ(r.error().attempts, 1);
}

TEST_F(Emulated, AWrongSecretIsASignatureFailure) {
  start();
  config_.credentials.secret_key = Secret("not-the-secret");
  auto r = ckafka()->describe_group_info({"ckafka-1", {"many"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "AuthFailure.SignatureFailure");
  EXPECT_EQ(r.error().attempts, 1);
  EXPECT_NE(r.error().describe().find("Check the credentials from the test."), std::string::npos);
}

TEST_F(Emulated, AnUnknownSecretIdIsSecretIdNotFound) {
  start();
  config_.credentials.secret_id = "AKIDUNKNOWN";
  auto r = ckafka()->describe_group_info({"ckafka-1", {"many"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "AuthFailure.SecretIdNotFound");
}

TEST_F(Emulated, ASkewedClockIsSignatureExpire) {
  start();
  client_clock_.set(kNowMs - 10 * 60 * 1000);  // ten minutes slow
  auto r = ckafka()->describe_group_info({"ckafka-1", {"many"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "AuthFailure.SignatureExpire");
  EXPECT_EQ(r.error().attempts, 1);
  EXPECT_NE(r.error().message.find("check this machine's clock"), std::string::npos);
  client_clock_.set(kNowMs + 4 * 60 * 1000);  // four minutes fast: still accepted
  EXPECT_TRUE(ckafka()->describe_group_info({"ckafka-1", {"many"}}).ok());
}

TEST_F(Emulated, TemporaryCredentialsSendTheirToken) {
  start();
  config_.credentials.secret_id = "AKIDTOKEN";
  config_.credentials.secret_key = Secret(kTokenKey);
  config_.credentials.token = Secret(kToken);
  EXPECT_TRUE(ckafka()->describe_group_info({"ckafka-1", {"many"}}).ok());
  config_.credentials.token = Secret();
  auto r = ckafka()->describe_group_info({"ckafka-1", {"many"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "AuthFailure.TokenFailure");
}

TEST_F(Emulated, EveryRequestFailingGivesUpAfterTheAttemptsAllowed) {
  emulator::ServerOptions o;
  o.rate_limit = false;
  o.fault_rate = 1.0;
  o.seed = 3;
  o.fault_delay_ms = 300;
  start(o);
  config_.timeout_ms = 100;  // a delayed answer is a timeout
  config_.retry.max_attempts = 6;
  config_.limits.enabled = false;  // only backoff waits to count
  auto r = ckafka()->describe_group_info({"ckafka-1", {"many"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().attempts, 6);
  EXPECT_TRUE(is_retryable(r.error(), true)) << r.error().describe();
  EXPECT_NE(r.error().message.find("(gave up after 6 attempts)"), std::string::npos);
  EXPECT_EQ(sleeper_.sleeps().size(), 5u);
}

TEST_F(Emulated, RetriesCarryCallsThroughRandomFaults) {
  emulator::ServerOptions o;
  o.fault_rate = 0.4;
  o.seed = 5;
  o.rate_limit = false;  // the fake sleeper does not really wait: faults only
  o.fault_delay_ms = 300;
  start(o);
  config_.timeout_ms = 100;
  config_.retry.max_attempts = 10;
  auto api = ckafka();
  for (int i = 0; i < 20; ++i) {
    auto r = api->batch_modify_group_offsets({"many", "ckafka-1", {{0, 100 + i}}, {"topic-20"}});
    ASSERT_TRUE(r.ok()) << r.error().describe();
  }
  auto offsets = server_->snapshot().instances[0].groups.at("many").offsets.at("topic-20");
  EXPECT_EQ(offsets.at(0), 119);
  EXPECT_GT(logged_actions().size(), 20u);  // some were sent again
}

TEST_F(Emulated, ManyThreadsRunIntoTheServersRateLimitAndStillSucceed) {
  start({}, /*real_time=*/true);  // the emulator's limits on: 20 BatchModifyGroupOffsets per second
  RealSleeper real;
  config_.sleeper = &real;
  config_.limits.enabled = false;  // no client-side limit: the server refuses, the client retries
  config_.retry.max_attempts = 30;
  config_.retry.base_delay_ms = 50;
  config_.retry.max_delay_ms = 400;
  auto api = ckafka();
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        auto r = api->batch_modify_group_offsets({"many", "ckafka-1", {{0, 10 * t + i}}, {topic_name(30 + t)}});
        if (!r.ok()) ++failed;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed, 0);
}

TEST_F(Emulated, DtsConsumerGroupsEveryPage) {
  start();
  auto all = describe_all_consumer_groups(*dts(), {"subs-1", 0, 10});
  ASSERT_TRUE(all.ok()) << all.error().describe();
  EXPECT_EQ(all->result.TotalCount, 14);
  ASSERT_EQ(all->result.Items.size(), 14u);
  EXPECT_EQ(all->result.Items[0].ConsumerGroupName.rfind("consumer-grp-subs-1-", 0), 0u);
  EXPECT_EQ(logged_actions(), (std::vector<std::string>{"DescribeConsumerGroups", "DescribeConsumerGroups"}));
}

TEST_F(Emulated, DtsOffsetByTimeAndReset) {
  start();
  auto api = dts();
  auto offsets = api->describe_offset_by_time({"subs-1", "2026-11-16 08:00:10"});  // kT0 + 10 s in UTC+8
  ASSERT_TRUE(offsets.ok()) << offsets.error().describe();
  ASSERT_EQ(offsets->result.size(), 2u);
  EXPECT_EQ(offsets->result[0].Offset, 10);

  auto reset = api->reset_consumer_group_offset(
      {"subs-1", "subs-topic", "consumer-grp-subs-1-grp0", {0, 1}, "earliest", std::nullopt});
  ASSERT_TRUE(reset.ok()) << reset.error().describe();
  EXPECT_FALSE(reset->request_id.empty());
  auto state = server_->snapshot();
  EXPECT_EQ(state.subscriptions[0].groups.at("grp0").offsets.at(0), 0);

  // A Stable group: accepted and silently not done, as the real API does.
  reset = api->reset_consumer_group_offset({"subs-1", "subs-topic", "consumer-grp-subs-1-grp1", {0}, "latest",
                                            std::nullopt});
  ASSERT_TRUE(reset.ok());
  EXPECT_EQ(server_->snapshot().subscriptions[0].groups.at("grp1").offsets.at(0), 100);

  auto bad = api->reset_consumer_group_offset({"subs-1", "subs-topic", "grp0", {0}, "yesterday", std::nullopt});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().describe(),
            "ResetConsumerGroupOffset was not sent: ResetMode 'yesterday' is not earliest, latest or datetime");
}

TEST_F(Emulated, AnUnknownSubscriptionIsAnApiError) {
  start();
  auto r = describe_all_consumer_groups(*dts(), {"subs-nope", 0, 10});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ApiFailure::Kind::Api);
  EXPECT_EQ(r.error().action, "DescribeConsumerGroups");
}

// Known secrets, the most verbose logging, successes and every kind of failure: nothing
// written to the log or returned in an error holds the secret key or the token.
TEST_F(Emulated, NoSecretReachesTheLogsOrTheErrorsAtTheHighestVerbosity) {
  emulator::ServerOptions o;
  o.fault_rate = 0.5;
  o.seed = 9;
  o.rate_limit = false;
  o.fault_delay_ms = 200;
  start(o);
  std::ostringstream captured;
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
  logger->set_level(spdlog::level::trace);
  spdlog::set_default_logger(logger);

  config_.credentials.secret_id = "AKIDTOKEN";
  config_.credentials.secret_key = Secret(kTokenKey);
  config_.credentials.token = Secret(kToken);
  config_.timeout_ms = 100;
  config_.retry.max_attempts = 3;
  std::string errors;
  auto api = ckafka();
  for (int i = 0; i < 10; ++i) {
    auto r = api->describe_group_offsets({"ckafka-1", "many", {}, std::nullopt, 0, 50});
    if (!r.ok()) errors += r.error().describe() + "\n";
    auto b = api->batch_modify_group_offsets({"many", "ckafka-nope", {{0, 1}}, {"topic-00"}});
    if (!b.ok()) errors += b.error().describe() + "\n";
  }
  config_.credentials.secret_key = Secret(kTokenKey + "x");
  auto wrong = ckafka()->describe_group_info({"ckafka-1", {"many"}});
  if (!wrong.ok()) errors += wrong.error().describe() + "\n";
  std::ostringstream config_text;
  config_text << config_.credentials.secret_key << " " << config_.credentials.token;
  spdlog::set_default_logger(previous);

  const std::string everything = captured.str() + errors + config_text.str();
  EXPECT_NE(captured.str().find("attempt"), std::string::npos) << "debug logging was on";
  EXPECT_NE(errors.find("AuthFailure.SignatureFailure"), std::string::npos);
  for (const std::string& secret : {kTokenKey, kToken}) {
    EXPECT_EQ(everything.find(secret), std::string::npos) << secret;
  }
}

}  // namespace
}  // namespace offsetctl::api

#endif  // OFFSETCTL_HAVE_EMULATOR
