#include "api/caller.h"

#include <gtest/gtest.h>

#include <thread>

#include "api/signer.h"
#include "api/test_server.h"

namespace offsetctl::api {
namespace {

using nlohmann::json;
using scripted::error_body;
using scripted::HangUpServer;
using scripted::ok_body;
using scripted::Scripted;
using scripted::ScriptedServer;

constexpr int64_t kSignedAtMs = 1551113065000;

struct Fixture {
  util::FakeClock clock{kSignedAtMs};
  FakeSleeper sleeper;
  ClientConfig config;

  explicit Fixture(const std::string& endpoint) {
    config.endpoint = endpoint;
    config.region = "ap-guangzhou";
    config.credentials.secret_id = "AKIDEXAMPLE";
    config.credentials.secret_key = Secret("secretEXAMPLE");
    config.credentials.source = "the test";
    config.clock = &clock;
    config.sleeper = &sleeper;
    config.jitter_seed = 7;
    config.retry.max_attempts = 4;
    config.timeout_ms = 2000;
    config.connect_timeout_ms = 2000;
  }
  std::unique_ptr<Caller> caller(const std::string& service = "ckafka") {
    auto c = Caller::create(config, service, service == "dts" ? "2021-12-06" : "2019-08-19");
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().describe());
    return std::move(*c);
  }
};

TEST(Caller, SendsTheDocumentedHeadersAndASignatureOverTheExactBody) {
  ScriptedServer server;
  Fixture f(server.url());
  auto caller = f.caller();
  auto r = caller->call("DescribeGroupOffsets", json{{"InstanceId", "ckafka-1"}, {"Group", "g"}});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->request_id, "req-ok");

  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 1u);
  const auto& h = seen[0].headers;
  EXPECT_EQ(h.at("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(h.at("host"), caller->endpoint().host_header);
  EXPECT_EQ(h.at("x-tc-action"), "DescribeGroupOffsets");
  EXPECT_EQ(h.at("x-tc-version"), "2019-08-19");
  EXPECT_EQ(h.at("x-tc-region"), "ap-guangzhou");
  EXPECT_EQ(h.at("x-tc-timestamp"), "1551113065");
  EXPECT_EQ(h.count("x-tc-token"), 0u);
  EXPECT_EQ(h.count("expect"), 0u);
  EXPECT_EQ(seen[0].body, R"({"Group":"g","InstanceId":"ckafka-1"})");

  SignInput in;
  in.service = "ckafka";
  in.host = caller->endpoint().host_header;
  in.action = "DescribeGroupOffsets";
  in.content_type = "application/json; charset=utf-8";
  in.timestamp = 1551113065;
  in.payload = seen[0].body;
  EXPECT_EQ(h.at("authorization"), sign("AKIDEXAMPLE", "secretEXAMPLE", in).authorization);
}

TEST(Caller, ASessionTokenAddsXTcToken) {
  ScriptedServer server;
  Fixture f(server.url());
  f.config.credentials.token = Secret("session-token-EXAMPLE");
  ASSERT_TRUE(f.caller()->call("DescribeGroupInfo", json::object()).ok());
  EXPECT_EQ(server.seen().at(0).headers.at("x-tc-token"), "session-token-EXAMPLE");
}

TEST(Caller, NonAsciiBodiesGoOutAsUtf8) {
  ScriptedServer server;
  Fixture f(server.url());
  ASSERT_TRUE(f.caller()->call("DescribeGroupInfo", json{{"GroupList", {"\xe6\x9c\xaa\xe5\x91\xbd\xe5\x90\x8d"}}}).ok());
  EXPECT_EQ(server.seen().at(0).body, "{\"GroupList\":[\"\xe6\x9c\xaa\xe5\x91\xbd\xe5\x90\x8d\"]}");
}

TEST(Caller, FailsTwiceThenSucceeds) {
  ScriptedServer server;
  server.script({{503, "<html>busy</html>", 0}, {200, error_body("RequestLimitExceeded", "too fast", "r2"), 0}});
  Fixture f(server.url());
  f.config.limits.enabled = false;  // only the backoff waits are left to count
  auto r = f.caller()->call("BatchModifyGroupOffsets", json::object());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(server.seen().size(), 3u);
  // Full jitter: each wait lies within its cap, 200 ms after the first failure and 400 ms after the second.
  auto sleeps = f.sleeper.sleeps();
  ASSERT_EQ(sleeps.size(), 2u);
  EXPECT_LE(sleeps[0], 200);
  EXPECT_LE(sleeps[1], 400);
}

TEST(Caller, CountsTheAttemptsSentAgainInItsStats) {
  ScriptedServer server;
  server.script({{503, "<html>busy</html>", 0}, {200, error_body("RequestLimitExceeded", "too fast", "r2"), 0}});
  Fixture f(server.url());
  f.config.limits.enabled = false;
  f.config.stats = std::make_shared<CallStats>();
  auto caller = f.caller();
  ASSERT_TRUE(caller->call("BatchModifyGroupOffsets", json::object()).ok());
  ASSERT_TRUE(caller->call("BatchModifyGroupOffsets", json::object()).ok());
  EXPECT_EQ(f.config.stats->retried.load(), 2u);
  EXPECT_EQ(f.config.stats->rate_limited.load(), 1u);
}

TEST(Caller, RateLimitedActionsWaitForTheirSlot) {
  ScriptedServer server;
  Fixture f(server.url());
  auto caller = f.caller();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(caller->call("BatchModifyGroupOffsets", json::object()).ok());
  EXPECT_EQ(f.sleeper.sleeps(), (std::vector<int64_t>{52, 52}));  // 20/s, paced at 97%: 51.5 ms apart
}

TEST(Caller, RetriesEachRetryableFailure) {
  struct Case {
    Scripted first;
    const char* code;
  };
  for (const Case& c : {Case{{200, error_body("InternalError", "oops"), 0}, "InternalError"},
                        Case{{200, error_body("ResourceUnavailable", "busy"), 0}, "ResourceUnavailable"},
                        Case{{502, "bad gateway", 0}, "HTTP 502"},
                        Case{{500, error_body("InternalError.Db", "db"), 0}, "InternalError.Db"}}) {
    ScriptedServer server;
    server.script({c.first});
    Fixture f(server.url());
    auto r = f.caller()->call("DescribeGroupInfo", json::object());
    EXPECT_TRUE(r.ok()) << c.code;
    EXPECT_EQ(server.seen().size(), 2u) << c.code;
  }
}

TEST(Caller, NeverRetriesClientErrors) {
  for (const char* code : {"AuthFailure.SignatureFailure", "InvalidParameterValue.InstanceNotExist",
                           "UnauthorizedOperation", "InvalidParameter", "ResourceNotFound"}) {
    ScriptedServer server;
    server.fallback({200, error_body(code, "no", "rid-1"), 0});
    Fixture f(server.url());
    auto r = f.caller()->call("DescribeGroupInfo", json::object());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ApiFailure::Kind::Api);
    EXPECT_EQ(r.error().code, code);
    EXPECT_EQ(r.error().request_id, "rid-1");
    EXPECT_EQ(r.error().attempts, 1);
    EXPECT_EQ(server.seen().size(), 1u) << code;
  }
}

