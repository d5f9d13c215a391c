// Writing the state back as a state file (--save-state), in the same keys
// parse_state reads, so that a saved state can be loaded again.

#include <yaml-cpp/yaml.h>

#include "emulator/state.h"

namespace offsetctl::emulator {
namespace {

// The short form (a count sharing one log shape) when partitions are 0..n-1 and alike.
bool uniform(const Topic& t) {
  if (t.partitions.empty()) return false;
  const PartitionLog& first = t.partitions.begin()->second;
  int32_t expected = 0;
  for (const auto& [id, log] : t.partitions) {
    if (id != expected++ || log.begin != first.begin || log.end != first.end ||
        log.first_timestamp_ms != first.first_timestamp_ms || log.interval_ms != first.interval_ms) {
      return false;
    }
  }
  return true;
}

void log_fields(YAML::Emitter& out, const PartitionLog& log) {
  out << YAML::Key << "begin" << YAML::Value << log.begin;
  out << YAML::Key << "end" << YAML::Value << log.end;
  out << YAML::Key << "firstTimestampMs" << YAML::Value << log.first_timestamp_ms;
  out << YAML::Key << "intervalMs" << YAML::Value << log.interval_ms;
}

// The keys of a topic (or a subscription's topic) after its name.
void partitions(YAML::Emitter& out, const Topic& t) {
  if (uniform(t)) {
    out << YAML::Key << "partitions" << YAML::Value << t.partitions.size();
    log_fields(out, t.partitions.begin()->second);
    return;
  }
  out << YAML::Key << "partitions" << YAML::Value << YAML::BeginSeq;
  for (const auto& [id, log] : t.partitions) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "partition" << YAML::Value << id;
    log_fields(out, log);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void offsets(YAML::Emitter& out, const std::map<int32_t, int64_t>& offs) {
  out << YAML::Flow << YAML::BeginMap;
  for (const auto& [p, o] : offs) out << YAML::Key << p << YAML::Value << o;
  out << YAML::EndMap;
}

void partition_list(YAML::Emitter& out, const std::vector<int32_t>& parts) {
  out << YAML::Flow << YAML::BeginSeq;
  for (int32_t p : parts) out << p;
  out << YAML::EndSeq;
}

void group(YAML::Emitter& out, const Group& g) {
  out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << g.name;
  out << YAML::Key << "state" << YAML::Value << g.state;
  if (!g.members.empty()) {
    out << YAML::Key << "members" << YAML::Value << YAML::BeginSeq;
    for (const Member& m : g.members) {
      out << YAML::BeginMap << YAML::Key << "memberId" << YAML::Value << m.member_id;
      out << YAML::Key << "clientId" << YAML::Value << m.client_id;
      out << YAML::Key << "clientHost" << YAML::Value << m.client_host;
      out << YAML::Key << "partitions" << YAML::Value << YAML::BeginMap;
      for (const auto& [topic, parts] : m.partitions) {
        out << YAML::Key << topic << YAML::Value;
        partition_list(out, parts);
      }
      out << YAML::EndMap << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  if (!g.offsets.empty()) {
    out << YAML::Key << "offsets" << YAML::Value << YAML::BeginMap;
    for (const auto& [topic, offs] : g.offsets) {
      out << YAML::Key << topic << YAML::Value;
      offsets(out, offs);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
}

void dts_group(YAML::Emitter& out, const DtsGroup& g) {
  out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << g.name;
  out << YAML::Key << "state" << YAML::Value << g.state;
  if (!g.description.empty()) out << YAML::Key << "description" << YAML::Value << g.description;
  if (!g.members.empty()) {
    out << YAML::Key << "members" << YAML::Value << YAML::BeginSeq;
    for (const DtsMember& m : g.members) {
      out << YAML::BeginMap << YAML::Key << "clientId" << YAML::Value << m.client_id;
      out << YAML::Key << "partitions" << YAML::Value;
      partition_list(out, m.partitions);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  if (!g.offsets.empty()) {
    out << YAML::Key << "offsets" << YAML::Value;
    offsets(out, g.offsets);
  }
  out << YAML::EndMap;
}

}  // namespace

std::string dump_state_yaml(const State& state) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "credentials" << YAML::Value << YAML::BeginSeq;
  for (const Credential& c : state.credentials) {
    out << YAML::BeginMap << YAML::Key << "secretId" << YAML::Value << c.secret_id;
    out << YAML::Key << "secretKey" << YAML::Value << c.secret_key;
    if (!c.token.empty()) out << YAML::Key << "token" << YAML::Value << c.token;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  if (!state.instances.empty()) {
    out << YAML::Key << "instances" << YAML::Value << YAML::BeginSeq;
    for (const Instance& in : state.instances) {
      out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << in.id;
      out << YAML::Key << "region" << YAML::Value << in.region;
      out << YAML::Key << "topics" << YAML::Value << YAML::BeginSeq;
      for (const auto& [name, t] : in.topics) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name;
        partitions(out, t);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
      out << YAML::Key << "groups" << YAML::Value << YAML::BeginSeq;
      for (const auto& [name, g] : in.groups) group(out, g);
      out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  if (!state.subscriptions.empty()) {
    out << YAML::Key << "subscriptions" << YAML::Value << YAML::BeginSeq;
    for (const Subscription& s : state.subscriptions) {
      out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << s.id;
      out << YAML::Key << "region" << YAML::Value << s.region;
      out << YAML::Key << "topic" << YAML::Value << s.topic.name;
      partitions(out, s.topic);
      out << YAML::Key << "groups" << YAML::Value << YAML::BeginSeq;
      for (const auto& [name, g] : s.groups) dts_group(out, g);
      out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace offsetctl::emulator
