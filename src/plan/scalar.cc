#include "plan/scalar.h"

#include <limits>

namespace offsetctl::plan {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool all_of(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, split into fraction/exponent.
bool is_float(std::string_view s, bool& has_exponent) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++int_digits;
  bool dot = i < s.size() && s[i] == '.';
  if (dot) {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  has_exponent = false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
    has_exponent = true;
  }
  return i == s.size() && (dot || has_exponent);
}

}  // namespace

ScalarInfo classify_scalar(std::string_view s, bool plain) {
  ScalarInfo info;
  if (!plain) return info;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") {
    info.type = ScalarType::Null;
    return info;
  }
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
    info.type = ScalarType::Bool;
    info.bool_value = s[0] == 't' || s[0] == 'T';
    return info;
  }
  std::string_view body = s;
  bool negative = false;
  if (body[0] == '-' || body[0] == '+') {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  std::string_view lower_special = body;
  if (lower_special == ".inf" || lower_special == ".Inf" || lower_special == ".INF" ||
      s == ".nan" || s == ".NaN" || s == ".NAN") {
    info.type = ScalarType::Special;
    return info;
  }
  if (body.size() > 2 && body[0] == '0') {
    std::string_view digits = body.substr(2);
    if ((body[1] == 'x' || body[1] == 'X') && all_of(digits, is_hex)) {
      info.type = ScalarType::NonDecimal;
      return info;
    }
    if ((body[1] == 'o' || body[1] == 'O') &&
        all_of(digits, [](char c) { return c >= '0' && c <= '7'; })) {
      info.type = ScalarType::NonDecimal;
      return info;
    }
    if ((body[1] == 'b' || body[1] == 'B') &&
        all_of(digits, [](char c) { return c == '0' || c == '1'; })) {
      info.type = ScalarType::NonDecimal;
      return info;
    }
  }
  if (all_of(body, is_digit)) {
    if (body.size() > 1 && body[0] == '0') {
      info.type = ScalarType::LeadingZero;
      return info;
    }
    // Accumulate as unsigned; -2^63 is the one value whose magnitude exceeds int64.
    constexpr uint64_t kMaxMagnitude = uint64_t{1} << 63;
    uint64_t magnitude = 0;
    for (char c : body) {
      uint64_t digit = static_cast<uint64_t>(c - '0');
      if (magnitude > (kMaxMagnitude - digit) / 10) {
        info.type = ScalarType::OutOfRange;
        return info;
      }
      magnitude = magnitude * 10 + digit;
    }
    if (!negative && magnitude == kMaxMagnitude) {
      info.type = ScalarType::OutOfRange;
      return info;
    }
    info.type = ScalarType::Int;
    info.int_value = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
    return info;
  }
  if (!body.empty() && is_digit(body[0]) && body.find('_') != std::string_view::npos &&
      all_of(body, [](char c) { return is_digit(c) || c == '_'; })) {
    info.type = ScalarType::Separators;
    return info;
  }
  bool has_exponent = false;
  if (is_float(s, has_exponent)) {
    info.type = has_exponent ? ScalarType::Exponent : ScalarType::Fraction;
    return info;
  }
  return info;
}

bool is_numeric(ScalarType type) {
  switch (type) {
    case ScalarType::Null:
    case ScalarType::Bool:
    case ScalarType::String:
      return false;
    default:
      return true;
  }
}

std::string refused_number_reason(std::string_view text, ScalarType type) {
  const std::string t(text);
  switch (type) {
    case ScalarType::Fraction:
      return t + " is not a whole number";
    case ScalarType::Exponent:
      return t + " uses an exponent: write the number in full, without e";
    case ScalarType::NonDecimal:
      return t + " is not a decimal number: write numbers in decimal";
    case ScalarType::LeadingZero:
      return t + " starts with 0, which YAML readers disagree on (octal or decimal): drop the leading zeros";
    case ScalarType::Separators:
      return t + " contains '_': write the digits without separators";
    case ScalarType::OutOfRange:
      if (!t.empty() && t[0] == '-') return t + " is out of range: integers are at least -9223372036854775808 (-2^63)";
      return t + " is out of range: integers are at most 9223372036854775807 (2^63-1)";
    case ScalarType::Special:
      return t + " is not a finite number";
    default:
      return "";
  }
}

}  // namespace offsetctl::plan
