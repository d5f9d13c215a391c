#pragma once
// The one reader of CKafka consumer groups and their committed offsets, shared
// by plan (live_fetch.h), export (snapshot.h) and apply's drift check and
// verification (executor/live_offsets.h): DescribeGroupInfo for up to 100
// groups a call, DescribeGroupOffsets per group with the Topics filter, every
// page; DescribeGroup's list of an instance's groups, every page, when a group
// looks like it may not exist; and what their answers mean (an unknown group is Dead).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "api/ckafka_api.h"
#include "planner/live_state.h"
#include "planner/topic_ends.h"

namespace offsetctl::planner {

// The groups DescribeGroupInfo takes in one call.
inline constexpr size_t kGroupsPerDescribeGroupInfo = 100;

// `groups` cut into the lists one DescribeGroupInfo call takes, in order.
std::vector<std::vector<std::string>> group_info_chunks(const std::vector<std::string>& groups);

// One DescribeGroupInfo call: the states and members of up to 100 groups of an instance.
api::ApiResult<std::vector<api::GroupInfoResponse>> read_group_states(api::CkafkaApi& api, const std::string& instance,
                                                                      const std::vector<std::string>& groups);

// Whether DescribeTopicSyncReplica's failure says the topic does not exist:
// the emulator answers InvalidParameterValue; a server may say ResourceNotFound
// or a TopicNotExist sub-code.
bool topic_not_found(const api::ApiFailure& f);

// Partitions per DescribeTopicSyncReplica page: one call covers most topics.
inline constexpr int64_t kPartitionsPerSyncReplicaPage = 100;

// The committed offsets of one group, every page: of `topics` only (the
// Topics filter), or of every topic it committed on when `topics` is empty.
api::ApiResult<api::GroupOffsetResponse> read_group_offsets(api::CkafkaApi& api, const std::string& instance,
                                                            const std::string& group,
                                                            const std::vector<std::string>& topics);

// LogEndOffset is optional in the API's models. Each partition of `offsets`
// answered without it takes its topic's EndOffset from DescribeTopicSyncReplica
// (through `topic_ends`: one read per such topic, every page, shared by the groups
// of one pass; none when every end came). Where that has none either the end stays
// unknown, and missing_log_end says so.
std::optional<api::ApiFailure> fill_missing_log_ends(api::CkafkaApi& api, const std::string& instance,
                                                     api::GroupOffsetResponse& offsets, TopicEnds& topic_ends);

// What a row of a group says when no call gave a partition's log end: the group's
// rows are invalid then, never planned against a guessed end.
std::string no_log_end(const std::string& group, const std::string& topic, int64_t partition);

// What a group's rows say when DescribeGroupOffsets gave one of its partitions an ErrorCode
// (the Offset beside it means nothing then; Kafka's 14-16 while the group coordinator moves):
// "DescribeGroupOffsets answered group 'a', topic 'orders' partition 0 with ErrorCode 16, so its
// committed offset is unknown".
std::string partition_error(const std::string& group, const std::string& topic, int64_t partition, int64_t code);

// no_log_end of the first partition whose log end is unknown; nullopt when every one is known.
std::optional<std::string> missing_log_end(const api::GroupOffsetResponse& offsets, const std::string& group);

// The group's state: "Dead" when the broker does not know it (state Dead,
// ErrorCode 69 or GROUP_ID_NOT_FOUND); nullopt when any other ErrorCode makes
// the answer unusable (the group coordinator may be moving: read again).
std::optional<std::string> group_state(const api::GroupInfoResponse& info);

// Whether DescribeGroupInfo answered about the group without its State (optional in the
// models), so that whether consumers are active is unknown; and what its rows then say.
bool state_missing(const api::GroupInfoResponse& info);
std::string no_state(const std::string& group);

// The names of every group of the instance (DescribeGroup, every page of 20).
api::ApiResult<std::vector<std::string>> read_group_list(api::CkafkaApi& api, const std::string& instance);

// Whether a group may not exist at all: Dead, no members and nothing committed
// anywhere. Only then is the instance's group list read, so an existing group
// costs no call.
bool may_not_exist(const api::GroupInfoResponse& info, const api::GroupOffsetResponse& offsets);

// The members and their assignments.
std::vector<Member> members_of(const api::GroupInfoResponse& info);

}  // namespace offsetctl::planner
