#pragma once
// Builders for the fields of each audit record type (schemas/audit.schema.json),
// so that the executor never spells a field name itself, and the run id.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/actor.h"
#include "audit/git.h"

namespace offsetctl::audit {

// "run-20261123T130501Z-3f9a1c": the UTC time of now_ms and 24 random bits.
std::string make_run_id(int64_t now_ms);
bool is_valid_run_id(std::string_view text);

// `text` cut to at most max_bytes (ending in "..." when cut), never inside a
// UTF-8 sequence: the builders clip free text (messages, paths) to the schema's limits.
std::string clip_text(std::string_view text, size_t max_bytes);
inline constexpr size_t kShortText = 4000;  // the schema allows 4096 characters
inline constexpr size_t kLongText = 60000;  // and 65536

// A value or null, as the records write optional fields; text clipped to max_bytes.
nlohmann::json optional_json(const std::optional<int64_t>& v);
nlohmann::json optional_json(const std::optional<std::string>& v, size_t max_bytes);

struct FileHash {
  std::string path;
  std::string sha256;  // lower-case hex
};

struct RunStartedInfo {
  Actor actor;                            // current_actor()
  std::optional<GitCheckout> repository;  // find_git_checkout(folder of the plan files)
  std::vector<FileHash> plan_files;
  std::optional<FileHash> saved_plan;  // the saved plan applied, if any
  std::vector<std::string> plans;      // the names of the plans applied, sorted
  std::string tool_version;
  std::string endpoint;
  std::string region;
};
nlohmann::json run_started_fields(const RunStartedInfo& info);

// One partition's change; the same values go into its change_intent and change_result.
struct ChangeFields {
  std::string instance;
  std::string group;
  std::string topic;
  int32_t partition = 0;
  std::optional<int64_t> before;  // committed offset the plan observed; nullopt: nothing committed
  std::optional<int64_t> target;  // nullopt: resolved by the service (apply_timestamp)
  // "BatchModifyGroupOffsets", "ModifyGroupOffsets" or "ResetConsumerGroupOffset"; empty: left out
  std::string action;
  int64_t call = 0;                        // number of the API call within the run (from 1); 0: left out
  std::optional<int64_t> apply_timestamp;  // ModifyGroupOffsets ShiftTimestamp (-2, -1, or ms)
};
nlohmann::json change_intent_fields(const ChangeFields& change);

struct ChangeOutcome {
  std::optional<std::string> request_id;     // nullopt: no answer arrived
  std::optional<std::string> error_code;     // nullopt: the call succeeded
  std::optional<std::string> error_message;  // nullopt: the call succeeded
  bool verified = false;                     // the offset read back is the target
  std::optional<int64_t> after;              // the offset read back, if any
};
nlohmann::json change_result_fields(const ChangeFields& change, const ChangeOutcome& outcome);

struct RunCounts {
  int64_t changed = 0;           // changed and verified
  int64_t failed = 0;            // failed, not verified or not attempted
  int64_t unchanged = 0;         // nothing to do
  std::optional<int64_t> calls;  // API calls that changed offsets
};
// reason: why the run changed nothing or stopped early; empty: left out.
nlohmann::json run_finished_fields(const RunCounts& counts, int exit_code, const std::string& reason = "");

}  // namespace offsetctl::audit
