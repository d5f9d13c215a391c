#pragma once
// The one in-memory CKafka for unit tests (planner, executor, api): one
// instance's topics and groups behind api::CkafkaApi, paging, Topics filters
// and unknown groups as the API (and the emulator) do, writes applied, calls
// counted per action, and misbehaviours on request. Thread-safe, like the
// real client. Test-only: included by *_test.cc files.

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "api/ckafka_api.h"

namespace offsetctl::api::fakes {

class FakeCkafka final : public CkafkaApi {
 public:
  struct Topic {
    int32_t partitions = 1;
    int64_t begin = 0;  // earliest offset still in the log
    int64_t end = 0;    // log end offset
    // The message at offset o was written at first_ts + (o - begin) * 1000 ms.
    int64_t first_ts = 1'000'000;
    std::map<int32_t, std::pair<int64_t, int64_t>> bounds = {};  // (begin, end) of partitions that differ
  };
  struct Group {
    std::string state = "Empty";
    std::vector<GroupInfoMember> members;
    std::map<std::string, std::map<int32_t, std::optional<int64_t>>> committed;  // topic -> partition ->
  };
  std::map<std::string, Topic> topics;  // the instance's
  std::map<std::string, Group> groups;  // a group not here is unknown (Dead)

  // Misbehaviours.
  std::set<std::string> fail_reads_for;      // groups whose DescribeGroupOffsets fails
  // group -> ErrorCode that DescribeGroupOffsets gives partition 0 of each topic (Offset -1 beside it)
  std::map<std::string, int64_t> partition_error_for;
  std::set<std::string> unreported_groups;   // DescribeGroupInfo leaves these out of its answer
  bool fail_group_info = false;              // DescribeGroupInfo fails
  std::set<std::string> fail_writes_for;     // groups whose writes fail with FailedOperation
  std::set<std::string> ignore_writes_for;   // groups whose writes are accepted but not applied
  std::set<std::string> decline_writes_for;  // groups whose writes answer ReturnCode "-1", not applied
  bool fail_group_list = false;              // DescribeGroup fails
  // DescribeGroupOffsets with Topics: leave out a topic the group has nothing committed on (else list it
  // with Offset -1, as the emulator does by default). The API documents neither; the planner must read
  // both the same way. CTest's second run of the planner's tests sets OFFSETCTL_TEST_UNCOMMITTED_TOPICS=omit.
  bool omit_uncommitted_topics = omit_by_default();
  static bool omit_by_default() {
    const char* style = std::getenv("OFFSETCTL_TEST_UNCOMMITTED_TOPICS");
    return style != nullptr && std::string(style) == "omit";
  }
  // Thin answers (ckafka-emulator --thin-answers): DescribeGroupOffsets without LogEndOffset (and Lag),
  // which the models mark optional. The planner's and the executor's .thin runs set OFFSETCTL_TEST_THIN_ANSWERS=1.
  bool thin_answers = thin_by_default();
  static bool thin_by_default() {
    const char* thin = std::getenv("OFFSETCTL_TEST_THIN_ANSWERS");
    return thin != nullptr && std::string(thin) == "1";
  }
  std::set<std::string> endless_topics;  // DescribeTopicSyncReplica lists none of their partitions
  std::set<std::string> fail_sync_replica_for;  // topics whose DescribeTopicSyncReplica fails
  std::set<std::string> stateless_groups;  // DescribeGroupInfo answers these without State
  // Called before a write is applied (tests change the cluster "concurrently").
  std::function<void(FakeCkafka&)> before_write;

  std::vector<BatchModifyGroupOffsetsRequest> batch_requests;
  std::vector<ModifyGroupOffsetsRequest> modify_requests;

