#pragma once
// The log ends of topics from DescribeTopicSyncReplica, for DescribeGroupOffsets
// answers that came without LogEndOffset: read once per topic and shared by every
// group read in one pass (apply's drift check, its verification), as plan reads
// each topic once. A later pass makes its own: logs move. Thread-safe: a topic
// several groups need at once is read once, and the others wait for that answer.

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "api/ckafka_api.h"

namespace offsetctl::planner {

class TopicEnds {
 public:
  struct Ends {
    std::optional<api::ApiFailure> failure;       // the read failed
    bool gone = false;                            // the topic does not exist (any more)
    std::map<std::string, int64_t> by_partition;  // partition, as the answer writes it -> EndOffset
  };

  // The topic's ends, read on the first call for it (every page).
  const Ends& get(api::CkafkaApi& api, const std::string& instance, const std::string& topic);

 private:
  struct Entry {
    std::once_flag read;
    Ends ends;
  };
  std::mutex mu_;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<Entry>> entries_;  // instance, topic
};

}  // namespace offsetctl::planner
