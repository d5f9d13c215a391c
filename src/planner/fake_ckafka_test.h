#pragma once
// For the planner's tests: an in-memory CKafka behind api::CkafkaApi that
// counts the calls made of it, per action. Paging, Topics filters and unknown
// groups behave as the API (and the emulator) do.

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "api/ckafka_api.h"

namespace offsetctl::planner::fakes {

class CountingFake final : public api::CkafkaApi {
 public:
  struct Topic {
    int32_t partitions = 1;
    int64_t begin = 0;
    int64_t end = 0;
    int64_t first_ts = 1'000'000;  // message at offset o was written at first_ts + (o - begin) * 1000
  };
  struct Group {
    std::string state = "Empty";
    std::vector<api::GroupInfoMember> members;
    std::map<std::string, std::map<int32_t, int64_t>> committed;
  };
  std::map<std::string, Topic> topics;
  std::map<std::string, Group> groups;
  std::set<std::string> failing_groups;  // DescribeGroupOffsets fails for these
  std::set<std::string> unreported_groups;  // DescribeGroupInfo leaves these out of its answer
  // DescribeGroupOffsets with Topics: leave out a topic the group has nothing committed on (else list it
  // with Offset -1). The API documents neither; the planner must read both the same way.
  // CTest's second run of these tests sets OFFSETCTL_TEST_UNCOMMITTED_TOPICS=omit.
  bool omit_uncommitted_topics = omit_by_default();
  static bool omit_by_default() {
    const char* style = std::getenv("OFFSETCTL_TEST_UNCOMMITTED_TOPICS");
    return style != nullptr && std::string(style) == "omit";
  }

  std::map<std::string, int> calls() const {
    std::lock_guard lock(mu_);
    return calls_;
  }
  std::vector<size_t> group_info_sizes() const {
    std::lock_guard lock(mu_);
    return group_info_sizes_;
  }
  int max_in_flight() const { return max_in_flight_.load(); }

  api::ApiResult<api::GroupOffsetResponse> describe_group_offsets(const api::DescribeGroupOffsetsRequest& r) override {
    Counter c(*this, "DescribeGroupOffsets");
    if (failing_groups.count(r.Group)) return failure("DescribeGroupOffsets", "InternalError", "boom");
    const Group* g = groups.count(r.Group) ? &groups.at(r.Group) : nullptr;
    std::vector<std::string> names;
    if (r.Topics.empty()) {
      if (g) {
        for (const auto& [t, parts] : g->committed) names.push_back(t);
      }
    } else {
      for (const auto& t : r.Topics) {
        const bool committed = g && g->committed.count(t) && !g->committed.at(t).empty();
        if (topics.count(t) && (committed || !omit_uncommitted_topics)) names.push_back(t);
      }
    }
    api::GroupOffsetResponse out;
    out.TotalCount = static_cast<int64_t>(names.size());
    for (int64_t i = r.Offset; i < out.TotalCount && i < r.Offset + std::min<int64_t>(r.Limit, 50); ++i) {
      const std::string& name = names[static_cast<size_t>(i)];
      api::GroupOffsetTopic t{name, {}};
      const Topic& topic = topics.at(name);
      for (int32_t p = 0; p < topic.partitions; ++p) {
        int64_t off = -1;
        if (g && g->committed.count(name) && g->committed.at(name).count(p)) off = g->committed.at(name).at(p);
        t.Partitions.push_back({p, off, "", 0, topic.end, off < 0 ? 0 : topic.end - off});
      }
      out.TopicList.push_back(std::move(t));
    }
    return api::Answer<api::GroupOffsetResponse>{out, "rid"};
  }

  api::ApiResult<std::vector<api::GroupInfoResponse>> describe_group_info(const api::DescribeGroupInfoRequest& r) override {
    Counter c(*this, "DescribeGroupInfo");
    {
      std::lock_guard lock(mu_);
      group_info_sizes_.push_back(r.GroupList.size());
    }
    std::vector<api::GroupInfoResponse> out;
    for (const auto& name : r.GroupList) {
      if (unreported_groups.count(name)) continue;
      api::GroupInfoResponse info;
      info.Group = name;
      info.ErrorCode = "0";
      info.State = groups.count(name) ? groups.at(name).state : "Dead";
      if (groups.count(name)) info.Members = groups.at(name).members;
      out.push_back(std::move(info));
    }
    return api::Answer<std::vector<api::GroupInfoResponse>>{out, "rid"};
  }

