#pragma once
// The actions the emulator serves, one function each, and the table that
// names them with their service and published rate limit.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "emulator/reply.h"
#include "emulator/state.h"
#include "util/result.h"

namespace offsetctl::emulator {

// What an action sees: the state (the caller holds its lock), the request's region, the server time.
struct ActionContext {
  State& state;
  const std::string& region;
  int64_t now_ms;
};

// The fields of Response besides RequestId, or the API error. A JSON object converts.
class ActionResult : public Result<Answer, ApiError> {
 public:
  using Result<Answer, ApiError>::Result;
  ActionResult(nlohmann::json fields) : Result<Answer, ApiError>(Answer{std::move(fields), {}}) {}
};
using ActionFn = ActionResult (*)(const nlohmann::json& params, ActionContext& ctx);

struct ActionSpec {
  std::string_view service;  // "ckafka" or "dts"
  std::string_view name;
  ActionFn fn;
  int limit_per_second;  // the published figure, or the platform default of 20 where none is published
};

const std::vector<ActionSpec>& action_table();
const ActionSpec* find_action(std::string_view service, std::string_view name);

// CKafka 2019-08-19 (ckafka_describe.cc, ckafka_modify.cc)
ActionResult describe_group_offsets(const nlohmann::json& params, ActionContext& ctx);
ActionResult describe_group_info(const nlohmann::json& params, ActionContext& ctx);
ActionResult describe_consumer_group(const nlohmann::json& params, ActionContext& ctx);
ActionResult describe_group(const nlohmann::json& params, ActionContext& ctx);
ActionResult describe_topic_sync_replica(const nlohmann::json& params, ActionContext& ctx);
ActionResult fetch_message_list_by_timestamp(const nlohmann::json& params, ActionContext& ctx);
ActionResult batch_modify_group_offsets(const nlohmann::json& params, ActionContext& ctx);
ActionResult modify_group_offsets(const nlohmann::json& params, ActionContext& ctx);

// DTS 2021-12-06 (dts_actions.cc)
ActionResult describe_consumer_groups(const nlohmann::json& params, ActionContext& ctx);
ActionResult describe_offset_by_time(const nlohmann::json& params, ActionContext& ctx);
ActionResult reset_consumer_group_offset(const nlohmann::json& params, ActionContext& ctx);

}  // namespace offsetctl::emulator