TEST(Caller, AuthFailuresSayWhatToCheck) {
  ScriptedServer server;
  server.fallback({200, error_body("AuthFailure.SignatureFailure", "The provided credentials could not be validated.",
                                   "rid-9"),
                   0});
  Fixture f(server.url());
  auto r = f.caller()->call("DescribeGroupOffsets", json::object());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().describe(),
            "DescribeGroupOffsets failed: AuthFailure.SignatureFailure: The provided credentials could not be "
            "validated. Check the credentials from the test. (RequestId rid-9)");
}

TEST(Caller, GivesUpAfterMaxAttempts) {
  ScriptedServer server;
  server.fallback({200, error_body("InternalError", "still broken", "rid-x"), 0});
  Fixture f(server.url());
  f.config.retry.max_attempts = 3;
  auto r = f.caller()->call("DescribeGroupInfo", json::object());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(server.seen().size(), 3u);
  EXPECT_EQ(r.error().attempts, 3);
  EXPECT_EQ(r.error().describe(),
            "DescribeGroupInfo failed: InternalError: still broken (gave up after 3 attempts) (RequestId rid-x)");
}

TEST(Caller, GivesUpWhenTheTotalTimeWouldBeExceeded) {
  ScriptedServer server;
  server.fallback({200, error_body("RequestLimitExceeded", "slow down"), 0});
  Fixture f(server.url());
  f.config.retry.max_attempts = 100;
  f.config.retry.base_delay_ms = 1000;
  f.config.retry.max_delay_ms = 1000;
  f.config.retry.max_total_ms = 3000;
  auto r = f.caller()->call("DescribeGroupInfo", json::object());
  ASSERT_FALSE(r.ok());
  EXPECT_LT(server.seen().size(), 100u);
  EXPECT_LE(f.sleeper.monotonic_ms(), 3000 + 50 * static_cast<int64_t>(server.seen().size()));
}

