#include "plan/to_json.h"

#include <gtest/gtest.h>

#include <string>

#include "plan/schema.h"

namespace offsetctl::plan {
namespace {

TEST(ToJson, MapsYamlValuesToTheJsonTheSchemaChecks) {
  ParsedYaml p = parse_yaml(
      "s: text\nq: \"12\"\ni: -12\nb: true\nn: ~\ne:\nf: 1.5\nh: 0x10\nbig: 99999999999999999999\nl: [1, "
      "x]\nm: {k: v}\n",
      YamlLimits{});
  ASSERT_EQ(p.documents.size(), 1u);
  nlohmann::json j = to_json(p.documents[0]);
  EXPECT_EQ(j["s"], "text");
  EXPECT_EQ(j["q"], "12");
  EXPECT_EQ(j["i"], -12);
  EXPECT_TRUE(j["i"].is_number_integer());
  EXPECT_EQ(j["b"], true);
  EXPECT_TRUE(j["n"].is_null());
  EXPECT_TRUE(j["e"].is_null());
  // Refused numbers fit neither an integer nor a string.
  for (const char* k : {"f", "h", "big"}) {
    EXPECT_TRUE(j[k].is_number_float()) << k;
  }
  EXPECT_EQ(j["l"], nlohmann::json::array({1, "x"}));
  EXPECT_EQ(j["m"], nlohmann::json({{"k", "v"}}));
}

TEST(ToJson, FlaggedValuesBecomeNull) {
  YamlLimits l;
  l.max_scalar_bytes = 3;
  ParsedYaml p = parse_yaml("a: toolong\n", l);
  EXPECT_TRUE(to_json(p.documents.at(0))["a"].is_null());
}

std::string plan_with_offsets(const std::string& offsets) {
  return "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: p\ninstance: i\ngroups:\n  - group: g\n    "
         "topics:\n"
         "      - topic: t\n        offsets: " +
         offsets + "\n      - topic: u\n        to: earliest\n";
}

TEST(ToSchemaJson, AnOffsetsMapTheSchemaAcceptsGoesWithItsFirstEntryOnly) {
  ParsedYaml p = parse_yaml(
      plan_with_offsets("{0: 1500, 1: 1720, 2147483647: 9223372036854775807, \"3\": 0}"), YamlLimits{});
  ASSERT_EQ(p.documents.size(), 1u);
  nlohmann::json full = to_json(p.documents[0]);
  nlohmann::json light = to_schema_json(p.documents[0]);
  EXPECT_EQ(light["groups"][0]["topics"][0]["offsets"], nlohmann::json({{"0", 1500}}));
  // Everything else is what to_json makes.
  light["groups"][0]["topics"][0]["offsets"] = full["groups"][0]["topics"][0]["offsets"];
  EXPECT_EQ(light, full);
}

TEST(ToSchemaJson, AnOffsetsMapWithAnythingTheSchemaRefusesGoesWhole) {
  for (const char* offsets : {"{}", "{01: 5}", "{12345678901: 5}", "{-1: 5}", "{a: 5}", "{0: -1}",
                              "{0: \"5\"}", "{0: 1.5}", "{0: 0x10}", "{0: 99999999999999999999}", "{0: ~}",
                              "{0: [1]}", "{0: {1: 2}}", "{0: true}", "{0: 1, 1: 2, 2: -3}", "5", "[1, 2]"}) {
    ParsedYaml p = parse_yaml(plan_with_offsets(offsets), YamlLimits{});
    ASSERT_EQ(p.documents.size(), 1u) << offsets;
    EXPECT_EQ(to_schema_json(p.documents[0]), to_json(p.documents[0])) << offsets;
  }
}

TEST(ToSchemaJson, OnlyTheOffsetsOfGroupsTopicsAreLightened) {
  ParsedYaml p = parse_yaml(
      "offsets: {0: 1, 1: 2}\ngroups:\n  - offsets: {0: 1, 1: 2}\n    topics: [{x: {offsets: {0: 1, 1: "
      "2}}}]\n",
      YamlLimits{});
  ASSERT_EQ(p.documents.size(), 1u);
  EXPECT_EQ(to_schema_json(p.documents[0]), to_json(p.documents[0]));
}

// to_schema_json leaves out what the schema would accept anyway; if the schema
// comes to ask more (or less) of `offsets`, schema_accepts_offsets must follow.
TEST(ToSchemaJson, TheSchemaStillAsksOfOffsetsExactlyWhatTheLightPathChecks) {
  const nlohmann::json& schema = plan_schema_json();
  nlohmann::json offsets = schema.at("definitions").at("topicEntry").at("properties").at("offsets");
  offsets.erase("description");
  EXPECT_EQ(offsets, nlohmann::json::parse(R"({"type": "object", "minProperties": 1, "maxProperties": 100000,
      "patternProperties": {"^(0|[1-9][0-9]{0,9})$": {"$ref": "#/definitions/offset"}},
      "additionalProperties": false})"));
  nlohmann::json offset = schema.at("definitions").at("offset");
  offset.erase("description");
  EXPECT_EQ(offset,
            nlohmann::json::parse(R"({"type": "integer", "minimum": 0, "maximum": 9223372036854775807})"));
  EXPECT_EQ(schema.at("definitions").at("groupEntry").at("properties").at("topics").at("items"),
            nlohmann::json({{"$ref", "#/definitions/topicEntry"}}));
}

}  // namespace
}  // namespace offsetctl::plan
