#include "audit/record.h"

#include <gtest/gtest.h>

#include "util/crypto.h"

namespace offsetctl::audit {
namespace {

using Kind = LineParse::Kind;

TEST(CanonicalJson, SortsKeysWithoutSpacesAndKeepsUtf8) {
  nlohmann::json j = {{"b", 1}, {"a", {{"z", nullptr}, {"y", "caf\u00e9"}}}, {"A", true}};
  EXPECT_EQ(canonical_json(j), "{\"A\":true,\"a\":{\"y\":\"caf\u00e9\",\"z\":null},\"b\":1}");
}

TEST(CanonicalJson, EscapesOnlyQuotesBackslashesAndControlCharacters) {
  nlohmann::json j = {{"s", "a\"b\\c\nd\x01/e"}};
  EXPECT_EQ(canonical_json(j), R"({"s":"a\"b\\c\nd\u0001/e"})");
}

TEST(CanonicalJson, ReplacesInvalidUtf8) {
  nlohmann::json j = {{"s", std::string("ok\xff")}};
  EXPECT_EQ(canonical_json(j), "{\"s\":\"ok\xEF\xBF\xBD\"}");
}

TEST(RecordHash, IsSha256OfPrevHashAndRecordWithoutHash) {
  nlohmann::json record = {{"seq", 1}, {"type", "run_started"}, {"hash", "ignored"}};
  std::string prev(kZeroHash);
  EXPECT_EQ(record_hash(prev, record), util::sha256_hex(prev + R"({"seq":1,"type":"run_started"})"));
  record.erase("hash");
  EXPECT_EQ(record_hash(prev, record), util::sha256_hex(prev + R"({"seq":1,"type":"run_started"})"));
}

TEST(JsonDepth, CountsNestingOutsideStrings) {
  EXPECT_EQ(json_depth(R"({"a":[1,{"b":2}]})", 16), 3);
  EXPECT_EQ(json_depth(R"({"a":"[[[[{{{{"})", 16), 1);
  EXPECT_EQ(json_depth(R"({"a":"\"[[[["})", 16), 1);
  EXPECT_EQ(json_depth(std::string(100000, '['), 16), 17);  // stops early
}

TEST(ParseLine, ParsesJson) {
  auto p = parse_line(R"({"a":1})");
  ASSERT_EQ(p.kind, Kind::Json);
  EXPECT_EQ(p.value["a"], 1);
}

TEST(ParseLine, ObjectCutShortIsTorn) {
  EXPECT_EQ(parse_line("{").kind, Kind::Torn);
  EXPECT_EQ(parse_line(R"({"seq":3,"ti)").kind, Kind::Torn);
  EXPECT_EQ(parse_line(R"({"seq":3,"time":)").kind, Kind::Torn);
  EXPECT_EQ(parse_line(R"({"ok":tru)").kind, Kind::Torn);
  EXPECT_EQ(parse_line("{\"s\":\"caf\xC3").kind, Kind::Torn);  // inside a UTF-8 sequence
}

TEST(ParseLine, ZeroBytesFromAPowerLossAreTorn) {
  EXPECT_EQ(parse_line(std::string(5, '\0')).kind, Kind::Torn);
  EXPECT_EQ(parse_line(std::string("{\"seq\":3") + std::string(4, '\0')).kind, Kind::Torn);
  EXPECT_EQ(parse_line(std::string("{\"seq\":3}") + std::string(1, '\0')).kind, Kind::Torn);
}

TEST(ParseLine, AnythingElseIsGarbageWithAReason) {
  auto p = parse_line("hello");
  EXPECT_EQ(p.kind, Kind::Garbage);
  EXPECT_EQ(p.why, "not JSON (byte 1: expected a JSON value, found 'h')");
  EXPECT_EQ(parse_line("{x").kind, Kind::Garbage);
  EXPECT_EQ(parse_line(R"({"a":1}x)").kind, Kind::Garbage);
  EXPECT_EQ(parse_line("[1,").kind, Kind::Garbage);  // not the beginning of a record
  EXPECT_EQ(parse_line("").why, "an empty line");
  EXPECT_EQ(parse_line(R"({"a":1e99999})").why, "not JSON (a number out of range)");
  EXPECT_EQ(parse_line("{\"a\":\"\xff\"}").kind, Kind::Garbage);
}

TEST(ParseLine, RefusesDeepNestingAndHugeLinesWithoutParsing) {
  std::string deep = "{\"a\":" + std::string(100000, '[');
  EXPECT_EQ(parse_line(deep).why, "nested deeper than 16 levels");
  std::string huge = "{\"a\":\"" + std::string(kMaxRecordBytes, 'x') + "\"}";
  EXPECT_EQ(parse_line(huge).why, "longer than 1048576 bytes");
}

}  // namespace
}  // namespace offsetctl::audit
