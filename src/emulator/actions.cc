#include "emulator/actions.h"

namespace offsetctl::emulator {

const std::vector<ActionSpec>& action_table() {
  // Limits: the figures the API documents (calls per second); 20, the platform's
  // default, for the actions whose page gives none.
  static const std::vector<ActionSpec> table = {
      {"ckafka", "DescribeGroupOffsets", describe_group_offsets, 100},
      {"ckafka", "DescribeGroupInfo", describe_group_info, 20},
      {"ckafka", "DescribeConsumerGroup", describe_consumer_group, 20},
      {"ckafka", "DescribeGroup", describe_group, 100},
      {"ckafka", "DescribeTopicSyncReplica", describe_topic_sync_replica, 20},
      {"ckafka", "FetchMessageListByTimestamp", fetch_message_list_by_timestamp, 20},
      {"ckafka", "BatchModifyGroupOffsets", batch_modify_group_offsets, 20},
      {"ckafka", "ModifyGroupOffsets", modify_group_offsets, 100},
      {"dts", "DescribeConsumerGroups", describe_consumer_groups, 20},
      {"dts", "DescribeOffsetByTime", describe_offset_by_time, 20},
      {"dts", "ResetConsumerGroupOffset", reset_consumer_group_offset, 20},
  };
  return table;
}

const ActionSpec* find_action(std::string_view service, std::string_view name) {
  for (const ActionSpec& a : action_table()) {
    if (a.service == service && a.name == name) return &a;
  }
  return nullptr;
}

}  // namespace offsetctl::emulator
