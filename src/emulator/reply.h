#pragma once
// What every answer looks like: {"Response": {..., "RequestId": "..."}} with
// HTTP 200, failures as Response.Error {Code, Message}; and fresh RequestIds.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <mutex>
#include <random>
#include <string>

namespace offsetctl::emulator {

struct ApiError {
  std::string code;     // "AuthFailure.SignatureFailure"
  std::string message;  // never a secret
};

// Common errors, worded as the service words them.
ApiError missing_parameter(const std::string& name);
ApiError invalid_parameter(const std::string& message);
ApiError invalid_parameter_value(const std::string& message);
ApiError internal_error();

// The fields of a successful Response besides RequestId: a JSON object or, on hot paths
// where building a tree of a million values would cost more than the call, its members
// already written as text.
struct Answer {
  nlohmann::json fields = nlohmann::json::object();
  std::string raw;  // when not empty: the members as JSON text, e.g. `"Result":{"TotalCount":0}`
};

std::string error_body(const ApiError& error, const std::string& request_id);
// The answer's fields gain "RequestId" and become the Response.
std::string success_body(const Answer& answer, const std::string& request_id);
inline std::string success_body(nlohmann::json fields, const std::string& request_id) {
  return success_body(Answer{std::move(fields), {}}, request_id);
}
// `text` as a JSON string literal (quotes and escapes; invalid UTF-8 replaced).
std::string json_string(const std::string& text);

// UUID-like (version 4 layout) request ids: "3f1c2a9e-8b7d-4c6e-9f01-2345abcd6789".
class RequestIds {
 public:
  RequestIds();
  std::string next();

 private:
  std::mutex mu_;
  std::mt19937_64 rng_;
};

}  // namespace offsetctl::emulator
