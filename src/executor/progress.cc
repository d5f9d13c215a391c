#include "executor/progress.h"

namespace offsetctl::executor {

void ApplyProgress::add_totals(const std::vector<planner::PartitionChange>& changes) {
  size_t partitions = 0;
  size_t groups = 0;
  const planner::PartitionChange* last = nullptr;  // rows are sorted by instance and group
  for (const auto& c : changes) {
    if (c.action != planner::Action::Change) continue;
    ++partitions;
    if (last == nullptr || last->group != c.group || last->instance != c.instance) ++groups;
    last = &c;
  }
  partitions_total += partitions;
  groups_total += groups;
}

}  // namespace offsetctl::executor
