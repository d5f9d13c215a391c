// The bad-input corpus (tests/bad-inputs/): one file per class of defect, and
// for each the line and the start of the first error. Every file must be in
// the table, so a new file needs its expectation here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "plan/load.h"
#include "testing/temp_dir.h"

namespace offsetctl::plan {
namespace {

namespace fs = std::filesystem;

struct Expected {
  int line;
  std::string message_start;
};

const std::map<std::string, Expected>& expectations() {
  static const std::map<std::string, Expected> table = {
      {"01-empty.yaml", {1, "the file is empty"}},
      {"02-only-comments.yaml", {1, "the file holds only comments"}},
      {"03-top-level-list.yaml", {2, "a plan must be a mapping of keys (apiVersion, kind, name, ...), not a list"}},
      {"04-top-level-scalar.yaml", {2, "a plan must be a mapping of keys (apiVersion, kind, name, ...), not 'replay"}},
      {"05-syntax-bad-indentation.yaml", {10, "YAML syntax error: this line does not continue the list above it"}},
      {"06-syntax-unclosed-flow.yaml", {11, "YAML syntax error: a '[' is not closed by ']'"}},
      {"07-duplicate-key.yaml", {11, "duplicate key 'offset' (first at line 10)"}},
      {"08-tab-indentation.yaml", {10, "tab character in the indentation"}},
      {"09-anchor-alias.yaml", {8, "anchor '&t' is not supported"}},
      {"10-alias-bomb.yaml", {2, "anchor '&a' is not supported"}},
      {"11-negative-offset.yaml", {10, "'offset' must be between 0 and 9223372036854775807 (2^63-1), not -5"}},
      {"12-fractional-offset.yaml", {10, "'offset' must be an integer: 1500.5 is not a whole number"}},
      {"13-exponent-offset.yaml", {10, "'offset' must be an integer: 1e3 uses an exponent"}},
      {"14-hex-offset.yaml", {10, "'offset' must be an integer: 0x5DC is not a decimal number"}},
      {"15-quoted-offset.yaml", {10, "'offset' must be a number, not the quoted text \"1500\""}},
      {"16-offset-above-int64.yaml", {10, "'offset' must be an integer: 9223372036854775808 is out of range"}},
      {"17-boolean-offset.yaml", {10, "'offset' must be an integer, not the boolean true"}},
      {"18-null-offset.yaml", {10, "'offset' must be an integer, not null"}},
      {"19-wrong-api-version.yaml", {2, "unsupported apiVersion 'offsetctl/v2'"}},
      {"20-wrong-kind.yaml", {3, "unknown kind 'OffsetPlna'"}},
      {"21-missing-required-key.yaml", {2, "missing required key 'instance'"}},
      {"22-empty-groups.yaml", {6, "'groups' is an empty list"}},
      {"23-empty-topics.yaml", {8, "'topics' is an empty list"}},
      {"24-empty-partitions.yaml", {10, "'partitions' is an empty list"}},
      {"25-datetime-without-zone.yaml", {10, "'datetime' \"2026-11-20T00:00:00\" has no time zone"}},
      {"26-datetime-impossible.yaml", {10, "'datetime' \"2026-02-30T00:00:00+08:00\" is not a date that exists"}},
      {"27-malformed-duration.yaml", {10, "'duration' \"2 hours\" is not an ISO 8601 duration"}},
      {"28-not-utf8.yaml", {5, "byte 0xE9 is not UTF-8"}},
      {"29-utf16.yaml", {1, "the file is UTF-16 encoded"}},
      {"30-unknown-key.yaml", {10, "unknown key 'offest' in an entry of 'topics'; did you mean 'offset'?"}},
      {"31-two-specs.yaml", {11, "topic entry 'orders' has both 'offset' and 'to'"}},
      {"32-no-spec.yaml", {9, "topic entry 'orders' says nothing about where its offsets go"}},
      {"33-partition-listed-twice.yaml", {10, "partition 0 is listed twice"}},
      {"34-offsets-with-partitions.yaml", {10, "'partitions' cannot be combined with 'offsets'"}},
      {"35-resolve-at-misplaced.yaml", {11, "'resolveAt' applies only to"}},
      {"36-shift-zero.yaml", {10, "'shift' is 0, which moves nothing"}},
      {"37-deep-nesting.yaml", {4, "values are nested more than 64 levels deep"}},
      {"38-long-key.yaml", {11, "this key is longer than 1024 characters"}},
      {"39-long-value.yaml", {7, "this value is 5000 bytes long; the limit is 1024"}},
      {"40-control-character.yaml", {4, "control character U+0007"}},
      {"41-escaped-control-in-name.yaml", {7, "invalid group 'orders\\x1B[2Jconsumer'"}},
      {"42-bidi-override-in-name.yaml", {7, "'group' contains an invisible or control character (U+202E)"}},
      {"43-partitions-over-limit.yaml", {10, "'partitions' has more than 100000 items; the limit is 100000"}},
      {"44-leading-zero.yaml", {10, "'offset' must be an integer: 0100 starts with 0"}},
      {"45-partition-out-of-range.yaml", {10, "each item of 'partitions' must be between 0 and 2147483647"}},
      {"46-unclosed-quote.yaml", {10, "this quoted value is not closed"}},
      {"47-yaml-tag.yaml", {10, "YAML tag '!!int' is not supported"}},
      {"48-lone-carriage-return.yaml", {2, "a carriage return without a line feed"}},
      {"49-invalid-plan-name.yaml", {4, "invalid name 'Replay Orders'"}},
      {"50-dts-to-current.yaml", {9, "'to' must be earliest or latest, not 'current'"}},
      {"51-null-groups.yaml", {6, "'groups' has no value: give a list"}},
      {"52-number-as-group-name.yaml", {7, "'group' must be text, not the number 1e3"}},
      {"53-duplicate-plan-name.yaml", {14, "plan name 'bad-input' is already used at "}},
      {"54-same-partition-twice-in-a-plan.yaml", {12, "partition 1 of topic 'orders' of group 'orders-consumer'"}},
      {"55-offsets-key-not-a-partition.yaml", {10, "'first' is not a partition number"}},
      {"56-too-many-documents.yaml", {2002, "the file holds more than 1000 documents"}},
      {"57-unknown-escape.yaml", {4, "YAML syntax error: unknown escape '\\q'"}},
  };
  return table;
}

std::string corpus() { return testing::source_dir() + "/tests/bad-inputs"; }

TEST(BadInputs, EveryFileIsRefusedAtItsLine) {
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(corpus())) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    auto it = expectations().find(name);
    ASSERT_NE(it, expectations().end()) << name << " has no expectation in this table";
    LoadResult r = load_plans({entry.path().string()});
    ASSERT_FALSE(r.ok()) << name;
    const Diagnostic& first = r.errors.front();
    EXPECT_EQ(first.file, entry.path().string()) << name;
    EXPECT_EQ(first.line, it->second.line) << first.format();
    EXPECT_EQ(first.text().substr(0, it->second.message_start.size()), it->second.message_start) << first.format();
    EXPECT_TRUE(r.plans.files.empty()) << name;
  }
  EXPECT_EQ(files, expectations().size());
  EXPECT_GE(files, 40u);
}

