#pragma once
// Rules across every plan given together: a partition of a group has one
// target (no (instance, group, topic, partition) declared twice, an entry
// without `partitions` covering them all; for DTS plans, no (subscribeId,
// group, topic, partition) twice), and each plan has its own name.

#include <string>
#include <vector>

#include "plan/model.h"

namespace offsetctl::plan {

struct Conflict {
  SourceLoc loc;  // the later declaration
  std::string message;  // names the earlier one as path:line:col
};

// Plans in the order given (files, then documents, then entries).
std::vector<Conflict> find_conflicts(const std::vector<const OffsetPlan*>& offset_plans,
                                     const std::vector<const DtsOffsetPlan*>& dts_plans);

}  // namespace offsetctl::plan