  // A partition of `topic` (made if needed, bounds [begin, end]) with `group`'s committed offset.
  void set(const std::string& group, const std::string& topic, int32_t partition, std::optional<int64_t> committed,
           int64_t end = 10000, int64_t begin = 0) {
    std::lock_guard lock(mu_);
    Topic& t = topics[topic];
    t.partitions = std::max(t.partitions, partition + 1);
    t.bounds[partition] = {begin, end};
    groups[group].committed[topic][partition] = committed;
  }
  std::optional<int64_t> committed(const std::string& group, const std::string& topic, int32_t partition) const {
    std::lock_guard lock(mu_);
    auto g = groups.find(group);
    if (g == groups.end()) return std::nullopt;
    auto t = g->second.committed.find(topic);
    if (t == g->second.committed.end()) return std::nullopt;
    auto p = t->second.find(partition);
    return p == t->second.end() ? std::nullopt : p->second;
  }

  std::map<std::string, int> calls() const {
    std::lock_guard lock(mu_);
    return calls_;
  }
  int count(const std::string& action) const {
    std::lock_guard lock(mu_);
    auto it = calls_.find(action);
    return it == calls_.end() ? 0 : it->second;
  }
  std::vector<size_t> group_info_sizes() const {
    std::lock_guard lock(mu_);
    return group_info_sizes_;
  }
  int max_in_flight() const { return max_in_flight_.load(); }

  ApiResult<GroupOffsetResponse> describe_group_offsets(const DescribeGroupOffsetsRequest& r) override {
    Counter c(*this, "DescribeGroupOffsets");
    std::lock_guard lock(mu_);
    if (fail_reads_for.count(r.Group)) return failure("DescribeGroupOffsets", "InternalError", "read failed");
    const Group* g = groups.count(r.Group) ? &groups.at(r.Group) : nullptr;
    std::vector<std::string> names;  // the topics the answer lists: every one asked for that exists
    if (r.Topics.empty()) {
      if (g) {
        for (const auto& [t, parts] : g->committed) {
          if (topics.count(t)) names.push_back(t);
        }
      }
    } else {
      for (const auto& t : r.Topics) {
        if (topics.count(t) && (!omit_uncommitted_topics || has_commits(g, t))) names.push_back(t);
      }
    }
    GroupOffsetResponse out;
    out.TotalCount = static_cast<int64_t>(names.size());
    for (int64_t i = r.Offset; i < out.TotalCount && i < r.Offset + std::min<int64_t>(r.Limit, 50); ++i) {
      const std::string& name = names[static_cast<size_t>(i)];
      GroupOffsetTopic t{name, {}};
      const Topic& topic = topics.at(name);
      for (int32_t p = 0; p < topic.partitions; ++p) {
        int64_t off = -1;
        if (g && g->committed.count(name) && g->committed.at(name).count(p)) {
          off = g->committed.at(name).at(p).value_or(-1);
        }
        const int64_t end = bounds(topic, p).second;
        t.Partitions.push_back({p, off, "", 0, end, off < 0 ? 0 : end - off});
        if (auto e = partition_error_for.find(r.Group); e != partition_error_for.end() && p == 0) {
          t.Partitions.back().ErrorCode = e->second;
          t.Partitions.back().Offset = -1;
        }
        if (thin_answers) {
          t.Partitions.back().LogEndOffset.reset();
          t.Partitions.back().Lag = 0;
        }
      }
      out.TopicList.push_back(std::move(t));
    }
    return Answer<GroupOffsetResponse>{out, "req-read-" + std::to_string(calls_["DescribeGroupOffsets"])};
  }

  ApiResult<std::vector<GroupInfoResponse>> describe_group_info(const DescribeGroupInfoRequest& r) override {
    Counter c(*this, "DescribeGroupInfo");
    std::lock_guard lock(mu_);
    group_info_sizes_.push_back(r.GroupList.size());
    if (fail_group_info) return failure("DescribeGroupInfo", "InternalError", "info failed");
    std::vector<GroupInfoResponse> out;
    for (const auto& name : r.GroupList) {
      if (unreported_groups.count(name)) continue;
      GroupInfoResponse info;
      info.Group = name;
      info.ErrorCode = "0";
      auto it = groups.find(name);
      info.State = it == groups.end() ? "Dead" : it->second.state;
      if (stateless_groups.count(name)) info.State.clear();
      if (it != groups.end()) info.Members = it->second.members;
      out.push_back(std::move(info));
    }
    return Answer<std::vector<GroupInfoResponse>>{out, "req-info"};
  }

