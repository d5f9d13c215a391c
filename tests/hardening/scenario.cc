#include "scenario.h"

#include <cstdio>
#include <fstream>
#include <set>

#include "audit/compact.h"

namespace offsetctl::hardening {
namespace {

const char* const kTopics[] = {"orders", "payments"};
constexpr int kPartitions = 3;

std::string group_name(int i) {
  char name[16];
  std::snprintf(name, sizeof name, "g-%03d", i);
  return name;
}

int64_t committed(int group, int topic, int partition) { return 1000 + 1000 * (topic * kPartitions + partition) + group; }

int64_t target(Targets t, int group, int topic, int partition) {
  if (t == Targets::PerGroup) return 50000 + group;
  return 50000 + 100 * (topic * kPartitions + partition) + group;
}

}  // namespace

std::string describe(const PartitionKey& key) {
  return std::get<0>(key) + "/" + std::get<1>(key) + "/" + std::get<2>(key) + "[" + std::to_string(std::get<3>(key)) +
         "]";
}

Scenario make_scenario(int groups, Targets targets, const std::string& secret_token) {
  Scenario s;
  std::string& st = s.state_yaml;
  st += "credentials:\n  - secretId: " + std::string(kSecretId) + "\n    secretKey: " + kSecretKey + "\n";
  if (!secret_token.empty()) st += "    token: " + secret_token + "\n";
  st += "instances:\n  - id: " + std::string(kInstance) + "\n    region: " + kRegion + "\n    topics:\n";
  for (const char* topic : kTopics) {
    st += "      - name: " + std::string(topic) + "\n        partitions: " + std::to_string(kPartitions) +
          "\n        begin: 0\n        end: 100000\n        firstTimestampMs: 1794787200000\n        intervalMs: 1000\n";
  }
  st += "    groups:\n";
  std::string& plan = s.plan_yaml;
  plan = "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: hardening\ninstance: " + std::string(kInstance) +
         "\nregion: " + kRegion + "\ngroups:\n";
  for (int g = 0; g < groups; ++g) {
    const std::string name = group_name(g);
    st += "      - name: " + name + "\n        state: Empty\n        members: []\n        offsets:\n";
    plan += "  - group: " + name + "\n    topics:\n";
    for (int t = 0; t < 2; ++t) {
      st += "          " + std::string(kTopics[t]) + ": {";
      plan += "      - topic: " + std::string(kTopics[t]) + "\n        offsets: {";
      for (int p = 0; p < kPartitions; ++p) {
        const std::string sep = p ? ", " : "";
        st += sep + std::to_string(p) + ": " + std::to_string(committed(g, t, p));
        const int64_t to = target(targets, g, t, p);
        plan += sep + std::to_string(p) + ": " + std::to_string(to);
        s.targets[{kInstance, name, kTopics[t], p}] = to;
      }
      st += "}\n";
      plan += "}\n";
    }
  }
  return s;
}

testing::ProcessOptions offsetctl_options(const testing::TempDir& dir, std::map<std::string, std::string> extra_env) {
  testing::ProcessOptions o;
  o.env = {{"HOME", dir.root()}, {"TENCENTCLOUD_SECRET_ID", kSecretId}, {"TENCENTCLOUD_SECRET_KEY", kSecretKey}};
  for (auto& [k, v] : extra_env) o.env[k] = v;
  o.unset_env = {"TENCENTCLOUD_REGION", "NO_COLOR", "CI_JOB_TOKEN"};
  if (!extra_env.count("TENCENTCLOUD_SESSION_TOKEN")) o.unset_env.push_back("TENCENTCLOUD_SESSION_TOKEN");
  o.cwd = dir.root();
  return o;
}

testing::ProcessResult offsetctl(const testing::TempDir& dir, std::vector<std::string> args,
                                 std::map<std::string, std::string> extra_env, int timeout_ms) {
  args.insert(args.begin(), "offsetctl");
  testing::ProcessOptions o = offsetctl_options(dir, std::move(extra_env));
  o.timeout_ms = timeout_ms;
  return testing::run_process(args, o);
}

bool sanitizer_report(const std::string& err) {
  return err.find("AddressSanitizer") != std::string::npos || err.find("LeakSanitizer") != std::string::npos ||
         err.find("runtime error:") != std::string::npos;
}

std::string unconverged(const emulator::State& state, const std::map<PartitionKey, int64_t>& targets) {
  std::string out;
  for (const auto& [key, to] : targets) {
    const emulator::Instance* inst = state.find_instance(std::get<0>(key), kRegion);
    std::optional<int64_t> now;
    if (inst) {
      auto g = inst->groups.find(std::get<1>(key));
      if (g != inst->groups.end()) {
        auto t = g->second.offsets.find(std::get<2>(key));
        if (t != g->second.offsets.end()) {
          auto p = t->second.find(std::get<3>(key));
          if (p != t->second.end()) now = p->second;
        }
      }
    }
    if (now != to) {
      out += describe(key) + " is at " + (now ? std::to_string(*now) : "nothing") + ", not " + std::to_string(to) +
             "\n";
    }
  }
  return out;
}

std::vector<nlohmann::json> read_audit_records(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) continue;
    try {  // one object per partition, whichever format the change records have
      for (auto& partition : audit::as_partition_records(j)) out.push_back(std::move(partition));
    } catch (const nlohmann::json::exception&) {  // not a valid record: kept as it is for the checks to see
      out.push_back(std::move(j));
    }
  }
  return out;
}

