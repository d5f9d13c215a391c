#include "audit/sink.h"

#include "audit/record.h"

namespace offsetctl::audit {

Status<> AuditLogSink::run_started(const RunStartedInfo& info) {
  return log_->append(std::string(kRunStarted), run_started_fields(info), true);
}

Status<> AuditLogSink::change_intents(const std::vector<ChangeFields>& changes) {
  // One fsync for the whole call: the last intent reaching the disk carries the others with it.
  for (size_t i = 0; i < changes.size(); ++i) {
    auto s = log_->append(std::string(kChangeIntent), change_intent_fields(changes[i]), i + 1 == changes.size());
    if (!s.ok()) return s;
  }
  return Ok{};
}

Status<> AuditLogSink::change_results(const std::vector<std::pair<ChangeFields, ChangeOutcome>>& results) {
  for (size_t i = 0; i < results.size(); ++i) {
    auto s = log_->append(std::string(kChangeResult), change_result_fields(results[i].first, results[i].second),
                          i + 1 == results.size());
    if (!s.ok()) return s;
  }
  return Ok{};
}

Status<> AuditLogSink::run_finished(const RunCounts& counts, int exit_code, const std::string& reason) {
  return log_->append(std::string(kRunFinished), run_finished_fields(counts, exit_code, reason), true);
}

}  // namespace offsetctl::audit
