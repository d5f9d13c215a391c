#include "planner/snapshot.h"

#include <algorithm>
#include <map>
#include <set>

#include "api/paging.h"
#include "planner/call_batch.h"
#include "planner/group_reader.h"
#include "planner/offset_resolver.h"
#include "util/did_you_mean.h"
#include "util/time.h"

namespace offsetctl::planner {
namespace {

std::vector<std::string> distinct(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& n : names) {
    if (seen.insert(n).second) out.push_back(n);
  }
  return out;
}

std::string partition_list(const std::vector<int32_t>& parts) {
  constexpr size_t kShown = 10;
  std::string out = parts.size() == 1 ? "partition " : "partitions ";
  for (size_t i = 0; i < parts.size() && i < kShown; ++i) out += (i ? ", " : "") + std::to_string(parts[i]);
  if (parts.size() > kShown) out += " and " + std::to_string(parts.size() - kShown) + " more";
  return out;
}


}  // namespace

Result<Snapshot> build_snapshot(const SnapshotRequest& request, const std::vector<api::GroupOffsetResponse>& offsets,
                                const std::vector<api::GroupInfoResponse>& infos,
                                const std::vector<std::string>& confirmed_topics) {
  const std::vector<std::string> groups = distinct(request.groups);
  const std::vector<std::string> topics = distinct(request.topics);
  const std::string scope = topics.empty() ? "" : " on the topics asked for";

  // Every group is asked about the same topics: one that no answer has and that
  // DescribeTopicSyncReplica does not know either does not exist.
  if (!topics.empty() && !offsets.empty()) {
    std::set<std::string> found(confirmed_topics.begin(), confirmed_topics.end());
    for (const auto& o : offsets) {
      for (const auto& t : o.TopicList) found.insert(t.Topic);
    }
    std::vector<std::string> missing;
    for (const auto& t : topics) {
      if (!found.count(t)) missing.push_back("'" + t + "'");
    }
    if (!missing.empty()) {
      std::string list;
      for (size_t i = 0; i < missing.size(); ++i) list += (i ? ", " : "") + missing[i];
      return fail(std::string(missing.size() == 1 ? "topic " : "topics ") + list +
                  (missing.size() == 1 ? " does" : " do") + " not exist on instance " + request.instance +
                  ": check the --topic names");
    }
  }

  Snapshot s;
  s.plan.name = request.name;
  if (!request.region.empty()) s.plan.region = request.region;
  s.plan.instance = request.instance;
  s.plan.description = "Committed offsets of " + (groups.size() == 1 ? "group " + groups[0] : std::to_string(groups.size()) + " groups") +
                       " on " + request.instance + " at " + util::format_rfc3339_ms(request.now_ms) +
                       ", exported by offsetctl export";
  for (size_t g = 0; g < groups.size(); ++g) {
    const std::string& name = groups[g];
    if (g < infos.size()) {
      const api::GroupInfoResponse& info = infos[g];
      if (!info.State.empty() && info.State != "Empty" && info.State != "Dead") {
        s.notes.push_back("group '" + name + "' is " + info.State + " with " + describe_members(members_of(info)) +
                          ": its offsets move while it consumes, so this snapshot may already be behind");
      }
    }
    plan::GroupSpec spec;
    spec.group = name;
    std::map<std::string, const api::GroupOffsetTopic*> by_topic;
    for (const auto& t : offsets[g].TopicList) by_topic[t.Topic] = &t;
    for (const auto& [topic, answer] : by_topic) {
      if (!topics.empty() && std::find(topics.begin(), topics.end(), topic) == topics.end()) continue;
      plan::ExplicitOffsets pinned;
      std::vector<int32_t> none;
      for (const auto& p : answer->Partitions) {
        // Left out, it would look like a partition with nothing committed, and restoring the snapshot
        // would not restore it: no snapshot rather than a partial one.
        if (p.ErrorCode != 0) {
          return fail(partition_error(name, topic, p.Partition, p.ErrorCode) +
                      "; export again in a moment (the group coordinator may be moving)");
        }
        auto part = static_cast<int32_t>(p.Partition);
        if (p.Offset >= 0) {
          pinned.by_partition[part] = p.Offset;
        } else {
          none.push_back(part);
        }
      }
      std::sort(none.begin(), none.end());
      if (pinned.by_partition.empty()) {
        s.notes.push_back("group '" + name + "' has nothing committed on topic '" + topic + "': left out");
        continue;
      }
      if (!none.empty()) {
        s.notes.push_back("group '" + name + "', topic '" + topic + "': nothing committed on " + partition_list(none) +
                          ": left out");
      }
      plan::TopicSpec t;
      t.topic = topic;
      t.spec = std::move(pinned);
      spec.topics.push_back(std::move(t));
    }
    // A topic asked for that the answer left out: nothing committed on it, as when it lists it with -1.
    for (const auto& topic : topics) {
      if (!by_topic.count(topic)) {
        s.notes.push_back("group '" + name + "' has nothing committed on topic '" + topic + "': left out");
      }
    }
    if (spec.topics.empty()) {
      if (by_topic.empty() && topics.empty()) s.notes.push_back("group '" + name + "' has nothing committed: left out");
      continue;
    }
    s.plan.groups.push_back(std::move(spec));
  }
  if (s.plan.groups.empty()) {
    return fail("nothing to export: no group of " + std::to_string(groups.size()) + " has a committed offset" +
                scope + " on instance " + request.instance);
  }
  return s;
}

