#include "report/change_fields.h"

#include <gtest/gtest.h>

#include <string>

namespace offsetctl::report {
namespace {

using planner::ChangeFieldKind;

TEST(ChangeFields, TheSavedPlanHasTheStoredFieldsSortedByName) {
  EXPECT_EQ(std::vector<std::string_view>(kSavedChangeFieldNames.begin(), kSavedChangeFieldNames.end()),
            (std::vector<std::string_view>{"action", "apply_timestamp", "begin_offset", "current", "end_offset",
                                           "partition", "reason", "spec", "target"}));
}

TEST(ChangeFields, EveryRowNamesTheMemberItsKindNeeds) {
  for (const auto& f : planner::kChangeFields) {
    switch (f.kind) {
      case ChangeFieldKind::Key: EXPECT_NE(f.key, nullptr) << f.name; break;
      case ChangeFieldKind::Text: EXPECT_NE(f.text, nullptr) << f.name; break;
      case ChangeFieldKind::Offset: EXPECT_NE(f.offset, nullptr) << f.name; break;
      case ChangeFieldKind::Derived: EXPECT_NE(f.derived, nullptr) << f.name; break;
      case ChangeFieldKind::Count: EXPECT_NE(f.count, nullptr) << f.name; break;
      case ChangeFieldKind::Flag: EXPECT_NE(f.flag, nullptr) << f.name; break;
      default: break;
    }
    // Computed and key fields are not in a saved plan's partition rows.
    if (f.kind == ChangeFieldKind::Key || f.kind == ChangeFieldKind::Derived || f.kind == ChangeFieldKind::Count ||
        f.kind == ChangeFieldKind::Flag || f.kind == ChangeFieldKind::ResolveAt) {
      EXPECT_FALSE(f.saved) << f.name;
    }
  }
}

TEST(ChangeFields, EachKindIsWrittenAsTheFormatsSay) {
  planner::PartitionChange c;
  c.instance = "ckafka-1";
  c.group = "g";
  c.topic = "orders";
  c.partition = 3;
  c.current = 100;
  c.target = 150;
  c.end_offset = 200;
  c.action = planner::Action::Change;
  c.spec = "shift: 50";
  std::string out;
  JsonWriter w(out);
  w.begin_object(true);
  for (const auto& f : planner::kChangeFields) write_change_field(w, f, c);
  w.end_object();
  EXPECT_EQ(out,
            "{\"instance\": \"ckafka-1\", \"group\": \"g\", \"topic\": \"orders\", \"partition\": 3, \"current\": 100, "
            "\"target\": 150, \"delta\": 50, \"replayed\": 0, \"skipped\": 50, \"first_commit\": false, \"lag_after\": 50, \"begin_offset\": null, \"end_offset\": 200, "
            "\"action\": \"change\", \"reason\": null, \"spec\": \"shift: 50\", \"resolve_at\": \"plan\", "
            "\"apply_timestamp\": null}");
  c.partition = planner::kEveryPartition;
  c.apply_timestamp = -2;
  out.clear();
  JsonWriter again(out);
  again.begin_object(true);
  for (const auto& f : planner::kChangeFields) {
    const std::string_view name = f.name;
    if (name == "partition" || name == "resolve_at" || name == "replayed" || name == "first_commit") {
      write_change_field(again, f, c);
    }
  }
  again.end_object();
  EXPECT_EQ(out, "{\"partition\": null, \"replayed\": 0, \"first_commit\": false, \"resolve_at\": \"apply\"}");
  // A replay and a first commit: the counts split the delta by sign; nothing committed has none.
  c.partition = 0;
  c.target = 40;
  out.clear();
  JsonWriter third(out);
  third.begin_object(true);
  for (const auto& f : planner::kChangeFields) {
    const std::string_view name = f.name;
    if (name == "delta" || name == "replayed" || name == "skipped" || name == "first_commit") write_change_field(third, f, c);
  }
  c.current.reset();
  for (const auto& f : planner::kChangeFields) {
    if (std::string_view(f.name) == "first_commit") write_change_field(third.key("fresh").begin_object(true), f, c);
  }
  third.end_object().end_object();
  EXPECT_EQ(out, "{\"delta\": -60, \"replayed\": 60, \"skipped\": 0, \"first_commit\": false, "
                 "\"fresh\": {\"first_commit\": true}}");
}

}  // namespace
}  // namespace offsetctl::report
