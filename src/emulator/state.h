#pragma once
// The emulated cloud: credentials, CKafka instances (topics with a synthetic
// message log, consumer groups with committed offsets) and DTS subscriptions.
// Loaded from a YAML state file (docs/emulator.md lists its keys), changed by
// the modify actions, written back by --save-state.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace offsetctl::emulator {

struct Credential {
  std::string secret_id;
  std::string secret_key;
  std::string token;  // temporary credentials: X-TC-Token must carry it; empty: none
};

// One partition's log. The message at offset o (begin <= o < end) has the
// timestamp first_timestamp_ms + (o - begin) * interval_ms.
struct PartitionLog {
  int32_t partition = 0;
  int64_t begin = 0;  // earliest offset still in the log
  int64_t end = 0;    // log end offset: the next offset to be written
  int64_t first_timestamp_ms = 0;
  int64_t interval_ms = 1000;
};

struct Topic {
  std::string name;
  std::map<int32_t, PartitionLog> partitions;
};

struct Member {
  std::string member_id;
  std::string client_id;
  std::string client_host;
  std::map<std::string, std::vector<int32_t>> partitions;  // topic -> assigned partitions
};

// Kafka group states. Only Empty and Dead groups accept an offset change from outside.
inline constexpr std::string_view kGroupStates[] = {"Empty", "Dead", "Stable", "PreparingRebalance",
                                                    "CompletingRebalance"};
bool is_group_state(std::string_view state);
bool accepts_offset_change(std::string_view state);  // Empty or Dead

struct Group {
  std::string name;
  std::string state = "Empty";
  std::vector<Member> members;
  std::map<std::string, std::map<int32_t, int64_t>> offsets;  // topic -> partition -> committed offset
};

struct Instance {
  std::string id;
  std::string region;
  std::map<std::string, Topic> topics;
  std::map<std::string, Group> groups;  // a group absent from here is Dead
};

// DTS: a data subscription exposes one Kafka topic with consumer groups of its own.
struct DtsMember {
  std::string client_id;
  std::vector<int32_t> partitions;
};

struct DtsGroup {
  std::string name;  // short name; the full name is consumer-grp-<subscribeId>-<name>
  std::string state = "Empty";
  std::string description;
  std::vector<DtsMember> members;
  std::map<int32_t, int64_t> offsets;  // partition -> committed offset
};

struct Subscription {
  std::string id;  // subs-...
  std::string region;
  Topic topic;
  std::map<std::string, DtsGroup> groups;  // by short name
};

// What DescribeGroupOffsets answers, with Topics, for a topic the group has
// nothing committed on: the API documents only "the subscribed topics".
enum class UncommittedTopics {
  List,  // with Offset -1 on every partition (the default)
  Omit,  // left out of TopicList, as a server may
};

struct State {
  std::vector<Credential> credentials;
  std::vector<Instance> instances;
  std::vector<Subscription> subscriptions;
  UncommittedTopics uncommitted_topics = UncommittedTopics::List;
  // --thin-answers: leave out the optional fields (models) an answer is not for (docs/emulator.md).
  bool thin_answers = false;

  const Credential* find_credential(std::string_view secret_id) const;
  Instance* find_instance(std::string_view id, std::string_view region);
  const Instance* find_instance(std::string_view id, std::string_view region) const;
  Subscription* find_subscription(std::string_view id, std::string_view region);
  const Subscription* find_subscription(std::string_view id, std::string_view region) const;
};

// ---- The timestamp model of a partition's log

// Timestamp of the message at `offset` (begin <= offset < end); saturates instead of overflowing.
int64_t timestamp_at(const PartitionLog& log, int64_t offset);
// The first offset whose message has a timestamp at or after `ts_ms`; `end` when there is none.
int64_t first_offset_at_or_after(const PartitionLog& log, int64_t ts_ms);
// The last offset whose message has a timestamp at or before `ts_ms` (DTS "nearest before");
// `begin` when every message is later, `end` when the log is empty.
int64_t last_offset_at_or_before(const PartitionLog& log, int64_t ts_ms);

// ---- Loading and saving (state_load.cc, state_dump.cc)

// Parses a state file's text. Errors read "name:line:col: message".
Result<State> parse_state(std::string_view yaml, const std::string& name);
// Reads and parses a state file (at most 512 MiB).
Result<State> load_state_file(const std::string& path);
// The state as a state file; parse_state(dump_state_yaml(s)) gives s back.
std::string dump_state_yaml(const State& state);

}  // namespace offsetctl::emulator
