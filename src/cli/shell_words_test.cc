#include "cli/shell_words.h"

#include <gtest/gtest.h>

namespace offsetctl::cli {
namespace {

TEST(ShellWords, QuotesWhatTheShellWouldSplit) {
  EXPECT_EQ(shell_command({"apply", "plans/bump.yaml", "--endpoint", "http://127.0.0.1:9000"}),
            "offsetctl apply plans/bump.yaml --endpoint http://127.0.0.1:9000");
  EXPECT_EQ(shell_command({"apply", "my plans/it's.yaml"}), "offsetctl apply 'my plans/it'\\''s.yaml'");
  EXPECT_EQ(shell_quote(""), "''");
}

TEST(ShellWords, NeverPrintsASecretGivenAsAFlag) {
  EXPECT_EQ(shell_command({"apply", "a.yaml", "--secret-id", "AKIDx", "--secret-key=hunter2", "--session-token",
                           "tok"}),
            "offsetctl apply a.yaml --secret-id \"$TENCENTCLOUD_SECRET_ID\" --secret-key "
            "\"$TENCENTCLOUD_SECRET_KEY\" --session-token \"$TENCENTCLOUD_SESSION_TOKEN\"");
}

}  // namespace
}  // namespace offsetctl::cli
