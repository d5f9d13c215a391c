#include "planner/partition_rules.h"

#include <gtest/gtest.h>

#include <limits>

namespace offsetctl::planner {
namespace {

struct Outcome {
  Action action;
  std::optional<int64_t> target;
  std::string reason;
};

// A partition with messages 100..999 (begin 100, log end 1000).
PartitionFacts facts(std::optional<int64_t> current) {
  PartitionFacts f;
  f.current = current;
  f.begin = 100;
  f.end = 1000;
  return f;
}

Outcome run(const plan::Spec& spec, PartitionFacts f, plan::Policy policy = {}, std::string blocked = "") {
  Rule rule = make_rule(spec, policy, /*now_ms=*/1'000'000);
  PartitionChange c;
  c.current = f.current;
  apply_rule(rule, f, blocked, c);
  return {c.action, c.target, c.reason};
}

TEST(PartitionRules, SingleOffsetIsAChangeWithItsDelta) {
  Outcome o = run(plan::SingleOffset{300}, facts(500));
  EXPECT_EQ(o.action, Action::Change);
  EXPECT_EQ(o.target, 300);
  EXPECT_EQ(o.reason, "");
}

TEST(PartitionRules, AnOffsetEqualToTheCommittedOneIsANoop) {
  EXPECT_EQ(run(plan::SingleOffset{500}, facts(500)).action, Action::Noop);
}

TEST(PartitionRules, OffsetPastTheLogEndIsInvalidUnderOutOfRangeError) {
  Outcome o = run(plan::SingleOffset{5000}, facts(500));
  EXPECT_EQ(o.action, Action::Invalid);
  EXPECT_EQ(o.reason,
            "offset 5000 is past the log end offset 1000; choose an offset within [100, 1000], "
            "or set the plan's policy outOfRange: clamp");
}

TEST(PartitionRules, OffsetBeforeTheEarliestIsInvalidUnderOutOfRangeError) {
  Outcome o = run(plan::SingleOffset{7}, facts(500));
  EXPECT_EQ(o.action, Action::Invalid);
  EXPECT_EQ(o.reason,
            "offset 7 is before the earliest offset 100 (older messages are gone); choose an offset "
            "within [100, 1000], or set the plan's policy outOfRange: clamp");
}

TEST(PartitionRules, OutOfRangeClampClampsAtBothEndsAndSaysSo) {
  plan::Policy clamp;
  clamp.out_of_range = plan::OutOfRange::Clamp;
  Outcome high = run(plan::SingleOffset{5000}, facts(500), clamp);
  EXPECT_EQ(high.action, Action::Change);
  EXPECT_EQ(high.target, 1000);
  EXPECT_EQ(high.reason, "offset 5000 is past the log end offset 1000: clamped to it (outOfRange: clamp)");
  Outcome low = run(plan::SingleOffset{7}, facts(500), clamp);
  EXPECT_EQ(low.action, Action::Change);
  EXPECT_EQ(low.target, 100);
  EXPECT_EQ(low.reason, "offset 7 is before the earliest offset 100: clamped to it (outOfRange: clamp)");
}

TEST(PartitionRules, AClampedTargetEqualToTheCommittedOffsetIsANoop) {
  plan::Policy clamp;
  clamp.out_of_range = plan::OutOfRange::Clamp;
  Outcome o = run(plan::SingleOffset{5000}, facts(1000), clamp);
  EXPECT_EQ(o.action, Action::Noop);
  EXPECT_EQ(o.target, 1000);
}

TEST(PartitionRules, ExplicitOffsetsUseThePartitionsOwnOffset) {
  PartitionFacts f = facts(500);
  f.explicit_offset = 700;
  Outcome o = run(plan::ExplicitOffsets{{{0, 700}}}, f);
  EXPECT_EQ(o.action, Action::Change);
  EXPECT_EQ(o.target, 700);
}

TEST(PartitionRules, EarliestAndLatestAreTheBeginAndLogEnd) {
  EXPECT_EQ(run(plan::ToAnchor{plan::Anchor::Earliest}, facts(500)).target, 100);
  EXPECT_EQ(run(plan::ToAnchor{plan::Anchor::Latest}, facts(500)).target, 1000);
  EXPECT_EQ(run(plan::ToAnchor{plan::Anchor::Latest}, facts(1000)).action, Action::Noop);
}

TEST(PartitionRules, CurrentIsANoopEvenWithNothingCommitted) {
  Outcome o = run(plan::ToAnchor{plan::Anchor::Current}, facts(500));
  EXPECT_EQ(o.action, Action::Noop);
  EXPECT_EQ(o.target, 500);
  Outcome none = run(plan::ToAnchor{plan::Anchor::Current}, facts(std::nullopt));
  EXPECT_EQ(none.action, Action::Noop);
  EXPECT_EQ(none.target, std::nullopt);
  EXPECT_EQ(none.reason, "nothing is committed on this partition; to: current leaves it so");
}

TEST(PartitionRules, ShiftMovesFromTheCommittedOffset) {
  Outcome o = run(plan::Shift{-200}, facts(500));
  EXPECT_EQ(o.action, Action::Change);
  EXPECT_EQ(o.target, 300);
  EXPECT_EQ(o.reason, "");
}

TEST(PartitionRules, ShiftClampsAtBothEndsAsKafkaDoesWhateverThePolicy) {
  Outcome low = run(plan::Shift{-450}, facts(500));
  EXPECT_EQ(low.target, 100);
  EXPECT_EQ(low.action, Action::Change);
  EXPECT_EQ(low.reason, "500 - 450 = 50 is before the earliest offset 100: clamped to it, as Kafka's --shift-by does");
  Outcome high = run(plan::Shift{900}, facts(500));
  EXPECT_EQ(high.target, 1000);
  EXPECT_EQ(high.reason,
            "500 + 900 = 1400 is past the log end offset 1000: clamped to it, as Kafka's --shift-by does");
}

TEST(PartitionRules, ShiftsByTheEndsOfInt64ClampWithoutOverflow) {
  const int64_t max = std::numeric_limits<int64_t>::max();
  const int64_t min = std::numeric_limits<int64_t>::min();
  Outcome up = run(plan::Shift{max}, facts(500));
  EXPECT_EQ(up.target, 1000);
  EXPECT_EQ(up.reason, "500 + 9223372036854775807 is past the log end offset 1000: clamped to it, as Kafka's --shift-by does");
  Outcome down = run(plan::Shift{min}, facts(500));
  EXPECT_EQ(down.target, 100);
  EXPECT_EQ(down.reason,
            "500 - 9223372036854775808 = -9223372036854775308 is before the earliest offset 100: clamped to it, "
            "as Kafka's --shift-by does");
}

TEST(PartitionRules, ShiftWithNothingCommittedIsInvalid) {
  Outcome o = run(plan::Shift{-10}, facts(std::nullopt));
  EXPECT_EQ(o.action, Action::Invalid);
  EXPECT_EQ(o.target, std::nullopt);
  EXPECT_EQ(o.reason,
            "nothing is committed on this partition, so there is no offset to shift from; give it an "
            "offset, to: earliest or latest, or a datetime instead");
}

TEST(PartitionRules, DatetimeTakesTheOffsetAtTheTimeOrTheLogEnd) {
  PartitionFacts f = facts(500);
  f.time_read = true;
  f.offset_at_time = 420;
  plan::Datetime at{1'700'000'000'000, "2023-11-14T22:13:20Z"};
  Outcome o = run(at, f);
  EXPECT_EQ(o.action, Action::Change);
  EXPECT_EQ(o.target, 420);
  f.offset_at_time.reset();
  Outcome past = run(at, f);
  EXPECT_EQ(past.target, 1000);
  EXPECT_EQ(past.reason, "no message at or after 2023-11-14T22:13:20.000Z: the log end offset");
}

TEST(PartitionRules, ATimeThatWasNotReadIsInvalidNotGuessed) {
  Outcome o = run(plan::Duration{60'000, "PT1M"}, facts(500));
  EXPECT_EQ(o.action, Action::Invalid);
  EXPECT_EQ(o.reason,
            "the offset at 1970-01-01T00:15:40.000Z of this partition was not read (incomplete live state); "
            "plan again");
}

TEST(PartitionRules, MaxRewindAndMaxSkipLimitTheMove) {
  plan::Policy p;
  p.max_rewind = 100;
  p.max_skip = 50;
  Outcome back = run(plan::SingleOffset{300}, facts(500), p);
  EXPECT_EQ(back.action, Action::Invalid);
  EXPECT_EQ(back.reason,
            "moves back 200 messages (from 500 to 300), more than the policy's maxRewind of 100; raise "
            "maxRewind or choose a closer target");
  Outcome skip = run(plan::SingleOffset{600}, facts(500), p);
  EXPECT_EQ(skip.action, Action::Invalid);
  EXPECT_EQ(skip.reason,
            "skips 100 messages (from 500 to 600), more than the policy's maxSkip of 50; raise maxSkip or "
            "choose a closer target");
  EXPECT_EQ(run(plan::SingleOffset{400}, facts(500), p).action, Action::Change);  // exactly maxRewind
  EXPECT_EQ(run(plan::SingleOffset{550}, facts(500), p).action, Action::Change);  // exactly maxSkip
}

TEST(PartitionRules, NothingCommittedHasNoDeltaSoMaxSkipAllowsIt) {
  plan::Policy p;
  p.max_skip = 1;
  Outcome o = run(plan::ToAnchor{plan::Anchor::Latest}, facts(std::nullopt), p);
  EXPECT_EQ(o.action, Action::Change);
  EXPECT_EQ(o.target, 1000);
}

TEST(PartitionRules, AnActiveGroupBlocksChangesButNotNoopsOrInvalids) {
  const std::string blocked = "group is Stable with 1 member (c@h); ...";
  Outcome change = run(plan::SingleOffset{300}, facts(500), {}, blocked);
  EXPECT_EQ(change.action, Action::Blocked);
  EXPECT_EQ(change.target, 300);
  EXPECT_EQ(change.reason, blocked);
  EXPECT_EQ(run(plan::SingleOffset{500}, facts(500), {}, blocked).action, Action::Noop);
  EXPECT_EQ(run(plan::SingleOffset{5000}, facts(500), {}, blocked).action, Action::Invalid);
}

TEST(PartitionRules, ResolveAtApplyCarriesTheTimestampTheServiceGets) {
  EXPECT_EQ(make_rule(plan::ToAnchor{plan::Anchor::Earliest, plan::ResolveAt::Apply}, {}, 0).apply_timestamp, -2);
  EXPECT_EQ(make_rule(plan::ToAnchor{plan::Anchor::Latest, plan::ResolveAt::Apply}, {}, 0).apply_timestamp, -1);
  EXPECT_EQ(make_rule(plan::Datetime{1234, "x", plan::ResolveAt::Apply}, {}, 0).apply_timestamp, 1234);
  EXPECT_EQ(make_rule(plan::ToAnchor{plan::Anchor::Latest}, {}, 0).apply_timestamp, std::nullopt);
  EXPECT_EQ(make_rule(plan::ToAnchor{plan::Anchor::Latest, plan::ResolveAt::Apply}, {}, 0).spec_text,
            "to: latest (resolved at apply)");
}

TEST(PartitionRules, DurationCountsBackFromPlanTimeAndShowsTheInstant) {
  Rule r = make_rule(plan::Duration{2 * 3600 * 1000, "PT2H"}, {}, 1'763'900'000'000);
  EXPECT_EQ(r.time_ms, 1'763'900'000'000 - 7'200'000);
  EXPECT_EQ(r.spec_text, "duration: PT2H (since 2025-11-23T10:13:20.000Z)");
}

}  // namespace
}  // namespace offsetctl::planner
