#include <gtest/gtest.h>

#include "plan/load.h"
#include "plan/test_support.h"

namespace offsetctl::plan {
namespace {

using test::errors_of;
using test::first_error;
using test::plan_with;

const OffsetPlan& only_plan(const LoadResult& r) {
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].format());
  return r.plans.files.at(0).offset_plans.at(0);
}

TEST(BuildOffsetPlan, ReadsEveryKeyIntoTheModel) {
  const std::string text =
      "apiVersion: offsetctl/v1\n"
      "kind: OffsetPlan\n"
      "name: replay-orders\n"
      "description: |\n"
      "  Replay orders\n"
      "  after the fix\n"
      "instance: ckafka-demo\n"
      "region: ap-guangzhou\n"
      "policy:\n"
      "  maxRewind: 100000\n"
      "  maxSkip: 0\n"
      "  outOfRange: clamp\n"
      "groups:\n"
      "  - group: orders-consumer\n"
      "    topics:\n"
      "      - topic: orders\n"
      "        offsets: {0: 1500, 2: 1650, 1: 1720}\n"
      "      - topic: payments\n"
      "        to: earliest\n"
      "      - topic: refunds\n"
      "        partitions: [2, 0]\n"
      "        shift: -100\n"
      "      - topic: events\n"
      "        datetime: \"2026-11-20T00:00:00+08:00\"\n"
      "        resolveAt: apply\n"
      "      - topic: clicks\n"
      "        duration: PT2H\n"
      "      - topic: audit\n"
      "        partitions: [1]\n"
      "        offset: 4200\n"
      "      - topic: more\n"
      "        to: latest\n"
      "        resolveAt: apply\n"
      "      - topic: same\n"
      "        to: current\n";
  LoadResult r = load_plan_text(text, "plans/a.yaml");
  const OffsetPlan& p = only_plan(r);
  EXPECT_EQ(p.name, "replay-orders");
  EXPECT_EQ(p.description, "Replay orders\nafter the fix\n");
  EXPECT_EQ(p.instance, "ckafka-demo");
  EXPECT_EQ(p.region, "ap-guangzhou");
  EXPECT_EQ(p.policy.max_rewind, 100000);
  EXPECT_EQ(p.policy.max_skip, 0);
  EXPECT_EQ(p.policy.out_of_range, OutOfRange::Clamp);
  EXPECT_EQ(p.loc.file, "plans/a.yaml");
  EXPECT_EQ(p.loc.line, 1);
  EXPECT_EQ(p.name_loc.line, 3);
  EXPECT_EQ(p.name_loc.col, 7);
  ASSERT_EQ(p.groups.size(), 1u);
  const GroupSpec& g = p.groups[0];
  EXPECT_EQ(g.group, "orders-consumer");
  EXPECT_EQ(g.loc.line, 14);
  EXPECT_EQ(g.loc.col, 5);
  ASSERT_EQ(g.topics.size(), 8u);

  EXPECT_EQ(g.topics[0].topic, "orders");
  EXPECT_EQ(g.topics[0].loc.line, 16);
  EXPECT_EQ(g.topics[0].loc.col, 9);
  EXPECT_EQ(g.topics[0].spec_loc.line, 17);
  EXPECT_FALSE(g.topics[0].partitions.has_value());
  EXPECT_EQ(std::get<ExplicitOffsets>(g.topics[0].spec).by_partition,
            (std::map<int32_t, int64_t>{{0, 1500}, {1, 1720}, {2, 1650}}));

  EXPECT_EQ(std::get<ToAnchor>(g.topics[1].spec).anchor, Anchor::Earliest);
  EXPECT_EQ(std::get<ToAnchor>(g.topics[1].spec).resolve_at, ResolveAt::Plan);

  EXPECT_EQ(g.topics[2].partitions, (std::vector<int32_t>{2, 0}));  // as written
  EXPECT_EQ(std::get<Shift>(g.topics[2].spec).by, -100);

  const auto& dt = std::get<Datetime>(g.topics[3].spec);
  EXPECT_EQ(dt.epoch_ms, 1795104000000);
  EXPECT_EQ(dt.text, "2026-11-20T00:00:00+08:00");
  EXPECT_EQ(dt.resolve_at, ResolveAt::Apply);

  EXPECT_EQ(std::get<Duration>(g.topics[4].spec).ms, 7200000);
  EXPECT_EQ(std::get<Duration>(g.topics[4].spec).text, "PT2H");

  EXPECT_EQ(g.topics[5].partitions, (std::vector<int32_t>{1}));
  EXPECT_EQ(std::get<SingleOffset>(g.topics[5].spec).offset, 4200);

  EXPECT_EQ(std::get<ToAnchor>(g.topics[6].spec).anchor, Anchor::Latest);
  EXPECT_EQ(std::get<ToAnchor>(g.topics[6].spec).resolve_at, ResolveAt::Apply);
  EXPECT_EQ(std::get<ToAnchor>(g.topics[7].spec).anchor, Anchor::Current);
}

TEST(BuildOffsetPlan, DefaultsWhenOptionalKeysAreAbsent) {
  LoadResult r = load_plan_text(plan_with("        offset: 0\n"), "a.yaml");
  const OffsetPlan& p = only_plan(r);
  EXPECT_EQ(p.description, "");
  EXPECT_FALSE(p.region.has_value());
  EXPECT_FALSE(p.policy.max_rewind.has_value());
  EXPECT_FALSE(p.policy.max_skip.has_value());
  EXPECT_EQ(p.policy.out_of_range, OutOfRange::Error);
}

