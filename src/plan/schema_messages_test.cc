#include "plan/schema_messages.h"

#include <gtest/gtest.h>

#include "plan/test_support.h"

namespace offsetctl::plan {
namespace {

using test::errors_of;
using test::first_error;
using test::plan_with;

TEST(SchemaMessages, TypeErrorsSayWhatWasWrittenAndWhatIsExpected) {
  EXPECT_EQ(first_error(plan_with("        offset: 1500.5\n")), "9:17: 'offset' must be an integer: 1500.5 is not a whole number");
  EXPECT_EQ(first_error(plan_with("        offset: \"1500\"\n")),
            "9:17: 'offset' must be a number, not the quoted text \"1500\": remove the quotes");
  EXPECT_EQ(first_error(plan_with("        offset: abc\n")), "9:17: 'offset' must be an integer, not 'abc'");
  EXPECT_EQ(first_error(plan_with("        offset: 'abc'\n")),
            "9:17: 'offset' must be an integer, not the quoted text \"abc\"");
  EXPECT_EQ(first_error(plan_with("        offset: [1]\n")), "9:17: 'offset' must be an integer, not a list");
  EXPECT_EQ(first_error(plan_with("        offset: false\n")), "9:17: 'offset' must be an integer, not the boolean false");
  EXPECT_EQ(first_error(plan_with("        offset: ~\n")), "9:17: 'offset' must be an integer, not null");
  // Nothing written: the key is where the eye goes.
  EXPECT_EQ(first_error(plan_with("        offset:\n")), "9:9: 'offset' has no value: give an integer");
}

TEST(SchemaMessages, TextFieldsRefuseWhatYamlReadsAsSomethingElse) {
  std::string p = plan_with("        offset: 1\n");
  EXPECT_EQ(first_error(std::string(p).replace(p.find("group: orders-consumer"), 22, "group: true")),
            "6:12: 'group' must be text, not the boolean true: write it in quotes (\"true\") if it is meant as text");
  EXPECT_EQ(first_error(std::string(p).replace(p.find("group: orders-consumer"), 22, "group: 0123")),
            "6:12: 'group' must be text, not the number 0123: write it in quotes (\"0123\") if it is meant as text");
  EXPECT_EQ(first_error(std::string(p).replace(p.find("group: orders-consumer"), 22, "group: {a: 1}")),
            "6:12: 'group' must be text, not a mapping");
  EXPECT_EQ(first_error(std::string(p).replace(p.find("group: orders-consumer"), 22, "group: \"123\"")), "(no error)");
}

TEST(SchemaMessages, EnumsListTheChoicesAndGuess) {
  EXPECT_EQ(first_error(plan_with("        to: earlest\n")),
            "9:13: 'to' must be earliest, latest or current, not 'earlest'; did you mean 'earliest'?");
  EXPECT_EQ(first_error(plan_with("        to: 5\n")), "9:13: 'to' must be earliest, latest or current, not the number 5");
  EXPECT_EQ(first_error(plan_with("        to:\n")), "9:9: 'to' has no value: give earliest, latest or current");
  EXPECT_EQ(first_error(plan_with("        to: latest\n        resolveAt: later\n")),
            "10:20: 'resolveAt' must be plan or apply, not 'later'");
  EXPECT_EQ(first_error(plan_with("        to: latest\n", "policy: {outOfRange: clmp}\n")),
            "4:22: 'outOfRange' must be error or clamp, not 'clmp'; did you mean 'clamp'?");
}

TEST(SchemaMessages, RangesGiveTheBounds) {
  EXPECT_EQ(first_error(plan_with("        offset: -1\n")),
            "9:17: 'offset' must be between 0 and 9223372036854775807 (2^63-1), not -1");
  EXPECT_EQ(first_error(plan_with("        partitions: [0, -2]\n        offset: 1\n")),
            "9:25: each item of 'partitions' must be between 0 and 2147483647, not -2");
  EXPECT_EQ(first_error(plan_with("        partitions: [2147483648]\n        offset: 1\n")),
            "9:22: each item of 'partitions' must be between 0 and 2147483647, not 2147483648");
  EXPECT_EQ(first_error(plan_with("        to: latest\n", "policy: {maxSkip: -3}\n")),
            "4:19: 'maxSkip' must be between 0 and 9223372036854775807 (2^63-1), not -3");
}

TEST(SchemaMessages, EmptyAndTooLong) {
  EXPECT_EQ(first_error(plan_with("        partitions: []\n        offset: 1\n")),
            "9:21: 'partitions' is an empty list: list at least one partition, or leave out 'partitions' to mean "
            "every partition");
  EXPECT_EQ(first_error(plan_with("        offsets: {}\n")),
            "9:18: 'offsets' is empty: give at least one partition and its offset, as in {0: 1500}");
  EXPECT_EQ(first_error(plan_with("        to: latest\n", "description: \"\"\nregion: \"\"\n")),
            "5:9: 'region' is empty");
  EXPECT_EQ(first_error(plan_with("        to: latest\n", "region: ap-" + std::string(70, 'x') + "\n")),
            "4:9: 'region' is too long; the limit is 64 characters");
}

TEST(SchemaMessages, PatternsSayWhatIsAllowed) {
  std::string p = plan_with("        to: latest\n");
  EXPECT_EQ(first_error(std::string(p).replace(p.find("name: test-plan"), 15, "name: Test_Plan")),
            "3:7: invalid name 'Test_Plan': a plan name has lower-case letters, digits and '-' only");
  EXPECT_EQ(first_error(std::string(p).replace(p.find("topic: orders"), 13, "topic: \"orders v2\"")),
            "8:16: invalid topic 'orders v2': a topic name has letters, digits, '.', '_' and '-' only");
  EXPECT_EQ(first_error(plan_with("        to: latest\n", "region: Guangzhou\n")),
            "4:9: invalid region 'Guangzhou': a region looks like ap-guangzhou");
}

TEST(SchemaMessages, MissingKeysAreNamedWithTheirMeaning) {
  EXPECT_EQ(errors_of("apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: p\n"),
            (std::vector<std::string>{
                "1:1: missing required key 'groups' (the consumer groups this plan sets, each with its topics)",
                "1:1: missing required key 'instance' (the CKafka instance id, e.g. ckafka-demo)"}));
  EXPECT_EQ(first_error(plan_with("        to: latest\n").replace(
                plan_with("").find("      - topic: orders"), 21, "      - partitions: [0]")),
            "8:9: missing required key 'topic' (the topic's name: letters, digits, '.', '_' and '-' (at most 249, as "
            "in Kafka))");
}

TEST(SchemaMessages, UnknownKeysGetDidYouMeanOrTheKnownKeys) {
  EXPECT_EQ(errors_of(plan_with("        offest: 5\n        colour: red\n")),
            (std::vector<std::string>{
                "9:9: unknown key 'offest' in an entry of 'topics'; did you mean 'offset'?",
                "10:9: unknown key 'colour' in an entry of 'topics' (known keys: allowCrossInstance, datetime, duration, "
                "fromGroup, offset, offsets, partitions, resolveAt, shift, to, topic)"}));
  EXPECT_EQ(first_error(plan_with("        to: latest\n", "regoin: ap-guangzhou\n")),
            "4:1: unknown key 'regoin' in an OffsetPlan; did you mean 'region'?");
  EXPECT_EQ(first_error(plan_with("        to: latest\n", "policy: {maxRewnd: 5}\n")),
            "4:10: unknown key 'maxRewnd' in 'policy'; did you mean 'maxRewind'?");
  EXPECT_EQ(first_error(plan_with("        to: latest\n", "subscribeId: subs-1\n")),
            "4:1: unknown key 'subscribeId' in an OffsetPlan (known keys: apiVersion, description, groups, instance, "
            "kind, name, policy, region)");
}

TEST(SchemaMessages, OffsetsKeysMustBePartitions) {
  EXPECT_EQ(errors_of(plan_with("        offsets: {0: 1, first: 2, 0x3: 3, -1: 4, 007: 5}\n")),
            (std::vector<std::string>{
                "9:25: 'first' is not a partition number (0 to 2147483647)",
                "9:35: partition key 0x3 is not a decimal number: write numbers in decimal",
                "9:43: partition key -1 is negative",
                "9:50: partition key 007 starts with 0, which YAML readers disagree on (octal or decimal): drop the "
                "leading zeros"}));
  // JSON-style quoted keys name partitions too.
  EXPECT_EQ(first_error(plan_with("        offsets: {\"0\": 1, \"1\": 2}\n")), "(no error)");
}

TEST(SchemaMessages, EveryBadOffsetOfAMappingIsReported) {
  EXPECT_EQ(errors_of(plan_with("        offsets: {0: 1.5, 1: \"2\", 2: -3, 3: 4}\n")),
            (std::vector<std::string>{
                "9:22: the offset of partition 0 must be an integer: 1.5 is not a whole number",
                "9:30: the offset of partition 1 must be a number, not the quoted text \"2\": remove the quotes",
                "9:38: the offset of partition 2 must be between 0 and 9223372036854775807 (2^63-1), not -3"}));
}

TEST(SchemaMessages, DescribeValue) {
  YNode n;
  n.empty = true;
  EXPECT_EQ(describe_value(n), "nothing");
  n.empty = false;
  n.kind = YNode::Kind::Seq;
  EXPECT_EQ(describe_value(n), "a list");
  EXPECT_EQ(quote("a\x1b" "b"), "'a\\x1Bb'");
}

}  // namespace
}  // namespace offsetctl::plan
