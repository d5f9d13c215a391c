#include "emulator/reply.h"

#include <cstdio>

namespace offsetctl::emulator {

ApiError missing_parameter(const std::string& name) {
  return {"MissingParameter", "The request is missing a required parameter `" + name + "`."};
}

ApiError invalid_parameter(const std::string& message) { return {"InvalidParameter", message}; }

ApiError invalid_parameter_value(const std::string& message) { return {"InvalidParameterValue", message}; }

ApiError internal_error() {
  return {"InternalError",
          "An internal error has occurred. Retry your request, but if the problem persists, "
          "contact us."};
}

std::string error_body(const ApiError& error, const std::string& request_id) {
  nlohmann::json body = {
      {"Response",
       {{"Error", {{"Code", error.code}, {"Message", error.message}}}, {"RequestId", request_id}}}};
  // Replace invalid UTF-8 (echoed from a request) instead of throwing.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string success_body(const Answer& answer, const std::string& request_id) {
  if (!answer.raw.empty()) {
    return "{\"Response\":{" + answer.raw + ",\"RequestId\":" + json_string(request_id) + "}}";
  }
  nlohmann::json fields = answer.fields.is_object() ? answer.fields : nlohmann::json::object();
  fields["RequestId"] = request_id;
  nlohmann::json body = {{"Response", std::move(fields)}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string json_string(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

RequestIds::RequestIds() : rng_(std::random_device{}()) {}

std::string RequestIds::next() {
  uint64_t a = 0, b = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    a = rng_();
    b = rng_();
  }
  // Version 4 and variant bits, as a UUID has them.
  a = (a & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
  b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xffff),
                static_cast<unsigned>(b >> 48), static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

}  // namespace offsetctl::emulator
