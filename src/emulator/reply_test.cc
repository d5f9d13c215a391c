#include "emulator/reply.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace offsetctl::emulator {
namespace {

TEST(ReplyTest, ErrorShape) {
  auto body = nlohmann::json::parse(error_body({"InvalidAction", "no such action"}, "rid-1"));
  EXPECT_EQ(
      body,
      nlohmann::json::parse(
          R"({"Response":{"Error":{"Code":"InvalidAction","Message":"no such action"},"RequestId":"rid-1"}})"));
}

TEST(ReplyTest, SuccessShape) {
  auto body = nlohmann::json::parse(success_body(nlohmann::json{{"TotalCount", 0}}, "rid-2"));
  EXPECT_EQ(body, nlohmann::json::parse(R"({"Response":{"TotalCount":0,"RequestId":"rid-2"}})"));
  EXPECT_EQ(nlohmann::json::parse(success_body(nlohmann::json::object(), "r")),
            nlohmann::json::parse(R"({"Response":{"RequestId":"r"}})"));
}

TEST(ReplyTest, RawAnswersKeepTheShape) {
  Answer raw;
  raw.raw = R"("Result":{"TotalCount":2})";
  EXPECT_EQ(success_body(raw, "rid-3"), R"({"Response":{"Result":{"TotalCount":2},"RequestId":"rid-3"}})");
  EXPECT_EQ(json_string("a\"b"), R"("a\"b")");
}

TEST(ReplyTest, InvalidUtf8IsReplacedNotThrown) {
  std::string body = error_body({"InvalidParameter", std::string("bad \xff byte")}, "r");
  EXPECT_FALSE(nlohmann::json::parse(body, nullptr, false).is_discarded());
}

TEST(ReplyTest, CommonErrors) {
  EXPECT_EQ(missing_parameter("Group").message, "The request is missing a required parameter `Group`.");
  EXPECT_EQ(internal_error().code, "InternalError");
  EXPECT_EQ(invalid_parameter("x").code, "InvalidParameter");
  EXPECT_EQ(invalid_parameter_value("x").code, "InvalidParameterValue");
}

TEST(ReplyTest, RequestIdsAreFreshUuids) {
  RequestIds ids;
  std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = ids.next();
    EXPECT_TRUE(std::regex_match(id, uuid)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace offsetctl::emulator
