#include "emulator/ckafka_common.h"

#include <algorithm>
#include <cctype>

#include "util/crypto.h"

namespace offsetctl::emulator {

Result<Instance*, ApiError> find_instance_or_error(ActionContext& ctx, const std::string& id) {
  Instance* in = ctx.state.find_instance(id, ctx.region);
  if (!in) {
    return fail(ApiError{"InvalidParameterValue.InstanceNotExist",
                         "The instance `" + id + "` does not exist in region " + ctx.region + "."});
  }
  return in;
}

Result<Topic*, ApiError> find_topic_or_error(Instance& instance, const std::string& name) {
  auto it = instance.topics.find(name);
  if (it == instance.topics.end()) {
    return fail(
        invalid_parameter_value("The topic `" + name + "` does not exist in instance " + instance.id + "."));
  }
  return &it->second;
}

Result<PartitionLog*, ApiError> find_partition_or_error(Topic& topic, int64_t partition) {
  auto it = partition < 0 || partition > INT32_MAX ? topic.partitions.end()
                                                   : topic.partitions.find(static_cast<int32_t>(partition));
  if (it == topic.partitions.end()) {
    return fail(invalid_parameter_value("The topic `" + topic.name + "` has no partition " +
                                        std::to_string(partition) + "."));
  }
  return &it->second;
}

Page read_page(Params& p, int64_t default_limit, int64_t max_limit) {
  Page page;
  page.offset = p.integer("Offset", false, 0);
  page.limit = p.integer("Limit", false, default_limit);
  if (page.limit > max_limit) page.limit = max_limit;  // the service caps quietly
  return page;
}

bool page_error(const Page& page, Params& p) {
  if (page.offset < 0) {
    p.fail(invalid_parameter_value("The parameter `Offset` must be 0 or more, not " +
                                   std::to_string(page.offset) + "."));
    return true;
  }
  if (page.limit < 1) {
    p.fail(invalid_parameter_value("The parameter `Limit` must be 1 or more, not " +
                                   std::to_string(page.limit) + "."));
    return true;
  }
  return false;
}

std::pair<size_t, size_t> page_range(const Page& page, size_t total) {
  size_t begin = std::min(total, static_cast<size_t>(page.offset));
  size_t end = std::min(total, begin + static_cast<size_t>(page.limit));
  return {begin, end};
}

ApiError group_active_error(const std::string& group, const std::string& state) {
  return {"FailedOperation", "The consumer group `" + group + "` is active (state " + state +
                                 "): Kafka accepts an offset change only while the group is Empty or Dead. "
                                 "Stop its consumers, then retry."};
}

ApiError offset_out_of_range(const std::string& topic, int32_t partition, int64_t offset,
                             const PartitionLog& log) {
  return invalid_parameter_value(
      "The offset " + std::to_string(offset) + " for partition " + std::to_string(partition) + " of topic `" +
      topic + "` is outside the log [" + std::to_string(log.begin) + ", " + std::to_string(log.end) + "].");
}

std::string topic_id(const std::string& instance, const std::string& topic) {
  return "topic-" + util::sha256_hex(instance + "/" + topic).substr(0, 8);
}

nlohmann::json operate_result(bool thin) {
  if (thin) return {{"Result", {{"ReturnCode", "0"}}}};
  return {{"Result", {{"ReturnCode", "0"}, {"ReturnMessage", "SUCCESS"}, {"Data", {{"FlowId", 0}}}}}};
}

bool fuzzy_match(const std::string& text, const std::string& word) {
  auto it = std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != text.end() || word.empty();
}

}  // namespace offsetctl::emulator