namespace {

PartitionKey key_of(const nlohmann::json& r) {
  return {r.value("instance", ""), r.value("group", ""), r.value("topic", ""), r.value("partition", -1)};
}

}  // namespace

AuditCheck check_audit(const std::vector<nlohmann::json>& records) {
  AuditCheck c;
  struct RunState {
    std::map<PartitionKey, int> intents, results;
    std::map<PartitionKey, nlohmann::json> intent_of;  // a format-2 result's before and target are there
    bool finished = false;
  };
  std::map<std::string, RunState> runs;
  for (const auto& r : records) {
    const std::string run = r.value("run_id", "");
    const std::string type = r.value("type", "");
    if (!runs.count(run)) c.runs.push_back(run);
    RunState& rs = runs[run];
    if (type == "run_finished") rs.finished = true;
    if (type != "change_intent" && type != "change_result") continue;
    const PartitionKey key = key_of(r);
    if (type == "change_intent") {
      if (++rs.intents[key] > 1) c.problems += run + ": a second change_intent for " + describe(key) + "\n";
      rs.intent_of[key] = r;
    } else {
      if (++rs.results[key] > 1) c.problems += run + ": a second change_result for " + describe(key) + "\n";
      if (!rs.intents.count(key)) c.problems += run + ": a change_result before any change_intent for " + describe(key) + "\n";
      nlohmann::json full = r;
      if (!full.contains("target") && rs.intent_of.count(key)) {
        full["before"] = rs.intent_of[key].value("before", nlohmann::json());
        full["target"] = rs.intent_of[key].value("target", nlohmann::json());
      }
      c.final_result[key] = std::move(full);
    }
  }
  for (const auto& [run, rs] : runs) {
    if (!rs.finished) continue;
    for (const auto& [key, n] : rs.intents) {
      if (!rs.results.count(key)) c.problems += run + ": finished without a change_result for " + describe(key) + "\n";
    }
  }
  return c;
}

std::map<PartitionKey, std::vector<int64_t>> applied_changes(const std::vector<nlohmann::json>& requests) {
  std::map<PartitionKey, std::vector<int64_t>> out;
  for (const auto& r : requests) {
    if (!r.contains("error") || !r["error"].is_null() || !r.contains("request") || !r["request"].is_object()) continue;
    const std::string action = r.value("action", "");
    const nlohmann::json& body = r["request"];
    if (action == "BatchModifyGroupOffsets") {
      for (const auto& topic : body.value("TopicName", nlohmann::json::array())) {
        for (const auto& p : body.value("Partitions", nlohmann::json::array())) {
          out[{body.value("InstanceId", ""), body.value("GroupName", ""), topic.get<std::string>(),
               p.value("Partition", -1)}]
              .push_back(p.value("Offset", int64_t{-1}));
        }
      }
    } else if (action == "ModifyGroupOffsets" && body.value("Strategy", -1) == 2) {
      for (const auto& topic : body.value("Topics", nlohmann::json::array())) {
        for (const auto& p : body.value("Partitions", nlohmann::json::array())) {
          out[{body.value("InstanceId", ""), body.value("Group", ""), topic.get<std::string>(), p.get<int>()}]
              .push_back(body.value("Offset", int64_t{-1}));
        }
      }
    }
  }
  return out;
}

}  // namespace offsetctl::hardening
