#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace offsetctl::report {
namespace {

std::string json_quoted(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

TEST(JsonString, EscapesWhatJsonRequires) {
  EXPECT_EQ(json_quoted("plain"), "\"plain\"");
  EXPECT_EQ(json_quoted("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_quoted("tab\tnl\ncr\r"), "\"tab\\tnl\\ncr\\r\"");
  EXPECT_EQ(json_quoted(std::string_view("\x00\x01\x1f", 3)), "\"\\u0000\\u0001\\u001f\"");
  EXPECT_EQ(json_quoted("/ and \x7f stay"), "\"/ and \x7f stay\"");
}

TEST(JsonString, KeepsUtf8AndReplacesWhatIsNot) {
  EXPECT_EQ(json_quoted("caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80"), "\"caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80\"");
  // A lone continuation byte, a truncated sequence, an overlong '/', a surrogate.
  EXPECT_EQ(json_quoted("a\x80" "b"), "\"a\xEF\xBF\xBD" "b\"");
  EXPECT_EQ(json_quoted("\xe4\xb8"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(json_quoted("\xc0\xaf"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(json_quoted("\xed\xa0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonString, RoundTripsThroughAStandardParser) {
  std::string all;
  for (int c = 1; c < 128; ++c) all.push_back(static_cast<char>(c));
  all += "\xc3\xa9\xf0\x9f\x98\x80";
  EXPECT_EQ(nlohmann::json::parse(json_quoted(all)).get<std::string>(), all);
}

TEST(JsonWriter, PrettyOutsideOneLineInside) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.member("format_version", 1);
  w.key("empty").begin_array().end_array();
  w.key("rows").begin_array();
  w.begin_object(true).member("a", 1).member("b", std::optional<int64_t>()).key("c").begin_array().integer(1).integer(2).end_array().end_object();
  w.begin_object(true).member("a", "x").member("ok", true).end_object();
  w.end_array();
  w.key("nested").begin_object().member("k", "v").end_object();
  w.end_object();
  EXPECT_EQ(out,
            "{\n"
            "  \"format_version\": 1,\n"
            "  \"empty\": [],\n"
            "  \"rows\": [\n"
            "    {\"a\": 1, \"b\": null, \"c\": [1, 2]},\n"
            "    {\"a\": \"x\", \"ok\": true}\n"
            "  ],\n"
            "  \"nested\": {\n"
            "    \"k\": \"v\"\n"
            "  }\n"
            "}");
  EXPECT_TRUE(nlohmann::json::accept(out));
}

TEST(JsonWriter, StringOrNullAndRaw) {
  std::string out;
  JsonWriter w(out);
  w.begin_array(true).string_or_null("").string_or_null("x").raw("{\"r\": 1}").null().integer(-5).end_array();
  EXPECT_EQ(out, "[null, \"x\", {\"r\": 1}, null, -5]");
}

}  // namespace
}  // namespace offsetctl::report