TEST(Caller, AnswersThatAreNotWhatTheApiPromisesAreBadAnswers) {
  struct Case {
    Scripted answer;
    std::string message;
  };
  for (const Case& c :
       {Case{{200, "<html>hello</html>", 0}, "the answer is not valid JSON (18 bytes: <html>hello</html>)"},
        Case{{200, R"({"Response": {"Result": {"TotalCount": 1, "TopicL)", 0},
             R"(the answer is not valid JSON (49 bytes: {"Response": {"Result": {"TotalCount": 1, "TopicL))"},
        Case{{200, R"({"Result": {}})", 0}, R"(the answer has no Response object: {"Result": {}})"},
        Case{{200, R"({"Response": {"Result": {}}})", 0},
             "the answer has no Response.RequestId, which every answer carries"},
        Case{{200, R"({"Response": {"Error": {"Message": "x"}, "RequestId": "r"}})", 0},
             R"(the answer has an Error without a Code: {"Response": {"Error": {"Message": "x"}, "RequestId": "r"}})"},
        // Found by fuzzing: an empty Code made a failure that named no code at all.
        Case{{200, R"({"Response": {"Error": {"Code": ""}, "RequestId": "r"}})", 0},
             R"(the answer has an Error without a Code: {"Response": {"Error": {"Code": ""}, "RequestId": "r"}})"}}) {
    ScriptedServer server;
    server.fallback(c.answer);
    Fixture f(server.url());
    auto r = f.caller()->call("DescribeGroupOffsets", json::object());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ApiFailure::Kind::BadAnswer);
    EXPECT_EQ(r.error().message, c.message);
    EXPECT_EQ(server.seen().size(), 1u) << "a bad answer is not retried";
  }
}

TEST(Caller, AnHttpClientErrorWithoutAnApiErrorIsNotRetried) {
  ScriptedServer server;
  server.fallback({404, "not here", 0});
  Fixture f(server.url());
  auto r = f.caller()->call("DescribeGroupInfo", json::object());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ApiFailure::Kind::Transport);
  EXPECT_EQ(r.error().describe(), "DescribeGroupInfo failed: HTTP 404: HTTP 404 from " + server.url() + "/: not here");
  EXPECT_EQ(server.seen().size(), 1u);
}

TEST(Caller, ATimeoutIsRetriedAndReported) {
  ScriptedServer server;
  server.fallback({200, ok_body(""), 400});
  Fixture f(server.url());
  f.config.timeout_ms = 100;
  f.config.retry.max_attempts = 2;
  auto r = f.caller()->call("DescribeGroupInfo", json::object());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "Timeout");
  EXPECT_EQ(r.error().attempts, 2);
  EXPECT_NE(r.error().describe().find("DescribeGroupInfo failed: Timeout: no answer from " + server.url() +
                                      "/ within the timeout"),
            std::string::npos);
}

TEST(Caller, ARequestThatMustNotRunTwiceIsNotRetriedAfterATimeout) {
  ScriptedServer server;
  server.fallback({200, ok_body(""), 400});
  Fixture f(server.url());
  f.config.timeout_ms = 100;
  CallOptions once;
  once.idempotent = false;
  auto r = f.caller()->call("ModifyGroupOffsets", json::object(), once);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "Timeout");
  EXPECT_EQ(r.error().attempts, 1);
}

