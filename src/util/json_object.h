#pragma once
// Reading a JSON DOM that util::parse_json built (an API answer) with paths: every
// field the caller relies on must be there with the promised type and range, and
// the first problem is reported with the field's full path
// ("Response.Result.TopicList[2].Partitions[0].Offset is -5, below the smallest
// possible -1") as a util::JsonError, the streaming reader's error type. Reading
// goes on with defaults after a problem so that callers need no checks in
// between; they look at error() once.

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "util/json_reader.h"

namespace offsetctl::util {

// The first problem found; a DOM has no line and column, the path says where.
class JsonErrors {
 public:
  bool ok() const { return first_.message.empty(); }
  const std::string& message() const { return first_.message; }
  const JsonError& first() const { return first_; }
  void add(std::string message) {
    if (ok()) first_.message = std::move(message);
  }

 private:
  JsonError first_;
};

// One JSON object at a path.
class ObjReader {
 public:
  ObjReader(const nlohmann::json& j, std::string path, JsonErrors& errors);

  bool has(const char* name) const;  // present and not null

  int64_t req_int(const char* name, int64_t min = std::numeric_limits<int64_t>::min());
  std::optional<int64_t> opt_int(const char* name, int64_t min = std::numeric_limits<int64_t>::min());
  std::string req_str(const char* name);
  std::string opt_str(const char* name);  // missing or null: ""
  // A non-negative integer written as a string ("Partition": "3").
  std::string req_digits(const char* name);

  // Arrays: required (present; null allowed when `null_ok`, meaning empty) or optional (missing or null: empty).
  template <class F>
  void req_array(const char* name, F&& each, bool null_ok = true) { array(name, each, true, null_ok); }
  template <class F>
  void opt_array(const char* name, F&& each) { array(name, each, false, true); }
  // A nested object; `each` is called with an ObjReader when it is there.
  template <class F>
  void req_obj(const char* name, F&& fn) { obj(name, fn, true); }
  template <class F>
  void opt_obj(const char* name, F&& fn) { obj(name, fn, false); }

  std::string path_of(const char* name) const { return path_ + "." + name; }
  JsonErrors& errors() { return errors_; }

  // The element readers handed to array callbacks.
  int64_t int_at(const nlohmann::json& v, const std::string& path, int64_t min);
  std::string str_at(const nlohmann::json& v, const std::string& path);

 private:
  const nlohmann::json* field(const char* name, bool required);
  // The array at `name`, or null when it is absent, null (allowed) or wrong (an error is added).
  const nlohmann::json* array_field(const char* name, bool required, bool null_ok);
  template <class F>
  void array(const char* name, F& each, bool required, bool null_ok);
  template <class F>
  void obj(const char* name, F& fn, bool required);

  const nlohmann::json& j_;
  std::string path_;
  JsonErrors& errors_;
  bool valid_ = true;
};

// "a string", "an integer", ... for messages.
const char* json_type_name(const nlohmann::json& v);

template <class F>
void ObjReader::array(const char* name, F& each, bool required, bool null_ok) {
  const nlohmann::json* arr = array_field(name, required, null_ok);
  if (arr == nullptr) return;
  size_t i = 0;
  for (const nlohmann::json& element : *arr) {
    if (!errors_.ok()) break;
    each(element, path_of(name) + "[" + std::to_string(i++) + "]");
  }
}

template <class F>
void ObjReader::obj(const char* name, F& fn, bool required) {
  if (!valid_) return;
  auto it = j_.find(name);
  if (it == j_.end() || it->is_null()) {
    if (required) errors_.add(path_of(name) + (it == j_.end() ? " is missing" : " is null, expected an object"));
    return;
  }
  ObjReader sub(*it, path_of(name), errors_);
  fn(sub);
}

}  // namespace offsetctl::util
