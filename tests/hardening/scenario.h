#pragma once
// The cluster and plan the fault and crash tests apply: many Empty groups on
// one instance, every partition moved to a target of its own, and the checks
// that follow (the final state, the audit log's intents and results).

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "emulator/state.h"
#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::hardening {

inline constexpr const char* kInstance = "ckafka-hard";
inline constexpr const char* kRegion = "ap-guangzhou";
inline constexpr const char* kSecretId = "AKIDEXAMPLE";
inline constexpr const char* kSecretKey = "secretEXAMPLE";

// instance, group, topic, partition
using PartitionKey = std::tuple<std::string, std::string, std::string, int>;
std::string describe(const PartitionKey& key);

struct Scenario {
  std::string state_yaml;
  std::string plan_yaml;
  std::map<PartitionKey, int64_t> targets;  // every partition the plan changes
};

enum class Targets {
  PerPartition,  // a different offset on every partition: one call per group and topic
  PerGroup,      // one offset for a whole group: one call per group
};

// `groups` Empty groups g-000.. with commits on topics orders and payments (3 partitions each).
// `secret_token`: a session token the state's credential requires (empty: none).
Scenario make_scenario(int groups, Targets targets, const std::string& secret_token = "");

// Runs offsetctl in `dir` with the scenario's credentials in the environment,
// HOME in `dir` (no profile file) and nothing else of the developer's.
testing::ProcessResult offsetctl(const testing::TempDir& dir, std::vector<std::string> args,
                                 std::map<std::string, std::string> extra_env = {}, int timeout_ms = 300000);
testing::ProcessOptions offsetctl_options(const testing::TempDir& dir, std::map<std::string, std::string> extra_env);

// Whether what a program printed holds an ASan, LSan or UBSan report.
bool sanitizer_report(const std::string& err);

// Partitions of `state` that are not at their target: "" when every one is.
std::string unconverged(const emulator::State& state, const std::map<PartitionKey, int64_t>& targets);

// The records of an audit log that parse (a torn last line is left out), each change
// record as one object per partition, whatever its format (audit::as_partition_records).
std::vector<nlohmann::json> read_audit_records(const std::string& path);

struct AuditCheck {
  std::string problems;  // "" when the log keeps the rules below
  std::map<PartitionKey, nlohmann::json> final_result;  // the last change_result of each partition
  std::vector<std::string> runs;                        // run ids, in order
};
// Within each run: at most one change_intent and one change_result per partition, a result
// only after its intent, and (for a run that finished) a result for every intent.
AuditCheck check_audit(const std::vector<nlohmann::json>& records);

// Keys of the BatchModifyGroupOffsets/ModifyGroupOffsets requests in an emulator request
// log that were carried out (no error, or a reply held back), with the offset each set.
std::map<PartitionKey, std::vector<int64_t>> applied_changes(const std::vector<nlohmann::json>& requests);

}  // namespace offsetctl::hardening