Result<Snapshot> take_snapshot(api::CkafkaApi& api, const SnapshotRequest& request, const FetchOptions& options) {
  const std::vector<std::string> groups = distinct(request.groups);
  const std::vector<std::string> topics = distinct(request.topics);
  std::vector<api::GroupOffsetResponse> offsets(groups.size());
  std::vector<api::GroupInfoResponse> infos(groups.size());
  const std::vector<std::vector<std::string>> info_chunks = group_info_chunks(groups);
  std::vector<std::vector<api::GroupInfoResponse>> chunks(info_chunks.size());
  const std::string where = " on instance " + request.instance;
  CallBatch batch;
  for (size_t c = 0; c < chunks.size(); ++c) {
    batch.add([&, c]() -> std::optional<Error> {
      auto answer = read_group_states(api, request.instance, info_chunks[c]);
      if (!answer) return Error{"reading the state of the groups" + where + ": " + answer.error().describe()};
      chunks[c] = std::move(answer->result);
      return std::nullopt;
    });
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    batch.add([&, g]() -> std::optional<Error> {
      auto answer = read_group_offsets(api, request.instance, groups[g], topics);
      if (!answer) {
        return Error{"reading the offsets of group '" + groups[g] + "'" + where + ": " + answer.error().describe()};
      }
      offsets[g] = std::move(answer->result);
      return std::nullopt;
    });
  }
  if (auto ran = batch.run(options.max_in_flight); !ran) return fail(std::move(ran).error());
  std::map<std::string, const api::GroupInfoResponse*> info_of;
  for (const auto& chunk : chunks) {
    for (const auto& info : chunk) info_of[info.Group] = &info;
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    if (auto it = info_of.find(groups[g]); it != info_of.end()) infos[g] = *it->second;
  }

  // Topics asked for that no group's offsets showed: a server may leave out a topic a group never
  // committed on, so DescribeTopicSyncReplica says whether it exists.
  std::set<std::string> shown;
  for (const auto& o : offsets) {
    for (const auto& t : o.TopicList) shown.insert(t.Topic);
  }
  std::vector<std::string> confirmed;
  for (const auto& t : topics) {
    if (shown.count(t) || groups.empty()) continue;
    api::DescribeTopicSyncReplicaRequest req;
    req.InstanceId = request.instance;
    req.TopicName = t;
    req.Limit = kPartitionsPerSyncReplicaPage;
    auto answer = api::describe_all_topic_sync_replica(api, std::move(req));
    if (answer) {
      confirmed.push_back(t);
    } else if (!topic_not_found(answer.error())) {
      return fail("reading the partitions of topic '" + t + "'" + where + ": " + answer.error().describe());
    }
  }

  // A Dead group with nothing committed may not exist at all: the instance's group list says.
  std::vector<std::string> doubtful;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (may_not_exist(infos[g], offsets[g])) doubtful.push_back(groups[g]);
  }
  if (!doubtful.empty()) {
    auto names = read_group_list(api, request.instance);
    if (!names) return fail("listing the groups" + where + ": " + names.error().describe());
    for (const auto& g : doubtful) {
      if (std::find(names->result.begin(), names->result.end(), g) != names->result.end()) continue;
      std::string msg = "group '" + g + "' does not exist on " + request.instance;
      if (auto m = util::closest_match(g, names->result)) return fail(msg + "; did you mean '" + *m + "'?");
      return fail(msg + ": check the --group names (it has no members and nothing committed)");
    }
  }
  return build_snapshot(request, offsets, infos, confirmed);
}

}  // namespace offsetctl::planner
