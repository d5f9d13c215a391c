#include "util/json_object.h"

#include <gtest/gtest.h>

#include "util/json_parse.h"

namespace offsetctl::util {
namespace {

using nlohmann::json;

TEST(JsonObject, ReadsTypedFields) {
  JsonErrors e;
  json j = *parse_json(R"({"A": 5, "B": "x", "C": null, "D": "17", "E": [1, 2]})");
  ObjReader r(j, "Response", e);
  EXPECT_EQ(r.req_int("A"), 5);
  EXPECT_EQ(r.req_str("B"), "x");
  EXPECT_EQ(r.opt_str("C"), "");
  EXPECT_EQ(r.opt_int("Missing"), std::nullopt);
  EXPECT_EQ(r.req_digits("D"), "17");
  std::vector<int64_t> e_values;
  r.req_array("E", [&](const json& v, const std::string& path) { e_values.push_back(r.int_at(v, path, 0)); });
  EXPECT_EQ(e_values, (std::vector<int64_t>{1, 2}));
  EXPECT_TRUE(e.ok()) << e.message();
}

TEST(JsonObject, TheFirstProblemIsReportedWithItsPath) {
  auto problem = [](const char* text, auto fn) {
    JsonErrors e;
    json j = *parse_json(text);
    ObjReader r(j, "Response", e);
    fn(r);
    return e.message();
  };
  EXPECT_EQ(problem(R"({})", [](ObjReader& r) { r.req_int("TotalCount"); }), "Response.TotalCount is missing");
  EXPECT_EQ(problem(R"({"TotalCount": "3"})", [](ObjReader& r) { r.req_int("TotalCount"); }),
            "Response.TotalCount is a string, expected an integer");
  EXPECT_EQ(problem(R"({"TotalCount": 2.5})", [](ObjReader& r) { r.req_int("TotalCount"); }),
            "Response.TotalCount is a fractional number, expected an integer");
  EXPECT_EQ(problem(R"({"Offset": -2})", [](ObjReader& r) { r.req_int("Offset", -1); }),
            "Response.Offset is -2, below the smallest possible -1");
  EXPECT_EQ(problem(R"({"N": 18446744073709551615})", [](ObjReader& r) { r.req_int("N"); }),
            "Response.N is 18446744073709551615, too large for a 64-bit integer");
  EXPECT_EQ(problem(R"({"S": 3})", [](ObjReader& r) { r.req_str("S"); }), "Response.S is an integer, expected a string");
  EXPECT_EQ(problem(R"({"S": null})", [](ObjReader& r) { r.req_str("S"); }), "Response.S is null");
  EXPECT_EQ(problem(R"({"P": "-1"})", [](ObjReader& r) { r.req_digits("P"); }),
            "Response.P is \"-1\", expected a non-negative integer in a string");
  EXPECT_EQ(problem(R"({"L": {}})", [](ObjReader& r) { r.req_array("L", [](const json&, const std::string&) {}); }),
            "Response.L is an object, expected an array");
  EXPECT_EQ(problem(R"({"L": [{"X": 1}, {"X": true}]})",
                    [](ObjReader& r) {
                      r.req_array("L", [&](const json& v, const std::string& path) {
                        ObjReader item(v, path, r.errors());
                        item.req_int("X");
                      });
                    }),
            "Response.L[1].X is a boolean, expected an integer");
  EXPECT_EQ(problem(R"({"O": 1})", [](ObjReader& r) { r.req_obj("O", [](ObjReader&) {}); }),
            "Response.O is an integer, expected an object");
}

TEST(JsonObject, OnlyTheFirstProblemIsKept) {
  JsonErrors e;
  json j = *parse_json(R"({})");
  ObjReader r(j, "Response", e);
  r.req_int("A");
  r.req_int("B");
  EXPECT_EQ(e.message(), "Response.A is missing");
  EXPECT_EQ(e.first().kind, JsonError::Kind::Syntax);
}

}  // namespace
}  // namespace offsetctl::util
