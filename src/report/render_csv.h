#pragma once
// A plan's target offsets as kafka-consumer-groups' --export CSV: what Kafka's
// --reset-offsets --dry-run --export would hold for the same reset, for `plan
// --format csv` (and for showing a saved plan the same way).

#include <string>

#include "planner/plan_result.h"
#include "util/result.h"

namespace offsetctl::report {

// One line per partition that would be reset (change) or stays at its target
// (noop), in the result's order: "topic,partition,offset" when the result
// names one group, "group,topic,partition,offset" otherwise, as Kafka chooses.
// Blocked and invalid partitions are left out, as Kafka leaves out a group it
// refuses to reset. The CSV has no instance column, so a result that spans
// several instances is refused.
Result<std::string> render_csv(const planner::PlanResult& result);

}  // namespace offsetctl::report
