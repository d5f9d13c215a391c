#pragma once
// A CkafkaApi in memory for the executor's unit tests: groups with committed
// offsets, pages like the real DescribeGroupOffsets, applies writes, counts
// calls per action, and fails or misbehaves on request. Thread-safe, like the
// real client. (Test-only: included by *_test.cc files.)

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "api/ckafka_api.h"

namespace offsetctl::executor::fake {

struct FakePartition {
  std::optional<int64_t> committed;
  int64_t begin = 0;
  int64_t end = 0;
};

struct FakeGroup {
  std::string state = "Empty";
  std::vector<api::GroupInfoMember> members;
  std::map<std::string, std::map<int32_t, FakePartition>> topics;
};

class FakeCkafka final : public api::CkafkaApi {
 public:
  std::map<std::string, FakeGroup> groups;  // one instance: "ckafka-a"

  // Misbehaviours.
  std::set<std::string> fail_writes_for;     // groups whose writes fail with FailedOperation
  std::set<std::string> ignore_writes_for;   // groups whose writes are accepted but not applied
  std::set<std::string> fail_reads_for;      // groups whose DescribeGroupOffsets fails
  std::set<std::string> decline_writes_for;  // groups whose writes answer ReturnCode "-1", not applied
  bool fail_group_info = false;
  // Called before a write is applied (tests change the cluster "concurrently").
  std::function<void(FakeCkafka&)> before_write;

  std::map<std::string, int> calls;  // per action
  std::vector<api::BatchModifyGroupOffsetsRequest> batch_requests;
  std::vector<api::ModifyGroupOffsetsRequest> modify_requests;

  void set(const std::string& group, const std::string& topic, int32_t partition, std::optional<int64_t> committed,
           int64_t end = 10000, int64_t begin = 0) {
    groups[group].topics[topic][partition] = FakePartition{committed, begin, end};
  }
  std::optional<int64_t> committed(const std::string& group, const std::string& topic, int32_t partition) {
    std::lock_guard lock(mu_);
    return groups[group].topics[topic][partition].committed;
  }
  int count(const std::string& action) {
    std::lock_guard lock(mu_);
    return calls[action];
  }

  api::ApiResult<api::GroupOffsetResponse> describe_group_offsets(const api::DescribeGroupOffsetsRequest& r) override {
    std::lock_guard lock(mu_);
    ++calls["DescribeGroupOffsets"];
    if (fail_reads_for.count(r.Group)) return fail(failure("DescribeGroupOffsets", "InternalError", "read failed"));
    std::vector<api::GroupOffsetTopic> all;
    auto it = groups.find(r.Group);
    for (const auto& topic : r.Topics) {
      // Every requested topic that exists, with all its partitions (the emulator's contract).
      const std::map<int32_t, FakePartition>* parts = nullptr;
      if (it != groups.end()) {
        auto t = it->second.topics.find(topic);
        if (t != it->second.topics.end()) parts = &t->second;
      }
      if (parts == nullptr) continue;
      api::GroupOffsetTopic t{topic, {}};
      for (const auto& [p, fp] : *parts) {
        api::GroupOffsetPartition gp;
        gp.Partition = p;
        gp.Offset = fp.committed.value_or(-1);
        gp.LogEndOffset = fp.end;
        t.Partitions.push_back(gp);
      }
      all.push_back(std::move(t));
    }
    api::GroupOffsetResponse out;
    out.TotalCount = static_cast<int64_t>(all.size());
    for (int64_t i = r.Offset; i < static_cast<int64_t>(all.size()) && i < r.Offset + r.Limit; ++i) {
      out.TopicList.push_back(all[static_cast<size_t>(i)]);
    }
    return api::Answer<api::GroupOffsetResponse>{out, "req-read-" + std::to_string(calls["DescribeGroupOffsets"])};
  }

  api::ApiResult<std::vector<api::GroupInfoResponse>> describe_group_info(
      const api::DescribeGroupInfoRequest& r) override {
    std::lock_guard lock(mu_);
    ++calls["DescribeGroupInfo"];
    if (fail_group_info) return fail(failure("DescribeGroupInfo", "InternalError", "info failed"));
    std::vector<api::GroupInfoResponse> out;
    for (const auto& g : r.GroupList) {
      api::GroupInfoResponse info;
      info.Group = g;
      auto it = groups.find(g);
      info.State = it == groups.end() ? "Dead" : it->second.state;
      if (it != groups.end()) info.Members = it->second.members;
      out.push_back(info);
    }
    return api::Answer<std::vector<api::GroupInfoResponse>>{out, "req-info"};
  }

