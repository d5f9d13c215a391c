#include "emulator/params.h"

#include <gtest/gtest.h>

namespace offsetctl::emulator {
namespace {

using nlohmann::json;

TEST(ParamsTest, ReadsTypedValues) {
  json body = {{"S", "x"}, {"I", 42}, {"B", true}, {"L", {"a", "b"}}, {"N", {1, 2}}, {"Z", nullptr}};
  Params p(body, {"S", "I", "B", "L", "N", "Z"});
  EXPECT_EQ(p.string("S", true), "x");
  EXPECT_EQ(p.integer("I", true), 42);
  EXPECT_EQ(p.opt_bool("B"), true);
  EXPECT_EQ(p.string_list("L", true), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(p.integer_list("N", true), (std::vector<int64_t>{1, 2}));
  EXPECT_FALSE(p.has("Z"));  // null is absent
  EXPECT_EQ(p.opt_integer("Z"), std::nullopt);
  EXPECT_EQ(p.integer("Missing", false, 7), 7);
  EXPECT_FALSE(p.error());
}

TEST(ParamsTest, MissingParameter) {
  json empty = json::object();
  Params p(empty, {"Group"});
  EXPECT_EQ(p.string("Group", true), "");
  ASSERT_TRUE(p.error());
  EXPECT_EQ(p.error()->code, "MissingParameter");
  EXPECT_EQ(p.error()->message, "The request is missing a required parameter `Group`.");
}

TEST(ParamsTest, WrongTypes) {
  json body = {{"Limit", "ten"}, {"Topics", "orders"}, {"Flag", 1}};
  Params p(body, {"Limit", "Topics", "Flag"});
  p.integer("Limit", false);
  p.string_list("Topics", false);
  p.opt_bool("Flag");
  ASSERT_TRUE(p.error());
  EXPECT_EQ(p.error()->code, "InvalidParameter");
  EXPECT_EQ(p.error()->message,
            "The parameter `Limit` must be of type Integer, not String.");  // the first one
  json mixed = {{"Topics", {"a", 3}}};
  Params items(mixed, {"Topics"});
  items.string_list("Topics", true);
  EXPECT_EQ(items.error()->message, "The parameter `Topics.1` must be of type String, not Integer.");
  json fraction = {{"Offset", 1.5}};
  Params floats(fraction, {"Offset"});
  floats.integer("Offset", true);
  EXPECT_EQ(floats.error()->message, "The parameter `Offset` must be of type Integer, not Float.");
  json too_big = json::parse(R"({"Offset": 18446744073709551615})");
  Params huge(too_big, {"Offset"});
  huge.integer("Offset", true);
  EXPECT_EQ(huge.error()->code, "InvalidParameterValue");
  EXPECT_EQ(huge.error()->message, "The parameter `Offset` is out of range.");
  json big_item = json::parse(R"({"P": [18446744073709551615]})");
  Params list(big_item, {"P"});
  list.integer_list("P", true);
  EXPECT_EQ(list.error()->code, "InvalidParameter");
}

TEST(ParamsTest, UnknownParameterComesFirst) {
  json body = {{"group", "g"}};
  Params p(body, {"Group"});
  p.string("Group", true);
  ASSERT_TRUE(p.error());
  EXPECT_EQ(p.error()->code, "UnknownParameter");
  EXPECT_EQ(p.error()->message, "The parameter `group` is not recognized.");
}

TEST(ParamsTest, NestedObjectsNameTheirPath) {
  json body = {{"Partitions", {{{"Partition", 0}}}}};
  Params p(body, {"Partitions"});
  const json* list = p.object_list("Partitions", true);
  ASSERT_NE(list, nullptr);
  Params item((*list)[0], {"Partition", "Offset"}, "Partitions.0.");
  item.integer("Offset", true);
  EXPECT_EQ(item.error()->message, "The request is missing a required parameter `Partitions.0.Offset`.");
  json numbers = {{"Partitions", {1}}};
  Params bad(numbers, {"Partitions"});
  EXPECT_EQ(bad.object_list("Partitions", true), nullptr);
  EXPECT_EQ(bad.error()->message, "The parameter `Partitions.0` must be of type Object, not Integer.");
}

TEST(ParamsTest, NumericStringsOnlyWhereAllowed) {
  json body = {{"P", {"0", 1, "2"}}};
  Params lenient(body, {"P"});
  EXPECT_EQ(lenient.integer_list("P", true, true), (std::vector<int64_t>{0, 1, 2}));
  EXPECT_FALSE(lenient.error());
  Params strict(body, {"P"});
  strict.integer_list("P", true);
  EXPECT_EQ(strict.error()->message, "The parameter `P.0` must be of type Integer, not String.");
  json junk_body = {{"P", {"1x"}}};
  Params junk(junk_body, {"P"});
  junk.integer_list("P", true, true);
  EXPECT_TRUE(junk.error());
}

}  // namespace
}  // namespace offsetctl::emulator
