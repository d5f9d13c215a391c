#pragma once
// How a YAML scalar reads, decided from its exact text and whether it was
// quoted. yaml-cpp hands over text only; the plan format follows YAML 1.2's
// core schema, but refuses the number forms that readers disagree on or that
// no offset needs (fractions, exponents, hex, leading zeros, out of range).

#include <cstdint>
#include <string>
#include <string_view>

namespace offsetctl::plan {

enum class ScalarType {
  Null,        // empty, ~, null
  Bool,        // true, false
  Int,         // a decimal integer within int64
  String,      // anything else, and every quoted scalar
  // Plain scalars that YAML reads as numbers, but a plan refuses:
  Fraction,     // 1.5, .5
  Exponent,     // 1e3, 1.5E-2
  NonDecimal,   // 0x1F, 0o17, 0b101
  LeadingZero,  // 0123 (octal in YAML 1.1, decimal in 1.2)
  Separators,   // 1_000 (an integer in YAML 1.1)
  OutOfRange,   // beyond [-2^63, 2^63-1]
  Special,      // .inf, -.inf, .nan
};

struct ScalarInfo {
  ScalarType type = ScalarType::String;
  int64_t int_value = 0;
  bool bool_value = false;
};

// `plain` is false for quoted and block scalars: those are always strings.
ScalarInfo classify_scalar(std::string_view text, bool plain);

// True for the types above that read as numbers (Int and the refused forms).
bool is_numeric(ScalarType type);

// Why a number-looking scalar is refused where an integer belongs, e.g.
// "1.5 is not a whole number". Empty for Int, String, Null and Bool.
std::string refused_number_reason(std::string_view text, ScalarType type);

}  // namespace offsetctl::plan
