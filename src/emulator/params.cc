#include "emulator/params.h"

#include <charconv>
#include <cstdint>

namespace offsetctl::emulator {

const char* api_type_name(const nlohmann::json& v) {
  if (v.is_string()) return "String";
  if (v.is_boolean()) return "Boolean";
  if (v.is_number_integer() || v.is_number_unsigned()) return "Integer";
  if (v.is_number()) return "Float";
  if (v.is_array()) return "Array";
  if (v.is_object()) return "Object";
  return "null";
}

Params::Params(const nlohmann::json& body, std::initializer_list<const char*> known, std::string prefix)
    : body_(body), prefix_(std::move(prefix)) {
  if (!body_.is_object()) return;
  for (const auto& [key, value] : body_.items()) {
    bool ok = false;
    for (const char* k : known) ok = ok || key == k;
    if (!ok) {
      unknown_ = ApiError{"UnknownParameter", "The parameter `" + prefix_ + key + "` is not recognized."};
      break;
    }
  }
}

const nlohmann::json* Params::get(const char* name) const {
  if (!body_.is_object()) return nullptr;
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool Params::has(const char* name) const { return get(name) != nullptr; }

void Params::fail(ApiError error) {
  if (!error_) error_ = std::move(error);
}

std::optional<ApiError> Params::error() const { return unknown_ ? unknown_ : error_; }

void Params::wrong_type(const std::string& name, const char* type) {
  const nlohmann::json* v = get(name.c_str());
  fail(invalid_parameter("The parameter `" + prefix_ + name + "` must be of type " + type + ", not " +
                         (v ? api_type_name(*v) : "null") + "."));
}

std::string Params::string(const char* name, bool required) {
  const nlohmann::json* v = get(name);
  if (!v) {
    if (required) fail(missing_parameter(prefix_ + name));
    return {};
  }
  if (!v->is_string()) {
    wrong_type(name, "String");
    return {};
  }
  return v->get<std::string>();
}

int64_t Params::integer(const char* name, bool required, int64_t fallback) {
  const nlohmann::json* v = get(name);
  if (!v) {
    if (required) fail(missing_parameter(prefix_ + name));
    return fallback;
  }
  if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
    fail(invalid_parameter_value("The parameter `" + prefix_ + name + "` is out of range."));
    return fallback;
  }
  if (v->is_number_integer()) return v->get<int64_t>();
  wrong_type(name, "Integer");
  return fallback;
}

std::optional<bool> Params::opt_bool(const char* name) {
  const nlohmann::json* v = get(name);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    wrong_type(name, "Boolean");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::vector<std::string> Params::string_list(const char* name, bool required) {
  std::vector<std::string> out;
  const nlohmann::json* v = get(name);
  if (!v) {
    if (required) fail(missing_parameter(prefix_ + name));
    return out;
  }
  if (!v->is_array()) {
    wrong_type(name, "Array of String");
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i) {
    const auto& item = (*v)[i];
    if (!item.is_string()) {
      fail(invalid_parameter("The parameter `" + prefix_ + name + "." + std::to_string(i) +
                             "` must be of type String, not " + api_type_name(item) + "."));
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::vector<int64_t> Params::integer_list(const char* name, bool required, bool numeric_strings) {
  std::vector<int64_t> out;
  const nlohmann::json* v = get(name);
  if (!v) {
    if (required) fail(missing_parameter(prefix_ + name));
    return out;
  }
  if (!v->is_array()) {
    wrong_type(name, "Array of Integer");
    return out;
  }
  for (size_t i = 0; i < v->size(); ++i) {
    const auto& item = (*v)[i];
    int64_t value = 0;
    // Parsed non-negative numbers are unsigned: above INT64_MAX they would wrap.
    bool ok = item.is_number_integer() &&
              !(item.is_number_unsigned() && item.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX));
    if (ok) {
      value = item.get<int64_t>();
    } else if (numeric_strings && item.is_string()) {
      const auto& s = item.get_ref<const std::string&>();
      auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
      ok = !s.empty() && ec == std::errc() && ptr == s.data() + s.size();
    }
    if (!ok) {
      fail(invalid_parameter("The parameter `" + prefix_ + name + "." + std::to_string(i) +
                             "` must be of type Integer, not " + api_type_name(item) + "."));
      return {};
    }
    out.push_back(value);
  }
  return out;
}

const nlohmann::json* Params::object_list(const char* name, bool required) {
  const nlohmann::json* v = get(name);
  if (!v) {
    if (required) fail(missing_parameter(prefix_ + name));
    return nullptr;
  }
  if (!v->is_array()) {
    wrong_type(name, "Array");
    return nullptr;
  }
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_object()) {
      fail(invalid_parameter("The parameter `" + prefix_ + name + "." + std::to_string(i) +
                             "` must be of type Object, not " + api_type_name((*v)[i]) + "."));
      return nullptr;
    }
  }
  return v;
}

}  // namespace offsetctl::emulator
