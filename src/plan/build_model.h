#pragma once
// One YAML document -> one typed plan, with the rules a schema cannot state:
// one spec per topic entry, offsets without partitions, no partition twice,
// datetimes and durations that exist, resolveAt only where it means something.
// Runs after the schema check; it skips what the schema refused, so each
// mistake is reported once.

#include "plan/build_common.h"
#include "plan/model.h"
#include "plan/yaml_tree.h"

namespace offsetctl::plan {

// Fills `out` with what could be read; entries with errors are left out.
void build_offset_plan(const YNode& doc, BuildContext& ctx, OffsetPlan& out);
void build_dts_plan(const YNode& doc, BuildContext& ctx, DtsOffsetPlan& out);

}  // namespace offsetctl::plan
