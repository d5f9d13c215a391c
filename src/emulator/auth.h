#pragma once
// TC3-HMAC-SHA256 verification, as the service does it: parse Authorization,
// recompute the signature over the headers it lists with the secret key of
// its SecretId, check the clock skew and the credential scope.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "emulator/reply.h"
#include "emulator/state.h"
#include "util/result.h"

namespace offsetctl::emulator {

// Request headers by lower-case name.
using Headers = std::map<std::string, std::string>;

inline constexpr int64_t kMaxClockSkewSeconds = 300;

// The parts of "TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request,
// SignedHeaders=<a;b>, Signature=<hex>".
struct Authorization {
  std::string secret_id;
  std::string date;
  std::string service;
  std::string terminator;
  std::string signed_headers;
  std::string signature;
};
Result<Authorization, ApiError> parse_authorization(std::string_view value);

// The API version each service speaks.
const char* version_of_service(std::string_view service);  // nullptr when unknown
// The service a request is for: told by X-TC-Version; the credential scope only sharpens the error.
Result<std::string, ApiError> service_of(const std::string& version, const std::string& authorization);

// Checks a request's signature, timestamp and token. `now_ms` is the server's clock.
std::optional<ApiError> verify_request(const Headers& headers, std::string_view body,
                                       const std::string& service, const State& state, int64_t now_ms);

}  // namespace offsetctl::emulator
