#pragma once
// Test support for the audit log tests: sample logs written by the real writer,
// hand-made chains, and line-level edits.

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "audit/fields.h"
#include "audit/log.h"
#include "audit/record.h"
#include "util/clock.h"
#include "util/time.h"

namespace offsetctl::audit::test {

inline constexpr int64_t kT0 = 1795435200000;  // 2026-11-23T12:00:00Z
inline const std::string kRun1 = "run-20261123T120000Z-aaaaaa";
inline const std::string kRun2 = "run-20261123T130000Z-bbbbbb";

inline RunStartedInfo sample_run_info() {
  RunStartedInfo info;
  info.actor.user = "alice";
  info.plan_files = {{"plans/orders.yaml", std::string(64, 'a')}};
  info.tool_version = "0.1.0";
  info.endpoint = "http://127.0.0.1:9";
  info.region = "ap-guangzhou";
  return info;
}

inline ChangeFields sample_change(const std::string& group, int32_t partition, std::optional<int64_t> before,
                                  int64_t target, int64_t call = 1) {
  ChangeFields c;
  c.instance = "ckafka-1";
  c.group = group;
  c.topic = "orders";
  c.partition = partition;
  c.before = before;
  c.target = target;
  c.action = "BatchModifyGroupOffsets";
  c.call = call;
  return c;
}

// One run: run_started, an intent and a result per change, run_finished.
// Aborts the test (via the returned false) on a writer error.
inline bool write_run(const std::string& path, const std::string& run_id, util::FakeClock& clock,
                      const std::vector<ChangeFields>& changes, bool verified = true) {
  auto log = AuditLog::open(path, run_id, clock, 1000);
  if (!log) return false;
  if (!(*log)->append("run_started", run_started_fields(sample_run_info()), false)) return false;
  for (size_t i = 0; i < changes.size(); ++i) {
    clock.advance(5);
    if (!(*log)->append("change_intent", change_intent_fields(changes[i]), i + 1 == changes.size()))
      return false;
  }
  for (const auto& c : changes) {
    clock.advance(5);
    ChangeOutcome outcome{"req-" + std::to_string(c.partition), std::nullopt, std::nullopt, verified,
                          c.target};
    if (!(*log)->append("change_result", change_result_fields(c, outcome), false)) return false;
  }
  clock.advance(5);
  RunCounts counts{static_cast<int64_t>(changes.size()), 0, 0, 1};
  return (*log)->append("run_finished", run_finished_fields(counts, 0), true).ok();
}

// Two runs, 10 records: run 1 moves orders[0] and orders[1] back, run 2 moves orders[0] again.
inline bool write_sample_log(const std::string& path) {
  util::FakeClock clock(kT0);
  if (!write_run(path, kRun1, clock,
                 {sample_change("billing", 0, 1720, 1500), sample_change("billing", 1, 800, 700)}))
    return false;
  clock.set(kT0 + 3600000);
  return write_run(path, kRun2, clock, {sample_change("billing", 0, 1500, 1400)});
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> lines;
  std::istringstream in(read_text(path));
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

inline void write_lines(const std::string& path, const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  write_text(path, text);
}

// Hand-made records chained properly (seq, time, prev_hash, hash), as canonical lines:
// for records the writer refuses to produce.
inline std::vector<std::string> chain(std::vector<nlohmann::json> records, int64_t first_seq = 1,
                                      std::string prev = std::string(kZeroHash)) {
  std::vector<std::string> lines;
  int64_t seq = first_seq;
  for (auto& r : records) {
    r["seq"] = seq++;
    if (!r.contains("time")) r["time"] = util::format_rfc3339_ms(kT0);
    r["prev_hash"] = prev;
    r.erase("hash");
    std::string hash = record_hash(prev, r);
    r["hash"] = hash;
    prev = hash;
    lines.push_back(canonical_json(r));
  }
  return lines;
}

inline nlohmann::json started(const std::string& run_id) {
  nlohmann::json j = run_started_fields(sample_run_info());
  j["type"] = "run_started";
  j["run_id"] = run_id;
  return j;
}

inline nlohmann::json intent(const std::string& run_id, int32_t partition, std::optional<int64_t> before,
                             int64_t target) {
  nlohmann::json j = change_intent_fields(sample_change("billing", partition, before, target));
  j["type"] = "change_intent";
  j["run_id"] = run_id;
  return j;
}

inline nlohmann::json result(const std::string& run_id, int32_t partition, std::optional<int64_t> before,
                             int64_t target, std::optional<std::string> error_code = std::nullopt) {
  ChangeOutcome outcome{"req-1", error_code, error_code ? std::optional<std::string>("failed") : std::nullopt,
                        !error_code, error_code ? before : std::optional<int64_t>(target)};
  nlohmann::json j = change_result_fields(sample_change("billing", partition, before, target), outcome);
  j["type"] = "change_result";
  j["run_id"] = run_id;
  return j;
}

inline nlohmann::json finished(const std::string& run_id) {
  nlohmann::json j = run_finished_fields({1, 0, 0, 1}, 0);
  j["type"] = "run_finished";
  j["run_id"] = run_id;
  return j;
}

}  // namespace offsetctl::audit::test
