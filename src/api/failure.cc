#include "api/failure.h"

namespace offsetctl::api {

std::string ApiFailure::describe() const {
  std::string out;
  if (kind == Kind::Config) {
    out = action.empty() ? message : action + " was not sent: " + message;
  } else {
    out = (action.empty() ? std::string("the API call") : action) + " failed: ";
    if (!code.empty()) out += code + ": ";
    out += message;
  }
  if (!request_id.empty()) out += " (RequestId " + request_id + ")";
  return out;
}

const char* kind_name(ApiFailure::Kind kind) {
  switch (kind) {
    case ApiFailure::Kind::Api: return "api";
    case ApiFailure::Kind::Transport: return "transport";
    case ApiFailure::Kind::BadAnswer: return "bad-answer";
    case ApiFailure::Kind::Config: return "config";
  }
  return "unknown";
}

}  // namespace offsetctl::api
