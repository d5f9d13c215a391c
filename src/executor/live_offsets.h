#pragma once
// The committed offsets (and optionally the states) of the groups an apply
// touches, read again from the API by the one group reader
// (planner/group_reader.h): before the changes for the drift check, after
// them for verification.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/ckafka_api.h"

namespace offsetctl::executor {

struct LivePartition {
  std::optional<int64_t> committed;  // nullopt: nothing committed
  int64_t log_end = 0;
};

struct LiveGroup {
  std::optional<api::ApiFailure> error;  // the reads of this group failed: nothing else is set
  std::string state;                     // DescribeGroupInfo; empty when states were not read
  std::vector<std::string> members;      // "client-id@host", for messages
  // topic -> partition ->; a topic that does not exist is absent
  std::map<std::string, std::map<int32_t, LivePartition>> topics;
};

using GroupKey = std::pair<std::string, std::string>;  // instance, group

struct LiveOffsets {
  std::map<GroupKey, LiveGroup> groups;

  const LiveGroup* find(const std::string& instance, const std::string& group) const {
    auto it = groups.find({instance, group});
    return it == groups.end() ? nullptr : &it->second;
  }
};

// What to read of one group: the topics it touches, through the client of its region.
struct GroupRead {
  std::string region;
  std::vector<std::string> topics;  // sorted, distinct
};
using ReadSet = std::map<GroupKey, GroupRead>;

// The client of each region a read set names.
using RegionClients = std::map<std::string, api::CkafkaApi*>;

// Reads every group of `reads` through planner/group_reader.h (DescribeGroupOffsets
// with the Topics filter, every page), and with `with_states` their states too
// (DescribeGroupInfo, up to 100 groups of an instance a call), with at most
// `max_in_flight` reads at once. A failed read is kept
// in LiveGroup::error; the other groups are still read.
LiveOffsets read_live_offsets(const RegionClients& clients, const ReadSet& reads, bool with_states,
                              size_t max_in_flight);

}  // namespace offsetctl::executor