TEST(Caller, AHangUpIsAConnectionResetAndRetried) {
  HangUpServer server;
  Fixture f(server.url());
  f.config.retry.max_attempts = 3;
  auto r = f.caller()->call("DescribeGroupInfo", json::object());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ConnectionReset");
  EXPECT_EQ(r.error().attempts, 3);
  EXPECT_EQ(server.accepted(), 3);
}

TEST(Caller, NobodyListeningIsAConnectFailureAndRetried) {
  int port;
  {
    ScriptedServer gone;  // a port that was free a moment ago
    port = std::stoi(gone.url().substr(gone.url().rfind(':') + 1));
  }
  Fixture f("http://127.0.0.1:" + std::to_string(port));
  f.config.retry.max_attempts = 2;
  auto r = f.caller()->call("DescribeGroupInfo", json::object());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ConnectFailed");
  EXPECT_EQ(r.error().attempts, 2);
}

TEST(Caller, ReusesTheConnectionOfItsThread) {
  ScriptedServer server;
  Fixture f(server.url());
  auto caller = f.caller();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(caller->call("DescribeGroupInfo", json::object()).ok());
  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[1].remote_port, seen[0].remote_port);
  EXPECT_EQ(seen[2].remote_port, seen[0].remote_port);
}

TEST(Caller, BoundsTheRequestsInFlight) {
  ScriptedServer server;
  server.fallback({200, ok_body(""), 30});
  Fixture f(server.url());
  f.config.max_in_flight = 2;
  f.config.limits.enabled = false;
  auto caller = f.caller();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 3; ++i) ok += caller->call("DescribeGroupInfo", json::object()).ok() ? 1 : 0;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 18);
  EXPECT_LE(server.max_in_flight(), 2);
  EXPECT_GE(server.max_in_flight(), 1);
}

// Hedged reads. The rate limits are off: under the fake sleeper their clock never moves,
// so a copy would never find a free rate slot.
CallOptions hedged() {
  CallOptions o;
  o.hedge = true;
  return o;
}

void hedge_after(Fixture& f, int64_t delay_ms) {
  f.config.limits.enabled = false;
  f.config.hedge.initial_delay_ms = delay_ms;
  f.config.timeout_ms = 60000;  // longer than the server holds an answer: a request is cancelled or answered
  f.config.stats = std::make_shared<CallStats>();
}

TEST(Caller, ALateReadIsSentOnceMoreAndTheFirstAnswerWins) {
  ScriptedServer server;
  server.script({{200, ok_body("", "req-late"), 0, /*hold=*/true}});
  server.fallback({200, ok_body("", "req-copy"), 0});
  Fixture f(server.url());
  hedge_after(f, 50);
  auto r = f.caller()->call("DescribeGroupOffsets", json{{"Group", "g"}}, hedged());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->request_id, "req-copy");
  // The call returned while the first answer is still held: its request was cancelled, not waited for.
  EXPECT_EQ(server.held(), 1);
  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[1].body, seen[0].body);
  EXPECT_NE(seen[1].remote_port, seen[0].remote_port);  // on a connection of its own
  EXPECT_EQ(f.config.stats->hedged.load(), 1u);
  EXPECT_EQ(f.config.stats->retried.load(), 0u);
}

TEST(Caller, AnAnswerInTimeIsNotHedged) {
  ScriptedServer server;
  Fixture f(server.url());
  hedge_after(f, 5000);
  auto caller = f.caller();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(caller->call("DescribeGroupOffsets", json::object(), hedged()).ok());
  EXPECT_EQ(server.seen().size(), 3u);
  EXPECT_EQ(f.config.stats->hedged.load(), 0u);
}

TEST(Caller, WhenTheCopyFailsTheFirstRequestStillAnswers) {
  ScriptedServer server;
  server.script({{200, ok_body("", "req-late"), 0, /*hold=*/true},
                 {200, error_body("InternalError", "try again", "req-copy"), 0}});
  Fixture f(server.url());
  hedge_after(f, 50);
  std::thread release([&] {
    server.wait_until_held(1);
    while (server.seen().size() < 2) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    server.release_held();
  });
  auto r = f.caller()->call("DescribeGroupOffsets", json::object(), hedged());
  release.join();
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->request_id, "req-late");
  EXPECT_EQ(server.seen().size(), 2u);
  EXPECT_EQ(f.config.stats->retried.load(), 0u);  // the copy's failure is not an attempt of its own
}

