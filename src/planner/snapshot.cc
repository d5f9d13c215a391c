#include "planner/snapshot.h"

#include <algorithm>
#include <map>
#include <set>

#include "planner/call_batch.h"
#include "planner/group_reader.h"
#include "planner/offset_resolver.h"
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
                                const std::vector<api::GroupInfoResponse>& infos) {
  const std::vector<std::string> groups = distinct(request.groups);
  const std::vector<std::string> topics = distinct(request.topics);
  const std::string scope = topics.empty() ? "" : " on the topics asked for";

  // Every group is asked about the same topics: one that no answer has does not exist.
  if (!topics.empty() && !offsets.empty()) {
    std::set<std::string> found;
    for (const auto& t : offsets.front().TopicList) found.insert(t.Topic);
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
    if (spec.topics.empty()) {
      if (by_topic.empty()) s.notes.push_back("group '" + name + "' has nothing committed" + scope + ": left out");
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
  return build_snapshot(request, offsets, infos);
}

}  // namespace offsetctl::planner
