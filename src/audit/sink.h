#pragma once
// Where the executor records what it does, one interface so that the side
// effect is swappable: the audit log in production (AuditLogSink), a recorder
// in tests, nothing in a dry run (NullAuditSink). The executor calls a sink
// from one thread at a time.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "audit/fields.h"
#include "audit/log.h"
#include "util/result.h"

namespace offsetctl::audit {

class AuditSink {
 public:
  virtual ~AuditSink() = default;
  virtual Status<> run_started(const RunStartedInfo& info) = 0;
  // The change_intent records of one call's partitions, on disk when this
  // returns: the call is sent only afterwards.
  virtual Status<> change_intents(const std::vector<ChangeFields>& changes) = 0;
  // The change_result records of a call's partitions, after the call and the
  // read-back. Not synced on their own: the next call's intents or run_finished
  // carry them to the disk, and a result lost in between leaves its intent,
  // which reads as "may have been made".
  virtual Status<> change_results(const std::vector<std::pair<ChangeFields, ChangeOutcome>>& results) = 0;
  virtual Status<> run_finished(const RunCounts& counts, int exit_code, const std::string& reason) = 0;
};

// The hash-chained audit log (audit_log.h).
class AuditLogSink final : public AuditSink {
 public:
  explicit AuditLogSink(std::unique_ptr<AuditLog> log) : log_(std::move(log)) {}
  Status<> run_started(const RunStartedInfo& info) override;
  Status<> change_intents(const std::vector<ChangeFields>& changes) override;
  Status<> change_results(const std::vector<std::pair<ChangeFields, ChangeOutcome>>& results) override;
  Status<> run_finished(const RunCounts& counts, int exit_code, const std::string& reason) override;
  const AuditLog& log() const { return *log_; }

 private:
  std::unique_ptr<AuditLog> log_;
};

// Records nothing: a dry run changes nothing, so there is nothing to audit.
class NullAuditSink final : public AuditSink {
 public:
  Status<> run_started(const RunStartedInfo&) override { return Ok{}; }
  Status<> change_intents(const std::vector<ChangeFields>&) override { return Ok{}; }
  Status<> change_results(const std::vector<std::pair<ChangeFields, ChangeOutcome>>&) override { return Ok{}; }
  Status<> run_finished(const RunCounts&, int, const std::string&) override { return Ok{}; }
};

}  // namespace offsetctl::audit
