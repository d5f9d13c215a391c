#include "clidoc/model.h"

#include <gtest/gtest.h>

#include "clidoc/clidoc_test_app.h"

namespace offsetctl::clidoc {
namespace {

const Option* flag_named(const Command& c, const std::string& name) {
  for (const auto& f : c.flags)
    for (const auto& n : f.names)
      if (n == name) return &f;
  return nullptr;
}

TEST(ModelTest, ReadsCommandsFlagsAndArgumentsFromTheApp) {
  testing::TestApp t;
  Command root = describe(t.app);
  EXPECT_EQ(root.name(), "tool");
  EXPECT_EQ(root.summary, "tool: does things to plans");
  ASSERT_EQ(root.subcommands.size(), 2u);
  const Command& plan = root.subcommands[0];
  EXPECT_EQ(plan.name(), "tool plan");
  EXPECT_EQ(plan.summary, "Show what would change");
  EXPECT_EQ(plan.usage(), "tool plan [FLAGS] PATH...");
  ASSERT_EQ(plan.positionals.size(), 1u);
  EXPECT_EQ(plan.positionals[0].kind, ValueKind::kFile);
  EXPECT_TRUE(plan.positionals[0].repeatable);

  const Option* format = flag_named(plan, "--format");
  ASSERT_NE(format, nullptr);
  EXPECT_EQ(format->value_name, "FORMAT");
  EXPECT_EQ(format->kind, ValueKind::kChoice);
  EXPECT_EQ(format->choices, (std::vector<std::string>{"text", "json"}));
  EXPECT_EQ(flag_named(plan, "--out")->kind, ValueKind::kJson);
  EXPECT_EQ(flag_named(plan, "--name")->kind, ValueKind::kText);
  EXPECT_EQ(flag_named(plan, "--name")->group, "Shared");
  EXPECT_EQ(flag_named(plan, "--help")->kind, ValueKind::kNone);
  EXPECT_EQ(flag_named(root, "-v")->label(), "--verbose, -v");

  std::vector<std::string> names;
  for (const Command* c : all_commands(root)) names.push_back(c->name());
  EXPECT_EQ(names, (std::vector<std::string>{"tool", "tool plan", "tool audit", "tool audit verify"}));
  EXPECT_EQ(root.subcommands[1].usage(), "tool audit [FLAGS] COMMAND");
  EXPECT_EQ(root.subcommands[1].subcommands[0].usage(), "tool audit verify [FLAGS] FILE");
}

}  // namespace
}  // namespace offsetctl::clidoc
