#include "util/json_reader.h"

#include <limits>
#include <tuple>

namespace offsetctl::util {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// A byte of the input for a message: 'x' when printable, else its code, so that
// no control character or broken UTF-8 from an untrusted file reaches a terminal.
std::string quoted_byte(char c) {
  const auto ch = static_cast<unsigned char>(c);
  if (ch >= 0x20 && ch < 0x7F) return std::string("'") + c + "'";
  static const char kHex[] = "0123456789abcdef";
  return std::string("the byte 0x") + kHex[ch >> 4] + kHex[ch & 0xF];
}

}  // namespace

const char* json_type_phrase(JsonType t) {
  switch (t) {
    case JsonType::Null: return "null";
    case JsonType::Bool: return "a boolean";
    case JsonType::Number: return "a number";
    case JsonType::String: return "a string";
    case JsonType::Array: return "an array";
    case JsonType::Object: return "an object";
    case JsonType::Invalid: break;
  }
  return "something that is not JSON";
}

JsonReader::JsonReader(std::string_view text, size_t max_depth) : text_(text), max_depth_(max_depth) {}

void JsonReader::skip_ws() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
    ++pos_;
  }
}

JsonType JsonReader::peek() {
  skip_ws();
  value_start_ = pos_;
  if (pos_ >= text_.size()) return JsonType::Invalid;
  switch (text_[pos_]) {
    case 'n': return JsonType::Null;
    case 't':
    case 'f': return JsonType::Bool;
    case '"': return JsonType::String;
    case '[': return JsonType::Array;
    case '{': return JsonType::Object;
    default: return text_[pos_] == '-' || is_digit(text_[pos_]) ? JsonType::Number : JsonType::Invalid;
  }
}

