#include "planner/group_reader.h"

#include <algorithm>
#include <map>
#include <utility>

#include "api/ckafka_codec.h"
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

bool topic_not_found(const api::ApiFailure& f) {
  return f.kind == api::ApiFailure::Kind::Api &&
         (f.code == "InvalidParameterValue" || f.code.rfind("ResourceNotFound", 0) == 0 ||
          f.code.find("TopicNotExist") != std::string::npos);
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

std::optional<api::ApiFailure> fill_missing_log_ends(api::CkafkaApi& api, const std::string& instance,
                                                     api::GroupOffsetResponse& offsets, TopicEnds& topic_ends) {
  for (api::GroupOffsetTopic& t : offsets.TopicList) {
    const bool thin = std::any_of(t.Partitions.begin(), t.Partitions.end(),
                                  [](const api::GroupOffsetPartition& p) { return !p.LogEndOffset; });
    if (!thin) continue;
    const TopicEnds::Ends& ends = topic_ends.get(api, instance, t.Topic);
    if (ends.gone) continue;  // gone meanwhile: the ends stay unknown
    if (ends.failure) return ends.failure;
    for (api::GroupOffsetPartition& p : t.Partitions) {
      auto e = ends.by_partition.find(std::to_string(p.Partition));
      if (!p.LogEndOffset && e != ends.by_partition.end()) p.LogEndOffset = e->second;
    }
  }
  return std::nullopt;
}

std::string no_log_end(const std::string& group, const std::string& topic, int64_t partition) {
  return "the API answered without LogEndOffset for group '" + group + "' (topic '" + topic + "' partition " +
         std::to_string(partition) +
         "), and DescribeTopicSyncReplica gave no EndOffset for it either; plan again, and report it if it persists";
}

std::string partition_error(const std::string& group, const std::string& topic, int64_t partition, int64_t code) {
  return "DescribeGroupOffsets answered group '" + group + "', topic '" + topic + "' partition " +
         std::to_string(partition) + " with ErrorCode " + std::to_string(code) + ", so its committed offset is unknown";
}

std::optional<std::string> missing_log_end(const api::GroupOffsetResponse& offsets, const std::string& group) {
  for (const auto& t : offsets.TopicList) {
    for (const auto& p : t.Partitions) {
      if (!p.LogEndOffset) return no_log_end(group, t.Topic, p.Partition);
    }
  }
  return std::nullopt;
}

std::optional<std::string> group_state(const api::GroupInfoResponse& info) {
  // Kafka answers an unknown group with state Dead; newer brokers with GROUP_ID_NOT_FOUND (69).
  const std::string& code = info.ErrorCode;
  const bool not_found = code == "69" || code == "GROUP_ID_NOT_FOUND";
  if (!code.empty() && code != "0" && !not_found) return std::nullopt;
  return not_found ? std::string("Dead") : info.State;
}

bool state_missing(const api::GroupInfoResponse& info) {
  return info.State.empty() && group_state(info) == std::string();  // a not-found ErrorCode says Dead
}

std::string no_state(const std::string& group) {
  return "the API answered without State for group '" + group +
         "', so whether its consumers are active is unknown; plan again, and report it if it persists";
}

api::ApiResult<std::vector<std::string>> read_group_list(api::CkafkaApi& api, const std::string& instance) {
  auto answer = api::describe_all_groups(api, {instance, std::nullopt, 0, api::kDescribeGroupLimit});
  if (!answer) return fail(std::move(answer).error());
  std::vector<std::string> names;
  names.reserve(answer->result.GroupList.size());
  for (auto& g : answer->result.GroupList) names.push_back(std::move(g.Group));
  return api::Answer<std::vector<std::string>>{std::move(names), answer->request_id};
}

bool may_not_exist(const api::GroupInfoResponse& info, const api::GroupOffsetResponse& offsets) {
  if (group_state(info) != std::optional<std::string>("Dead") || !info.Members.empty()) return false;
  for (const auto& t : offsets.TopicList) {
    for (const auto& p : t.Partitions) {
      if (p.Offset >= 0) return false;
    }
  }
  return true;
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
