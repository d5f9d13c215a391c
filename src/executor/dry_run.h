#pragma once
// `offsetctl apply --dry-run`: the executor unchanged, with one object swapped.
// DryRunApi passes every read to the real client and keeps every write to
// itself: the write is answered as accepted (RequestId "dry-run") and its
// offsets show in later DescribeGroupOffsets answers, so the drift check,
// the batching and the verification run exactly as they would, and the report
// says what a real apply would change. Nothing is changed; with a NullAuditSink
// nothing is written either.

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "api/ckafka_api.h"

namespace offsetctl::executor {

inline constexpr const char* kDryRunRequestId = "dry-run";

class DryRunApi final : public api::CkafkaApi {
 public:
  explicit DryRunApi(std::shared_ptr<api::CkafkaApi> real) : real_(std::move(real)) {}

  api::ApiResult<api::GroupOffsetResponse> describe_group_offsets(const api::DescribeGroupOffsetsRequest&) override;
  api::ApiResult<std::vector<api::GroupInfoResponse>> describe_group_info(const api::DescribeGroupInfoRequest& r) override {
    return real_->describe_group_info(r);
  }
  api::ApiResult<api::ConsumerGroupResponse> describe_consumer_group(const api::DescribeConsumerGroupRequest& r) override {
    return real_->describe_consumer_group(r);
  }
  api::ApiResult<api::GroupResponse> describe_group(const api::DescribeGroupRequest& r) override {
    return real_->describe_group(r);
  }
  api::ApiResult<api::TopicInSyncReplicaResult> describe_topic_sync_replica(
      const api::DescribeTopicSyncReplicaRequest& r) override {
    return real_->describe_topic_sync_replica(r);
  }
  api::ApiResult<std::vector<api::ConsumerRecord>> fetch_message_list_by_timestamp(
      const api::FetchMessageListByTimestampRequest& r) override {
    return real_->fetch_message_list_by_timestamp(r);
  }
  // Recorded, never sent.
  api::ApiResult<api::JgwOperateResponse> batch_modify_group_offsets(const api::BatchModifyGroupOffsetsRequest&) override;
  api::ApiResult<api::JgwOperateResponse> modify_group_offsets(const api::ModifyGroupOffsetsRequest&) override;

  size_t writes() const;  // write calls kept back

 private:
  using Key = std::tuple<std::string, std::string, std::string, int64_t>;  // instance, group, topic, partition
  // What a kept-back write set: an offset, or a ShiftTimestamp the service would resolve.
  struct Pending {
    std::optional<int64_t> offset;
    int64_t timestamp = 0;
  };
  // One read-back's DescribeTopicSyncReplica answers by topic: a topic is read once, however many
  // of its partitions wait on it, and again by the next read-back (its log moves).
  using SyncReplicaAnswers = std::map<std::string, api::Answer<api::TopicInSyncReplicaResult>>;
  // The offset the service would resolve a ShiftTimestamp to, read (never written) from the real API.
  api::ApiResult<int64_t> resolve(const std::string& instance, const std::string& topic, int64_t partition,
                                  int64_t timestamp, std::optional<int64_t> log_end, SyncReplicaAnswers& read);

  std::shared_ptr<api::CkafkaApi> real_;
  mutable std::mutex mu_;
  std::map<Key, Pending> pending_;
  size_t writes_ = 0;
};

}  // namespace offsetctl::executor