  // Every group of `groups`, by name, Limit at a time (the API's default 20 when unset).
  ApiResult<GroupResponse> describe_group(const DescribeGroupRequest& r) override {
    Counter c(*this, "DescribeGroup");
    std::lock_guard lock(mu_);
    if (fail_group_list) return failure("DescribeGroup", "InternalError", "list failed");
    GroupResponse out;
    out.TotalCount = static_cast<int64_t>(groups.size());
    const int64_t limit = r.Limit < 1 ? 20 : r.Limit;
    int64_t i = 0;
    for (const auto& [name, g] : groups) {
      if (i >= r.Offset && i < r.Offset + limit) out.GroupList.push_back({name, "consumer"});
      ++i;
    }
    return Answer<GroupResponse>{out, "req-list"};
  }

  ApiResult<ConsumerGroupResponse> describe_consumer_group(const DescribeConsumerGroupRequest&) override {
    Counter c(*this, "DescribeConsumerGroup");
    return failure("DescribeConsumerGroup", "UnsupportedOperation", "not in this fake");
  }

  ApiResult<TopicInSyncReplicaResult> describe_topic_sync_replica(const DescribeTopicSyncReplicaRequest& r) override {
    Counter c(*this, "DescribeTopicSyncReplica");
    std::lock_guard lock(mu_);
    if (!topics.count(r.TopicName)) return failure("DescribeTopicSyncReplica", "ResourceNotFound", "no such topic");
    if (fail_sync_replica_for.count(r.TopicName)) return failure("DescribeTopicSyncReplica", "InternalError", "sync failed");
    const Topic& t = topics.at(r.TopicName);
    TopicInSyncReplicaResult out;
    out.TotalCount = endless_topics.count(r.TopicName) ? 0 : t.partitions;
    const int64_t limit = r.Limit < 1 ? 20 : r.Limit;
    for (int64_t p = r.Offset; p < t.partitions && p < r.Offset + limit && !endless_topics.count(r.TopicName); ++p) {
      TopicInSyncReplicaInfo info;
      info.Partition = std::to_string(p);
      std::tie(info.BeginOffset, info.EndOffset) = bounds(t, static_cast<int32_t>(p));
      out.TopicInSyncReplicaList.push_back(info);
    }
    return Answer<TopicInSyncReplicaResult>{out, "req-sync"};
  }

  // The first message at or after StartTime (none: nothing after it).
  ApiResult<std::vector<ConsumerRecord>> fetch_message_list_by_timestamp(
      const FetchMessageListByTimestampRequest& r) override {
    Counter c(*this, "FetchMessageListByTimestamp");
    std::lock_guard lock(mu_);
    if (!topics.count(r.Topic)) return failure("FetchMessageListByTimestamp", "ResourceNotFound", "no such topic");
    std::vector<ConsumerRecord> out;
    const Topic& t = topics.at(r.Topic);
    if (auto o = first_at(t, static_cast<int32_t>(r.Partition), r.StartTime)) {
      out.push_back({r.Topic, r.Partition, *o, "", "", t.first_ts + (*o - bounds(t, static_cast<int32_t>(r.Partition)).first) * 1000});
    }
    return Answer<std::vector<ConsumerRecord>>{out, "req-fetch"};
  }