std::pair<int, int> JsonReader::line_col(size_t offset) const {
  int line = 1;
  int col = 1;
  for (size_t i = 0; i < offset && i < text_.size(); ++i) {
    const auto ch = static_cast<unsigned char>(text_[i]);
    if (ch == '\n') {
      ++line;
      col = 1;
    } else if ((ch & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

void JsonReader::fail_at(size_t offset, std::string message, JsonError::Kind kind) {
  if (!ok()) return;
  if (message.empty()) message = "invalid JSON";
  const bool in_context = context_ != nullptr && !context_->empty();
  error_.message = in_context ? *context_ + ": " + message : std::move(message);
  error_.kind = kind;
  error_.offset = offset;
  std::tie(error_.line, error_.col) = line_col(offset);
}

void JsonReader::fail(std::string message) { fail_at(value_start_, std::move(message)); }

void JsonReader::fail_eof() {
  fail_at(text_.size(), "the file ends in the middle of the JSON document (is it truncated?)",
          JsonError::Kind::Truncated);
}

bool JsonReader::expect_type(JsonType want, const char* what) {
  if (!ok()) return false;
  const JsonType got = peek();
  if (got == want) return true;
  if (pos_ >= text_.size()) {
    fail_eof();
  } else if (got == JsonType::Invalid) {
    fail(std::string("expected ") + what + ", found " + quoted_byte(text_[pos_]));
  } else {
    fail(std::string("expected ") + what + ", found " + json_type_phrase(got));
  }
  return false;
}

bool JsonReader::open_container() {
  if (first_.size() >= max_depth_) {
    fail_at(value_start_, "the document is nested too deeply", JsonError::Kind::TooDeep);
    return false;
  }
  ++pos_;
  first_.push_back(true);
  return true;
}

bool JsonReader::begin_object() { return expect_type(JsonType::Object, "an object") && open_container(); }

bool JsonReader::begin_array() { return expect_type(JsonType::Array, "an array") && open_container(); }

bool JsonReader::next_key(std::string& key) {
  if (!ok() || first_.empty()) return false;
  skip_ws();
  if (pos_ >= text_.size()) {
    fail_eof();
    return false;
  }
  if (text_[pos_] == '}') {
    ++pos_;
    first_.pop_back();
    return false;
  }
  if (!first_.back()) {
    if (text_[pos_] != ',') {
      fail_at(pos_, "expected ',' or '}' after an object member");
      return false;
    }
    ++pos_;
    skip_ws();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      fail_at(pos_, "a comma before '}' (JSON allows no trailing comma)");
      return false;
    }
  }
  if (pos_ >= text_.size()) {
    fail_eof();
    return false;
  }
  value_start_ = pos_;
  if (text_[pos_] != '"') {
    fail_at(pos_, "expected a field name in double quotes");
    return false;
  }
  key.clear();
  if (!parse_string_into(key)) return false;
  skip_ws();
  if (pos_ >= text_.size()) {
    fail_eof();
    return false;
  }
  if (text_[pos_] != ':') {
    fail_at(pos_, "expected ':' after the field name");
    return false;
  }
  ++pos_;
  first_.back() = false;
  return true;
}

bool JsonReader::next_element() {
  if (!ok() || first_.empty()) return false;
  skip_ws();
  if (pos_ >= text_.size()) {
    fail_eof();
    return false;
  }
  if (text_[pos_] == ']') {
    ++pos_;
    first_.pop_back();
    return false;
  }
  if (!first_.back()) {
    if (text_[pos_] != ',') {
      fail_at(pos_, "expected ',' or ']' after an array element");
      return false;
    }
    ++pos_;
    skip_ws();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      fail_at(pos_, "a comma before ']' (JSON allows no trailing comma)");
      return false;
    }
  }
  first_.back() = false;
  return true;
}

bool JsonReader::parse_string_into(std::string& out) {
  ++pos_;  // the opening quote
  while (true) {
    size_t run = pos_;
    while (pos_ < text_.size()) {
      const auto ch = static_cast<unsigned char>(text_[pos_]);
      if (ch == '"' || ch == '\\' || ch < 0x20 || ch >= 0x80) break;
      ++pos_;
    }
    out.append(text_.substr(run, pos_ - run));
    if (pos_ >= text_.size()) {
      fail_eof();
      return false;
    }
    const char c = text_[pos_];
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (!utf8_sequence(out)) return false;
      continue;
    }
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c != '\\') {
      fail_at(pos_, "a control character inside a string (write it as \\u00XX)");
      return false;
    }
    const size_t escape_at = pos_;
    if (++pos_ >= text_.size()) {
      fail_eof();
      return false;
    }
    const char e = text_[pos_++];
    switch (e) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '/': out.push_back('/'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        auto read4 = [&](uint32_t& v) {
          if (pos_ + 4 > text_.size()) {
            fail_eof();
            return false;
          }
          v = 0;
          for (int k = 0; k < 4; ++k) {
            const int h = hex_value(text_[pos_ + static_cast<size_t>(k)]);
            if (h < 0) {
              fail_at(escape_at, "a \\u escape needs four hex digits");
              return false;
            }
            v = v * 16 + static_cast<uint32_t>(h);
          }
          pos_ += 4;
          return true;
        };
        uint32_t cp;
        if (!read4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
          fail_at(escape_at, "an unpaired UTF-16 surrogate in a \\u escape");
          return false;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low;
          if (text_.substr(pos_, 2) != "\\u") {
            fail_at(escape_at, "an unpaired UTF-16 surrogate in a \\u escape");
            return false;
          }
          pos_ += 2;
          if (!read4(low)) return false;
          if (low < 0xDC00 || low > 0xDFFF) {
            fail_at(escape_at, "an unpaired UTF-16 surrogate in a \\u escape");
            return false;
          }
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        break;
      }
      default:
        fail_at(escape_at, quoted_byte(e).front() == '\''
                               ? std::string("an unknown escape '\\") + e + "' in a string"
                               : "an unknown escape in a string (a backslash before " + quoted_byte(e) + ")");
        return false;
    }
  }
}

// One multi-byte UTF-8 sequence at pos_ (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), appended to `out`.
bool JsonReader::utf8_sequence(std::string& out) {
  const size_t start = pos_;
  const auto lead = static_cast<unsigned char>(text_[pos_]);
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;  // the range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    fail_at(start, "a string that is not valid UTF-8");
    return false;
  }
  for (size_t k = 1; k < length; ++k) {
    if (start + k >= text_.size()) {
      fail_eof();
      return false;
    }
    const auto ch = static_cast<unsigned char>(text_[start + k]);
    if (ch < (k == 1 ? low : 0x80) || ch > (k == 1 ? high : 0xBF)) {
      fail_at(start, "a string that is not valid UTF-8");
      return false;
    }
  }
  out.append(text_.substr(start, length));
  pos_ = start + length;
  return true;
}

std::string JsonReader::read_string() {
  std::string out;
  if (expect_type(JsonType::String, "a string")) parse_string_into(out);
  return out;
}

std::optional<std::string> JsonReader::read_string_or_null() {
  if (!ok()) return std::nullopt;
  if (peek() == JsonType::Null) {
    consume_literal("null");
    return std::nullopt;
  }
  if (!expect_type(JsonType::String, "a string or null")) return std::nullopt;
  std::string out;
  parse_string_into(out);
  return out;
}

