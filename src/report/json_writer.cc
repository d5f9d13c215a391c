#include "report/json_writer.h"

#include <array>

#include "report/table.h"

namespace offsetctl::report {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one
// (overlong forms, surrogates and code points past U+10FFFF are not valid).
size_t utf8_length(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t n;
  uint32_t cp;
  if (b0 < 0x80) return 1;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Bytes that cannot be copied as they are: controls, quote, backslash, and
// non-ASCII (checked for UTF-8). A table: this loop writes most of a report.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<size_t>(c)] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return t;
}();

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // start of the bytes that need no escaping
  size_t i = 0;
  auto flush = [&] { out.append(s.data() + run, i - run); };
  while (i < s.size()) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (!kSpecial[ch]) {
      ++i;
      continue;
    }
    if (ch >= 0x80) {
      const size_t n = utf8_length(s, i);
      if (n != 0) {
        i += n;
        continue;
      }
      flush();
      out.append("\xEF\xBF\xBD");  // U+FFFD
      run = ++i;
      continue;
    }
    flush();
    switch (ch) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default:
        out.append("\\u00");
        out.push_back(kHex[ch >> 4]);
        out.push_back(kHex[ch & 15]);
    }
    run = ++i;
  }
  flush();
  out.push_back('"');
}

JsonWriter::JsonWriter(std::string& out) : out_(out) { stack_.reserve(8); }

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Level& level = stack_.back();
  if (!level.empty) out_.push_back(',');
  if (level.one_line) {
    if (!level.empty) out_.push_back(' ');
  } else {
    out_.push_back('\n');
    out_.append(2 * stack_.size(), ' ');
  }
  level.empty = false;
}

void JsonWriter::open(char c, bool one_line) {
  before_value();
  // Inside a one-line container everything stays on that line.
  const bool inherited = !stack_.empty() && stack_.back().one_line;
  out_.push_back(c);
  stack_.push_back(Level{one_line || inherited});
}

void JsonWriter::close(char c) {
  const Level level = stack_.back();
  stack_.pop_back();
  if (!level.one_line && !level.empty) {
    out_.push_back('\n');
    out_.append(2 * stack_.size(), ' ');
  }
  out_.push_back(c);
}

JsonWriter& JsonWriter::begin_object(bool one_line) {
  open('{', one_line);
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}
JsonWriter& JsonWriter::begin_array(bool one_line) {
  open('[', one_line);
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  append_json_string(out_, k);
  out_.append(": ");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view v) {
  before_value();
  append_json_string(out_, v);
  return *this;
}

JsonWriter& JsonWriter::string_or_null(std::string_view v) { return v.empty() ? null() : string(v); }

JsonWriter& JsonWriter::integer(int64_t v) {
  before_value();
  append_int(out_, v);
  return *this;
}

JsonWriter& JsonWriter::integer_or_null(const std::optional<int64_t>& v) { return v ? integer(*v) : null(); }

JsonWriter& JsonWriter::boolean(bool v) {
  before_value();
  out_.append(v ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_.append("null");
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_.append(json);
  return *this;
}

}  // namespace offsetctl::report
