#pragma once
// The one reader of CKafka consumer groups and their committed offsets, shared
// by plan (live_fetch.h), export (snapshot.h) and apply's drift check and
// verification (executor/live_offsets.h): DescribeGroupInfo for up to 100
// groups a call, DescribeGroupOffsets per group with the Topics filter, every
// page; and what their answers mean (an unknown group is Dead).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "api/ckafka_api.h"
#include "planner/live_state.h"

namespace offsetctl::planner {

// The groups DescribeGroupInfo takes in one call.
inline constexpr size_t kGroupsPerDescribeGroupInfo = 100;

// `groups` cut into the lists one DescribeGroupInfo call takes, in order.
std::vector<std::vector<std::string>> group_info_chunks(const std::vector<std::string>& groups);

// One DescribeGroupInfo call: the states and members of up to 100 groups of an instance.
api::ApiResult<std::vector<api::GroupInfoResponse>> read_group_states(api::CkafkaApi& api, const std::string& instance,
                                                                      const std::vector<std::string>& groups);

// The committed offsets of one group, every page: of `topics` only (the
// Topics filter), or of every topic it committed on when `topics` is empty.
api::ApiResult<api::GroupOffsetResponse> read_group_offsets(api::CkafkaApi& api, const std::string& instance,
                                                            const std::string& group,
                                                            const std::vector<std::string>& topics);

// The group's state: "Dead" when the broker does not know it (state Dead,
// ErrorCode 69 or GROUP_ID_NOT_FOUND); nullopt when any other ErrorCode makes
// the answer unusable (the group coordinator may be moving: read again).
std::optional<std::string> group_state(const api::GroupInfoResponse& info);

// The members and their assignments.
std::vector<Member> members_of(const api::GroupInfoResponse& info);

}  // namespace offsetctl::planner
