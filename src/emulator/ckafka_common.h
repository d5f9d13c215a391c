#pragma once
// Checks and answers shared by the CKafka actions.

#include <cstdint>
#include <string>

#include "emulator/actions.h"
#include "emulator/params.h"

namespace offsetctl::emulator {

// The instance, or InvalidParameterValue.InstanceNotExist (instances live in one region).
Result<Instance*, ApiError> find_instance_or_error(ActionContext& ctx, const std::string& id);
// The topic, or InvalidParameterValue naming the instance.
Result<Topic*, ApiError> find_topic_or_error(Instance& instance, const std::string& name);
// The partition's log, or InvalidParameterValue.
Result<PartitionLog*, ApiError> find_partition_or_error(Topic& topic, int64_t partition);

// Offset and Limit of a paged call: Offset >= 0, Limit >= 1 (capped at `max_limit`).
struct Page {
  int64_t offset = 0;
  int64_t limit = 0;
};
Page read_page(Params& p, int64_t default_limit, int64_t max_limit);
bool page_error(const Page& page, Params& p);  // records InvalidParameterValue; true when there is one
// [begin, end) of `total` items that a page covers.
std::pair<size_t, size_t> page_range(const Page& page, size_t total);

// FailedOperation when a group has members: Kafka refuses offset changes from outside then.
ApiError group_active_error(const std::string& group, const std::string& state);
ApiError offset_out_of_range(const std::string& topic, int32_t partition, int64_t offset,
                             const PartitionLog& log);

// A stable, made-up topic id ("topic-1a2b3c4d"), as the console shows one.
std::string topic_id(const std::string& instance, const std::string& topic);

// The answer of the modify actions; `thin` (--thin-answers): ReturnCode alone.
nlohmann::json operate_result(bool thin);

// Case-insensitive "contains", the API's fuzzy match.
bool fuzzy_match(const std::string& text, const std::string& word);

}  // namespace offsetctl::emulator
