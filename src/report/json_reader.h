#pragma once
// A strict pull parser for the JSON files offsetctl reads back (saved plans):
// no DOM, so a saved plan of a million partitions costs its own size in memory,
// and every error knows its line and column. It accepts exactly RFC 8259
// (no comments, no trailing commas, nothing after the document).
//
// Errors are sticky: after the first one every call returns a default value
// and loops over members or elements end, so callers check ok() at the end.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace offsetctl::report {

enum class JsonType { Null, Bool, Number, String, Array, Object, Invalid };

// "a string", "an object", ...: for messages.
const char* json_type_phrase(JsonType t);

class JsonReader {
 public:
  explicit JsonReader(std::string_view text);

  // The type of the next value (skipping whitespace), without consuming it.
  JsonType peek();

  // Objects: begin_object(), then while (next_key(k)) { read the value }.
  // next_key returns false at the closing brace (or on error).
  bool begin_object();
  bool next_key(std::string& key);
  // Arrays: begin_array(), then while (next_element()) { read the value }.
  bool begin_array();
  bool next_element();

  std::string read_string();
  int64_t read_int();                      // an integer that fits int64 (no fraction or exponent)
  std::optional<int64_t> read_int_or_null();
  std::optional<std::string> read_string_or_null();
  void skip_value();
  // Only whitespace may follow the document.
  void expect_end();

  bool ok() const { return error_.empty(); }
  // Errors are prefixed with "<*where>: " when *where is not empty (the
  // caller's path to the value, e.g. "changes[3].target"); null: no prefix.
  void set_context(const std::string* where) { context_ = where; }
  // Fails at the start of the value last looked at (or the current position).
  void fail(std::string message);
  void fail_at(size_t offset, std::string message);
  const std::string& error() const { return error_; }  // without position
  int error_line() const { return error_line_; }
  int error_col() const { return error_col_; }
  bool error_is_truncation() const { return truncated_; }

  // Where the value last peeked at starts: 1-based line and column (bytes).
  size_t value_offset() const { return value_start_; }
  std::pair<int, int> line_col(size_t offset) const;

 private:
  void skip_ws();
  bool expect_type(JsonType want, const char* what);
  bool consume_literal(std::string_view word);
  bool parse_string_into(std::string& out);
  void fail_eof();

  std::string_view text_;
  const std::string* context_ = nullptr;
  size_t pos_ = 0;
  size_t value_start_ = 0;
  std::vector<bool> first_;  // per open container: no member read yet
  std::string error_;
  int error_line_ = 0;
  int error_col_ = 0;
  bool truncated_ = false;
};

}  // namespace offsetctl::report
