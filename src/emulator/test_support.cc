#include "emulator/test_support.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include "api/signer.h"

namespace offsetctl::emulator::testing {

const char* const kFixtureYaml = R"(credentials:
  - secretId: AKIDEXAMPLE
    secretKey: secretEXAMPLE
  - secretId: AKIDTEMP
    secretKey: secretTEMP
    token: token-123
instances:
  - id: ckafka-test
    region: ap-guangzhou
    topics:
      - name: orders
        partitions: 3
        begin: 0
        end: 1000
        firstTimestampMs: 1794787200000
        intervalMs: 60000
      - name: payments
        firstTimestampMs: 1794787200000
        intervalMs: 60000
        partitions:
          - {partition: 0, begin: 100, end: 200}
          - {partition: 1, begin: 0, end: 0}
    groups:
      - name: idle
        state: Empty
        offsets:
          orders: {0: 10, 1: 20, 2: 30}
      - name: busy
        state: Stable
        members:
          - memberId: m-1
            clientId: c-1
            clientHost: /10.0.0.1
            partitions: {orders: [0, 1, 2]}
        offsets:
          orders: {0: 500}
      - name: gone
        state: Dead
  - id: ckafka-sh
    region: ap-shanghai
    topics:
      - {name: logs, partitions: 1, end: 10}
subscriptions:
  - id: subs-test
    region: ap-guangzhou
    topic: subs-topic
    partitions: 2
    begin: 0
    end: 500
    firstTimestampMs: 1794787200000
    intervalMs: 60000
    groups:
      - name: g1
        state: Empty
        offsets: {0: 100}
      - name: g2
        state: Stable
        members:
          - {clientId: cl-1, partitions: [0, 1]}
        offsets: {0: 400, 1: 450}
      - name: g3
        state: Dead
)";

State fixture_state() {
  auto s = parse_state(kFixtureYaml, "fixture.yaml");
  if (!s) ADD_FAILURE() << s.error().message;
  return s ? *s : State{};
}

HttpRequest signed_request(const std::string& action, const std::string& body, const Sign& sign) {
  api::SignInput in;
  in.service = sign.service;
  in.host = sign.signed_host.empty() ? sign.host : sign.signed_host;
  in.action = action;
  in.timestamp = sign.timestamp.value_or(kNowMs / 1000);
  in.payload = body;
  api::Signature s = api::sign(sign.secret_id, sign.secret_key, in);
  HttpRequest r;
  r.body = body;
  r.headers = {{"authorization", s.authorization},
               {"content-type", in.content_type},
               {"host", sign.host},
               {"x-tc-action", action},
               {"x-tc-version", sign.version.empty() ? version_of_service(sign.service) : sign.version},
               {"x-tc-region", sign.region},
               {"x-tc-timestamp", std::to_string(in.timestamp)}};
  return r;
}

Harness::Harness(State state, ServerOptions options) {
  options.clock = &clock_;
  auto d = Dispatcher::create(std::move(state), options);
  if (!d) ADD_FAILURE() << d.error().message;
  dispatcher_ = std::move(*d);
}

nlohmann::json Harness::call_raw(const HttpRequest& request) {
  HttpReply reply = dispatcher_->handle(request);
  return nlohmann::json::parse(reply.body).at("Response");
}

nlohmann::json Harness::call(const std::string& action, const nlohmann::json& body, const Sign& sign) {
  Sign s = sign;
  if (!s.timestamp) s.timestamp = clock_.now_ms() / 1000;
  return call_raw(signed_request(action, body.dump(), s));
}

std::string error_code(const nlohmann::json& response) {
  if (!response.is_object() || !response.contains("Error")) return "";
  return response["Error"].value("Code", "?");
}

std::string error_message(const nlohmann::json& response) {
  if (!response.is_object() || !response.contains("Error")) return "";
  return response["Error"].value("Message", "?");
}

namespace {

httplib::Result send(int port, const HttpRequest& request, int timeout_ms) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(std::chrono::milliseconds(timeout_ms));
  client.set_tcp_nodelay(true);  // as libcurl does: no 40 ms Nagle stalls
  httplib::Headers headers;
  std::string content_type = "application/json";
  for (const auto& [name, value] : request.headers) {
    if (name == "content-type") {
      content_type = value;
    } else if (name != "host") {
      headers.emplace(name, value);
    }
  }
  headers.emplace("Host", "127.0.0.1:" + std::to_string(port));
  return client.Post(request.path, headers, request.body, content_type);
}

}  // namespace

std::string post_to_port(int port, const HttpRequest& request, int timeout_ms) {
  auto res = send(port, request, timeout_ms);
  return res ? res->body : std::string();
}

HttpResult post(const Server& server, const HttpRequest& request, int timeout_ms) {
  HttpResult out;
  auto res = send(server.port(), request, timeout_ms);
  if (!res) return out;
  out.transport_ok = true;
  out.status = res->status;
  out.body = res->body;
  auto parsed = nlohmann::json::parse(res->body, nullptr, false);
  if (!parsed.is_discarded() && parsed.contains("Response")) out.response = parsed["Response"];
  return out;
}

HttpResult call_http(const Server& server, const std::string& action, const nlohmann::json& body, Sign sign) {
  sign.host = "127.0.0.1:" + std::to_string(server.port());
  if (!sign.timestamp) sign.timestamp = util::SystemClock().now_ms() / 1000;
  return post(server, signed_request(action, body.dump(), sign));
}

}  // namespace offsetctl::emulator::testing
