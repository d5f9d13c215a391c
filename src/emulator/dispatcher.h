#pragma once
// One request's way through the emulator, without any HTTP library: common
// parameters, signature, action, rate limit, fault injection, the action
// itself under the state lock, the answer and its request-log line.

#include <memory>
#include <mutex>
#include <string>

#include "emulator/auth.h"
#include "emulator/faults.h"
#include "emulator/limits.h"
#include "emulator/reply.h"
#include "emulator/request_log.h"
#include "emulator/server.h"
#include "emulator/state.h"
#include "util/clock.h"

namespace offsetctl::emulator {

inline constexpr size_t kMaxBodyBytes = 10u << 20;  // 10 MiB
inline constexpr int kMaxJsonDepth = 64;            // no API request nests more than a few levels

struct HttpRequest {
  std::string method = "POST";
  std::string path = "/";
  Headers headers;  // lower-case names
  std::string body;
  std::string connection;  // the client's "address:port": one per TCP connection, for the request log
};

struct HttpReply {
  enum class Delivery { Normal, Drop, Delay };
  std::string body;  // always the API's JSON shape (HTTP 200)
  Delivery delivery = Delivery::Normal;
};

class Dispatcher {
 public:
  static Result<std::unique_ptr<Dispatcher>> create(State state, const ServerOptions& options);

  HttpReply handle(const HttpRequest& request);
  // A request refused before it could be read (a body over kMaxBodyBytes, a broken request line).
  HttpReply refuse(const HttpRequest& request, const ApiError& error);

  State snapshot() const;
  int64_t now_ms() const { return clock_->now_ms(); }

 private:
  Dispatcher(State state, const ServerOptions& options, std::unique_ptr<RequestLog> log);
  HttpReply answer(const HttpRequest& request, const std::string& request_id, const std::string& service,
                   const std::optional<ApiError>& error, const Answer& fields, Fault fault);

  mutable std::mutex state_mu_;
  State state_;
  State credentials_;  // only .credentials
  util::SystemClock system_clock_;
  const util::Clock* clock_;
  bool rate_limit_;
  RateLimiter limiter_;
  FaultInjector faults_;
  std::unique_ptr<RequestLog> log_;
  RequestIds ids_;
};

}  // namespace offsetctl::emulator
