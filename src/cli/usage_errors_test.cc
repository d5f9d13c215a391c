// Every mistake on the command line is answered in offsetctl's voice: what is
// wrong, for which command, and what to do; never CLI11's own wording.
#include "cli/usage_errors.h"

#include <gtest/gtest.h>

#include "cli/command.h"
#include "cli/run_cli_test.h"

namespace offsetctl::cli {
namespace {

using cli_testing::CliRun;
using cli_testing::run_cli;

void expect_error(const std::vector<std::string>& args, const std::string& message) {
  CliRun r = run_cli(args);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: " + message + "\n");
  EXPECT_EQ(r.out, "");
}

TEST(UsageErrors, MisspeltCommandSuggestsTheCommand) {
  expect_error({"plna", "x.yaml"}, "unknown command 'plna'; did you mean 'plan'? (see 'offsetctl --help')");
  expect_error({"valdate"}, "unknown command 'valdate'; did you mean 'validate'? (see 'offsetctl --help')");
  expect_error({"banana"}, "unknown command 'banana' (see 'offsetctl --help')");
}

TEST(UsageErrors, MisspeltSubcommandSuggestsTheSubcommand) {
  expect_error({"audit", "verfy", "x"},
               "unknown command 'verfy' for 'offsetctl audit'; did you mean 'verify'? (see 'offsetctl audit --help')");
}

TEST(UsageErrors, MisspeltFlagOfASubcommandSuggestsTheFlag) {
  expect_error({"audit", "verify", "x", "--fromat", "json"}, "unknown flag '--fromat'; did you mean '--format'?");
  expect_error({"plan", "x.yaml", "--detailed-exitcod"},
               "unknown flag '--detailed-exitcod'; did you mean '--detailed-exitcode'?");
}

TEST(UsageErrors, MissingArgumentSaysWhatIsNeeded) {
  expect_error({"plan"},
               "missing PATH: 'offsetctl plan' needs plan files, or folders searched for *.yaml and *.yml (see "
               "'offsetctl plan --help')");
  expect_error({"audit", "verify"},
               "missing FILE: 'offsetctl audit verify' needs the audit log (JSON Lines), e.g. offsetctl-audit.jsonl "
               "(see 'offsetctl audit verify --help')");
  expect_error({"export", "--group", "billing"},
               "missing --instance ID: 'offsetctl export' needs the CKafka instance, e.g. ckafka-abc123 (see "
               "'offsetctl export --help')");
}

TEST(UsageErrors, FlagWithoutItsValue) {
  expect_error({"plan", "x.yaml", "--out"}, "--out needs a value: --out SAVED_PLAN (see 'offsetctl plan --help')");
}

TEST(UsageErrors, FlagGivenTwice) {
  expect_error({"plan", "x.yaml", "--out", "a.json", "--out", "b.json"},
               "--out was given more than once; give it once (see 'offsetctl plan --help')");
}

TEST(UsageErrors, NumberThatIsNotANumber) {
  expect_error({"plan", "x.yaml", "--timeout", "soon"},
               "--timeout 'soon' is not a number (see 'offsetctl plan --help')");
  expect_error({"plan", "x.yaml", "--max-in-flight", "many"},
               "--max-in-flight 'many' is not a whole number (see 'offsetctl plan --help')");
}

TEST(UsageErrors, FlagGivenAValue) {
  expect_error({"plan", "x.yaml", "--detailed-exitcode=maybe"},
               "--detailed-exitcode takes no value (see 'offsetctl plan --help')");
}

TEST(UsageErrors, ArgumentToACommandThatTakesFlagsOnly) {
  expect_error({"rollback", "run-1"},
               "unexpected argument 'run-1': 'offsetctl rollback' takes flags only (see 'offsetctl rollback --help')");
}

TEST(UsageErrors, FormatIsCheckedOneWayEverywhere) {
  expect_error({"apply", "x.yaml", "--format", "markdown"},
               "--format: 'markdown' is not a format of 'offsetctl apply': use text or json");
  expect_error({"plan", "x.yaml", "--format", "xml"},
               "--format: 'xml' is not a format of 'offsetctl plan': use text, markdown, json or csv");
  expect_error({"validate", "x.yaml", "--format", "markdown"},
               "--format: 'markdown' is not a format of 'offsetctl validate': use text, json, github or gitlab");
  expect_error({"audit", "verify", "x", "--format", "yaml"},
               "--format: 'yaml' is not a format of 'offsetctl audit verify': use text or json");
  expect_error({"show", "x.json", "--format", "html"},
               "--format: 'html' is not a format of 'offsetctl show': use text, markdown, json or csv");
  expect_error({"export", "--instance", "i", "--group", "g", "--format", "json"},
               "--format: 'json' is not a format of 'offsetctl export': use yaml or csv");
  expect_error({"apply", "x.yaml", "--diagnostics", "sarif"},
               "--diagnostics: 'sarif' is not a diagnostics format of 'offsetctl apply': use text, json or github");
}

// Whatever is left out of any command, the answer is the project's, not the library's.
TEST(UsageErrors, NoCommandAnswersInCli11Words) {
  const std::vector<std::string> cli11 = {"is required", "Expected", "not in {", "The following argument",
                                          "required but received", "Could not convert", "A subcommand",
                                          "Should be true/false"};
  for (const auto& c : commands()) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {c.name}, {c.name, "--format"}, {c.name, "--bogus"}, {c.name, "--out"}, {c.name, "a", "b", "c"}}) {
      CliRun r = run_cli(args);
      for (const auto& words : cli11) {
        EXPECT_EQ(r.err.find(words), std::string::npos) << c.name << ": " << r.err;
      }
    }
  }
}

TEST(UsageErrors, HelpOfASubcommandIsItsOwn) {
  CliRun r = run_cli({"audit", "verify", "--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Check an audit log: the hash chain and every record"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Work with the audit log"), std::string::npos) << r.out;  // not the parent's help
}

}  // namespace
}  // namespace offsetctl::cli
