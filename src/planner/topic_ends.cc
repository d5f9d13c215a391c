#include "planner/topic_ends.h"

#include "api/paging.h"
#include "planner/group_reader.h"

namespace offsetctl::planner {

const TopicEnds::Ends& TopicEnds::get(api::CkafkaApi& api, const std::string& instance,
                                      const std::string& topic) {
  Entry* entry = nullptr;
  {
    std::lock_guard lock(mu_);
    auto& slot = entries_[{instance, topic}];
    if (!slot) slot = std::make_unique<Entry>();
    entry = slot.get();
  }
  std::call_once(entry->read, [&] {
    api::DescribeTopicSyncReplicaRequest sync;
    sync.InstanceId = instance;
    sync.TopicName = topic;
    sync.Limit = kPartitionsPerSyncReplicaPage;
    auto answer = api::describe_all_topic_sync_replica(api, std::move(sync));
    if (!answer) {
      if (topic_not_found(answer.error())) {
        entry->ends.gone = true;
      } else {
        entry->ends.failure = std::move(answer).error();
      }
      return;
    }
    for (const auto& info : answer->result.TopicInSyncReplicaList) {
      entry->ends.by_partition[info.Partition] = info.EndOffset;
    }
  });
  return entry->ends;
}

}  // namespace offsetctl::planner
