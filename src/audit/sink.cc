#include "audit/sink.h"

#include "audit/compact.h"
#include "audit/record.h"

namespace offsetctl::audit {

Status<> AuditLogSink::run_started(const RunStartedInfo& info) {
  return log_->append(std::string(kRunStarted), run_started_fields(info), true);
}

namespace {

// Appends the records of one call (normally one: compact records, format 2). With `sync`
// only the last is flushed: it carries the others to the disk with it.
Status<> append_all(AuditLog& log, std::string_view type, std::vector<nlohmann::json> records, bool sync) {
  for (size_t i = 0; i < records.size(); ++i) {
    auto s = log.append(std::string(type), std::move(records[i]), sync && i + 1 == records.size());
    if (!s.ok()) return s;
  }
  return Ok{};
}

}  // namespace

Status<> AuditLogSink::change_intents(const std::vector<ChangeFields>& changes) {
  return append_all(*log_, kChangeIntent, compact_intent_fields(changes), true);
}

// Not synced: the next call's intents or run_finished carry them to the disk (sink.h).
Status<> AuditLogSink::change_results(const std::vector<std::pair<ChangeFields, ChangeOutcome>>& results) {
  return append_all(*log_, kChangeResult, compact_result_fields(results), false);
}

Status<> AuditLogSink::run_finished(const RunCounts& counts, int exit_code, const std::string& reason) {
  return log_->append(std::string(kRunFinished), run_finished_fields(counts, exit_code, reason), true);
}

}  // namespace offsetctl::audit
