#include <gtest/gtest.h>

#include "plan/load.h"
#include "plan/test_support.h"

namespace offsetctl::plan {
namespace {

using test::errors_of;
using test::first_error;

std::string dts_with(const std::string& group_lines) {
  return "apiVersion: offsetctl/v1\n"
         "kind: DtsOffsetPlan\n"
         "name: replay-subscription\n"
         "subscribeId: subs-635ns8r71g\n"
         "groups:\n"
         "  - group: grp-1\n"
         "    topic: account-subs-635ns8r71g-1\n" +
         group_lines;
}

TEST(BuildDtsPlan, ReadsEveryKeyIntoTheModel) {
  LoadResult r = load_plan_text(
      dts_with("    partitions: [0, 1, 2, 3]\n    to: earliest\n"
               "  - group: grp-2\n    topic: account-subs-635ns8r71g-1\n    to: latest\n"
               "  - group: grp-3\n    topic: account-subs-635ns8r71g-1\n    datetime: \"2026-11-20T00:00:00+08:00\"\n")
          .insert(dts_with("").find("groups:"), "description: Re-read\nregion: ap-guangzhou\n"),
      "d.yaml");
  ASSERT_TRUE(r.ok()) << r.errors.at(0).format();
  const DtsOffsetPlan& p = r.plans.files.at(0).dts_plans.at(0);
  EXPECT_EQ(p.name, "replay-subscription");
  EXPECT_EQ(p.description, "Re-read");
  EXPECT_EQ(p.subscribe_id, "subs-635ns8r71g");
  EXPECT_EQ(p.region, "ap-guangzhou");
  ASSERT_EQ(p.groups.size(), 3u);
  EXPECT_EQ(p.groups[0].group, "grp-1");
  EXPECT_EQ(p.groups[0].topic, "account-subs-635ns8r71g-1");
  EXPECT_EQ(p.groups[0].partitions, (std::vector<int32_t>{0, 1, 2, 3}));
  EXPECT_EQ(p.groups[0].mode, DtsResetMode::Earliest);
  EXPECT_EQ(p.groups[0].loc.line, 8);
  EXPECT_EQ(p.groups[1].mode, DtsResetMode::Latest);
  EXPECT_FALSE(p.groups[1].partitions.has_value());
  EXPECT_EQ(p.groups[2].mode, DtsResetMode::Datetime);
  EXPECT_EQ(p.groups[2].datetime_ms, 1795104000000);
  EXPECT_EQ(p.groups[2].datetime_text, "2026-11-20T00:00:00+08:00");
  EXPECT_TRUE(r.plans.files.at(0).offset_plans.empty());
}

TEST(BuildDtsPlan, ExactlyOneOfToAndDatetime) {
  EXPECT_EQ(first_error(dts_with("")),
            "6:5: group entry 'grp-1' says nothing about where its offsets go: give 'to' (earliest or latest) or "
            "'datetime'");
  EXPECT_EQ(first_error(dts_with("    to: earliest\n    datetime: \"2026-11-20T00:00:00Z\"\n")),
            "9:5: group entry 'grp-1' has both 'to' and 'datetime': give exactly one");
}

TEST(BuildDtsPlan, ChecksValuesLikeOffsetPlans) {
  EXPECT_EQ(first_error(dts_with("    to: current\n")), "8:9: 'to' must be earliest or latest, not 'current'");
  EXPECT_EQ(first_error(dts_with("    datetime: \"2026-11-20 00:00:00\"\n")),
            "8:15: 'datetime' \"2026-11-20 00:00:00\" has no time zone: add Z for UTC or an offset such as +08:00");
  EXPECT_EQ(first_error(dts_with("    partitions: [0, 0]\n    to: latest\n")),
            "8:21: partition 0 is listed twice (first at column 18): list each partition once");
  EXPECT_EQ(first_error(dts_with("    to: latest\n    resolveAt: apply\n")),
            "9:5: unknown key 'resolveAt' in an entry of 'groups' (known keys: datetime, group, partitions, to, topic)");
  EXPECT_EQ(errors_of("apiVersion: offsetctl/v1\nkind: DtsOffsetPlan\nname: d\ngroups: []\n"),
            (std::vector<std::string>{"1:1: missing required key 'subscribeId' (the DTS data subscription id, e.g. "
                                      "subs-635ns8r71g)",
                                      "4:9: 'groups' is an empty list: list at least one group"}));
}

}  // namespace
}  // namespace offsetctl::plan
