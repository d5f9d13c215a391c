#pragma once
// What the cluster looks like, as far as a plan needs to know: filled by the
// fetcher (live_fetch.h) from the API, or by tests by hand. The planner reads
// nothing else.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace offsetctl::planner {

struct PartitionBounds {
  std::optional<int64_t> begin;  // earliest offset still in the log: only fetched when a spec needs it
  int64_t end = 0;               // log end offset, the next offset to be written
};

struct TopicLive {
  std::map<int32_t, PartitionBounds> partitions;  // every partition of the topic
};

struct Member {
  std::string member_id;
  std::string client_id;
  std::string client_host;
  std::map<std::string, std::vector<int32_t>> assignment;  // topic -> partitions
};

struct GroupLive {
  std::string state;  // Empty, Dead, Stable, PreparingRebalance, CompletingRebalance
  std::vector<Member> members;
  // topic -> partition -> committed offset (nullopt: nothing committed)
  std::map<std::string, std::map<int32_t, std::optional<int64_t>>> committed;
  // Dead with nothing committed, and absent from the instance's group list (DescribeGroup): a
  // group that does not exist yet. Only checked then, so an existing group costs no call.
  bool unlisted = false;
  std::string closest_listed;  // when unlisted: a listed name close to it (likely a typo), else ""
  // Why the API's answers about this group lack what planning it needs (a LogEndOffset no call
  // gave); "" when they do not. The group's rows are then invalid; other groups plan as usual.
  std::string thin_answer;
};

// The first offset whose message timestamp is at or after a time; nullopt: none (log end).
using TimeKey = std::tuple<std::string, int32_t, int64_t>;  // topic, partition, epoch ms

struct InstanceLive {
  std::string region;  // where it was read ("" in hand-built states)
  std::map<std::string, TopicLive> topics;  // only the topics the plans name that exist
  std::map<std::string, GroupLive> groups;
  std::map<TimeKey, std::optional<int64_t>> offset_at_time;
};

struct LiveState {
  std::map<std::string, InstanceLive> instances;
};

}  // namespace offsetctl::planner
