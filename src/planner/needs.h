#pragma once
// What the plans need to know about the cluster, so the fetcher reads that
// and nothing more: per instance the groups and their topics, the topics whose
// earliest offsets matter, and the instants that time specs point at.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plan/model.h"
#include "planner/planner.h"

namespace offsetctl::planner {

// The first offset at or after `ms` on some partitions of a topic. The
// partitions are known only once the group offsets are read when the entry
// selects every partition (nullopt).
struct TimeLookup {
  std::string topic;
  int64_t ms = 0;
  std::optional<std::vector<int32_t>> partitions;  // sorted, distinct; nullopt: every partition
};

struct GroupNeeds {
  std::string group;
  std::vector<std::string> topics;  // sorted, distinct
  // Every topic the group has committed offsets on (topics: all, or the source
  // of one): DescribeGroupOffsets without a Topics filter.
  bool all_topics = false;
  // Its state and members (DescribeGroupInfo): a group the plans set. A group
  // that is only a fromGroup source is only read, whatever its state.
  bool state = true;
};

// A topics: all entry: its topics are known once its group's offsets are read.
struct AllTopicsNeed {
  std::string group;
  std::vector<std::string> except_topics;
  bool begin = false;               // the spec needs the earliest offsets
  std::optional<int64_t> time_ms;   // a time spec's instant
};

struct InstanceNeeds {
  std::string region;  // as the plans say; "": the default region
  std::string instance;
  std::vector<GroupNeeds> groups;         // sorted by name
  std::vector<std::string> begin_topics;  // topics whose earliest offsets a spec or policy needs; sorted
  std::vector<TimeLookup> time_lookups;   // sorted by topic and instant, one per (topic, instant)
  std::vector<AllTopicsNeed> all_topics;  // in file order
};

struct LiveNeeds {
  std::vector<InstanceNeeds> instances;  // sorted by region, instance
};

// The needs of every OffsetPlan of the set. options.now_ms turns durations
// into instants and must be the one make_plan gets. A fromGroup source is read
// on its instance (the plan's, or the one it names) beside the targets: one
// DescribeGroupOffsets per source group, however many entries name it.
LiveNeeds needs_of(const plan::PlanSet& plans, const PlanOptions& options);

// What a topics: all entry selects once its group is read: as Kafka's
// --all-topics, the partitions the group has committed offsets on, by topic,
// but the topics in `except`. Sorted by topic, then partition.
std::vector<std::pair<std::string, std::vector<int32_t>>> committed_selection(const std::vector<std::string>& except,
                                                                              const GroupLive* group);

// Whether resolving or checking a spec needs the partition's earliest offset:
// `to: earliest`, `shift` (clamping), and explicit offsets (the outOfRange check).
bool spec_needs_begin(const plan::Spec& spec);

}  // namespace offsetctl::planner
