#include "executor/live_offsets.h"

#include <algorithm>
#include <variant>

#include "planner/group_reader.h"
#include "planner/offset_resolver.h"
#include "util/parallel.h"

namespace offsetctl::executor {
namespace {

// One read: the states of an instance's groups, or the offsets of one group.
struct InfoTask {
  std::string region;
  std::string instance;
  std::vector<std::string> groups;
};
struct OffsetsTask {
  GroupKey key;
  const GroupRead* read;
};
using Task = std::variant<InfoTask, OffsetsTask>;

struct InfoResult {
  std::optional<api::ApiFailure> error;
  std::map<std::string, api::GroupInfoResponse> by_group;
};
struct OffsetsResult {
  std::optional<api::ApiFailure> error;
  std::map<std::string, std::map<int32_t, LivePartition>> topics;
};

api::ApiFailure no_client(const std::string& region, const char* action) {
  return api::ApiFailure{api::ApiFailure::Kind::Config, action, "NoClient",
                         "no client for region '" + region + "'", ""};
}

InfoResult read_states(api::CkafkaApi* api, const InfoTask& t) {
  InfoResult out;
  if (api == nullptr) {
    out.error = no_client(t.region, "DescribeGroupInfo");
    return out;
  }
  auto answer = planner::read_group_states(*api, t.instance, t.groups);
  if (!answer.ok()) {
    out.error = answer.error();
    return out;
  }
  for (auto& g : answer->result) out.by_group[g.Group] = std::move(g);
  return out;
}

OffsetsResult read_offsets(api::CkafkaApi* api, const std::string& instance, const std::string& group,
                           const GroupRead& read, planner::TopicEnds& topic_ends) {
  OffsetsResult out;
  if (api == nullptr) {
    out.error = no_client(read.region, "DescribeGroupOffsets");
    return out;
  }
  auto answer = planner::read_group_offsets(*api, instance, group, read.topics);
  if (!answer.ok()) {
    out.error = answer.error();
    return out;
  }
  // An ErrorCode first: the Offset beside it means nothing, and the log end may be missing for it too.
  for (const auto& t : answer->result.TopicList) {
    if (!std::binary_search(read.topics.begin(), read.topics.end(), t.Topic)) continue;  // not asked for
    for (const auto& p : t.Partitions) {
      if (p.ErrorCode == 0) continue;
      out.error = api::ApiFailure{api::ApiFailure::Kind::Api, "DescribeGroupOffsets", std::to_string(p.ErrorCode),
                                  "topic '" + t.Topic + "' partition " + std::to_string(p.Partition) +
                                      " came back with ErrorCode " + std::to_string(p.ErrorCode) +
                                      ", so its committed offset is unknown (the group coordinator may be "
                                      "moving); apply again in a moment",
                                  answer->request_id};
      return out;
    }
  }
  if (auto failed = planner::fill_missing_log_ends(*api, instance, answer->result, topic_ends)) {
    out.error = std::move(*failed);
    return out;
  }
  if (auto why = planner::missing_log_end(answer->result, group)) {
    // Drift and verification compare with the log end: without it this group is not applied.
    out.error = api::ApiFailure{api::ApiFailure::Kind::BadAnswer, "DescribeGroupOffsets", "MissingLogEndOffset",
                                std::move(*why), answer->request_id};
    return out;
  }
  for (const auto& t : answer->result.TopicList) {
    if (!std::binary_search(read.topics.begin(), read.topics.end(), t.Topic)) continue;  // not asked for
    auto& parts = out.topics[t.Topic];
    for (const auto& p : t.Partitions) {
      LivePartition lp;
      if (p.Offset >= 0) lp.committed = p.Offset;  // -1: nothing committed
      lp.log_end = p.LogEndOffset.value_or(0);  // known: missing_log_end above
      parts[static_cast<int32_t>(p.Partition)] = lp;
    }
  }
  return out;
}

std::string member_text(const api::GroupInfoMember& m) {
  return planner::member_address(m.ClientId, m.MemberId, m.ClientHost);
}

}  // namespace

LiveOffsets read_live_offsets(const RegionClients& clients, const ReadSet& reads, bool with_states,
                              size_t max_in_flight) {
  std::vector<Task> tasks;
  if (with_states) {
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> groups;  // region, instance
    for (const auto& [key, read] : reads) groups[{read.region, key.first}].push_back(key.second);
    for (auto& [k, names] : groups) {
      for (auto& chunk : planner::group_info_chunks(names)) {
        tasks.emplace_back(InfoTask{k.first, k.second, std::move(chunk)});
      }
    }
  }
  for (const auto& [key, read] : reads) tasks.emplace_back(OffsetsTask{key, &read});

  auto client = [&](const std::string& region) -> api::CkafkaApi* {
    auto it = clients.find(region);
    return it == clients.end() ? nullptr : it->second;
  };
  // Each task writes its own slot: no locking.
  std::vector<std::variant<InfoResult, OffsetsResult>> results(tasks.size());
  planner::TopicEnds topic_ends;  // a thin answer's log ends, read once per topic in this pass
  util::parallel_for(tasks.size(), max_in_flight, [&](size_t i) {
    if (const auto* info = std::get_if<InfoTask>(&tasks[i])) {
      results[i] = read_states(client(info->region), *info);
    } else {
      const auto& off = std::get<OffsetsTask>(tasks[i]);
      results[i] = read_offsets(client(off.read->region), off.key.first, off.key.second, *off.read, topic_ends);
    }
  });

  LiveOffsets live;
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (const auto* off = std::get_if<OffsetsTask>(&tasks[i])) {
      auto& r = std::get<OffsetsResult>(results[i]);
      LiveGroup& g = live.groups[off->key];
      if (r.error) g.error = std::move(r.error);
      else g.topics = std::move(r.topics);
    }
  }
  for (size_t i = 0; i < tasks.size(); ++i) {
    const auto* info = std::get_if<InfoTask>(&tasks[i]);
    if (info == nullptr) continue;
    auto& r = std::get<InfoResult>(results[i]);
    for (const auto& group : info->groups) {
      LiveGroup& g = live.groups[{info->instance, group}];
      if (g.error) continue;  // the offsets failed already: one error per group is enough
      if (r.error) {
        g.error = r.error;
        continue;
      }
      auto it = r.by_group.find(group);
      if (it == r.by_group.end()) {
        g.error = api::ApiFailure{api::ApiFailure::Kind::BadAnswer, "DescribeGroupInfo", "",
                                  "the answer did not include group '" + group + "'", ""};
        continue;
      }
      if (planner::state_missing(it->second)) {
        g.error = api::ApiFailure{api::ApiFailure::Kind::BadAnswer, "DescribeGroupInfo", "MissingState",
                                  planner::no_state(group), ""};
        continue;
      }
      std::optional<std::string> state = planner::group_state(it->second);
      if (!state) {
        const std::string& code = it->second.ErrorCode;
        g.error = api::ApiFailure{api::ApiFailure::Kind::Api, "DescribeGroupInfo", code,
                                  "the group came back with ErrorCode " + code + " (the group coordinator may be moving)",
                                  ""};
        continue;
      }
      g.state = std::move(*state);
      for (const auto& m : it->second.Members) g.members.push_back(member_text(m));
    }
  }
  return live;
}

}  // namespace offsetctl::executor
