#include "plan/text.h"

#include <cstdio>

namespace offsetctl::plan {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one strict UTF-8 sequence (no overlongs, surrogates or values past
// U+10FFFF); kInvalid and one byte consumed when the bytes are not UTF-8.
char32_t decode(std::string_view s, size_t& pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  size_t len = 0;
  char32_t cp = 0, min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) len = 2, cp = b0 & 0x1F, min = 0x80;
  else if (b0 >= 0xE0 && b0 <= 0xEF) len = 3, cp = b0 & 0x0F, min = 0x800;
  else if (b0 >= 0xF0 && b0 <= 0xF4) len = 4, cp = b0 & 0x07, min = 0x10000;
  else {
    ++pos;
    return kInvalid;
  }
  if (pos + len > s.size()) {
    ++pos;
    return kInvalid;
  }
  for (size_t i = 1; i < len; ++i) {
    unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return kInvalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return kInvalid;
  }
  pos += len;
  return cp;
}

std::string hex_code(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

bool is_control(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F); }

std::string_view trim_left(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) ++i;
  return s.substr(i);
}

template <class F>
void for_each_line(std::string_view text, F&& f) {
  size_t start = 0;
  int line = 1;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view l = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!f(line, l)) return;
    if (end == std::string_view::npos) return;
    start = end + 1;
    ++line;
  }
}

}  // namespace

void strip_utf8_bom(std::string& text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
}

std::vector<TextIssue> check_encoding(std::string_view text, size_t max_issues) {
  std::vector<TextIssue> issues;
  const auto starts = [&](std::string_view bom) { return text.substr(0, bom.size()) == bom; };
  using namespace std::string_view_literals;
  if (starts("\x00\x00\xFE\xFF"sv) || starts("\xFF\xFE\x00\x00"sv)) {
    issues.push_back({1, 1, "the file is UTF-32 encoded: save it as UTF-8"});
    return issues;
  }
  if (starts("\xFE\xFF"sv) || starts("\xFF\xFE"sv)) {
    issues.push_back({1, 1, "the file is UTF-16 encoded: save it as UTF-8"});
    return issues;
  }
  int line = 1;
  size_t line_start = 0;
  size_t pos = 0;
  while (pos < text.size() && issues.size() < max_issues) {
    size_t at = pos;
    int col = static_cast<int>(at - line_start) + 1;
    char32_t c = decode(text, pos);
    if (c == kInvalid) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[at])));
      // Past the first bad byte, positions in the rest of the file mean little.
      issues.push_back({line, col, std::string("byte ") + buf + " is not UTF-8: plan files must be UTF-8 text"});
      return issues;
    }
    if (c == '\n') {
      ++line;
      line_start = pos;
    } else if (c == '\r') {
      if (pos >= text.size() || text[pos] != '\n') {
        issues.push_back({line, col, "a carriage return without a line feed: save the file with LF or CRLF line ends"});
      }
    } else if (c != '\t' && is_control(c)) {
      issues.push_back({line, col, "control character " + hex_code(c) +
                                       ": plan files hold printable text only (inside double quotes, write it as an escape)"});
    }
  }
  return issues;
}

std::vector<TextIssue> check_tab_indentation(std::string_view text, size_t max_issues) {
  std::vector<TextIssue> issues;
  for_each_line(text, [&](int line, std::string_view l) {
    size_t i = 0;
    size_t first_tab = std::string_view::npos;
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) {
      if (l[i] == '\t' && first_tab == std::string_view::npos) first_tab = i;
      ++i;
    }
    bool content = i < l.size() && l[i] != '#' && l[i] != '\r';
    if (first_tab != std::string_view::npos && content) {
      issues.push_back({line, static_cast<int>(first_tab) + 1,
                        "tab character in the indentation: YAML indents with spaces only"});
    }
    return issues.size() < max_issues;
  });
  return issues;
}

bool is_blank(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

bool is_only_comments(std::string_view text) {
  bool only = true;
  for_each_line(text, [&](int, std::string_view l) {
    std::string_view t = trim_left(l);
    if (!t.empty() && t[0] != '#') only = false;
    return only;
  });
  return only;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

std::string_view LineIndex::line(int n) const {
  if (n < 1 || static_cast<size_t>(n) > starts_.size()) return {};
  size_t start = starts_[static_cast<size_t>(n) - 1];
  size_t end = static_cast<size_t>(n) < starts_.size() ? starts_[static_cast<size_t>(n)] - 1 : text_.size();
  std::string_view l = text_.substr(start, end - start);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

int LineIndex::char_col(int n, int byte_col) const {
  std::string_view l = line(n);
  size_t limit = byte_col > 0 ? static_cast<size_t>(byte_col - 1) : 0;
  int col = 1;
  size_t pos = 0;
  while (pos < limit && pos < l.size()) {
    decode(l, pos);
    ++col;
  }
  if (limit > l.size()) col += static_cast<int>(limit - l.size());
  return col;
}

char32_t next_code_point(std::string_view text, size_t& pos) {
  char32_t c = decode(text, pos);
  return c == kInvalid ? 0xFFFD : c;
}

bool is_invisible(char32_t c) {
  return is_control(c) || c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

std::string printable(std::string_view text, size_t max_chars) {
  std::string out;
  size_t pos = 0, chars = 0;
  while (pos < text.size()) {
    if (chars == max_chars) {
      out += "...";
      break;
    }
    size_t at = pos;
    char32_t c = decode(text, pos);
    char buf[16];
    if (c == kInvalid) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[at])));
      out += buf;
    } else if (c < 0x80 && is_control(c)) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
      out += buf;
    } else if (is_invisible(c)) {
      std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(text.substr(at, pos - at));
    }
    ++chars;
  }
  return out;
}

std::string printable_line(std::string_view line) {
  std::string out;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t at = pos;
    char32_t c = decode(line, pos);
    if (c == '\t') out += '\t';
    else if (c == kInvalid || is_invisible(c)) out += '?';
    else out.append(line.substr(at, pos - at));
  }
  return out;
}

}  // namespace offsetctl::plan
