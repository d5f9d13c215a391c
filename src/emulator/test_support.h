#pragma once
// Helpers for the emulator's own tests (compiled into emulator_tests only):
// a fixture state, correctly signed requests, and calls through the
// Dispatcher or over HTTP to a running Server.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "emulator/dispatcher.h"
#include "emulator/server.h"
#include "emulator/state.h"
#include "util/clock.h"

namespace offsetctl::emulator::testing {

inline constexpr int64_t kNowMs = 1795392000000;  // 2026-11-23T00:00:00Z
inline constexpr int64_t kT0 = 1794787200000;     // 2026-11-16T00:00:00Z: firstTimestampMs in the fixture

// Instance ckafka-test (ap-guangzhou): topics orders (3 x [0, 1000)), payments (2 partitions with
// different bounds), groups idle (Empty, offsets), busy (Stable, members), gone (Dead);
// subscription subs-test (topic subs-topic, 2 partitions of [0, 500)), groups g1 (Empty), g2 (Stable).
// Messages every 60 s from kT0.
extern const char* const kFixtureYaml;
State fixture_state();

// The parameters of a DescribeGroupOffsets of group idle.
inline const nlohmann::json kDescribeIdle = {{"InstanceId", "ckafka-test"}, {"Group", "idle"}};

struct Sign {
  std::string service = "ckafka";
  std::string version;  // default: the service's version
  std::string region = "ap-guangzhou";
  std::string secret_id = "AKIDEXAMPLE";
  std::string secret_key = "secretEXAMPLE";
  std::optional<int64_t> timestamp;     // default: kNowMs / 1000
  std::string host = "127.0.0.1:8080";  // the Host header
  std::string signed_host;              // default: `host`
};

// A POST / with every header a real SDK sends, signed with api::sign.
HttpRequest signed_request(const std::string& action, const std::string& body, const Sign& sign = {});

// A Dispatcher on the fixture state at kNowMs, called without HTTP.
class Harness {
 public:
  explicit Harness(State state = fixture_state(), ServerOptions options = {});
  // The Response object of the answer.
  nlohmann::json call(const std::string& action, const nlohmann::json& body, const Sign& sign = {});
  nlohmann::json call_raw(const HttpRequest& request);
  Dispatcher& dispatcher() { return *dispatcher_; }
  util::FakeClock& clock() { return clock_; }
  State state() const { return dispatcher_->snapshot(); }

 private:
  util::FakeClock clock_{kNowMs};
  std::unique_ptr<Dispatcher> dispatcher_;
};

// "" when the Response has no Error.
std::string error_code(const nlohmann::json& response);
std::string error_message(const nlohmann::json& response);

struct HttpResult {
  bool transport_ok = false;  // an answer came back
  int status = 0;
  std::string body;
  nlohmann::json response;  // the parsed Response object, or null
};
// Sends `request` to 127.0.0.1:`port` and returns the body ("" when nothing came back).
std::string post_to_port(int port, const HttpRequest& request, int timeout_ms = 10000);
// Sends `request` to a running server (the Host header is the server's).
HttpResult post(const Server& server, const HttpRequest& request, int timeout_ms = 10000);
// Signs and sends an action to a running server; the clock is the system clock's.
HttpResult call_http(const Server& server, const std::string& action, const nlohmann::json& body,
                     Sign sign = {});

}  // namespace offsetctl::emulator::testing
