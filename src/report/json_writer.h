#pragma once
// JSON written by hand: the reports and saved plans hold up to a million
// records, and building a nlohmann::json tree for them costs ten times the
// time and memory of appending text. The layout is fixed and deterministic:
// containers open one member per line unless asked to stay on one line, so
// a list of records reads (and diffs) as one record per line.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace offsetctl::report {

// Appends `s` as a JSON string literal: quoted, with ", \ and control
// characters escaped; bytes that are not UTF-8 become U+FFFD.
void append_json_string(std::string& out, std::string_view s);

class JsonWriter {
 public:
  // Writes into `out` (appending); two spaces per level of indentation.
  explicit JsonWriter(std::string& out);

  // `one_line`: this container and everything in it on one line, members
  // separated by ", " (a record); otherwise one member per line.
  JsonWriter& begin_object(bool one_line = false);
  JsonWriter& end_object();
  JsonWriter& begin_array(bool one_line = false);
  JsonWriter& end_array();

  JsonWriter& key(std::string_view k);
  JsonWriter& string(std::string_view v);
  JsonWriter& string_or_null(std::string_view v);  // null when empty
  JsonWriter& integer(int64_t v);
  JsonWriter& integer_or_null(const std::optional<int64_t>& v);
  JsonWriter& boolean(bool v);
  JsonWriter& null();
  // A value already encoded as JSON by the caller.
  JsonWriter& raw(std::string_view json);

  // The convenience most callers want: key and value at once.
  template <class T>
  JsonWriter& member(std::string_view k, const T& v);

  std::string& out() { return out_; }

 private:
  void before_value();
  void open(char c, bool one_line);
  void close(char c);

  struct Level {
    bool one_line;
    bool empty = true;
  };
  std::string& out_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

template <class T>
JsonWriter& JsonWriter::member(std::string_view k, const T& v) {
  key(k);
  if constexpr (std::is_same_v<T, bool>) {
    return boolean(v);
  } else if constexpr (std::is_integral_v<T>) {
    return integer(static_cast<int64_t>(v));
  } else if constexpr (std::is_same_v<T, std::optional<int64_t>>) {
    return integer_or_null(v);
  } else {
    return string(std::string_view(v));
  }
}

}  // namespace offsetctl::report
