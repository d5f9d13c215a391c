#pragma once
// Reading an action's JSON parameters with the service's checks: unknown
// names (UnknownParameter), missing ones (MissingParameter), wrong JSON types
// (InvalidParameter). Readers return a neutral value on a problem and keep
// the first problem for error(), so an action reads everything, then checks once.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "emulator/reply.h"

namespace offsetctl::emulator {

class Params {
 public:
  // `body` must be a JSON object; `prefix` names a nested object in messages ("Partitions.0.").
  Params(const nlohmann::json& body, std::initializer_list<const char*> known, std::string prefix = "");
  // Params keeps a reference to the body: a temporary would dangle.
  Params(nlohmann::json&& body, std::initializer_list<const char*> known, std::string prefix = "") = delete;

  bool has(const char* name) const;
  std::string string(const char* name, bool required);
  std::optional<std::string> opt_string(const char* name) {
    return has(name) ? std::optional<std::string>(string(name, true)) : std::nullopt;
  }
  int64_t integer(const char* name, bool required, int64_t fallback = 0);
  std::optional<int64_t> opt_integer(const char* name) {
    return has(name) ? std::optional<int64_t>(integer(name, true)) : std::nullopt;
  }
  std::optional<bool> opt_bool(const char* name);
  std::vector<std::string> string_list(const char* name, bool required);
  // `numeric_strings`: also accept "3" for 3 (the DTS documentation's own example sends them).
  std::vector<int64_t> integer_list(const char* name, bool required, bool numeric_strings = false);
  // A list of objects, each read by the caller with a nested Params.
  const nlohmann::json* object_list(const char* name, bool required);

  std::string full_name(const std::string& name) const { return prefix_ + name; }
  void fail(ApiError error);
  // The first problem: an unknown parameter first (a misspelt name would also
  // show up as a missing one), then the others in the order they were read.
  std::optional<ApiError> error() const;

 private:
  const nlohmann::json* get(const char* name) const;
  void wrong_type(const std::string& name, const char* type);

  const nlohmann::json& body_;
  std::string prefix_;
  std::optional<ApiError> unknown_;
  std::optional<ApiError> error_;
};

// The JSON type name in the API's terms, for messages.
const char* api_type_name(const nlohmann::json& value);

}  // namespace offsetctl::emulator