TEST(BuildOffsetPlan, ExactlyOneSpecPerTopicEntry) {
  EXPECT_EQ(first_error(plan_with("        partitions: [0]\n")),
            "8:9: topic entry 'orders' says nothing about where its offsets go: give one of offsets, offset, to, shift, "
            "datetime, duration or fromGroup");
  EXPECT_EQ(first_error(plan_with("        to: earliest\n        shift: -5\n")),
            "10:9: topic entry 'orders' has both 'to' and 'shift': give exactly one of offsets, offset, to, shift, "
            "datetime, duration or fromGroup");
  EXPECT_EQ(first_error(plan_with("        shift: -5\n        to: earliest\n")),
            "10:9: topic entry 'orders' has both 'shift' and 'to': give exactly one of offsets, offset, to, shift, "
            "datetime, duration or fromGroup");
}

TEST(BuildOffsetPlan, OffsetsNameTheirPartitions) {
  EXPECT_EQ(first_error(plan_with("        partitions: [0]\n        offsets: {0: 5}\n")),
            "9:9: 'partitions' cannot be combined with 'offsets', which names its partitions itself: remove "
            "'partitions'");
  EXPECT_EQ(first_error(plan_with("        offsets: {2147483648: 5}\n")),
            "9:19: partition 2147483648 is out of range: partitions are 0 to 2147483647");
  EXPECT_EQ(first_error(plan_with("        offsets: {0: 5, \"0\": 6}\n")),
            "9:25: duplicate key '0' (first at line 9): each key may appear once in a mapping");
}

TEST(BuildOffsetPlan, NoPartitionTwice) {
  EXPECT_EQ(errors_of(plan_with("        partitions: [3, 1, 3, 1]\n        offset: 5\n")),
            (std::vector<std::string>{"9:28: partition 3 is listed twice (first at column 22): list each partition once",
                                      "9:31: partition 1 is listed twice (first at column 25): list each partition once"}));
  EXPECT_EQ(first_error(plan_with("        partitions:\n          - 0\n          - 0\n        offset: 5\n")),
            "11:13: partition 0 is listed twice (first at line 10): list each partition once");
}

TEST(BuildOffsetPlan, ShiftMovesSomething) {
  EXPECT_EQ(first_error(plan_with("        shift: 0\n")),
            "9:16: 'shift' is 0, which moves nothing: give a number of messages to move (negative to replay)");
  EXPECT_EQ(first_error(plan_with("        shift: -9223372036854775808\n")), "(no error)");
}

TEST(BuildOffsetPlan, DatetimesAndDurationsMustExist) {
  EXPECT_EQ(first_error(plan_with("        datetime: \"2026-11-20T00:00:00\"\n")),
            "9:19: 'datetime' \"2026-11-20T00:00:00\" has no time zone: add Z for UTC or an offset such as +08:00");
  EXPECT_EQ(first_error(plan_with("        datetime: 2026-02-30T00:00:00Z\n")),
            "9:19: 'datetime' \"2026-02-30T00:00:00Z\" is not a date that exists");
  EXPECT_EQ(first_error(plan_with("        duration: P1M\n")),
            "9:19: 'duration' \"P1M\" is not an ISO 8601 duration (years and months have no fixed length; use days (D) "
            "or weeks (W); e.g. PT2H, P1DT30M)");
  EXPECT_EQ(first_error(plan_with("        duration: 2h\n")),
            "9:19: 'duration' \"2h\" is not an ISO 8601 duration (it must start with P; e.g. PT2H, P1DT30M)");
}

TEST(BuildOffsetPlan, ResolveAtOnlyWhereTheServiceCanResolve) {
  const std::string msg =
      "10:9: 'resolveAt' applies only to 'to: earliest', 'to: latest' and 'datetime' entries: remove it here";
  EXPECT_EQ(first_error(plan_with("        offset: 5\n        resolveAt: apply\n")), msg);
  EXPECT_EQ(first_error(plan_with("        to: current\n        resolveAt: apply\n")), msg);
  EXPECT_EQ(first_error(plan_with("        duration: PT1H\n        resolveAt: plan\n")), msg);
  EXPECT_EQ(first_error(plan_with("        to: earliest\n        resolveAt: plan\n")), "(no error)");
}

TEST(BuildOffsetPlan, ReportsEveryMistakeOfAnEntryInOnePass) {
  EXPECT_EQ(errors_of(plan_with("        partitions: [1, 1]\n        datetime: \"2026-13-01T00:00:00Z\"\n"
                                "        duration: PT1X\n")),
            (std::vector<std::string>{
                "9:25: partition 1 is listed twice (first at column 22): list each partition once",
                "10:19: 'datetime' \"2026-13-01T00:00:00Z\" is not a date that exists",
                "11:9: topic entry 'orders' has both 'datetime' and 'duration': give exactly one of offsets, offset, "
                "to, shift, datetime, duration or fromGroup",
                "11:19: 'duration' \"PT1X\" is not an ISO 8601 duration (time units are H, M and S; e.g. PT2H, "
                "P1DT30M)"}));
}

TEST(BuildOffsetPlan, NamesHoldNoInvisibleCharacters) {
  std::string p = plan_with("        offset: 1\n");
  EXPECT_EQ(first_error(std::string(p).replace(p.find("group: orders-consumer"), 22,
                                               "group: \"orders\\u200Bconsumer\"")),
            "6:12: 'group' contains an invisible or control character (U+200B): plan text must be printable");
  EXPECT_EQ(first_error(plan_with("        offset: 1\n", "description: \"bell\\a\"\n")),
            "4:14: 'description' contains an invisible or control character (U+0007): plan text must be printable");
  EXPECT_EQ(first_error(plan_with("        offset: 1\n", "description: \"two\\nlines\\tand a tab\"\n")), "(no error)");
}

}  // namespace
}  // namespace offsetctl::plan
