#pragma once
// What can go wrong with a call, typed so callers can decide (retry, report, stop).

#include <string>

#include "util/result.h"

namespace offsetctl::api {

struct ApiFailure {
  enum class Kind {
    Api,        // the service answered with Response.Error
    Transport,  // connect, TLS, timeout, reset
    BadAnswer,  // an answer that is not what the API promises
    Config,     // no credentials, bad endpoint: nothing was sent
  };
  Kind kind = Kind::Api;
  std::string action;      // "DescribeGroupOffsets"
  std::string code;        // "AuthFailure.SignatureFailure", "Timeout", ...
  std::string message;     // what came back, never a secret
  std::string request_id;  // when the service gave one
  int http_status = 0;     // 0: no HTTP answer at all
  int attempts = 1;        // how many times it was sent (retries included)

  // "DescribeGroupOffsets failed: AuthFailure.SignatureFailure: <message> (RequestId ...)"
  std::string describe() const;
  Error to_error() const { return Error{describe()}; }
};

// "api", "transport", "bad-answer", "config": for logs and machine-readable reports.
const char* kind_name(ApiFailure::Kind kind);

// A successful answer and the RequestId that proves it.
template <class T>
struct Answer {
  T result;
  std::string request_id;
};

template <class T>
using ApiResult = Result<Answer<T>, ApiFailure>;

}  // namespace offsetctl::api
