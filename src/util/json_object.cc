#include "util/json_object.h"

namespace offsetctl::util {

const char* json_type_name(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer";
    case nlohmann::json::value_t::number_float: return "a fractional number";
    default: return "not a JSON value";
  }
}

ObjReader::ObjReader(const nlohmann::json& j, std::string path, JsonErrors& errors)
    : j_(j), path_(std::move(path)), errors_(errors) {
  if (!j_.is_object()) {
    errors_.add(path_ + " is " + json_type_name(j_) + ", expected an object");
    valid_ = false;
  }
}

bool ObjReader::has(const char* name) const {
  if (!valid_) return false;
  auto it = j_.find(name);
  return it != j_.end() && !it->is_null();
}

const nlohmann::json* ObjReader::field(const char* name, bool required) {
  if (!valid_) return nullptr;
  auto it = j_.find(name);
  if (it == j_.end() || it->is_null()) {
    if (required) errors_.add(path_of(name) + (it == j_.end() ? " is missing" : " is null"));
    return nullptr;
  }
  return &*it;
}

const nlohmann::json* ObjReader::array_field(const char* name, bool required, bool null_ok) {
  if (!valid_) return nullptr;
  auto it = j_.find(name);
  if (it == j_.end()) {
    if (required) errors_.add(path_of(name) + " is missing");
    return nullptr;
  }
  if (it->is_null()) {
    if (!null_ok) errors_.add(path_of(name) + " is null, expected an array");
    return nullptr;
  }
  if (!it->is_array()) {
    errors_.add(path_of(name) + " is " + json_type_name(*it) + ", expected an array");
    return nullptr;
  }
  return &*it;
}

int64_t ObjReader::int_at(const nlohmann::json& v, const std::string& path, int64_t min) {
  if (v.is_number_unsigned()) {
    if (v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      errors_.add(path + " is " + v.dump() + ", too large for a 64-bit integer");
      return 0;
    }
  } else if (!v.is_number_integer()) {
    errors_.add(path + " is " + json_type_name(v) + ", expected an integer");
    return 0;
  }
  int64_t n = v.get<int64_t>();
  if (n < min) {
    errors_.add(path + " is " + std::to_string(n) + ", below the smallest possible " + std::to_string(min));
    return 0;
  }
  return n;
}

std::string ObjReader::str_at(const nlohmann::json& v, const std::string& path) {
  if (!v.is_string()) {
    errors_.add(path + " is " + json_type_name(v) + ", expected a string");
    return {};
  }
  return v.get<std::string>();
}

int64_t ObjReader::req_int(const char* name, int64_t min) {
  const nlohmann::json* v = field(name, true);
  return v ? int_at(*v, path_of(name), min) : 0;
}

std::optional<int64_t> ObjReader::opt_int(const char* name, int64_t min) {
  const nlohmann::json* v = field(name, false);
  if (!v) return std::nullopt;
  int64_t n = int_at(*v, path_of(name), min);
  return errors_.ok() ? std::optional<int64_t>(n) : std::nullopt;
}

std::string ObjReader::req_str(const char* name) {
  const nlohmann::json* v = field(name, true);
  return v ? str_at(*v, path_of(name)) : std::string();
}

std::string ObjReader::opt_str(const char* name) {
  const nlohmann::json* v = field(name, false);
  return v ? str_at(*v, path_of(name)) : std::string();
}

std::string ObjReader::req_digits(const char* name) {
  std::string s = req_str(name);
  if (!errors_.ok()) return s;
  bool digits = !s.empty() && s.size() <= 18;
  for (char c : s) digits = digits && c >= '0' && c <= '9';
  if (!digits) errors_.add(path_of(name) + " is \"" + s + "\", expected a non-negative integer in a string");
  return s;
}

}  // namespace offsetctl::util