  api::ApiResult<api::ConsumerGroupResponse> describe_consumer_group(const api::DescribeConsumerGroupRequest&) override {
    return fail(failure("DescribeConsumerGroup", "UnsupportedOperation", "not in the fake"));
  }
  api::ApiResult<api::GroupResponse> describe_group(const api::DescribeGroupRequest&) override {
    return fail(failure("DescribeGroup", "UnsupportedOperation", "not in the fake"));
  }
  // The partitions of a topic as the first group holding it has them (one page).
  api::ApiResult<api::TopicInSyncReplicaResult> describe_topic_sync_replica(
      const api::DescribeTopicSyncReplicaRequest& r) override {
    std::lock_guard lock(mu_);
    ++calls["DescribeTopicSyncReplica"];
    api::TopicInSyncReplicaResult out;
    for (const auto& [name, g] : groups) {
      auto t = g.topics.find(r.TopicName);
      if (t == g.topics.end()) continue;
      for (const auto& [p, fp] : t->second) {
        api::TopicInSyncReplicaInfo info;
        info.Partition = std::to_string(p);
        info.BeginOffset = fp.begin;
        info.EndOffset = fp.end;
        out.TopicInSyncReplicaList.push_back(info);
      }
      break;
    }
    out.TotalCount = static_cast<int64_t>(out.TopicInSyncReplicaList.size());
    return api::Answer<api::TopicInSyncReplicaResult>{out, "req-sync"};
  }
  // The message at a time: the middle of the log, as modify_group_offsets resolves a timestamp here.
  api::ApiResult<std::vector<api::ConsumerRecord>> fetch_message_list_by_timestamp(
      const api::FetchMessageListByTimestampRequest& r) override {
    std::lock_guard lock(mu_);
    ++calls["FetchMessageListByTimestamp"];
    std::vector<api::ConsumerRecord> out;
    for (const auto& [name, g] : groups) {
      auto t = g.topics.find(r.Topic);
      if (t == g.topics.end()) continue;
      auto p = t->second.find(static_cast<int32_t>(r.Partition));
      if (p != t->second.end()) {
        api::ConsumerRecord rec;
        rec.Topic = r.Topic;
        rec.Partition = r.Partition;
        rec.Offset = (p->second.begin + p->second.end) / 2;
        out.push_back(rec);
      }
      break;
    }
    return api::Answer<std::vector<api::ConsumerRecord>>{out, "req-fetch"};
  }

  api::ApiResult<api::JgwOperateResponse> batch_modify_group_offsets(
      const api::BatchModifyGroupOffsetsRequest& r) override {
    if (before_write) before_write(*this);
    std::lock_guard lock(mu_);
    int n = ++calls["BatchModifyGroupOffsets"];
    batch_requests.push_back(r);
    std::string rid = "req-batch-" + std::to_string(n);
    if (fail_writes_for.count(r.GroupName)) return fail(failure("BatchModifyGroupOffsets", "FailedOperation",
                                                                "the group is not empty", rid));
    if (decline_writes_for.count(r.GroupName)) {
      return api::Answer<api::JgwOperateResponse>{api::JgwOperateResponse{"-1", "offset commit rejected", 0}, rid};
    }
    if (!ignore_writes_for.count(r.GroupName)) {
      for (const auto& topic : r.TopicName)
        for (const auto& p : r.Partitions)
          groups[r.GroupName].topics[topic][static_cast<int32_t>(p.Partition)].committed = p.Offset;
    }
    return api::Answer<api::JgwOperateResponse>{api::JgwOperateResponse{"OK", "success", 0}, rid};
  }

  api::ApiResult<api::JgwOperateResponse> modify_group_offsets(const api::ModifyGroupOffsetsRequest& r) override {
    if (before_write) before_write(*this);
    std::lock_guard lock(mu_);
    int n = ++calls["ModifyGroupOffsets"];
    modify_requests.push_back(r);
    std::string rid = "req-modify-" + std::to_string(n);
    if (fail_writes_for.count(r.Group)) return fail(failure("ModifyGroupOffsets", "FailedOperation",
                                                            "the group is not empty", rid));
    if (!ignore_writes_for.count(r.Group)) {
      for (const auto& topic : r.Topics)
        for (int64_t p : r.Partitions) {
          FakePartition& fp = groups[r.Group].topics[topic][static_cast<int32_t>(p)];
          int64_t ts = r.ShiftTimestamp.value_or(-1);
          fp.committed = ts == -2 ? fp.begin : ts == -1 ? fp.end : (fp.begin + fp.end) / 2;
        }
    }
    return api::Answer<api::JgwOperateResponse>{api::JgwOperateResponse{"0", "SUCCESS", 0}, rid};
  }

 private:
  static api::ApiFailure failure(const char* action, const char* code, const char* message, std::string rid = "") {
    return api::ApiFailure{api::ApiFailure::Kind::Api, action, code, message, std::move(rid)};
  }
  std::mutex mu_;
};

}  // namespace offsetctl::executor::fake
