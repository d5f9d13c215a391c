#include "plan/schema.h"

#include <gtest/gtest.h>

#include <functional>

#include "plan/limits.h"
#include "testing/temp_dir.h"
#include "util/files.h"

namespace offsetctl::plan {
namespace {

using nlohmann::json;

const json& definitions() { return plan_schema_json().at("definitions"); }

const json& resolve(const json& s) {
  if (s.contains("$ref")) return definitions().at(s.at("$ref").get<std::string>().substr(14));
  return s;
}

TEST(Schema, EmbeddedCopyIsTheFile) {
  auto file = util::read_file(testing::source_dir() + "/schemas/plan.schema.json");
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(plan_schema_text(), *file);
}

TEST(Schema, IsDraft07AndParses) {
  const json& s = plan_schema_json();
  ASSERT_TRUE(s.is_object());
  EXPECT_EQ(s.at("$schema"), "http://json-schema.org/draft-07/schema#");
  EXPECT_TRUE(s.at("definitions").contains("OffsetPlan"));
  EXPECT_TRUE(s.at("definitions").contains("DtsOffsetPlan"));
}

// Editors show a property's description as help; a closed object turns a typo into an error.
TEST(Schema, EveryPropertyHasADescriptionAndEveryObjectIsClosed) {
  size_t properties = 0, objects = 0;
  std::function<void(const json&, const std::string&)> walk = [&](const json& node, const std::string& where) {
    if (node.is_array()) {
      for (size_t i = 0; i < node.size(); ++i) walk(node[i], where + "/" + std::to_string(i));
      return;
    }
    if (!node.is_object()) return;
    if (node.contains("properties")) {
      ++objects;
      EXPECT_EQ(node.value("additionalProperties", json(true)), json(false)) << where;
      for (const auto& [name, prop] : node.at("properties").items()) {
        ++properties;
        const json& target = resolve(prop);
        EXPECT_TRUE(target.contains("description") && target.at("description").is_string() &&
                    !target.at("description").get<std::string>().empty())
            << where << "/properties/" << name;
      }
    }
    for (const auto& [key, child] : node.items()) walk(child, where + "/" + key);
  };
  walk(definitions(), "#/definitions");
  EXPECT_GE(objects, 6u);
  EXPECT_GE(properties, 30u);
}

TEST(Schema, TopicEntryKeysAreTheSpecKinds) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : definitions().at("topicEntry").at("properties").items()) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"allowCrossInstance", "datetime", "duration", "fromGroup", "offset",
                                            "offsets", "partitions", "resolveAt", "shift", "to", "topic"}));
  // The specs a topic entry and a topics: all group entry share are one definition each.
  EXPECT_EQ(definitions().at("topicEntry").at("properties").at("to").at("$ref"), "#/definitions/specTo");
  EXPECT_EQ(definitions().at("groupEntry").at("properties").at("to").at("$ref"), "#/definitions/specTo");
  EXPECT_EQ(definitions().at("specTo").at("enum"), json({"earliest", "latest", "current"}));
  EXPECT_EQ(definitions().at("dtsGroupEntry").at("properties").at("to").at("enum"), json({"earliest", "latest"}));
}

// The schema's limits must not exceed what the parser lets through.
TEST(Schema, LimitsAgreeWithTheLoader) {
  EXPECT_EQ(definitions().at("partitions").at("maxItems").get<size_t>(), limits::kMaxListItems);
  EXPECT_EQ(definitions().at("topicEntry").at("properties").at("offsets").at("maxProperties").get<size_t>(),
            limits::kMaxListItems);
  EXPECT_EQ(definitions().at("planDescription").at("maxLength").get<size_t>(), limits::kMaxTextBytes);
  for (const char* name : {"groupName", "topicName", "planName", "region"})
    EXPECT_LE(definitions().at(name).at("maxLength").get<size_t>(), limits::kMaxScalarBytes) << name;
}

TEST(Schema, CheckerAcceptsAPlanAndReportsLeafErrorsOnly) {
  SchemaChecker checker;
  json plan = {{"apiVersion", "offsetctl/v1"},
               {"kind", "OffsetPlan"},
               {"name", "p"},
               {"instance", "ckafka-demo"},
               {"groups", {{{"group", "g"}, {"topics", {{{"topic", "t"}, {"offset", 5}}}}}}}};
  EXPECT_TRUE(checker.check(plan).empty());
  plan["groups"][0]["topics"][0]["offset"] = "5";
  auto errors = checker.check(plan);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, (std::vector<std::string>{"groups", "0", "topics", "0", "offset"}));
  EXPECT_EQ(errors[0].description, "Value type not permitted by 'type' constraint.");
}

TEST(Schema, KindSelectsTheShape) {
  SchemaChecker checker;
  json dts = {{"apiVersion", "offsetctl/v1"},
              {"kind", "DtsOffsetPlan"},
              {"name", "d"},
              {"subscribeId", "subs-1"},
              {"groups", {{{"group", "grp-1"}, {"topic", "t"}, {"to", "earliest"}}}}};
  EXPECT_TRUE(checker.check(dts).empty());
  dts["instance"] = "ckafka-demo";  // an OffsetPlan key
  auto errors = checker.check(dts);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].description.find("'instance'"), std::string::npos) << errors[0].description;
}

}  // namespace
}  // namespace offsetctl::plan
