#pragma once
// offsetctl export: the groups' committed offsets as a plan that pins them
// (explicit `offsets` per topic), so planning it against the same cluster
// shows no changes and applying it later restores them.

#include <cstdint>
#include <string>
#include <vector>

#include "api/ckafka_api.h"
#include "plan/model.h"
#include "planner/live_fetch.h"
#include "util/result.h"

namespace offsetctl::planner {

struct SnapshotRequest {
  std::string instance;
  std::string region;               // written into the plan; "": none
  std::vector<std::string> groups;  // in the order the plan lists them; repeats are ignored
  std::vector<std::string> topics;  // empty: every topic the group has committed offsets on
  std::string name;                 // the plan's name
  int64_t now_ms = 0;               // when it was read, for the description
};

struct Snapshot {
  plan::OffsetPlan plan;
  // What the reader should know: what was left out (nothing committed) and
  // which groups were active while they were read. One line each.
  std::vector<std::string> notes;
};

// The pure part: the plan from what DescribeGroupInfo and DescribeGroupOffsets
// said of each group (offsets[i] and infos[i] belong to the i-th distinct group).
// `confirmed_topics`: requested topics no answer had that DescribeTopicSyncReplica
// knows (nothing committed on them). Fails when a requested topic does not exist
// or nothing at all is committed.
Result<Snapshot> build_snapshot(const SnapshotRequest& request, const std::vector<api::GroupOffsetResponse>& offsets,
                                const std::vector<api::GroupInfoResponse>& infos,
                                const std::vector<std::string>& confirmed_topics = {});

// Reads the groups (DescribeGroupInfo per 100 groups, DescribeGroupOffsets per
// group, every page, concurrently) and builds the snapshot. Only when something
// looks missing: DescribeTopicSyncReplica for a requested topic no group's
// offsets showed, and the instance's group list (DescribeGroup) for a Dead group
// with nothing committed, which is an error when the list lacks it ("does not
// exist", with the closest listed name).
Result<Snapshot> take_snapshot(api::CkafkaApi& api, const SnapshotRequest& request, const FetchOptions& options = {});

}  // namespace offsetctl::planner
