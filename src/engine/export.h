#pragma once
// offsetctl export, as a library call: the groups' committed offsets read
// (planner::take_snapshot: DescribeGroupInfo per 100 groups, DescribeGroupOffsets
// per group, every page) and written as a plan file that pins them.

#include <cstddef>
#include <string>

#include "engine/plan_kind.h"
#include "planner/snapshot.h"
#include "util/result.h"

namespace offsetctl::engine {

struct ExportRequest {
  planner::ClientFactory ckafka;      // asked for the default region ("")
  planner::SnapshotRequest snapshot;  // instance, region, groups, topics, plan name, now
  size_t max_in_flight = 16;
};

struct ExportResult {
  planner::Snapshot snapshot;  // the plan and the notes (what was left out, active groups)
  std::string yaml;            // the plan file, with a header saying where and when it was read
  size_t partitions = 0;       // pinned in it
};

Result<ExportResult> export_offsets(const ExportRequest& request);

}  // namespace offsetctl::engine
