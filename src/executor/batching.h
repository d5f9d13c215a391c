#pragma once
// Turns the changes of a plan into the fewest write calls the API allows.
// Pure: no I/O, the same input gives the same calls in the same order.
//
// BatchModifyGroupOffsets applies one {Partition, Offset} list to every topic
// it names, so a group needs one call per distinct list; topics needing the
// same list share a call. Changes resolved at apply time (resolveAt: apply)
// go through ModifyGroupOffsets strategy 1: one call per ShiftTimestamp and
// partition list, topics with the same pair sharing it.

#include <cstddef>
#include <string>
#include <vector>

#include "api/types.h"
#include "planner/plan_result.h"

namespace offsetctl::executor {

struct WriteCall {
  enum class Kind { Batch, Modify };
  Kind kind = Kind::Batch;
  std::string instance;
  std::string group;
  api::BatchModifyGroupOffsetsRequest batch;  // when kind == Batch
  api::ModifyGroupOffsetsRequest modify;      // when kind == Modify
  // Indexes into the changes given to plan_write_calls(): the partitions this call sets.
  std::vector<size_t> changes;

  const char* action() const {
    return kind == Kind::Batch ? "BatchModifyGroupOffsets" : "ModifyGroupOffsets";
  }
};

// The calls for every change whose action is Change (other entries are ignored),
// ordered by instance, group, then Batch before Modify, then first topic name.
// `exclude`, when not empty, has one flag per change: true leaves it out (a
// partition found already at its target).
std::vector<WriteCall> plan_write_calls(const std::vector<planner::PartitionChange>& changes,
                                        const std::vector<bool>& exclude = {});

// The same calls, split by (instance, group) in the same order: the unit the
// executor runs concurrently (the calls of one group go one after another).
struct GroupCalls {
  std::string instance;
  std::string group;
  std::vector<WriteCall> calls;
};
std::vector<GroupCalls> group_write_calls(std::vector<WriteCall> calls);

}  // namespace offsetctl::executor
