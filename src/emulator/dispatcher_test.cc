#include "emulator/dispatcher.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "emulator/test_support.h"
#include "testing/temp_dir.h"
#include "util/files.h"

namespace offsetctl::emulator {
namespace {

using nlohmann::json;
using testing::error_code;
using testing::kDescribeIdle;
using testing::error_message;
using testing::Harness;
using testing::signed_request;

const json kBatch = {{"InstanceId", "ckafka-test"},
                     {"GroupName", "idle"},
                     {"TopicName", {"orders"}},
                     {"Partitions", {{{"Partition", 0}, {"Offset", 777}}}}};

std::vector<json> log_lines(const std::string& path) {
  std::vector<json> lines;
  std::istringstream in(*util::read_file(path));
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

TEST(DispatcherTest, CommonParametersAreRequired) {
  Harness h;
  for (const auto& [header, name] :
       std::vector<std::pair<std::string, std::string>>{{"x-tc-action", "Action"},
                                                        {"x-tc-version", "Version"},
                                                        {"x-tc-region", "Region"},
                                                        {"x-tc-timestamp", "Timestamp"}}) {
    HttpRequest r = signed_request("DescribeGroupOffsets", kDescribeIdle.dump());
    r.headers.erase(header);
    json resp = h.call_raw(r);
    EXPECT_EQ(error_code(resp), "MissingParameter") << header;
    EXPECT_EQ(error_message(resp), "The request is missing a required parameter `" + name + "`.");
  }
  HttpRequest r = signed_request("DescribeGroupOffsets", kDescribeIdle.dump());
  r.headers["x-tc-timestamp"] = "soon";
  EXPECT_EQ(error_message(h.call_raw(r)),
            "The parameter `Timestamp` (X-TC-Timestamp) must be Unix seconds, not `soon`.");
  r = signed_request("DescribeGroupOffsets", kDescribeIdle.dump());
  r.headers.erase("authorization");
  EXPECT_EQ(error_code(h.call_raw(r)), "AuthFailure.InvalidAuthorization");
}

TEST(DispatcherTest, OnlyPostSlash) {
  Harness h;
  HttpRequest r = signed_request("DescribeGroupOffsets", kDescribeIdle.dump());
  r.method = "GET";
  EXPECT_EQ(error_message(h.call_raw(r)),
            "The emulator serves API 3.0 as POST / with a JSON body, not GET /.");
  r.method = "POST";
  r.path = "/v2/index.php";
  EXPECT_EQ(error_code(h.call_raw(r)), "InvalidParameter");
}

TEST(DispatcherTest, VersionsAndActions) {
  Harness h;
  testing::Sign old;
  old.version = "2017-03-12";
  EXPECT_EQ(error_message(h.call("DescribeGroupOffsets", kDescribeIdle, old)),
            "The Version `2017-03-12` is not supported by ckafka: use 2019-08-19.");
  json r = h.call("DescribeInstances", json::object());
  EXPECT_EQ(error_code(r), "InvalidAction");
  EXPECT_EQ(error_message(r),
            "The action `DescribeInstances` is not found in version 2019-08-19 of service ckafka.");
}

TEST(DispatcherTest, TheSignatureIsCheckedBeforeTheAction) {
  Harness h;
  testing::Sign s;
  s.secret_key = "wrong";
  EXPECT_EQ(error_code(h.call("NoSuchAction", json::object(), s)), "AuthFailure.SignatureFailure");
  h.clock().advance(301'000);  // the request's timestamp is now 301 s old
  EXPECT_EQ(error_code(h.call_raw(signed_request("DescribeGroupOffsets", kDescribeIdle.dump()))),
            "AuthFailure.SignatureExpire");
}

TEST(DispatcherTest, MalformedBodies) {
  Harness h;
  EXPECT_EQ(error_message(h.call_raw(signed_request("DescribeGroupOffsets", "{\"InstanceId\": "))),
            "The request body is not valid JSON.");
  EXPECT_EQ(error_message(h.call_raw(signed_request("DescribeGroupOffsets", "[1, 2]"))),
            "The request body must be a JSON object.");
  EXPECT_EQ(error_message(h.call_raw(signed_request("DescribeGroupOffsets", ""))),
            "The request body is not valid JSON.");
  EXPECT_EQ(error_code(h.call_raw(signed_request("DescribeGroupOffsets", std::string("{\"a\":\"\xff\"}")))),
            "InvalidParameter");
  std::string deep(100000, '[');
  EXPECT_EQ(error_code(h.call_raw(signed_request("DescribeGroupOffsets", deep))), "InvalidParameter");
  // Valid but absurdly deep JSON: refused before anything recurses over it.
  std::string nested = std::string(1000000, '[') + std::string(1000000, ']');
  EXPECT_EQ(error_message(h.call_raw(signed_request("DescribeGroupOffsets", nested))),
            "The request body nests deeper than 64 levels.");
  // Brackets inside strings (and an escaped quote) are not nesting.
  std::string in_strings = R"({"InstanceId": ")" + std::string(100, '[') + R"(\"[", "Group": "idle"})";
  EXPECT_EQ(error_code(h.call_raw(signed_request("DescribeGroupOffsets", in_strings))),
            "InvalidParameterValue.InstanceNotExist");
}

TEST(DispatcherTest, EveryAnswerHasAFreshRequestId) {
  Harness h;
  json a = h.call("DescribeGroupOffsets", kDescribeIdle);
  json b = h.call("DescribeGroupOffsets", kDescribeIdle);
  json c = h.call("Nope", kDescribeIdle);
  EXPECT_NE(a["RequestId"], b["RequestId"]);
  EXPECT_NE(b["RequestId"], c["RequestId"]);
  EXPECT_EQ(c["RequestId"].get<std::string>().size(), 36u);
}

TEST(DispatcherTest, RateLimitsPerActionAndSecond) {
  Harness h;  // the fake clock stands still: every call is in the same second
  for (int i = 0; i < 20; ++i) ASSERT_EQ(error_code(h.call("BatchModifyGroupOffsets", kBatch)), "") << i;
  json over = h.call("BatchModifyGroupOffsets", kBatch);
  EXPECT_EQ(error_code(over), "RequestLimitExceeded");
  EXPECT_EQ(error_message(over),
            "Your current request times equals to `21` in a second, which exceeds the frequency "
            "limit `20` of BatchModifyGroupOffsets for a second. Please reduce the frequency of "
            "calls.");
  EXPECT_EQ(error_code(h.call("DescribeGroupOffsets", kDescribeIdle)), "");  // its own budget of 100
  h.clock().advance(1000);
  EXPECT_EQ(error_code(h.call("BatchModifyGroupOffsets", kBatch)), "");
}

TEST(DispatcherTest, NoRateLimit) {
  ServerOptions options;
  options.rate_limit = false;
  Harness h(testing::fixture_state(), options);
  for (int i = 0; i < 50; ++i) ASSERT_EQ(error_code(h.call("BatchModifyGroupOffsets", kBatch)), "") << i;
}

TEST(DispatcherTest, FaultsFollowTheSeedAndOnlyADelayedReplyApplies) {
  ServerOptions options;
  options.fault_rate = 1;
  options.seed = 99;
  options.rate_limit = false;
  Harness h(testing::fixture_state(), options);
  FaultInjector expected(1, 99);
  int applied = 0;
  for (int i = 0; i < 40; ++i) {
    Fault want = expected.next();
    json body = kBatch;
    body["Partitions"][0]["Offset"] = 900 - i;  // never the fixture's 10
    HttpReply reply = h.dispatcher().handle(signed_request("BatchModifyGroupOffsets", body.dump()));
    json resp = json::parse(reply.body)["Response"];
    int64_t now =
        h.state().find_instance("ckafka-test", "ap-guangzhou")->groups.at("idle").offsets.at("orders").at(0);
    switch (want) {
      case Fault::RequestLimitExceeded:
        EXPECT_EQ(error_code(resp), "RequestLimitExceeded");
        EXPECT_EQ(reply.delivery, HttpReply::Delivery::Normal);
        EXPECT_NE(now, 900 - i);
        break;
      case Fault::InternalError:
        EXPECT_EQ(error_code(resp), "InternalError");
        EXPECT_NE(now, 900 - i);
        break;
      case Fault::Drop:
        EXPECT_EQ(reply.delivery, HttpReply::Delivery::Drop);
        EXPECT_NE(now, 900 - i);
        break;
      case Fault::Delay:
        EXPECT_EQ(reply.delivery, HttpReply::Delivery::Delay);
        EXPECT_EQ(error_code(resp), "");
        EXPECT_EQ(now, 900 - i);  // carried out, only the answer is late
        ++applied;
        break;
      case Fault::None:
        ADD_FAILURE() << "rate 1 always faults";
    }
  }
  EXPECT_GT(applied, 0);
}

TEST(DispatcherTest, TheRequestLog) {
  offsetctl::testing::TempDir dir;
  ServerOptions options;
  options.request_log_path = dir.path("requests.jsonl");
  Harness h(testing::fixture_state(), options);
  json ok = h.call("DescribeGroupOffsets", kDescribeIdle);
  json bad = h.call("DescribeGroupOffsets", {{"InstanceId", "nope"}, {"Group", "g"}});
  h.call_raw(signed_request("BatchModifyGroupOffsets", "not json"));
  h.call_raw(signed_request("BatchModifyGroupOffsets", std::string(200000, '[') + std::string(200000, ']')));
  std::vector<json> lines = log_lines(options.request_log_path);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], json({{"time", "2026-11-23T00:00:00.000Z"},
                            {"service", "ckafka"},
                            {"action", "DescribeGroupOffsets"},
                            {"requestId", ok["RequestId"]},
                            {"connection", nullptr},  // no TCP connection in process
                            {"error", nullptr},
                            {"fault", nullptr},
                            {"request", kDescribeIdle}}));
  EXPECT_EQ(lines[1]["error"], "InvalidParameterValue.InstanceNotExist");
  EXPECT_EQ(lines[1]["requestId"], bad["RequestId"]);
  EXPECT_EQ(lines[2]["error"], "InvalidParameter");
  EXPECT_EQ(lines[2]["request"], nullptr);
  EXPECT_EQ(lines[3]["error"], "InvalidParameter");  // too deep to log, and logged without it
  EXPECT_EQ(lines[3]["request"], nullptr);
  // Key order: time first, as a reader scans it.
  EXPECT_EQ(util::read_file(options.request_log_path)->rfind("{\"time\":", 0), 0u);
}

