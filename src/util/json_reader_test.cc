#include "util/json_reader.h"

#include <gtest/gtest.h>

namespace offsetctl::util {
namespace {

// "line:col: message" of the first error, or "" when the reader is fine.
std::string where(const JsonReader& r) {
  if (r.ok()) return "";
  return std::to_string(r.error_line()) + ":" + std::to_string(r.error_col()) + ": " + r.error();
}

// Reads {"name": <int>} and returns the error, if any.
std::string read_int_doc(std::string_view text) {
  JsonReader r(text);
  std::string key;
  r.begin_object();
  while (r.next_key(key)) r.read_int();
  r.expect_end();
  return where(r);
}

TEST(JsonReader, ReadsObjectsArraysAndScalars) {
  JsonReader r(R"( {"a": "x\"y\\z\/\n\u00e9\ud83d\ude00", "b": [1, -2, 9223372036854775807, -9223372036854775808],
                   "c": null, "d": 7} )");
  std::string key;
  ASSERT_TRUE(r.begin_object());
  ASSERT_TRUE(r.next_key(key));
  EXPECT_EQ(key, "a");
  EXPECT_EQ(r.read_string(), "x\"y\\z/\n\xc3\xa9\xf0\x9f\x98\x80");
  ASSERT_TRUE(r.next_key(key));
  EXPECT_EQ(key, "b");
  std::vector<int64_t> values;
  ASSERT_TRUE(r.begin_array());
  while (r.next_element()) values.push_back(r.read_int());
  EXPECT_EQ(values, (std::vector<int64_t>{1, -2, INT64_MAX, INT64_MIN}));
  ASSERT_TRUE(r.next_key(key));
  EXPECT_EQ(r.read_int_or_null(), std::nullopt);
  ASSERT_TRUE(r.next_key(key));
  EXPECT_EQ(r.read_int_or_null(), 7);
  EXPECT_FALSE(r.next_key(key));
  r.expect_end();
  EXPECT_EQ(where(r), "");
}

TEST(JsonReader, EmptyContainers) {
  JsonReader r("[[], {}]");
  std::string key;
  ASSERT_TRUE(r.begin_array());
  ASSERT_TRUE(r.next_element());
  ASSERT_TRUE(r.begin_array());
  EXPECT_FALSE(r.next_element());
  ASSERT_TRUE(r.next_element());
  ASSERT_TRUE(r.begin_object());
  EXPECT_FALSE(r.next_key(key));
  EXPECT_FALSE(r.next_element());
  r.expect_end();
  EXPECT_TRUE(r.ok());
}

TEST(JsonReader, SyntaxErrorsKnowTheirPlace) {
  EXPECT_EQ(read_int_doc("{\"a\": 1,}"), "1:9: a comma before '}' (JSON allows no trailing comma)");
  EXPECT_EQ(read_int_doc("{\"a\" 1}"), "1:6: expected ':' after the field name");
  EXPECT_EQ(read_int_doc("{\"a\": 1 \"b\": 2}"), "1:9: expected ',' or '}' after an object member");
  EXPECT_EQ(read_int_doc("{a: 1}"), "1:2: expected a field name in double quotes");
  EXPECT_EQ(read_int_doc("{\"a\":\n  012}"), "2:3: a number with a leading zero");
  EXPECT_EQ(read_int_doc("{\"a\": 1.5}"), "1:7: expected an integer, found a number with a fraction or exponent");
  EXPECT_EQ(read_int_doc("{\"a\": 1e3}"), "1:7: expected an integer, found a number with a fraction or exponent");
  EXPECT_EQ(read_int_doc("{\"a\": 9223372036854775808}"), "1:7: an integer too large for 64 bits");
  EXPECT_EQ(read_int_doc("{\"a\": -}"), "1:7: a '-' that starts no number");
  EXPECT_EQ(read_int_doc("{\"a\": \"1\"}"), "1:7: expected an integer, found a string");
  EXPECT_EQ(read_int_doc("{\"a\": 1} x"), "1:10: unexpected text after the end of the JSON document");
  EXPECT_EQ(read_int_doc("{\"a\": tru}"), "1:7: expected an integer, found a boolean");
  EXPECT_EQ(read_int_doc("{\"é\": @}"), "1:7: expected an integer, found '@'");
}

TEST(JsonReader, TruncationIsReportedAsSuch) {
  for (std::string_view text : {"{\"a\": 1", "{\"a\": ", "{\"a\"", "{\"a", "{", "{\"a\": 1,", "[1, 2"}) {
    JsonReader r(text);
    r.skip_value();
    EXPECT_FALSE(r.ok()) << text;
    EXPECT_TRUE(r.error_is_truncation()) << text;
    EXPECT_EQ(r.error(), "the file ends in the middle of the JSON document (is it truncated?)");
  }
  JsonReader r("{\"a\": 1,\n \"b\": [1,");
  r.skip_value();
  EXPECT_EQ(where(r), "2:10: the file ends in the middle of the JSON document (is it truncated?)");
}

TEST(JsonReader, StringErrors) {
  auto error_of = [](std::string_view text) {
    JsonReader r(text);
    r.read_string();
    return where(r);
  };
  EXPECT_EQ(error_of("\"a\nb\""), "1:3: a control character inside a string (write it as \\u00XX)");
  EXPECT_EQ(error_of("\"\\x\""), "1:2: an unknown escape '\\x' in a string");
  EXPECT_EQ(error_of("\"\\u12g4\""), "1:2: a \\u escape needs four hex digits");
  EXPECT_EQ(error_of("\"\\ud800\""), "1:2: an unpaired UTF-16 surrogate in a \\u escape");
  EXPECT_EQ(error_of("\"\\udc00\""), "1:2: an unpaired UTF-16 surrogate in a \\u escape");
  EXPECT_EQ(error_of("\"\\ud800\\u0041\""), "1:2: an unpaired UTF-16 surrogate in a \\u escape");
}

TEST(JsonReader, SkipsAnyValidValueAndRejectsBadNumbers) {
  JsonReader ok(R"({"a": [1, -0, 0.5, 1e10, -2.5E-3, true, false, null, {"x": "y"}], "b": {}})");
  ok.skip_value();
  ok.expect_end();
  EXPECT_TRUE(ok.ok()) << ok.error();
  for (std::string_view bad : {"01", "1.", ".5", "1e", "+1", "- 1"}) {
    JsonReader r(bad);
    r.skip_value();
    r.expect_end();
    EXPECT_FALSE(r.ok()) << bad;
  }
}

TEST(JsonReader, RefusesDeepNesting) {
  const std::string deep = std::string(100, '[') + std::string(100, ']');
  JsonReader r(deep);
  r.skip_value();
  EXPECT_EQ(where(r), "1:65: the document is nested too deeply");
}

TEST(JsonReader, ErrorsCarryTheCallersContextAndOnlyTheFirstCounts) {
  std::string context = "changes[3].target";
  JsonReader r("{\"target\": \"x\"}");
  r.set_context(&context);
  std::string key;
  r.begin_object();
  r.next_key(key);
  r.read_int_or_null();
  EXPECT_EQ(where(r), "1:12: changes[3].target: expected an integer or null, found a string");
  r.fail("a later error");
  EXPECT_EQ(r.error(), "changes[3].target: expected an integer or null, found a string");
  EXPECT_FALSE(r.next_key(key));
  EXPECT_EQ(r.read_int(), 0);
}

TEST(JsonReader, StringsMustBeValidUtf8) {
  auto error_of = [](std::string_view text) {
    JsonReader r(text);
    r.read_string();
    return where(r);
  };
  JsonReader fine("\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
  EXPECT_EQ(fine.read_string(), "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
  EXPECT_TRUE(fine.ok());
  EXPECT_EQ(error_of("\"a\xff\""), "1:3: a string that is not valid UTF-8");
  EXPECT_EQ(error_of("\"\xc0\xaf\""), "1:2: a string that is not valid UTF-8");          // overlong '/'
  EXPECT_EQ(error_of("\"\xe0\x80\xaf\""), "1:2: a string that is not valid UTF-8");      // overlong, 3 bytes
  EXPECT_EQ(error_of("\"\xed\xa0\x80\""), "1:2: a string that is not valid UTF-8");      // a surrogate
  EXPECT_EQ(error_of("\"\xf4\x90\x80\x80\""), "1:2: a string that is not valid UTF-8");  // above U+10FFFF
  EXPECT_EQ(error_of("\"\xc3\x28\""), "1:2: a string that is not valid UTF-8");          // no continuation
  JsonReader cut("\"ab\xe2\x82");
  cut.read_string();
  EXPECT_TRUE(cut.error_is_truncation());
}

TEST(JsonReader, NumbersBooleansAndNull) {
  JsonReader r(R"([-1.5e3, 0, 12, true, false, null])");
  ASSERT_TRUE(r.begin_array());
  std::vector<std::string> numbers;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(r.next_element());
    numbers.emplace_back(r.read_number());
  }
  EXPECT_EQ(numbers, (std::vector<std::string>{"-1.5e3", "0", "12"}));
  ASSERT_TRUE(r.next_element());
  EXPECT_TRUE(r.read_bool());
  ASSERT_TRUE(r.next_element());
  EXPECT_FALSE(r.read_bool());
  ASSERT_TRUE(r.next_element());
  r.read_null();
  EXPECT_FALSE(r.next_element());
  r.expect_end();
  EXPECT_EQ(where(r), "");

  JsonReader wrong("\"1\"");
  wrong.read_number();
  EXPECT_EQ(where(wrong), "1:1: expected a number, found a string");
  JsonReader cut("[1.");
  cut.begin_array();
  cut.next_element();
  cut.read_number();
  EXPECT_TRUE(cut.error_is_truncation());
}

TEST(JsonReader, BytesThatCannotBePrintedAreNamedByTheirCode) {
  const std::string text("{\"a\": \x1b[31m}");  // the reader views the text: it must outlive the reader
  JsonReader control(text);
  control.skip_value();
  EXPECT_EQ(where(control), "1:7: expected a JSON value, found the byte 0x1b");
  JsonReader escape("\"\\\x07\"");
  escape.read_string();
  EXPECT_EQ(where(escape), "1:2: an unknown escape in a string (a backslash before the byte 0x07)");
}

TEST(JsonReader, TheDepthLimitIsTheCallers) {
  JsonReader shallow("[[[1]]]", 2);
  shallow.skip_value();
  EXPECT_EQ(where(shallow), "1:3: the document is nested too deeply");
  EXPECT_EQ(shallow.error_info().kind, JsonError::Kind::TooDeep);
  JsonReader enough("[[[1]]]", 3);
  enough.skip_value();
  EXPECT_TRUE(enough.ok());
}

TEST(JsonReader, TypePhrases) {
  EXPECT_STREQ(json_type_phrase(JsonType::Object), "an object");
  EXPECT_STREQ(json_type_phrase(JsonType::Null), "null");
  JsonReader r(" \n [");
  EXPECT_EQ(r.peek(), JsonType::Array);
  EXPECT_EQ(r.line_col(r.value_offset()), (std::pair<int, int>(2, 2)));
}

}  // namespace
}  // namespace offsetctl::util
