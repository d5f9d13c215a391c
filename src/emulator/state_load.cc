// Reading a state file into the model, checking everything a hand-written
// file can get wrong and saying where.

#include <set>

#include "emulator/state.h"
#include "emulator/yaml_reader.h"
#include "util/files.h"

namespace offsetctl::emulator {
namespace {

constexpr int64_t kMaxOffset = int64_t{1} << 53;      // JSON-safe integers
constexpr int64_t kMaxTimestampMs = 253402300799999;  // 9999-12-31T23:59:59.999Z
constexpr int64_t kMaxIntervalMs = int64_t{1} << 31;
constexpr int64_t kMaxPartitions = 100000;
constexpr uint64_t kMaxStateFileBytes = 512ull << 20;

// Optional lists and mappings may be left empty (`offsets:` with nothing after it): that is none.
class Loader {
 public:
  explicit Loader(const std::string& name) : r_(name) {}

  Result<State> load(const YAML::Node& root) {
    State s;
    if (!root || root.IsNull()) {
      r_.fail("the state file is empty: it needs at least `credentials`");
    } else if (r_.expect_map(root, "the state file", {"credentials", "instances", "subscriptions"})) {
      credentials(root, s) && instances(root, s) && subscriptions(root, s);
    }
    if (!r_.ok()) return fail(*r_.error());
    return s;
  }

 private:
  bool credentials(const YAML::Node& root, State& s) {
    YAML::Node list = root["credentials"];
    if (!list) return r_.fail(root, "`credentials` is required: a list of {secretId, secretKey}");
    if (!r_.expect_list(list, "`credentials`")) return false;
    for (const auto& c : list) {
      Credential cred;
      if (!r_.expect_map(c, "a credential", {"secretId", "secretKey", "token"}) ||
          !r_.read_string(c, "secretId", cred.secret_id, true) ||
          !r_.read_string(c, "secretKey", cred.secret_key, true) ||
          !r_.read_string(c, "token", cred.token, false)) {
        return false;
      }
      if (s.find_credential(cred.secret_id))
        return r_.fail(c, "secretId " + cred.secret_id + " is listed twice");
      s.credentials.push_back(std::move(cred));
    }
    return true;
  }

  bool instances(const YAML::Node& root, State& s) {
    YAML::Node list = root["instances"];
    if (!list || list.IsNull()) return true;
    if (!r_.expect_list(list, "`instances`")) return false;
    for (const auto& n : list) {
      Instance in;
      if (!r_.expect_map(n, "an instance", {"id", "region", "topics", "groups"}) ||
          !r_.read_string(n, "id", in.id, true) || !r_.read_string(n, "region", in.region, true)) {
        return false;
      }
      if (s.find_instance(in.id, in.region)) return r_.fail(n, "instance " + in.id + " is listed twice");
      if (YAML::Node topics = n["topics"]; topics && !topics.IsNull()) {
        if (!r_.expect_list(topics, "`topics`")) return false;
        for (const auto& t : topics) {
          Topic topic;
          if (!r_.expect_map(t, "a topic",
                             {"name", "partitions", "begin", "end", "firstTimestampMs", "intervalMs"}) ||
              !r_.read_string(t, "name", topic.name, true) || !partition_logs(t, topic)) {
            return false;
          }
          if (in.topics.count(topic.name)) return r_.fail(t, "topic " + topic.name + " is listed twice");
          in.topics.emplace(topic.name, std::move(topic));
        }
      }
      if (YAML::Node groups = n["groups"]; groups && !groups.IsNull()) {
        if (!r_.expect_list(groups, "`groups`")) return false;
        for (const auto& g : groups) {
          if (!group(g, in)) return false;
        }
      }
      s.instances.push_back(std::move(in));
    }
    return true;
  }

  // `partitions` as a count sharing the topic's begin/end/firstTimestampMs/intervalMs,
  // or as a list of {partition, begin, end[, firstTimestampMs, intervalMs]}.
  bool partition_logs(const YAML::Node& t, Topic& topic) {
    PartitionLog shared;
    if (!r_.read_int(t, "begin", shared.begin, false, 0, kMaxOffset) ||
        !r_.read_int(t, "end", shared.end, false, 0, kMaxOffset) ||
        !r_.read_int(t, "firstTimestampMs", shared.first_timestamp_ms, false, 0, kMaxTimestampMs) ||
        !r_.read_int(t, "intervalMs", shared.interval_ms, false, 0, kMaxIntervalMs)) {
      return false;
    }
    YAML::Node p = t["partitions"];
    if (!p) return r_.fail(t, "`partitions` is required: a count, or a list of {partition, begin, end}");
    if (p.IsScalar()) {
      if (!t["end"]) return r_.fail(t, "`end` is required with a partition count (the log end offset)");
      if (!bounds(t, shared)) return false;
      int64_t count = 0;
      if (!r_.scalar_int(p, "`partitions`", count, 1, kMaxPartitions)) return false;
      for (int32_t i = 0; i < static_cast<int32_t>(count); ++i) {
        PartitionLog log = shared;
        log.partition = i;
        topic.partitions.emplace(i, log);
      }
      return true;
    }
    if (!r_.expect_list(p, "`partitions`")) return false;
    if (p.size() == 0) return r_.fail(p, "a topic needs at least one partition");
    for (const auto& item : p) {
      PartitionLog log = shared;
      int64_t id = 0;
      if (!r_.expect_map(item, "a partition",
                         {"partition", "begin", "end", "firstTimestampMs", "intervalMs"}) ||
          !r_.read_int(item, "partition", id, true, 0, kMaxPartitions - 1) ||
          !r_.read_int(item, "begin", log.begin, false, 0, kMaxOffset) ||
          !r_.read_int(item, "end", log.end, !t["end"], 0, kMaxOffset) ||
          !r_.read_int(item, "firstTimestampMs", log.first_timestamp_ms, false, 0, kMaxTimestampMs) ||
          !r_.read_int(item, "intervalMs", log.interval_ms, false, 0, kMaxIntervalMs) || !bounds(item, log)) {
        return false;
      }
      log.partition = static_cast<int32_t>(id);
      if (!topic.partitions.emplace(log.partition, log).second) {
        return r_.fail(item, "partition " + std::to_string(id) + " is listed twice");
      }
    }
    return true;
  }

