#include "audit/sink.h"

#include "audit/compact.h"
#include "audit/record.h"

namespace offsetctl::audit {

Status<> AuditLogSink::run_started(const RunStartedInfo& info) {
  return log_->append(std::string(kRunStarted), run_started_fields(info), true);
}

// Compact records (format 2): one per call, normally. One fsync for the whole call:
// the last record reaching the disk carries the others with it.
Status<> AuditLogSink::change_intents(const std::vector<ChangeFields>& changes) {
  std::vector<nlohmann::json> records = compact_intent_fields(changes);
  for (size_t i = 0; i < records.size(); ++i) {
    auto s = log_->append(std::string(kChangeIntent), std::move(records[i]), i + 1 == records.size());
    if (!s.ok()) return s;
  }
  return Ok{};
}

Status<> AuditLogSink::change_results(const std::vector<std::pair<ChangeFields, ChangeOutcome>>& results) {
  std::vector<nlohmann::json> records = compact_result_fields(results);
  for (size_t i = 0; i < records.size(); ++i) {
    auto s = log_->append(std::string(kChangeResult), std::move(records[i]), false);
    if (!s.ok()) return s;
  }
  return Ok{};
}

Status<> AuditLogSink::run_finished(const RunCounts& counts, int exit_code, const std::string& reason) {
  return log_->append(std::string(kRunFinished), run_finished_fields(counts, exit_code, reason), true);
}

}  // namespace offsetctl::audit
