#include "plan/yaml_errors.h"

#include <gtest/gtest.h>
#include <yaml-cpp/exceptions.h>

namespace offsetctl::plan {
namespace {

TEST(YamlErrors, SayWhatToFix) {
  EXPECT_EQ(explain_yaml_error(YAML::ErrorMsg::END_OF_SEQ_FLOW), "YAML syntax error: a '[' is not closed by ']'");
  EXPECT_EQ(explain_yaml_error(YAML::ErrorMsg::END_OF_MAP_FLOW), "YAML syntax error: a '{' is not closed by '}'");
  EXPECT_EQ(explain_yaml_error(YAML::ErrorMsg::BLOCK_ENTRY),
            "YAML syntax error: a '- ' list item where none can start: check the indentation");
  EXPECT_EQ(explain_yaml_error(std::string(YAML::ErrorMsg::INVALID_ESCAPE) + "q"),
            "YAML syntax error: unknown escape '\\q' in a double-quoted value (write a backslash as \\\\, or use single "
            "quotes)");
}

TEST(YamlErrors, UnknownTextsAreKeptPrintable) {
  EXPECT_EQ(explain_yaml_error("something new\x1b[0m"), "YAML syntax error: something new\\x1B[0m");
}

}  // namespace
}  // namespace offsetctl::plan