// Releases the held answer once a copy (if any) had its chance and `requests` were seen.
void release_after(ScriptedServer& server, size_t requests, std::thread& t) {
  t = std::thread([&server, requests] {
    server.wait_until_held(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // past the 50 ms hedge delay
    while (server.seen().size() < requests) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    server.release_held();
  });
}

TEST(Caller, WritesAreNeverHedged) {
  ScriptedServer server;
  server.script({{200, ok_body("", "req-late"), 0, /*hold=*/true}});
  Fixture f(server.url());
  hedge_after(f, 50);
  std::thread release;
  release_after(server, 1, release);
  auto r = f.caller()->call("BatchModifyGroupOffsets", json::object());
  release.join();
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->request_id, "req-late");
  EXPECT_EQ(server.seen().size(), 1u);
  EXPECT_EQ(f.config.stats->hedged.load(), 0u);
}

TEST(Caller, AHedgeNeverTakesMoreConnectionsThanMaxInFlight) {
  ScriptedServer server;
  server.script({{200, ok_body("", "req-late"), 0, /*hold=*/true}});
  Fixture f(server.url());
  hedge_after(f, 50);
  f.config.max_in_flight = 1;
  std::thread release;
  release_after(server, 1, release);
  auto r = f.caller()->call("DescribeGroupOffsets", json::object(), hedged());
  release.join();
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->request_id, "req-late");
  EXPECT_EQ(server.seen().size(), 1u);
}

TEST(Caller, HedgesStayWithinTheirBudget) {
  ScriptedServer server;
  server.script({{200, ok_body("", "req-late-1"), 0, /*hold=*/true}, {200, ok_body("", "req-copy"), 0},
                 {200, ok_body("", "req-late-2"), 0, /*hold=*/true}});
  Fixture f(server.url());
  hedge_after(f, 50);
  f.config.hedge.budget = 0;  // one hedge in all
  auto caller = f.caller();
  auto first = caller->call("DescribeGroupOffsets", json::object(), hedged());
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_EQ(first->request_id, "req-copy");
  std::thread release;
  release_after(server, 3, release);
  auto second = caller->call("DescribeGroupOffsets", json::object(), hedged());
  release.join();
  ASSERT_TRUE(second.ok()) << second.error().describe();
  EXPECT_EQ(second->request_id, "req-late-2");  // waited for: the budget was spent
  EXPECT_EQ(server.seen().size(), 3u);
  EXPECT_EQ(f.config.stats->hedged.load(), 1u);
}

TEST(Caller, RefusesABadConfigurationBeforeSendingAnything) {
  ClientConfig c;
  c.region = "ap-guangzhou";
  c.credentials.secret_id = "id";
  c.credentials.secret_key = Secret("key");
  c.endpoint = "http://example.com";
  auto r = Caller::create(c, "ckafka", "2019-08-19");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ApiFailure::Kind::Config);
  EXPECT_EQ(r.error().describe(),
            "endpoint 'http://example.com' uses plain http://, which is allowed only for loopback addresses "
            "(127.0.0.0/8, ::1, localhost); use https://");
  c.endpoint = "";
  c.ca_bundle = "/nonexistent/ca.pem";
  r = Caller::create(c, "ckafka", "2019-08-19");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().describe(), "--ca-bundle /nonexistent/ca.pem cannot be read");
  c.ca_bundle = "";
  c.region = "";
  EXPECT_FALSE(Caller::create(c, "ckafka", "2019-08-19").ok());
}

TEST(InterpretAnswer, AnApiErrorKeepsItsCodeMessageAndRequestId) {
  auto r = interpret_answer("X", "u", 200, error_body("FailedOperation", "it failed", "rid"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ApiFailure::Kind::Api);
  EXPECT_EQ(r.error().code, "FailedOperation");
  EXPECT_EQ(r.error().message, "it failed");
  EXPECT_EQ(r.error().request_id, "rid");
}

}  // namespace
}  // namespace offsetctl::api
