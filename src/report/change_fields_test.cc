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
      case ChangeFieldKind::Key:
      case ChangeFieldKind::Text: EXPECT_NE(f.text, nullptr) << f.name; break;
      case ChangeFieldKind::Offset: EXPECT_NE(f.offset, nullptr) << f.name; break;
      case ChangeFieldKind::Derived: EXPECT_NE(f.derived, nullptr) << f.name; break;
      default: break;
    }
    // Computed and key fields are not in a saved plan's partition rows.
    if (f.kind == ChangeFieldKind::Key || f.kind == ChangeFieldKind::Derived ||
        f.kind == ChangeFieldKind::ResolveAt) {
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
            "\"target\": 150, \"delta\": 50, \"lag_after\": 50, \"begin_offset\": null, \"end_offset\": 200, "
            "\"action\": \"change\", \"reason\": null, \"spec\": \"shift: 50\", \"resolve_at\": \"plan\", "
            "\"apply_timestamp\": null}");
  c.partition = planner::kEveryPartition;
  c.apply_timestamp = -2;
  out.clear();
  JsonWriter again(out);
  again.begin_object(true);
  write_change_field(again, planner::kChangeFields[3], c);
  write_change_field(again, planner::kChangeFields[13], c);
  again.end_object();
  EXPECT_EQ(out, "{\"partition\": null, \"resolve_at\": \"apply\"}");
}

}  // namespace
}  // namespace offsetctl::report
