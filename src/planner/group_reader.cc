#include "planner/group_reader.h"

#include <utility>

#include "api/paging.h"

namespace offsetctl::planner {

std::vector<std::vector<std::string>> group_info_chunks(const std::vector<std::string>& groups) {
  std::vector<std::vector<std::string>> chunks;
  for (size_t g = 0; g < groups.size(); g += kGroupsPerDescribeGroupInfo) {
    auto& chunk = chunks.emplace_back();
    for (size_t k = g; k < groups.size() && k < g + kGroupsPerDescribeGroupInfo; ++k) chunk.push_back(groups[k]);
  }
  return chunks;
}

api::ApiResult<std::vector<api::GroupInfoResponse>> read_group_states(api::CkafkaApi& api, const std::string& instance,
                                                                      const std::vector<std::string>& groups) {
  return api.describe_group_info(api::DescribeGroupInfoRequest{instance, groups});
}

api::ApiResult<api::GroupOffsetResponse> read_group_offsets(api::CkafkaApi& api, const std::string& instance,
                                                            const std::string& group,
                                                            const std::vector<std::string>& topics) {
  api::DescribeGroupOffsetsRequest req;
  req.InstanceId = instance;
  req.Group = group;
  req.Topics = topics;
  return api::describe_all_group_offsets(api, std::move(req));
}

std::optional<std::string> group_state(const api::GroupInfoResponse& info) {
  // Kafka answers an unknown group with state Dead; newer brokers with GROUP_ID_NOT_FOUND (69).
  const std::string& code = info.ErrorCode;
  const bool not_found = code == "69" || code == "GROUP_ID_NOT_FOUND";
  if (!code.empty() && code != "0" && !not_found) return std::nullopt;
  return not_found ? std::string("Dead") : info.State;
}

std::vector<Member> members_of(const api::GroupInfoResponse& info) {
  std::vector<Member> out;
  for (const auto& m : info.Members) {
    Member member{m.MemberId, m.ClientId, m.ClientHost, {}};
    for (const auto& t : m.Assignment.Topics) {
      auto& parts = member.assignment[t.Topic];
      for (int64_t p : t.Partitions) parts.push_back(static_cast<int32_t>(p));
    }
    out.push_back(std::move(member));
  }
  return out;
}

}  // namespace offsetctl::planner
