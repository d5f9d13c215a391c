#include "util/json_parse.h"

#include <gtest/gtest.h>

namespace offsetctl::util {
namespace {

std::string error_of(std::string_view text, size_t max_depth = kMaxJsonDepth) {
  JsonError error;
  auto v = parse_json(text, &error, max_depth);
  if (v) return "";
  return std::to_string(error.line) + ":" + std::to_string(error.col) + ": " + error.message;
}

TEST(ParseJson, BuildsTheSameDomAsNlohmann) {
  const std::string text =
      R"({"s": "caf\u00e9 \ud83d\ude00", "i": -42, "u": 18446744073709551615, "f": -1.5e-3, "big": 1e300,
          "huge": 18446744073709551616, "b": [true, false, null], "o": {"x": {}, "y": []}, "z": 0})";
  auto v = parse_json(text);
  ASSERT_TRUE(v);
  const nlohmann::json expected = nlohmann::json::parse(text);
  EXPECT_EQ(*v, expected);
  EXPECT_EQ(v->dump(), expected.dump());
  EXPECT_TRUE(v->at("i").is_number_integer());
  EXPECT_TRUE(v->at("u").is_number_unsigned());
  EXPECT_TRUE(v->at("z").is_number_unsigned());
  EXPECT_TRUE(v->at("f").is_number_float());
  EXPECT_TRUE(v->at("huge").is_number_float());
}

TEST(ParseJson, KeepsTheOrderOfAnOrderedDocument) {
  auto v = parse_json<nlohmann::ordered_json>(R"({"b": 1, "a": 2})");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->dump(), R"({"b":1,"a":2})");
}

TEST(ParseJson, FollowsTheStrictReadersRules) {
  EXPECT_EQ(error_of("{\"a\": 1,}"), "1:9: a comma before '}' (JSON allows no trailing comma)");
  EXPECT_EQ(error_of("{\"a\": 1, \"a\": 2}"), "1:10: a field that appears twice");
  EXPECT_EQ(error_of("[1] [2]"), "1:5: unexpected text after the end of the JSON document");
  EXPECT_EQ(error_of("\"\xff\""), "1:2: a string that is not valid UTF-8");
  EXPECT_EQ(error_of("// no comments\n{}"), "1:1: expected a JSON value, found '/'");
  EXPECT_EQ(error_of("[01]"), "1:2: an invalid number");
  EXPECT_EQ(error_of("[[[]]]", 2), "1:3: the document is nested too deeply");
  EXPECT_EQ(error_of(""), "1:1: the file ends in the middle of the JSON document (is it truncated?)");
}

TEST(ParseJson, SaysWhatKindOfProblemItIs) {
  auto kind_of = [](std::string_view text) {
    JsonError error;
    EXPECT_FALSE(parse_json(text, &error)) << text;
    return error.kind;
  };
  EXPECT_EQ(kind_of("{\"a\": [1, 2"), JsonError::Kind::Truncated);
  EXPECT_EQ(kind_of("{\"a\": 1e99999}"), JsonError::Kind::NumberRange);
  EXPECT_EQ(kind_of(std::string(100, '[')), JsonError::Kind::TooDeep);
  EXPECT_EQ(kind_of("{\"a\" 1}"), JsonError::Kind::Syntax);
  JsonError error;
  EXPECT_FALSE(parse_json("{\"a\": -1e400}", &error));
  EXPECT_EQ(error.offset, 6u);
  EXPECT_EQ(error.message, "a number out of range");
}

TEST(ParseJson, TinyNumbersBecomeZeroAsInNlohmann) {
  auto v = parse_json("[1e-400]");
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, nlohmann::json::parse("[1e-400]"));
}

}  // namespace
}  // namespace offsetctl::util