TEST(DispatcherTest, TheRequestLogNamesFaults) {
  offsetctl::testing::TempDir dir;
  ServerOptions options;
  options.request_log_path = dir.path("requests.jsonl");
  options.fault_rate = 1;
  options.seed = 5;
  Harness h(testing::fixture_state(), options);
  FaultInjector expected(1, 5);
  for (int i = 0; i < 12; ++i) h.call("DescribeGroupOffsets", kDescribeIdle);
  for (const json& line : log_lines(options.request_log_path)) {
    Fault f = expected.next();
    EXPECT_EQ(line["fault"], fault_name(f));
    const json want_error = f == Fault::Drop                   ? json("ConnectionDropped")
                            : f == Fault::InternalError        ? json("InternalError")
                            : f == Fault::RequestLimitExceeded ? json("RequestLimitExceeded")
                                                               : json();
    EXPECT_EQ(line["error"], want_error);
  }
}

TEST(DispatcherTest, RejectsBadOptions) {
  ServerOptions options;
  options.fault_rate = 1.5;
  EXPECT_EQ(Dispatcher::create(State{}, options).error().message,
            "the fault rate must be between 0 and 1, not 1.500000");
  options.fault_rate = 0;
  options.fault_delay_ms = -1;
  EXPECT_EQ(Dispatcher::create(State{}, options).error().message, "the fault delay must be 0 ms or more");
}

TEST(DispatcherTest, ConcurrentChangesAllLand) {
  ServerOptions options;
  options.rate_limit = false;
  Harness h(testing::fixture_state(), options);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        json body = {{"InstanceId", "ckafka-test"},
                     {"GroupName", "g" + std::to_string(t)},
                     {"TopicName", {"orders"}},
                     {"Partitions", {{{"Partition", i % 3}, {"Offset", i}}}}};
        HttpReply r = h.dispatcher().handle(signed_request("BatchModifyGroupOffsets", body.dump()));
        EXPECT_EQ(error_code(json::parse(r.body)["Response"]), "");
        h.dispatcher().handle(signed_request("DescribeGroupOffsets", kDescribeIdle.dump()));
      }
    });
  }
  for (auto& th : threads) th.join();
  State s = h.state();
  for (int t = 0; t < 8; ++t) {
    const Group& g = s.find_instance("ckafka-test", "ap-guangzhou")->groups.at("g" + std::to_string(t));
    EXPECT_EQ(g.offsets.at("orders"), (std::map<int32_t, int64_t>{{0, 48}, {1, 49}, {2, 47}}));
  }
}

}  // namespace
}  // namespace offsetctl::emulator
