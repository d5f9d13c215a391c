#include "executor/dry_run.h"

#include <charconv>

#include "api/paging.h"

namespace offsetctl::executor {

api::ApiResult<api::JgwOperateResponse> DryRunApi::batch_modify_group_offsets(
    const api::BatchModifyGroupOffsetsRequest& r) {
  std::lock_guard lock(mu_);
  ++writes_;
  for (const auto& topic : r.TopicName)
    for (const auto& p : r.Partitions) pending_[{r.InstanceId, r.GroupName, topic, p.Partition}] = {p.Offset, 0};
  return api::Answer<api::JgwOperateResponse>{{"OK", "dry run: not sent", 0}, kDryRunRequestId};
}

api::ApiResult<api::JgwOperateResponse> DryRunApi::modify_group_offsets(const api::ModifyGroupOffsetsRequest& r) {
  std::lock_guard lock(mu_);
  ++writes_;
  // The executor sends strategy 1 with explicit topics and partitions only.
  for (const auto& topic : r.Topics)
    for (int64_t p : r.Partitions) {
      Pending pending;
      if (r.Strategy == 2 && r.Offset) pending.offset = *r.Offset;
      pending.timestamp = r.ShiftTimestamp.value_or(-1);
      pending_[{r.InstanceId, r.Group, topic, p}] = pending;
    }
  return api::Answer<api::JgwOperateResponse>{{"0", "dry run: not sent", 0}, kDryRunRequestId};
}

size_t DryRunApi::writes() const {
  std::lock_guard lock(mu_);
  return writes_;
}

api::ApiResult<int64_t> DryRunApi::resolve(const std::string& instance, const std::string& topic, int64_t partition,
                                           int64_t timestamp, std::optional<int64_t> log_end,
                                           SyncReplicaAnswers& read) {
  // The begin (earliest) or, when the answer left it out, the end of the partition's log.
  auto from_sync_replica = [&](bool begin) -> api::ApiResult<int64_t> {
    auto it = read.find(topic);
    if (it == read.end()) {
      api::DescribeTopicSyncReplicaRequest req;
      req.InstanceId = instance;
      req.TopicName = topic;
      auto answer = api::describe_all_topic_sync_replica(*real_, req);
      if (!answer.ok()) return fail(answer.error());
      it = read.emplace(topic, std::move(*answer)).first;
    }
    const auto& answer = it->second;
    for (const auto& info : answer.result.TopicInSyncReplicaList) {
      int64_t p = -1;
      std::from_chars(info.Partition.data(), info.Partition.data() + info.Partition.size(), p);
      if (p == partition) return api::Answer<int64_t>{begin ? info.BeginOffset : info.EndOffset, answer.request_id};
    }
    return api::Answer<int64_t>{0, answer.request_id};
  };
  auto end = [&]() -> api::ApiResult<int64_t> {
    if (log_end) return api::Answer<int64_t>{*log_end, ""};
    return from_sync_replica(false);
  };
  if (timestamp == -2) return from_sync_replica(true);
  if (timestamp == -1) return end();
  api::FetchMessageListByTimestampRequest req;
  req.InstanceId = instance;
  req.Topic = topic;
  req.Partition = partition;
  req.StartTime = timestamp;
  auto answer = real_->fetch_message_list_by_timestamp(req);
  if (!answer.ok()) return fail(answer.error());
  // No message at or after the instant: the service takes the log end.
  if (answer->result.empty()) return end();
  return api::Answer<int64_t>{answer->result.front().Offset, answer->request_id};
}

api::ApiResult<api::GroupOffsetResponse> DryRunApi::describe_group_offsets(const api::DescribeGroupOffsetsRequest& r) {
  auto answer = real_->describe_group_offsets(r);
  if (!answer.ok()) return answer;
  std::map<Key, Pending> pending;
  {
    std::lock_guard lock(mu_);
    pending = pending_;
  }
  SyncReplicaAnswers read;
  for (auto& topic : answer->result.TopicList) {
    for (auto& p : topic.Partitions) {
      auto it = pending.find({r.InstanceId, r.Group, topic.Topic, p.Partition});
      if (it == pending.end()) continue;
      if (it->second.offset) {
        p.Offset = *it->second.offset;
      } else {
        auto resolved = resolve(r.InstanceId, topic.Topic, p.Partition, it->second.timestamp, p.LogEndOffset, read);
        if (!resolved.ok()) return fail(resolved.error());
        p.Offset = resolved->result;
      }
      if (p.LogEndOffset) p.Lag = *p.LogEndOffset - p.Offset;
    }
  }
  return answer;
}

}  // namespace offsetctl::executor
