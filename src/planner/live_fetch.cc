#include "planner/live_fetch.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <map>
#include <memory>
#include <set>

#include "api/paging.h"
#include "planner/call_batch.h"
#include "util/did_you_mean.h"
#include "util/plural.h"
#include "util/time.h"

namespace offsetctl::planner {
namespace {

std::string on_instance(const InstanceNeeds& in) {
  return "instance " + in.instance + (in.region.empty() ? "" : " (" + in.region + ")");
}

std::string list_groups(const std::vector<std::string>& groups) {
  std::string out;
  for (size_t i = 0; i < groups.size() && i < 3; ++i) out += (i ? ", '" : "'") + groups[i] + "'";
  if (groups.size() > 3) out += " and " + std::to_string(groups.size() - 3) + " more";
  return out;
}

// What one instance needs, the client that reads it, and each call's answer.
struct InstanceWork {
  const InstanceNeeds* needs = nullptr;
  api::CkafkaApi* api = nullptr;
  std::vector<std::vector<std::string>> info_chunks;
  std::vector<std::vector<api::GroupInfoResponse>> infos;  // per chunk
  std::vector<api::GroupOffsetResponse> offsets;           // per group of needs->groups
  // Per topic of needs->begin_topics: claimed by the first group whose offsets
  // show the topic exists, which then reads its begin offsets.
  std::unique_ptr<std::atomic<bool>[]> begin_claimed;
  std::vector<std::vector<api::TopicInSyncReplicaInfo>> begins;
  std::vector<TimeKey> times;  // distinct, of existing partitions
  std::vector<std::optional<int64_t>> time_answers;
  // Topics no group's offsets showed, and what DescribeTopicSyncReplica says of each (nullopt: no such topic).
  std::vector<std::string> unconfirmed;
  std::vector<std::optional<std::vector<api::TopicInSyncReplicaInfo>>> confirmed;
  // Groups that look like they do not exist, and the instance's group list when there are any.
  std::vector<std::string> doubtful_groups;
  std::vector<std::string> listed_groups;
  // Topics found by topics: all entries whose begin offsets no group claimed in phase 1.
  std::vector<std::string> found_begin_topics;
  std::vector<std::vector<api::TopicInSyncReplicaInfo>> found_begins;
  // Partitions no group's offsets gave the log end of (LogEndOffset is optional in the models),
  // with the groups that asked; their topics, and what DescribeTopicSyncReplica says of each.
  std::map<std::pair<std::string, int32_t>, std::vector<std::string>> endless;
  std::vector<std::string> endless_topics;
  std::vector<std::optional<std::vector<api::TopicInSyncReplicaInfo>>> ends;
};

// The topics the plans name that no group's offsets showed. DescribeGroupOffsets promises only
// "the subscribed topics": a server may leave out one the group never committed on, which is
// "nothing committed", not "no such topic", once DescribeTopicSyncReplica knows the topic.
void find_unconfirmed(InstanceWork& w, const InstanceLive& live) {
  std::set<std::string> names;
  for (const auto& g : w.needs->groups) {
    for (const auto& t : g.topics) {
      if (!live.topics.count(t)) names.insert(t);
    }
  }
  w.unconfirmed.assign(names.begin(), names.end());
  w.confirmed.resize(w.unconfirmed.size());
}

// Dead groups with nothing committed on the planned topics: they may not exist at all.
void find_doubtful(InstanceWork& w, const InstanceLive& live) {
  for (const auto& [name, g] : live.groups) {
    if (g.state != "Dead" || !g.members.empty()) continue;
    bool committed = false;
    for (const auto& [topic, parts] : g.committed) {
      for (const auto& [p, offset] : parts) committed = committed || offset.has_value();
    }
    if (!committed) w.doubtful_groups.push_back(name);
  }
}

Status<> merge_confirmed(InstanceWork& w, InstanceLive& live) {
  for (size_t k = 0; k < w.unconfirmed.size(); ++k) {
    if (!w.confirmed[k]) continue;  // no such topic: the resolver says so, with a suggestion
    TopicLive& topic = live.topics[w.unconfirmed[k]];
    for (const auto& info : *w.confirmed[k]) {
      int32_t p = 0;
      const char* end = info.Partition.data() + info.Partition.size();
      auto [ptr, ec] = std::from_chars(info.Partition.data(), end, p);
      if (ec != std::errc() || ptr != end) {
        return fail("DescribeTopicSyncReplica on " + on_instance(*w.needs) + " answered topic '" +
                    w.unconfirmed[k] + "' with partition '" + info.Partition + "', which is not a number");
      }
      PartitionBounds& b = topic.partitions[p];
      b.begin = info.BeginOffset;
      b.end = info.EndOffset;
    }
  }
  return Ok{};
}

void merge_listing(const InstanceWork& w, InstanceLive& live) {
  if (w.doubtful_groups.empty()) return;
  const std::set<std::string> listed(w.listed_groups.begin(), w.listed_groups.end());
  for (const auto& name : w.doubtful_groups) {
    if (listed.count(name)) continue;  // it exists after all (Dead only for a moment)
    GroupLive& g = live.groups[name];
    g.unlisted = true;
    if (auto m = util::closest_match(name, w.listed_groups)) g.closest_listed = *m;
  }
}

bool asked_for(const GroupNeeds& need, const std::string& topic) {
  return need.all_topics || std::binary_search(need.topics.begin(), need.topics.end(), topic);
}

Status<> merge_group_info(InstanceWork& w, InstanceLive& live) {
  std::set<std::string> reported;
  for (size_t c = 0; c < w.info_chunks.size(); ++c) {
    for (const auto& info : w.infos[c]) {
      if (state_missing(info)) {
        auto it = live.groups.find(info.Group);
        if (it == live.groups.end()) continue;  // not asked for
        reported.insert(info.Group);
        if (it->second.thin_answer.empty()) it->second.thin_answer = no_state(info.Group);
        it->second.members = members_of(info);
        continue;
      }
      std::optional<std::string> state = group_state(info);
      if (!state) {
        return fail("DescribeGroupInfo on " + on_instance(*w.needs) + " answered group '" + info.Group +
                    "' with ErrorCode " + info.ErrorCode + "; plan again in a moment (the group coordinator may be moving)");
      }
      auto it = live.groups.find(info.Group);
      if (it == live.groups.end()) continue;  // not asked for
      reported.insert(info.Group);
      GroupLive& g = it->second;
      g.state = std::move(*state);
      g.members = members_of(info);
    }
  }
  // Kafka reports every group asked about (Dead when unknown): a silent gap could hide an active group.
  for (const auto& chunk : w.info_chunks) {
    for (const auto& group : chunk) {
      if (!reported.count(group)) {
        return fail("DescribeGroupInfo on " + on_instance(*w.needs) + " did not report group '" + group +
                    "', so its state is unknown; plan again, and report it if it persists");
      }
    }
  }
  return Ok{};
}

// A partition answered with an ErrorCode makes its group's rows invalid (GroupLive::thin_answer):
// the other groups plan as usual.
void merge_group_offsets(InstanceWork& w, InstanceLive& live) {
  std::set<std::pair<std::string, int32_t>> ended;  // partitions some answer gave the log end of
  for (size_t i = 0; i < w.needs->groups.size(); ++i) {
    const GroupNeeds& need = w.needs->groups[i];
    GroupLive& g = live.groups[need.group];
    for (const auto& t : w.offsets[i].TopicList) {
      if (!asked_for(need, t.Topic)) continue;
      auto& committed = g.committed[t.Topic];
      TopicLive& topic = live.topics[t.Topic];
      for (const auto& p : t.Partitions) {
        if (p.ErrorCode != 0) {
          if (g.thin_answer.empty()) {
            g.thin_answer = partition_error(need.group, t.Topic, p.Partition, p.ErrorCode) +
                            "; plan again in a moment (the group coordinator may be moving)";
          }
          continue;
        }
        auto part = static_cast<int32_t>(p.Partition);
        committed[part] = p.Offset < 0 ? std::nullopt : std::optional<int64_t>(p.Offset);
        PartitionBounds& b = topic.partitions[part];
        // Groups read at different moments: the log only grows. Unknown: the group's rows are invalid.
        if (p.LogEndOffset) {
          b.end = std::max(b.end, *p.LogEndOffset);
          ended.insert({t.Topic, part});
        } else {
          w.endless[{t.Topic, part}].push_back(need.group);
        }
      }
    }
  }
  std::set<std::string> topics;
  for (auto it = w.endless.begin(); it != w.endless.end();) {
    if (ended.count(it->first)) {
      it = w.endless.erase(it);  // another group's answer had it
    } else {
      topics.insert(it->first.first);
      ++it;
    }
  }
  w.endless_topics.assign(topics.begin(), topics.end());
  w.ends.resize(w.endless_topics.size());
}

// The begin offsets phase 1 read of `topic`, which carry its EndOffsets too; null when none were read.
const std::vector<api::TopicInSyncReplicaInfo>* begins_read(const InstanceWork& w, const std::string& topic) {
  const auto& wanted = w.needs->begin_topics;
  auto it = std::lower_bound(wanted.begin(), wanted.end(), topic);
  if (it == wanted.end() || *it != topic) return nullptr;
  const auto k = static_cast<size_t>(it - wanted.begin());
  return w.begin_claimed[k].load() ? &w.begins[k] : nullptr;
}

// The log ends no DescribeGroupOffsets answer gave, from DescribeTopicSyncReplica's EndOffset; a
// partition that has none either makes its groups' rows invalid (GroupLive::thin_answer).
void merge_ends(InstanceWork& w, InstanceLive& live) {
  for (const auto& [key, groups] : w.endless) {
    const auto& [topic, part] = key;
    auto t = std::lower_bound(w.endless_topics.begin(), w.endless_topics.end(), topic);
    const auto& answer = w.ends[static_cast<size_t>(t - w.endless_topics.begin())];
    const std::vector<api::TopicInSyncReplicaInfo>* infos = answer ? &*answer : begins_read(w, topic);
    std::optional<int64_t> end;
    for (size_t i = 0; infos && i < infos->size() && !end; ++i) {
      if ((*infos)[i].Partition == std::to_string(part)) end = (*infos)[i].EndOffset;
    }
    if (end) {
      PartitionBounds& b = live.topics[topic].partitions[part];
      b.end = std::max(b.end, *end);
      continue;
    }
    for (const auto& group : groups) {
      GroupLive& g = live.groups[group];
      if (g.thin_answer.empty()) g.thin_answer = no_log_end(group, topic, part);
    }
  }
}

Status<> merge_topic_begins(const InstanceWork& w, const std::string& name,
                            const std::vector<api::TopicInSyncReplicaInfo>& begins, InstanceLive& live) {
  TopicLive& topic = live.topics[name];
  for (const auto& info : begins) {
    int32_t p = 0;
    const char* end = info.Partition.data() + info.Partition.size();
    auto [ptr, ec] = std::from_chars(info.Partition.data(), end, p);
    if (ec != std::errc() || ptr != end) {
      return fail("DescribeTopicSyncReplica on " + on_instance(*w.needs) + " answered topic '" + name +
                  "' with partition '" + info.Partition + "', which is not a number");
    }
    auto it = topic.partitions.find(p);
    if (it != topic.partitions.end()) it->second.begin = info.BeginOffset;
  }
  return Ok{};
}

Status<> merge_begins(InstanceWork& w, InstanceLive& live) {
  for (size_t i = 0; i < w.found_begin_topics.size(); ++i) {
    if (auto s = merge_topic_begins(w, w.found_begin_topics[i], w.found_begins[i], live); !s) return s;
  }
  for (size_t i = 0; i < w.needs->begin_topics.size(); ++i) {
    if (!w.begin_claimed[i].load()) continue;  // the topic does not exist
    if (auto s = merge_topic_begins(w, w.needs->begin_topics[i], w.begins[i], live); !s) return s;
  }
  return Ok{};
}

// DescribeTopicSyncReplica of one topic, every page.
std::optional<Error> read_topic_begins(InstanceWork& w, const std::string& name,
                                       std::vector<api::TopicInSyncReplicaInfo>& out) {
  api::DescribeTopicSyncReplicaRequest req;
  req.InstanceId = w.needs->instance;
  req.TopicName = name;
  req.Limit = kPartitionsPerSyncReplicaPage;
  auto answer = api::describe_all_topic_sync_replica(*w.api, std::move(req));
  if (!answer) {
    return Error{"reading the earliest offsets of topic '" + name + "' on " + on_instance(*w.needs) + ": " +
                 answer.error().describe()};
  }
  out = std::move(answer->result.TopicInSyncReplicaList);
  return std::nullopt;
}

std::optional<Error> read_begins(InstanceWork& w, size_t k) {
  return read_topic_begins(w, w.needs->begin_topics[k], w.begins[k]);
}

// After a group's offsets: the begin offsets of the needed topics they show to
// exist that no other group has claimed yet. Reading them here rather than in
// phase 2 overlaps them with the other groups' offsets (rate-limited apart).
std::optional<Error> read_begins_shown_by(InstanceWork& w, const GroupNeeds& need,
                                          const api::GroupOffsetResponse& offsets) {
  const auto& wanted = w.needs->begin_topics;
  for (const auto& t : offsets.TopicList) {
    if (!asked_for(need, t.Topic)) continue;
    auto it = std::lower_bound(wanted.begin(), wanted.end(), t.Topic);
    if (it == wanted.end() || *it != t.Topic) continue;
    auto k = static_cast<size_t>(it - wanted.begin());
    if (w.begin_claimed[k].exchange(true)) continue;
    if (auto e = read_begins(w, k)) return e;
  }
  return std::nullopt;
}

// Phase 2's lookups: the instants of the partitions that exist, and the begin
// offsets of the topics topics: all entries found that phase 1 did not read.
void plan_second_phase(InstanceWork& w, const InstanceLive& live) {
  std::set<TimeKey> keys;
  std::set<std::string> unread_begins;
  const auto& wanted = w.needs->begin_topics;
  for (const auto& all : w.needs->all_topics) {
    auto g = live.groups.find(all.group);
    for (const auto& [topic, partitions] :
         committed_selection(all.except_topics, g == live.groups.end() ? nullptr : &g->second)) {
      if (all.begin) {
        auto it = std::lower_bound(wanted.begin(), wanted.end(), topic);
        const bool read = it != wanted.end() && *it == topic && w.begin_claimed[it - wanted.begin()].load();
        if (!read) unread_begins.insert(topic);
      }
      if (all.time_ms) {
        for (int32_t p : partitions) keys.insert({topic, p, *all.time_ms});
      }
    }
  }
  w.found_begin_topics.assign(unread_begins.begin(), unread_begins.end());
  w.found_begins.resize(w.found_begin_topics.size());
  for (const auto& l : w.needs->time_lookups) {
    auto t = live.topics.find(l.topic);
    if (t == live.topics.end()) continue;
    if (!l.partitions) {
      for (const auto& [p, bounds] : t->second.partitions) keys.insert({l.topic, p, l.ms});
    } else {
      for (int32_t p : *l.partitions) {
        if (t->second.partitions.count(p)) keys.insert({l.topic, p, l.ms});
      }
    }
  }
  w.times.assign(keys.begin(), keys.end());
  w.time_answers.resize(w.times.size());
}

}  // namespace

Result<LiveState> fetch_live_state(const LiveNeeds& needs, const ClientFactory& clients,
                                   const FetchOptions& options) {
  std::map<std::string, std::shared_ptr<api::CkafkaApi>> by_region;
  std::vector<InstanceWork> work(needs.instances.size());
  for (size_t i = 0; i < needs.instances.size(); ++i) {
    const InstanceNeeds& in = needs.instances[i];
    auto& client = by_region[in.region];
    if (!client) {
      auto made = clients(in.region);
      if (!made) return fail(std::move(made).error());
      client = std::move(*made);
    }
    InstanceWork& w = work[i];
    w.needs = &in;
    w.api = client.get();
    std::vector<std::string> names;
    for (const auto& g : in.groups) {
      if (g.state) names.push_back(g.group);  // a fromGroup source is only read
    }
    w.info_chunks = group_info_chunks(names);
    w.infos.resize(w.info_chunks.size());
    w.offsets.resize(in.groups.size());
    w.begin_claimed = std::make_unique<std::atomic<bool>[]>(in.begin_topics.size());
    w.begins.resize(in.begin_topics.size());
  }

  CallBatch batch;
  for (InstanceWork& w : work) {
    for (size_t c = 0; c < w.info_chunks.size(); ++c) {
      batch.add([&w, c]() -> std::optional<Error> {
        auto answer = read_group_states(*w.api, w.needs->instance, w.info_chunks[c]);
        if (!answer) {
          return Error{"reading the state of groups " + list_groups(w.info_chunks[c]) + " on " +
                       on_instance(*w.needs) + ": " + answer.error().describe()};
        }
        w.infos[c] = std::move(answer->result);
        return std::nullopt;
      });
    }
    for (size_t g = 0; g < w.needs->groups.size(); ++g) {
      batch.add([&w, g]() -> std::optional<Error> {
        const GroupNeeds& need = w.needs->groups[g];
        // No Topics filter for topics: all (or its source): every topic the group has committed on.
        auto answer = read_group_offsets(*w.api, w.needs->instance, need.group,
                                         need.all_topics ? std::vector<std::string>{} : need.topics);
        if (!answer) {
          return Error{"reading the offsets of group '" + need.group + "' on " + on_instance(*w.needs) + ": " +
                       answer.error().describe()};
        }
        w.offsets[g] = std::move(answer->result);
        return read_begins_shown_by(w, need, w.offsets[g]);
      });
    }
  }
  if (auto s = batch.run(options.max_in_flight); !s) return fail(std::move(s).error());

  LiveState state;
  for (InstanceWork& w : work) {
    InstanceLive& live = state.instances[w.needs->instance];
    live.region = w.needs->region;
    for (const auto& g : w.needs->groups) live.groups[g.group];  // DescribeGroupInfo sets the state
    merge_group_offsets(w, live);
    if (auto s = merge_group_info(w, live); !s) return fail(std::move(s).error());
    find_unconfirmed(w, live);
    find_doubtful(w, live);
  }

  // Only when something looks missing: whether those topics and groups exist.
  for (InstanceWork& w : work) {
    for (size_t k = 0; k < w.unconfirmed.size(); ++k) {
      batch.add([&w, k]() -> std::optional<Error> {
        api::DescribeTopicSyncReplicaRequest req;
        req.InstanceId = w.needs->instance;
        req.TopicName = w.unconfirmed[k];
        req.Limit = kPartitionsPerSyncReplicaPage;
        auto answer = api::describe_all_topic_sync_replica(*w.api, std::move(req));
        if (!answer && topic_not_found(answer.error())) return std::nullopt;
        if (!answer) {
          return Error{"reading the partitions of topic '" + w.unconfirmed[k] + "' on " + on_instance(*w.needs) +
                       ": " + answer.error().describe()};
        }
        w.confirmed[k] = std::move(answer->result.TopicInSyncReplicaList);
        return std::nullopt;
      });
    }
    for (size_t k = 0; k < w.endless_topics.size(); ++k) {
      if (begins_read(w, w.endless_topics[k])) continue;  // phase 1 read them: no call
      batch.add([&w, k]() -> std::optional<Error> {
        api::DescribeTopicSyncReplicaRequest req;
        req.InstanceId = w.needs->instance;
        req.TopicName = w.endless_topics[k];
        req.Limit = kPartitionsPerSyncReplicaPage;
        auto answer = api::describe_all_topic_sync_replica(*w.api, std::move(req));
        if (!answer && topic_not_found(answer.error())) return std::nullopt;  // the ends stay unknown
        if (!answer) {
          return Error{"reading the log end offsets of topic '" + w.endless_topics[k] + "' on " +
                       on_instance(*w.needs) + " (DescribeGroupOffsets answered without them): " +
                       answer.error().describe()};
        }
        w.ends[k] = std::move(answer->result.TopicInSyncReplicaList);
        return std::nullopt;
      });
    }
    if (!w.doubtful_groups.empty()) {
      batch.add([&w]() -> std::optional<Error> {
        auto answer = read_group_list(*w.api, w.needs->instance);
        if (!answer) {
          return Error{"listing the groups of " + on_instance(*w.needs) + " (to check that group " +
                       list_groups(w.doubtful_groups) + " exists): " + answer.error().describe()};
        }
        w.listed_groups = std::move(answer->result);
        return std::nullopt;
      });
    }
  }
  if (auto s = batch.run(options.max_in_flight); !s) return fail(std::move(s).error());
  for (InstanceWork& w : work) {
    InstanceLive& live = state.instances[w.needs->instance];
    if (auto s = merge_confirmed(w, live); !s) return fail(std::move(s).error());
    merge_ends(w, live);
    merge_listing(w, live);
    plan_second_phase(w, live);
  }

  for (InstanceWork& w : work) {
    for (size_t k = 0; k < w.found_begin_topics.size(); ++k) {
      batch.add([&w, k]() -> std::optional<Error> {
        return read_topic_begins(w, w.found_begin_topics[k], w.found_begins[k]);
      });
    }
    for (size_t k = 0; k < w.times.size(); ++k) {
      batch.add([&w, k]() -> std::optional<Error> {
        const auto& [topic, partition, ms] = w.times[k];
        api::FetchMessageListByTimestampRequest req;
        req.InstanceId = w.needs->instance;
        req.Topic = topic;
        req.Partition = partition;
        req.StartTime = ms;
        req.SinglePartitionRecordNumber = 1;
        auto answer = w.api->fetch_message_list_by_timestamp(req);
        if (!answer) {
          return Error{"reading the offset at " + util::format_rfc3339_ms(ms) + " of topic '" + topic +
                       "' partition " + std::to_string(partition) + " on " + on_instance(*w.needs) + ": " +
                       answer.error().describe()};
        }
        std::optional<int64_t> first;  // no record: nothing at or after the time
        for (const auto& r : answer->result) {
          if (r.Partition == partition && (!first || r.Offset < *first)) first = r.Offset;
        }
        w.time_answers[k] = first;
        return std::nullopt;
      });
    }
  }
  if (auto s = batch.run(options.max_in_flight); !s) return fail(std::move(s).error());

  for (InstanceWork& w : work) {
    InstanceLive& live = state.instances[w.needs->instance];
    if (auto s = merge_begins(w, live); !s) return fail(std::move(s).error());
    for (size_t k = 0; k < w.times.size(); ++k) live.offset_at_time[w.times[k]] = w.time_answers[k];
  }
  spdlog::debug("read the live state of {}", util::plural(state.instances.size(), "instance", "instances"));
  return state;
}

}  // namespace offsetctl::planner
