#pragma once
// The generic signed call shared by the CKafka and DTS clients: service,
// version, action and a JSON body in; the answer's "Response" object (or a
// typed failure) out. It signs (TC3-HMAC-SHA256), limits the rate per action,
// bounds the requests in flight, retries what may be retried, hedges late
// reads (api/hedge.h), and logs each attempt at debug level with its
// RequestId. Thread-safe.

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <semaphore>
#include <string>
#include <vector>

#include "api/client_config.h"
#include "api/endpoint.h"
#include "api/failure.h"
#include "api/hedge.h"
#include "api/transport.h"

namespace offsetctl::api {

struct CallOptions {
  // False for a request that must not be applied twice (a relative offset shift):
  // such a request is retried only when it certainly did not take effect.
  bool idempotent = true;
  // A read: when its answer is late, the same request is sent once more and the first answer wins.
  bool hedge = false;
};

class Caller {
 public:
  // Checks the configuration (endpoint, credentials, region) without sending anything.
  static Result<std::unique_ptr<Caller>, ApiFailure> create(const ClientConfig& config, std::string service,
                                                            std::string version);
  ~Caller();

  ApiResult<nlohmann::json> call(const std::string& action, const nlohmann::json& body, CallOptions options = {});

  const Endpoint& endpoint() const { return endpoint_; }
  const std::string& service() const { return service_; }

  // The request headers for one attempt (tests check them; never logged: they hold the signature and token).
  std::vector<std::string> request_headers(const std::string& action, const std::string& body,
                                           int64_t timestamp) const;

 private:
  Caller(const ClientConfig& config, Endpoint endpoint, std::string service, std::string version);
  ApiResult<nlohmann::json> attempt(const std::string& action, const std::string& body);
  ApiResult<nlohmann::json> attempt_hedged(const std::string& action, const std::string& body);
  // One exchange; the caller holds a connection slot and a rate slot for it.
  ApiResult<nlohmann::json> send(const std::string& action, const std::string& body, Cancellation* cancel);
  std::string signing_key(const std::string& date) const;

  ClientConfig config_;
  Endpoint endpoint_;
  std::string service_;
  std::string version_;
  std::unique_ptr<Sleeper> own_sleeper_;
  Sleeper* sleeper_;
  const util::Clock* clock_;
  std::unique_ptr<util::SystemClock> own_clock_;
  std::unique_ptr<RateLimiter> limiter_;
  std::unique_ptr<std::counting_semaphore<>> in_flight_;
  std::unique_ptr<Jitter> jitter_;
  std::unique_ptr<Hedger> hedger_;
  mutable std::mutex key_mu_;
  mutable std::string key_date_;  // the UTC date the cached signing key is for
  mutable std::string key_;
};

// Turns one HTTP exchange into the Response object or a failure (exposed for tests).
ApiResult<nlohmann::json> interpret_answer(const std::string& action, const std::string& url, int status,
                                           const std::string& body);

}  // namespace offsetctl::api
