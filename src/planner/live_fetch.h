#pragma once
// Reads what the plans need of the cluster (needs.h) with the fewest calls the
// API allows, through api::CkafkaApi only, so tests pass a fake:
//   phase 1, concurrently: DescribeGroupInfo for the groups of an instance, up
//     to 100 per call; DescribeGroupOffsets per group with the Topics filter,
//     every page; and DescribeTopicSyncReplica once per existing topic whose
//     begin offsets are needed (every page), made by the first group whose
//     offsets show the topic exists, so these overlap the other groups' reads;
//   phase 2, concurrently, once the partitions are known:
//     FetchMessageListByTimestamp once per distinct (topic, partition, instant).

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "api/ckafka_api.h"
#include "planner/group_reader.h"
#include "planner/live_state.h"
#include "planner/needs.h"
#include "util/result.h"

namespace offsetctl::planner {

// The client for a region ("" : the default region). Called once per distinct
// region, before any call is made, so configuration errors come first.
using ClientFactory = std::function<Result<std::shared_ptr<api::CkafkaApi>>(const std::string& region)>;

struct FetchOptions {
  size_t max_in_flight = 16;  // calls in the air at once (the client's rate limits pace them)
};

// Partitions per DescribeTopicSyncReplica page: one call covers most topics.
inline constexpr int64_t kPartitionsPerSyncReplicaPage = 100;

// Fails on the first failed call, naming the action, the group or topic, and
// what came back; the other calls still in the air finish, no new ones start.
Result<LiveState> fetch_live_state(const LiveNeeds& needs, const ClientFactory& clients,
                                   const FetchOptions& options = {});

}  // namespace offsetctl::planner
