#include "audit/fields.h"

#include <cstdio>
#include <random>

#include "util/time.h"

namespace offsetctl::audit {
namespace {

nlohmann::json file_hash_json(const FileHash& f) {
  return {{"path", clip_text(f.path, kShortText)}, {"sha256", f.sha256}};
}

void add_partition(nlohmann::json& j, const ChangeFields& c) {
  j["instance"] = c.instance;
  j["group"] = c.group;
  j["topic"] = c.topic;
  j["partition"] = c.partition;
  j["before"] = optional_json(c.before);
  j["target"] = optional_json(c.target);
  if (!c.action.empty()) j["action"] = c.action;
  if (c.call > 0) j["call"] = c.call;
  if (c.apply_timestamp) j["apply_timestamp"] = *c.apply_timestamp;
}

}  // namespace

nlohmann::json optional_json(const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nullptr; }
nlohmann::json optional_json(const std::optional<std::string>& v, size_t max_bytes) {
  return v ? nlohmann::json(clip_text(*v, max_bytes)) : nullptr;
}

std::string clip_text(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes > 3 ? max_bytes - 3 : 0;
  // Never cut a UTF-8 sequence in two: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

std::string make_run_id(int64_t now_ms) {
  std::string stamp = util::format_rfc3339_ms(now_ms);  // 2026-11-23T13:05:01.000Z
  std::string compact;
  for (char c : stamp.substr(0, 19))
    if (c != '-' && c != ':') compact.push_back(c);
  std::random_device random;
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "%06x", static_cast<unsigned>(random() & 0xffffffu));
  return "run-" + compact + "Z-" + suffix;
}

bool is_valid_run_id(std::string_view text) {
  // run-YYYYMMDDTHHMMSSZ-hex{6,32}
  constexpr std::string_view kPrefix = "run-";
  if (text.size() < 4 + 16 + 1 + 6 || text.size() > 4 + 16 + 1 + 32) return false;
  if (text.substr(0, 4) != kPrefix) return false;
  std::string_view stamp = text.substr(4, 16);
  for (size_t i = 0; i < stamp.size(); ++i) {
    char c = stamp[i];
    bool ok = i == 8 ? c == 'T' : i == 15 ? c == 'Z' : (c >= '0' && c <= '9');
    if (!ok) return false;
  }
  if (text[20] != '-') return false;
  for (char c : text.substr(21))
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

nlohmann::json run_started_fields(const RunStartedInfo& info) {
  nlohmann::json j;
  j["actor"] = actor_json(info.actor);
  if (info.repository) {
    j["plan_repository"] = {{"root", clip_text(info.repository->root, kShortText)},
                            {"commit", optional_json(info.repository->commit, kShortText)}};
  } else {
    j["plan_repository"] = nullptr;
  }
  j["plan_files"] = nlohmann::json::array();
  for (const auto& f : info.plan_files) j["plan_files"].push_back(file_hash_json(f));
  if (info.saved_plan) j["saved_plan"] = file_hash_json(*info.saved_plan);
  if (!info.plans.empty()) {
    j["plans"] = nlohmann::json::array();
    for (const auto& p : info.plans) j["plans"].push_back(clip_text(p, kShortText));
  }
  j["tool_version"] = info.tool_version;
  j["endpoint"] = clip_text(info.endpoint, kShortText);
  j["region"] = clip_text(info.region, kShortText);
  return j;
}

nlohmann::json change_intent_fields(const ChangeFields& change) {
  nlohmann::json j = nlohmann::json::object();
  add_partition(j, change);
  return j;
}

nlohmann::json change_result_fields(const ChangeFields& change, const ChangeOutcome& outcome) {
  nlohmann::json j = nlohmann::json::object();
  add_partition(j, change);
  j["request_id"] = optional_json(outcome.request_id, kShortText);
  j["error_code"] = optional_json(outcome.error_code, kShortText);
  j["error_message"] = optional_json(outcome.error_message, kLongText);
  j["verified"] = outcome.verified;
  j["after"] = optional_json(outcome.after);
  return j;
}

nlohmann::json run_finished_fields(const RunCounts& counts, int exit_code, const std::string& reason) {
  nlohmann::json c = {
      {"changed", counts.changed}, {"failed", counts.failed}, {"unchanged", counts.unchanged}};
  if (counts.calls) c["calls"] = *counts.calls;
  nlohmann::json j = {{"counts", c}, {"exit_code", exit_code}};
  if (!reason.empty()) j["reason"] = clip_text(reason, kLongText);
  return j;
}

}  // namespace offsetctl::audit
