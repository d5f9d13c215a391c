#include "report/change_fields.h"

#include "report/plan_view.h"

namespace offsetctl::report {

void write_change_field(JsonWriter& w, const planner::ChangeField& f, const planner::PartitionChange& c) {
  using Kind = planner::ChangeFieldKind;
  switch (f.kind) {
    case Kind::Key: w.member(f.name, (c.*f.key).str()); break;
    case Kind::Partition:
      if (c.partition == planner::kEveryPartition) {
        w.key(f.name).null();
      } else {
        w.member(f.name, c.partition);
      }
      break;
    case Kind::Offset: w.member(f.name, c.*f.offset); break;
    case Kind::Derived: w.member(f.name, (c.*f.derived)()); break;
    case Kind::Count: w.member(f.name, (c.*f.count)()); break;
    case Kind::Flag: w.member(f.name, (c.*f.flag)()); break;
    case Kind::Action: w.member(f.name, action_label(c.action)); break;
    case Kind::Text: w.key(f.name).string_or_null(c.*f.text); break;
    case Kind::ResolveAt: w.member(f.name, c.apply_timestamp ? "apply" : "plan"); break;
  }
}

}  // namespace offsetctl::report
