#pragma once
// A JSON DOM (nlohmann) built by the strict reader (util/json_reader.h), for
// untrusted input that is small or read with paths: API answers, request bodies,
// audit records. Same rules as the streaming reader (RFC 8259, valid UTF-8, a
// bounded depth) plus no key twice in an object; numbers become what
// nlohmann::json::parse makes of them (an integer when one fits, else a double).

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "util/json_reader.h"

namespace offsetctl::util {

namespace json_parse_detail {

template <class Json>
void number(JsonReader& r, Json& out) {
  const size_t at = r.value_offset();
  const std::string_view text = r.read_number();
  if (!r.ok()) return;
  if (text.find_first_of(".eE") == std::string_view::npos) {
    const char* end = text.data() + text.size();
    if (text.front() == '-') {
      int64_t v = 0;
      if (std::from_chars(text.data(), end, v).ec == std::errc()) {
        out = v;
        return;
      }
    } else {
      uint64_t v = 0;
      if (std::from_chars(text.data(), end, v).ec == std::errc()) {
        out = v;
        return;
      }
    }
  }
  const std::string copy(text);  // strtod needs a terminator
  const double v = std::strtod(copy.c_str(), nullptr);
  if (!std::isfinite(v)) {
    r.fail_at(at, "a number out of range", JsonError::Kind::NumberRange);
    return;
  }
  out = v;
}

template <class Json>
void value(JsonReader& r, Json& out) {
  switch (r.peek()) {
    case JsonType::Null: r.read_null(); out = nullptr; return;
    case JsonType::Bool: out = r.read_bool(); return;
    case JsonType::Number: number(r, out); return;
    case JsonType::String: out = r.read_string(); return;
    case JsonType::Array:
      out = Json::array();
      if (!r.begin_array()) return;
      while (r.next_element()) {
        out.push_back(nullptr);
        value(r, out.back());
      }
      return;
    case JsonType::Object: {
      out = Json::object();
      if (!r.begin_object()) return;
      std::string key;
      while (r.next_key(key)) {
        auto [it, inserted] = out.emplace(key, nullptr);
        if (!inserted) {
          r.fail_at(r.value_offset(), "a field that appears twice");
          return;
        }
        value(r, it.value());
      }
      return;
    }
    case JsonType::Invalid: r.skip_value(); return;  // fails with the right message
  }
}

}  // namespace json_parse_detail

// The document in `text`, or nullopt with the first problem in `*error`.
template <class Json = nlohmann::json>
std::optional<Json> parse_json(std::string_view text, JsonError* error = nullptr,
                               size_t max_depth = kMaxJsonDepth) {
  JsonReader r(text, max_depth);
  Json out;
  json_parse_detail::value(r, out);
  r.expect_end();
  if (r.ok()) return out;
  if (error != nullptr) *error = r.error_info();
  return std::nullopt;
}

}  // namespace offsetctl::util