bool JsonReader::consume_literal(std::string_view word) {
  for (size_t k = 0; k < word.size(); ++k) {
    if (pos_ + k >= text_.size()) {
      fail_eof();
      return false;
    }
    if (text_[pos_ + k] != word[k]) {
      fail_at(pos_, "an invalid literal (expected null, true or false)");
      return false;
    }
  }
  pos_ += word.size();
  return true;
}

int64_t JsonReader::read_int() {
  if (!expect_type(JsonType::Number, "an integer")) return 0;
  const size_t start = pos_;
  const bool negative = text_[pos_] == '-';
  if (negative) ++pos_;
  if (pos_ >= text_.size()) {
    fail_eof();
    return 0;
  }
  if (!is_digit(text_[pos_])) {
    fail_at(start, "a '-' that starts no number");
    return 0;
  }
  if (text_[pos_] == '0' && pos_ + 1 < text_.size() && is_digit(text_[pos_ + 1])) {
    fail_at(start, "a number with a leading zero");
    return 0;
  }
  // Accumulate negatively so that INT64_MIN fits.
  int64_t v = 0;
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  while (pos_ < text_.size() && is_digit(text_[pos_])) {
    const int digit = text_[pos_] - '0';
    if (v < (kMin + digit) / 10) {
      fail_at(start, "an integer too large for 64 bits");
      return 0;
    }
    v = v * 10 - digit;
    ++pos_;
  }
  if (pos_ < text_.size() && (text_[pos_] == '.' || text_[pos_] == 'e' || text_[pos_] == 'E')) {
    fail_at(start, "expected an integer, found a number with a fraction or exponent");
    return 0;
  }
  if (!negative) {
    if (v == kMin) {
      fail_at(start, "an integer too large for 64 bits");
      return 0;
    }
    v = -v;
  }
  return v;
}

std::optional<int64_t> JsonReader::read_int_or_null() {
  if (!ok()) return std::nullopt;
  if (peek() == JsonType::Null) {
    consume_literal("null");
    return std::nullopt;
  }
  if (!expect_type(JsonType::Number, "an integer or null")) return std::nullopt;
  return read_int();
}

std::string_view JsonReader::read_number() {
  if (!expect_type(JsonType::Number, "a number")) return {};
  const size_t start = pos_;
  // One or more digits; at the end of the text the number was cut short.
  auto digits = [&] {
    const size_t from = pos_;
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    if (pos_ > from) return true;
    if (pos_ >= text_.size()) {
      fail_eof();
    } else {
      fail_at(start, "an invalid number");
    }
    return false;
  };
  if (text_[pos_] == '-') ++pos_;
  const size_t int_start = pos_;
  if (!digits()) return {};
  if (text_[int_start] == '0' && pos_ - int_start > 1) {
    fail_at(start, "an invalid number");
    return {};
  }
  if (pos_ < text_.size() && text_[pos_] == '.') {
    ++pos_;
    if (!digits()) return {};
  }
  if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (!digits()) return {};
  }
  return text_.substr(start, pos_ - start);
}

bool JsonReader::read_bool() {
  if (!expect_type(JsonType::Bool, "true or false")) return false;
  const bool value = text_[pos_] == 't';
  return consume_literal(value ? "true" : "false") && value;
}

void JsonReader::read_null() {
  if (expect_type(JsonType::Null, "null")) consume_literal("null");
}

void JsonReader::skip_value() {
  if (!ok()) return;
  switch (peek()) {
    case JsonType::Null: consume_literal("null"); return;
    case JsonType::Bool: consume_literal(text_[pos_] == 't' ? "true" : "false"); return;
    case JsonType::String: {
      std::string ignored;
      parse_string_into(ignored);
      return;
    }
    case JsonType::Object: {
      std::string key;
      if (!begin_object()) return;
      while (next_key(key)) skip_value();
      return;
    }
    case JsonType::Array:
      if (!begin_array()) return;
      while (next_element()) skip_value();
      return;
    case JsonType::Number: read_number(); return;
    case JsonType::Invalid:
      if (pos_ >= text_.size()) {
        fail_eof();
      } else {
        fail_at(pos_, "expected a JSON value, found " + quoted_byte(text_[pos_]));
      }
      return;
  }
}

void JsonReader::expect_end() {
  if (!ok()) return;
  skip_ws();
  if (pos_ < text_.size()) fail_at(pos_, "unexpected text after the end of the JSON document");
}

}  // namespace offsetctl::util