  bool bounds(const YAML::Node& at, const PartitionLog& log) {
    if (log.begin > log.end) {
      return r_.fail(at, "`begin` (" + std::to_string(log.begin) + ") is after `end` (" +
                             std::to_string(log.end) + "): begin is the earliest offset, end the log end");
    }
    return true;
  }

  bool partition_list(const YAML::Node& list, const Topic& topic, std::vector<int32_t>& out) {
    if (!r_.expect_list(list, "a partition list")) return false;
    for (const auto& p : list) {
      int64_t id = 0;
      if (!r_.scalar_int(p, "a partition", id, 0, kMaxPartitions - 1)) return false;
      if (!topic.partitions.count(static_cast<int32_t>(id))) {
        return r_.fail(p, "topic " + topic.name + " has no partition " + std::to_string(id));
      }
      out.push_back(static_cast<int32_t>(id));
    }
    return true;
  }

  bool offsets_of(const YAML::Node& map, const Topic& topic, std::map<int32_t, int64_t>& out) {
    if (!map.IsMap())
      return r_.fail(map, "offsets of " + topic.name + " must be a mapping {partition: offset}");
    for (const auto& kv : map) {
      int64_t id = 0, offset = 0;
      if (!r_.scalar_int(kv.first, "a partition", id, 0, kMaxPartitions - 1) ||
          !r_.scalar_int(kv.second, "an offset", offset, 0, kMaxOffset)) {
        return false;
      }
      if (!topic.partitions.count(static_cast<int32_t>(id))) {
        return r_.fail(kv.first, "topic " + topic.name + " has no partition " + std::to_string(id));
      }
      if (!out.emplace(static_cast<int32_t>(id), offset).second) {
        return r_.fail(kv.first, "partition " + std::to_string(id) + " is listed twice");
      }
    }
    return true;
  }

  bool group_state(const YAML::Node& g, std::string& state, bool has_members, bool has_offsets) {
    if (!r_.read_string(g, "state", state, false)) return false;
    if (!is_group_state(state)) {
      return r_.fail(g["state"], "unknown group state `" + state +
                                     "`: use Empty, Dead, Stable, PreparingRebalance or CompletingRebalance");
    }
    if (has_members && (state == "Empty" || state == "Dead")) {
      return r_.fail(g, "a group in state " + state + " has no members: use Stable, or remove `members`");
    }
    if (has_offsets && state == "Dead") {
      return r_.fail(g, "a Dead group has no committed offsets: use state Empty, or remove `offsets`");
    }
    return true;
  }