  // Every group of `groups`, by name, Limit at a time.
  api::ApiResult<api::GroupResponse> describe_group(const api::DescribeGroupRequest& r) override {
    Counter c(*this, "DescribeGroup");
    api::GroupResponse out;
    out.TotalCount = static_cast<int64_t>(groups.size());
    int64_t i = 0;
    for (const auto& [name, g] : groups) {
      if (i >= r.Offset && i < r.Offset + r.Limit) out.GroupList.push_back({name, "consumer"});
      ++i;
    }
    return api::Answer<api::GroupResponse>{out, "rid"};
  }

  api::ApiResult<api::ConsumerGroupResponse> describe_consumer_group(const api::DescribeConsumerGroupRequest&) override {
    Counter c(*this, "DescribeConsumerGroup");
    return failure("DescribeConsumerGroup", "UnsupportedOperation", "not in this fake");
  }

  api::ApiResult<api::TopicInSyncReplicaResult> describe_topic_sync_replica(
      const api::DescribeTopicSyncReplicaRequest& r) override {
    Counter c(*this, "DescribeTopicSyncReplica");
    if (!topics.count(r.TopicName)) return failure("DescribeTopicSyncReplica", "ResourceNotFound", "no such topic");
    const Topic& t = topics.at(r.TopicName);
    api::TopicInSyncReplicaResult out;
    out.TotalCount = t.partitions;
    for (int64_t p = r.Offset; p < t.partitions && p < r.Offset + r.Limit; ++p) {
      api::TopicInSyncReplicaInfo info;
      info.Partition = std::to_string(p);
      info.BeginOffset = t.begin;
      info.EndOffset = t.end;
      out.TopicInSyncReplicaList.push_back(info);
    }
    return api::Answer<api::TopicInSyncReplicaResult>{out, "rid"};
  }

  api::ApiResult<std::vector<api::ConsumerRecord>> fetch_message_list_by_timestamp(
      const api::FetchMessageListByTimestampRequest& r) override {
    Counter c(*this, "FetchMessageListByTimestamp");
    const Topic& t = topics.at(r.Topic);
    std::vector<api::ConsumerRecord> out;
    for (int64_t o = t.begin; o < t.end; ++o) {
      int64_t ts = t.first_ts + (o - t.begin) * 1000;
      if (ts >= r.StartTime) {
        out.push_back({r.Topic, r.Partition, o, "", "", ts});
        break;
      }
    }
    return api::Answer<std::vector<api::ConsumerRecord>>{out, "rid"};
  }

  api::ApiResult<api::JgwOperateResponse> batch_modify_group_offsets(const api::BatchModifyGroupOffsetsRequest&) override {
    Counter c(*this, "BatchModifyGroupOffsets");
    return failure("BatchModifyGroupOffsets", "UnsupportedOperation", "planning never writes");
  }
  api::ApiResult<api::JgwOperateResponse> modify_group_offsets(const api::ModifyGroupOffsetsRequest&) override {
    Counter c(*this, "ModifyGroupOffsets");
    return failure("ModifyGroupOffsets", "UnsupportedOperation", "planning never writes");
  }

 private:
  struct Counter {
    Counter(CountingFake& f, const std::string& action) : fake(f) {
      std::lock_guard lock(f.mu_);
      ++f.calls_[action];
      int now = ++f.in_flight_;
      if (now > f.max_in_flight_) f.max_in_flight_ = now;
    }
    ~Counter() { --fake.in_flight_; }
    CountingFake& fake;
  };

  static Unexpected<api::ApiFailure> failure(const std::string& action, const std::string& code,
                                             const std::string& message) {
    api::ApiFailure f;
    f.action = action;
    f.code = code;
    f.message = message;
    f.request_id = "req-42";
    return fail(f);
  }

  mutable std::mutex mu_;
  std::map<std::string, int> calls_;
  std::vector<size_t> group_info_sizes_;
  std::atomic<int> in_flight_{0};
  std::atomic<int> max_in_flight_{0};
};

}  // namespace offsetctl::planner::fakes
