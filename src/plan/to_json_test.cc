#include "plan/to_json.h"

#include <gtest/gtest.h>

namespace offsetctl::plan {
namespace {

TEST(ToJson, MapsYamlValuesToTheJsonTheSchemaChecks) {
  ParsedYaml p = parse_yaml(
      "s: text\nq: \"12\"\ni: -12\nb: true\nn: ~\ne:\nf: 1.5\nh: 0x10\nbig: 99999999999999999999\nl: [1, x]\nm: {k: v}\n",
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

}  // namespace
}  // namespace offsetctl::plan
