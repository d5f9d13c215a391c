#include "emulator/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "emulator/test_support.h"
#include "testing/temp_dir.h"
#include "util/files.h"

namespace offsetctl::emulator {
namespace {

using nlohmann::json;
using testing::call_http;
using testing::kDescribeIdle;
using testing::error_code;


std::unique_ptr<Server> start(ServerOptions options = {}) {
  auto s = Server::start(testing::fixture_state(), options);
  EXPECT_TRUE(s) << s.error().message;
  return s ? std::move(*s) : nullptr;
}

// The first seed whose first fault is `kind` (at rate 1).
uint64_t seed_for(Fault kind) {
  for (uint64_t seed = 1;; ++seed) {
    if (FaultInjector(1, seed).next() == kind) return seed;
  }
}

TEST(ServerTest, ServesOnAFreePort) {
  auto server = start();
  ASSERT_TRUE(server);
  EXPECT_GT(server->port(), 0);
  EXPECT_EQ(server->url(), "http://127.0.0.1:" + std::to_string(server->port()));
  auto r = call_http(*server, "DescribeGroupOffsets", kDescribeIdle);
  ASSERT_TRUE(r.transport_ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(error_code(r.response), "") << r.body;
  EXPECT_EQ(r.response["Result"]["TotalCount"], 1);
}

TEST(ServerTest, ChangesShowInTheSnapshot) {
  auto server = start();
  json body = {{"InstanceId", "ckafka-test"},
               {"GroupName", "idle"},
               {"TopicName", {"orders"}},
               {"Partitions", {{{"Partition", 2}, {"Offset", 999}}}}};
  ASSERT_EQ(error_code(call_http(*server, "BatchModifyGroupOffsets", body).response), "");
  EXPECT_EQ(server->snapshot()
                .find_instance("ckafka-test", "ap-guangzhou")
                ->groups.at("idle")
                .offsets.at("orders")
                .at(2),
            999);
}

TEST(ServerTest, AcceptsTheHostSignedWithoutItsPort) {
  auto server = start();
  testing::Sign s;
  s.signed_host = "127.0.0.1";
  auto r = call_http(*server, "DescribeGroupOffsets", kDescribeIdle, s);
  EXPECT_EQ(error_code(r.response), "") << r.body;
}

TEST(ServerTest, ErrorsAreHttp200WithTheErrorShape) {
  auto server = start();
  testing::Sign s;
  s.secret_key = "wrong";
  auto r = call_http(*server, "DescribeGroupOffsets", kDescribeIdle, s);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(error_code(r.response), "AuthFailure.SignatureFailure");
  EXPECT_TRUE(r.response.contains("RequestId"));
}

TEST(ServerTest, AHugeBodyGetsTheErrorShape) {
  auto server = start();
  HttpRequest req = testing::signed_request("DescribeGroupOffsets", std::string(11u << 20, ' '));
  auto r = testing::post(*server, req);
  ASSERT_TRUE(r.transport_ok);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(error_code(r.response), "InvalidParameter");
  EXPECT_EQ(r.response["Error"]["Message"], "The request body is larger than the limit of 10485760 bytes.");
  EXPECT_EQ(error_code(call_http(*server, "DescribeGroupOffsets", kDescribeIdle).response), "");  // still serving
}

TEST(ServerTest, OtherMethodsGetTheErrorShape) {
  auto server = start();
  httplib::Client client("127.0.0.1", server->port());
  auto res = client.Get("/anything");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(error_code(json::parse(res->body)["Response"]), "InvalidParameter");
}

TEST(ServerTest, SurvivesGarbageOnTheWire) {
  auto server = start();
  for (const std::string& junk :
       {std::string("HELLO\r\n\r\n"), std::string(20000, 'A'), std::string("\0\1\2", 3),
        std::string("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\nabc")}) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_GT(::send(fd, junk.data(), junk.size(), MSG_NOSIGNAL), 0);
    ::shutdown(fd, SHUT_WR);
    char buf[4096];
    while (::recv(fd, buf, sizeof buf, 0) > 0) {
    }
    ::close(fd);
  }
  EXPECT_EQ(error_code(call_http(*server, "DescribeGroupOffsets", kDescribeIdle).response), "");
}

TEST(ServerTest, ADroppedConnectionGivesTheClientNoAnswer) {
  ServerOptions options;
  options.fault_rate = 1;
  options.seed = seed_for(Fault::Drop);
  auto server = start(options);
  json body = {{"InstanceId", "ckafka-test"},
               {"GroupName", "idle"},
               {"TopicName", {"orders"}},
               {"Partitions", {{{"Partition", 0}, {"Offset", 555}}}}};
  auto r = call_http(*server, "BatchModifyGroupOffsets", body);
  EXPECT_FALSE(r.transport_ok && r.response.is_object()) << r.body;
  EXPECT_EQ(server->snapshot()
                .find_instance("ckafka-test", "ap-guangzhou")
                ->groups.at("idle")
                .offsets.at("orders")
                .at(0),
            10);  // not applied
}

TEST(ServerTest, ADelayedReplyIsAppliedButArrivesTooLate) {
  ServerOptions options;
  options.fault_rate = 1;
  options.seed = seed_for(Fault::Delay);
  options.fault_delay_ms = 3000;
  auto server = start(options);
  json body = {{"InstanceId", "ckafka-test"},
               {"GroupName", "idle"},
               {"TopicName", {"orders"}},
               {"Partitions", {{{"Partition", 0}, {"Offset", 556}}}}};
  testing::Sign s;
  s.host = "127.0.0.1:" + std::to_string(server->port());
  s.timestamp = util::SystemClock().now_ms() / 1000;
  auto r = testing::post(*server, testing::signed_request("BatchModifyGroupOffsets", body.dump(), s), 200);
  EXPECT_FALSE(r.transport_ok);  // the client gave up first
  EXPECT_EQ(server->snapshot()
                .find_instance("ckafka-test", "ap-guangzhou")
                ->groups.at("idle")
                .offsets.at("orders")
                .at(0),
            556);
  server->stop();  // does not wait for the held answer
}

TEST(ServerTest, ManyClientsAtOnce) {
  ServerOptions options;
  options.rate_limit = false;
  auto server = start(options);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        json body = {{"InstanceId", "ckafka-test"},
                     {"GroupName", "c" + std::to_string(t)},
                     {"TopicName", {"orders"}},
                     {"Partitions", {{{"Partition", 1}, {"Offset", i}}}}};
        if (error_code(call_http(*server, "BatchModifyGroupOffsets", body).response) == "") ++ok;
        if (error_code(call_http(*server, "DescribeGroupOffsets", kDescribeIdle).response) == "") ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 16 * 25 * 2);
  State s = server->snapshot();
  for (int t = 0; t < 16; ++t) {
    EXPECT_EQ(s.find_instance("ckafka-test", "ap-guangzhou")
                  ->groups.at("c" + std::to_string(t))
                  .offsets.at("orders")
                  .at(1),
              24);
  }
}

// Answers held for different times come back out of order across connections:
// each must still reach its own request, none may be lost, and a later call
// must see what an earlier one changed.
TEST(ServerTest, LatencyNeitherLosesNorMixesUpAnswers) {
  offsetctl::testing::TempDir dir;
  ServerOptions options;
  options.rate_limit = false;
  options.latency_ms = 20;
  options.latency_jitter_ms = 15;
  options.request_log_path = dir.path("requests.jsonl");
  auto server = start(options);
  const int kThreads = 8, kRounds = 5;
  std::vector<std::thread> threads;
  std::mutex mu;
  std::set<std::string> request_ids;
  std::atomic<int> matched{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::string group = "lat" + std::to_string(t);
      for (int i = 0; i < kRounds; ++i) {
        int offset = t * 100 + i;
        json body = {{"InstanceId", "ckafka-test"},
                     {"GroupName", group},
                     {"TopicName", {"orders"}},
                     {"Partitions", {{{"Partition", 1}, {"Offset", offset}}}}};
        auto w = call_http(*server, "BatchModifyGroupOffsets", body);
        auto r = call_http(*server, "DescribeGroupOffsets", {{"InstanceId", "ckafka-test"}, {"Group", group}});
        {
          std::lock_guard<std::mutex> lock(mu);
          if (w.response.is_object()) request_ids.insert(w.response.value("RequestId", ""));
          if (r.response.is_object()) request_ids.insert(r.response.value("RequestId", ""));
        }
        if (error_code(w.response) != "" || error_code(r.response) != "") continue;
        for (const auto& topic : r.response["Result"]["TopicList"]) {
          for (const auto& p : topic["Partitions"]) {
            if (topic["Topic"] == "orders" && p["Partition"] == 1 && p["Offset"] == offset) ++matched;
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(matched.load(), kThreads * kRounds);
  EXPECT_EQ(request_ids.size(), static_cast<size_t>(2 * kThreads * kRounds));
  server->stop();
  std::string log = *util::read_file(dir.path("requests.jsonl"));
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 2 * kThreads * kRounds);
}

TEST(ServerTest, ALatencyJitterAboveTheLatencyIsRefused) {
  ServerOptions options;
  options.latency_ms = 10;
  options.latency_jitter_ms = 11;
  auto s = Server::start(testing::fixture_state(), options);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().message,
            "the latency jitter (11 ms) must not exceed the latency (10 ms): an answer cannot come back before "
            "its request");
}

TEST(ServerTest, APortInUseIsAnError) {
  auto first = start();
  ServerOptions options;
  options.port = first->port();
  auto second = Server::start(testing::fixture_state(), options);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().message, "cannot listen on 127.0.0.1:" + std::to_string(first->port()) +
                                        ": the address is in use, not local, or not allowed");
}

TEST(ServerTest, StopIsIdempotent) {
  auto server = start();
  server->stop();
  server->stop();
  EXPECT_FALSE(call_http(*server, "DescribeGroupOffsets", kDescribeIdle).transport_ok);
}

TEST(ServerTest, ARequestLogThatCannotBeWrittenFailsTheStart) {
  ServerOptions options;
  options.request_log_path = "/nonexistent-dir/r.jsonl";
  auto s = Server::start(testing::fixture_state(), options);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().message,
            "/nonexistent-dir/r.jsonl: cannot write the request log: No such file or directory");
}

}  // namespace
}  // namespace offsetctl::emulator
