#pragma once
// The strict reader for untrusted JSON (saved plans, API answers, request bodies,
// audit records): a pull parser with no DOM, so a saved plan of a million
// partitions costs its own size in memory, and every error knows its line and
// column. It accepts exactly RFC 8259: no comments, no trailing commas, nothing
// after the document, strings of valid UTF-8, a bounded depth. parse_json
// (util/json_parse.h) builds a DOM with the same reader, so both share these rules.
//
// Errors are sticky: after the first one every call returns a default value
// and loops over members or elements end, so callers check ok() at the end.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace offsetctl::util {

enum class JsonType { Null, Bool, Number, String, Array, Object, Invalid };

// "a string", "an object", ...: for messages.
const char* json_type_phrase(JsonType t);

inline constexpr size_t kMaxJsonDepth = 64;

// The first problem in a JSON text.
struct JsonError {
  enum class Kind {
    Syntax,       // not JSON, or not what the caller expected
    Truncated,    // a valid beginning that stops short (a torn write, a cut download)
    TooDeep,      // more nested than the reader's limit
    NumberRange,  // a number no double holds (1e99999)
  };
  Kind kind = Kind::Syntax;
  std::string message;  // prefixed with the caller's path when it set one
  size_t offset = 0;    // byte offset of the problem
  int line = 0;         // 1-based; columns count characters, not bytes
  int col = 0;
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text, size_t max_depth = kMaxJsonDepth);

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
  bool read_bool();
  void read_null();
  // Any RFC 8259 number, as its text ("-1.5e3"); the caller converts it.
  std::string_view read_number();
  void skip_value();
  // Only whitespace may follow the document.
  void expect_end();

  bool ok() const { return error_.message.empty(); }
  // Errors are prefixed with "<*where>: " when *where is not empty (the
  // caller's path to the value, e.g. "changes[3].target"); null: no prefix.
  void set_context(const std::string* where) { context_ = where; }
  // Fails at the start of the value last looked at (or the current position).
  void fail(std::string message);
  void fail_at(size_t offset, std::string message, JsonError::Kind kind = JsonError::Kind::Syntax);
  const JsonError& error_info() const { return error_; }
  const std::string& error() const { return error_.message; }  // without position
  int error_line() const { return error_.line; }
  int error_col() const { return error_.col; }
  bool error_is_truncation() const { return error_.kind == JsonError::Kind::Truncated; }

  // Where the value last peeked at starts: 1-based line and column (bytes).
  size_t value_offset() const { return value_start_; }
  std::pair<int, int> line_col(size_t offset) const;

 private:
  void skip_ws();
  bool expect_type(JsonType want, const char* what);
  bool consume_literal(std::string_view word);
  bool parse_string_into(std::string& out);
  bool utf8_sequence(std::string& out);
  bool open_container();
  void fail_eof();

  std::string_view text_;
  size_t max_depth_;
  const std::string* context_ = nullptr;
  size_t pos_ = 0;
  size_t value_start_ = 0;
  std::vector<bool> first_;  // per open container: no member read yet
  JsonError error_;
};

}  // namespace offsetctl::util