  bool group(const YAML::Node& g, Instance& in) {
    Group grp;
    if (!r_.expect_map(g, "a group", {"name", "state", "members", "offsets"}) ||
        !r_.read_string(g, "name", grp.name, true)) {
      return false;
    }
    if (in.groups.count(grp.name)) return r_.fail(g, "group " + grp.name + " is listed twice");
    auto topic_of = [&](const YAML::Node& key, const Topic*& out) {
      auto it = in.topics.find(key.Scalar());
      if (!key.IsScalar() || it == in.topics.end()) {
        return r_.fail(key, "instance " + in.id + " has no topic `" + key.Scalar() + "`");
      }
      out = &it->second;
      return true;
    };
    if (YAML::Node members = g["members"]; members && !members.IsNull()) {
      if (!r_.expect_list(members, "`members`")) return false;
      std::set<std::pair<std::string, int32_t>> assigned;
      for (const auto& m : members) {
        Member mem;
        if (!r_.expect_map(m, "a member", {"memberId", "clientId", "clientHost", "partitions"}) ||
            !r_.read_string(m, "memberId", mem.member_id, true) ||
            !r_.read_string(m, "clientId", mem.client_id, false) ||
            !r_.read_string(m, "clientHost", mem.client_host, false)) {
          return false;
        }
        if (YAML::Node parts = m["partitions"]; parts && !parts.IsNull()) {
          if (!parts.IsMap())
            return r_.fail(parts, "`partitions` of a member must be a mapping {topic: [partitions]}");
          for (const auto& kv : parts) {
            const Topic* topic = nullptr;
            if (!topic_of(kv.first, topic)) return false;
            if (mem.partitions.count(topic->name))
              return r_.fail(kv.first, "topic " + topic->name + " is listed twice");
            auto& list = mem.partitions[topic->name];
            if (!partition_list(kv.second, *topic, list)) return false;
            for (int32_t p : list) {
              if (!assigned.emplace(topic->name, p).second) {
                return r_.fail(kv.second, "partition " + std::to_string(p) + " of " + topic->name +
                                              " is assigned to two members");
              }
            }
          }
        }
        grp.members.push_back(std::move(mem));
      }
    }
    if (YAML::Node offsets = g["offsets"]; offsets && !offsets.IsNull()) {
      if (!offsets.IsMap())
        return r_.fail(offsets, "`offsets` must be a mapping {topic: {partition: offset}}");
      for (const auto& kv : offsets) {
        const Topic* topic = nullptr;
        if (!topic_of(kv.first, topic)) return false;
        if (grp.offsets.count(topic->name))
          return r_.fail(kv.first, "topic " + topic->name + " is listed twice");
        if (!offsets_of(kv.second, *topic, grp.offsets[topic->name])) return false;
      }
    }
    if (!group_state(g, grp.state, !grp.members.empty(), !grp.offsets.empty())) return false;
    in.groups.emplace(grp.name, std::move(grp));
    return true;
  }

  bool subscriptions(const YAML::Node& root, State& s) {
    YAML::Node list = root["subscriptions"];
    if (!list || list.IsNull()) return true;
    if (!r_.expect_list(list, "`subscriptions`")) return false;
    for (const auto& n : list) {
      Subscription sub;
      if (!r_.expect_map(n, "a subscription",
                         {"id", "region", "topic", "partitions", "begin", "end", "firstTimestampMs",
                          "intervalMs", "groups"}) ||
          !r_.read_string(n, "id", sub.id, true) || !r_.read_string(n, "region", sub.region, true) ||
          !r_.read_string(n, "topic", sub.topic.name, true) || !partition_logs(n, sub.topic)) {
        return false;
      }
      if (s.find_subscription(sub.id, sub.region))
        return r_.fail(n, "subscription " + sub.id + " is listed twice");
      if (YAML::Node groups = n["groups"]; groups && !groups.IsNull()) {
        if (!r_.expect_list(groups, "`groups`")) return false;
        for (const auto& g : groups) {
          if (!dts_group(g, sub)) return false;
        }
      }
      s.subscriptions.push_back(std::move(sub));
    }
    return true;
  }

  bool dts_group(const YAML::Node& g, Subscription& sub) {
    DtsGroup grp;
    if (!r_.expect_map(g, "a consumer group", {"name", "state", "description", "members", "offsets"}) ||
        !r_.read_string(g, "name", grp.name, true) ||
        !r_.read_string(g, "description", grp.description, false)) {
      return false;
    }
    if (sub.groups.count(grp.name)) return r_.fail(g, "consumer group " + grp.name + " is listed twice");
    if (YAML::Node members = g["members"]; members && !members.IsNull()) {
      if (!r_.expect_list(members, "`members`")) return false;
      std::set<int32_t> assigned;
      for (const auto& m : members) {
        DtsMember mem;
        if (!r_.expect_map(m, "a member", {"clientId", "partitions"}) ||
            !r_.read_string(m, "clientId", mem.client_id, true)) {
          return false;
        }
        if (YAML::Node parts = m["partitions"]; parts && !parts.IsNull()) {
          if (!partition_list(parts, sub.topic, mem.partitions)) return false;
          for (int32_t p : mem.partitions) {
            if (!assigned.insert(p).second) {
              return r_.fail(parts, "partition " + std::to_string(p) + " is assigned to two members");
            }
          }
        }
        grp.members.push_back(std::move(mem));
      }
    }
    if (YAML::Node offsets = g["offsets"]; offsets && !offsets.IsNull()) {
      if (!offsets_of(offsets, sub.topic, grp.offsets)) return false;
    }
    if (!group_state(g, grp.state, !grp.members.empty(), !grp.offsets.empty())) return false;
    sub.groups.emplace(grp.name, std::move(grp));
    return true;
  }

  YamlReader r_;
};

}  // namespace

Result<State> parse_state(std::string_view yaml, const std::string& name) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    std::string where = name;
    if (e.mark.line >= 0)
      where += ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1);
    return fail(where + ": " + e.msg);
  }
  try {
    return Loader(name).load(root);
  } catch (const YAML::Exception& e) {  // defensive: node access on odd documents
    return fail(name + ": " + e.msg);
  }
}

Result<State> load_state_file(const std::string& path) {
  // A local file the user wrote or generated: allow clusters of millions of partitions.
  auto text = util::read_file(path, kMaxStateFileBytes);
  if (!text) return fail(text.error());
  return parse_state(*text, path);
}

}  // namespace offsetctl::emulator
