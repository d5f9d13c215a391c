#include "report/render_csv.h"

#include <set>

#include "plan/offsets_csv.h"

namespace offsetctl::report {

Result<std::string> render_csv(const planner::PlanResult& result) {
  std::set<std::string> instances;
  std::set<std::string> groups;
  std::vector<plan::CsvOffset> rows;
  for (const auto& c : result.changes) {
    instances.insert(c.instance);
    groups.insert(c.group);
    const bool settled = c.action == planner::Action::Change || c.action == planner::Action::Noop;
    if (!settled || !c.target || c.partition == planner::kEveryPartition) continue;
    rows.push_back({c.group, c.topic, c.partition, *c.target, 0});
  }
  if (instances.size() > 1) {
    return fail("the plan spans " + std::to_string(instances.size()) + " instances (" + *instances.begin() + ", " +
                *std::next(instances.begin()) + (instances.size() > 2 ? ", ..." : "") +
                ") and kafka-consumer-groups' CSV has no instance column: plan each instance on its own to "
                "export it as CSV");
  }
  return plan::write_offsets_csv(rows, groups.size() == 1 ? plan::CsvLayout::TopicPartitionOffset
                                                          : plan::CsvLayout::GroupTopicPartitionOffset);
}

}  // namespace offsetctl::report