TEST(BadInputs, ConflictingFilesNameBothPlaces) {
  const std::string dir = corpus() + "/conflict-across-files";
  LoadResult r = load_plans({dir});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, dir + "/b.yaml");
  EXPECT_EQ(r.errors[0].line, 9);
  EXPECT_EQ(r.errors[0].message,
            "topic 'orders' of group 'orders-consumer' on instance 'ckafka-demo' is already declared at " + dir +
                "/a.yaml:9:9; this entry has no 'partitions', so it covers every partition: each partition may have "
                "one target");
  // Each file alone is valid.
  EXPECT_TRUE(load_plans({dir + "/a.yaml"}).ok());
  EXPECT_TRUE(load_plans({dir + "/b.yaml"}).ok());
}

TEST(BadInputs, AFolderWithoutPlanFiles) {
  LoadResult r = load_plans({corpus() + "/no-plan-files"});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].format(), corpus() + "/no-plan-files: error: no plan files (*.yaml, *.yml) in this folder\n");
}

// Inputs too large to keep in the repository.
TEST(BadInputs, AMillionPartitionsEndsQuicklyWithALimit) {
  testing::TempDir dir;
  std::string text =
      "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: big\ninstance: ckafka-demo\ngroups:\n"
      "  - group: orders-consumer\n    topics:\n      - topic: orders\n        offset: 1\n        partitions: [";
  for (int i = 0; i < 1000000; ++i) text += (i ? "," : "") + std::to_string(i);
  text += "]\n";
  LoadResult r = load_plans({dir.write("million.yaml", text)});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 10);
  EXPECT_EQ(r.errors[0].message, "'partitions' has more than 100000 items; the limit is 100000: split the entry");
}

TEST(BadInputs, AFileOver16MiB) {
  testing::TempDir dir;
  std::string path = dir.write("huge.yaml", "# a comment that never ends\n#" + std::string(16u << 20, 'x') + "\n");
  LoadResult r = load_plans({path});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, path);
  EXPECT_EQ(r.errors[0].message.substr(0, 16), "file is 16777246");
}

}  // namespace
}  // namespace offsetctl::plan