  ApiResult<JgwOperateResponse> batch_modify_group_offsets(const BatchModifyGroupOffsetsRequest& r) override {
    Counter c(*this, "BatchModifyGroupOffsets");
    if (before_write) before_write(*this);
    std::lock_guard lock(mu_);
    batch_requests.push_back(r);
    std::string rid = "req-batch-" + std::to_string(calls_["BatchModifyGroupOffsets"]);
    if (fail_writes_for.count(r.GroupName)) {
      return failure("BatchModifyGroupOffsets", "FailedOperation", "the group is not empty", rid);
    }
    if (decline_writes_for.count(r.GroupName)) {
      return Answer<JgwOperateResponse>{JgwOperateResponse{"-1", "offset commit rejected", 0}, rid};
    }
    if (!ignore_writes_for.count(r.GroupName)) {
      for (const auto& topic : r.TopicName)
        for (const auto& p : r.Partitions)
          groups[r.GroupName].committed[topic][static_cast<int32_t>(p.Partition)] = p.Offset;
    }
    return Answer<JgwOperateResponse>{JgwOperateResponse{"OK", "success", 0}, rid};
  }

  // Strategy 1: ShiftTimestamp -2 earliest, -1 latest, else the first message at or after it.
  ApiResult<JgwOperateResponse> modify_group_offsets(const ModifyGroupOffsetsRequest& r) override {
    Counter c(*this, "ModifyGroupOffsets");
    if (before_write) before_write(*this);
    std::lock_guard lock(mu_);
    modify_requests.push_back(r);
    std::string rid = "req-modify-" + std::to_string(calls_["ModifyGroupOffsets"]);
    if (fail_writes_for.count(r.Group)) {
      return failure("ModifyGroupOffsets", "FailedOperation", "the group is not empty", rid);
    }
    if (!ignore_writes_for.count(r.Group)) {
      for (const auto& topic : r.Topics) {
        auto t = topics.find(topic);
        if (t == topics.end()) continue;
        for (int64_t p : r.Partitions) {
          auto [begin, end] = bounds(t->second, static_cast<int32_t>(p));
          int64_t ts = r.ShiftTimestamp.value_or(-1);
          int64_t offset = ts == -2 ? begin : ts == -1 ? end : first_at(t->second, static_cast<int32_t>(p), ts).value_or(end);
          groups[r.Group].committed[topic][static_cast<int32_t>(p)] = offset;
        }
      }
    }
    return Answer<JgwOperateResponse>{JgwOperateResponse{"0", "SUCCESS", 0}, rid};
  }

 private:
  // Counts a call and the calls in the air with it.
  struct Counter {
    Counter(FakeCkafka& f, const std::string& action) : fake(f) {
      std::lock_guard lock(f.mu_);
      ++f.calls_[action];
      int now = ++f.in_flight_;
      if (now > f.max_in_flight_) f.max_in_flight_ = now;
    }
    ~Counter() { --fake.in_flight_; }
    FakeCkafka& fake;
  };

  static bool has_commits(const Group* g, const std::string& topic) {
    if (!g || !g->committed.count(topic)) return false;
    for (const auto& [p, offset] : g->committed.at(topic)) {
      if (offset) return true;
    }
    return false;
  }
  static std::pair<int64_t, int64_t> bounds(const Topic& t, int32_t p) {
    auto it = t.bounds.find(p);
    return it == t.bounds.end() ? std::make_pair(t.begin, t.end) : it->second;
  }
  static std::optional<int64_t> first_at(const Topic& t, int32_t p, int64_t ms) {
    auto [begin, end] = bounds(t, p);
    if (ms <= t.first_ts) return begin < end ? std::optional<int64_t>(begin) : std::nullopt;
    int64_t o = begin + (ms - t.first_ts + 999) / 1000;
    return o < end ? std::optional<int64_t>(o) : std::nullopt;
  }
  static Unexpected<ApiFailure> failure(const char* action, const char* code, const char* message,
                                        std::string rid = "req-42") {
    return fail(ApiFailure{ApiFailure::Kind::Api, action, code, message, std::move(rid)});
  }

  mutable std::mutex mu_;
  std::map<std::string, int> calls_;
  std::vector<size_t> group_info_sizes_;
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
};

}  // namespace offsetctl::api::fakes
