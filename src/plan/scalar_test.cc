#include "plan/scalar.h"

#include <gtest/gtest.h>

namespace offsetctl::plan {
namespace {

ScalarType type_of(const char* text, bool plain = true) { return classify_scalar(text, plain).type; }

TEST(Scalar, NullsAndBooleans) {
  for (const char* s : {"", "~", "null", "Null", "NULL"}) EXPECT_EQ(type_of(s), ScalarType::Null) << s;
  EXPECT_EQ(type_of("true"), ScalarType::Bool);
  EXPECT_TRUE(classify_scalar("True", true).bool_value);
  EXPECT_FALSE(classify_scalar("FALSE", true).bool_value);
  // YAML 1.2: yes/no/on/off are text.
  for (const char* s : {"yes", "no", "on", "off", "nULL", "tRue"}) EXPECT_EQ(type_of(s), ScalarType::String) << s;
}

TEST(Scalar, DecimalIntegersWithinInt64) {
  EXPECT_EQ(classify_scalar("0", true).int_value, 0);
  EXPECT_EQ(classify_scalar("-0", true).int_value, 0);
  EXPECT_EQ(classify_scalar("+42", true).int_value, 42);
  EXPECT_EQ(classify_scalar("-100", true).int_value, -100);
  EXPECT_EQ(classify_scalar("9223372036854775807", true).int_value, INT64_MAX);
  EXPECT_EQ(classify_scalar("-9223372036854775808", true).int_value, INT64_MIN);
  EXPECT_EQ(type_of("9223372036854775808"), ScalarType::OutOfRange);
  EXPECT_EQ(type_of("-9223372036854775809"), ScalarType::OutOfRange);
  EXPECT_EQ(type_of("99999999999999999999999999"), ScalarType::OutOfRange);
}

TEST(Scalar, RefusedNumberForms) {
  EXPECT_EQ(type_of("1.5"), ScalarType::Fraction);
  EXPECT_EQ(type_of(".5"), ScalarType::Fraction);
  EXPECT_EQ(type_of("1."), ScalarType::Fraction);
  EXPECT_EQ(type_of("-2.0"), ScalarType::Fraction);
  EXPECT_EQ(type_of("1e3"), ScalarType::Exponent);
  EXPECT_EQ(type_of("1.5E-2"), ScalarType::Exponent);
  EXPECT_EQ(type_of("0x1F"), ScalarType::NonDecimal);
  EXPECT_EQ(type_of("0o17"), ScalarType::NonDecimal);
  EXPECT_EQ(type_of("0b101"), ScalarType::NonDecimal);
  EXPECT_EQ(type_of("-0x10"), ScalarType::NonDecimal);
  EXPECT_EQ(type_of("0123"), ScalarType::LeadingZero);
  EXPECT_EQ(type_of("1_000"), ScalarType::Separators);
  EXPECT_EQ(type_of(".inf"), ScalarType::Special);
  EXPECT_EQ(type_of("-.Inf"), ScalarType::Special);
  EXPECT_EQ(type_of(".nan"), ScalarType::Special);
}

TEST(Scalar, TextThatLooksLikeNothingElse) {
  for (const char* s : {"orders", "0x", "0xZZ", "1e", "e3", "1.2.3", "PT2H", "2026-11-20T00:00:00+08:00", "-", "+",
                        ".", "_1", "12abc"})
    EXPECT_EQ(type_of(s), ScalarType::String) << s;
}

TEST(Scalar, QuotedIsAlwaysText) {
  for (const char* s : {"12", "true", "null", "", "1.5", "0x10"}) EXPECT_EQ(type_of(s, false), ScalarType::String) << s;
}

TEST(Scalar, Reasons) {
  EXPECT_EQ(refused_number_reason("1.5", ScalarType::Fraction), "1.5 is not a whole number");
  EXPECT_EQ(refused_number_reason("1e3", ScalarType::Exponent), "1e3 uses an exponent: write the number in full, without e");
  EXPECT_EQ(refused_number_reason("0x10", ScalarType::NonDecimal), "0x10 is not a decimal number: write numbers in decimal");
  EXPECT_EQ(refused_number_reason("0123", ScalarType::LeadingZero),
            "0123 starts with 0, which YAML readers disagree on (octal or decimal): drop the leading zeros");
  EXPECT_EQ(refused_number_reason("1_000", ScalarType::Separators), "1_000 contains '_': write the digits without separators");
  EXPECT_EQ(refused_number_reason("9223372036854775808", ScalarType::OutOfRange),
            "9223372036854775808 is out of range: integers are at most 9223372036854775807 (2^63-1)");
  EXPECT_EQ(refused_number_reason("-9223372036854775809", ScalarType::OutOfRange),
            "-9223372036854775809 is out of range: integers are at least -9223372036854775808 (-2^63)");
  EXPECT_EQ(refused_number_reason(".nan", ScalarType::Special), ".nan is not a finite number");
  EXPECT_EQ(refused_number_reason("12", ScalarType::Int), "");
  EXPECT_TRUE(is_numeric(ScalarType::Int));
  EXPECT_TRUE(is_numeric(ScalarType::Fraction));
  EXPECT_FALSE(is_numeric(ScalarType::String));
}

}  // namespace
}  // namespace offsetctl::plan
