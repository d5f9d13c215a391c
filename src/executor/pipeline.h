#pragma once
// apply's pipeline, the same for every plan kind. In order:
//   1. pre-flight: refuse a plan with blocked, invalid or duplicate entries, or
//      whose plan files changed since (sha256, for files still present);
//   2. drift check: the kind reads again what the plan relied on (committed
//      offsets, group states); refuse (change nothing) when anything moved or a
//      group is no longer Empty or Dead; partitions already at their target
//      are noops (a rerun of a partly applied plan converges);
//   3. the kind's fewest write calls; each call's change_intent records are on
//      disk before it is sent (GuardedSink), its change_result records follow
//      the read-back;
//   4. verification: the kind reads back what its calls changed.
// The run's run_started and run_finished records, refusals and the result's
// order and counts are here; what is kind-specific (the API calls) is behind
// ApplyBackend: CkafkaBackend (ckafka_backend.h), DtsBackend (dts_backend.h).
// A dry run is the same pipeline with the clients swapped (dry_run*.h) and a
// audit::NullAuditSink.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/fields.h"
#include "audit/sink.h"
#include "executor/apply_result.h"
#include "executor/progress.h"
#include "planner/plan_result.h"
#include "report/saved_plan.h"
#include "util/result.h"

namespace offsetctl::executor {

struct ApplyOptions {
  std::string run_id;         // audit::make_run_id(); also what the audit log was opened with
  audit::RunStartedInfo run;  // what run_started records (the caller gathers actor, repository, ...)
  size_t max_in_flight = 16;  // groups worked on at once (the client paces the calls)
  bool dry_run = false;       // labels the result; the caller swaps the clients and the sink
  ApplyProgress* progress = nullptr;  // counted into as the run goes (totals set by the caller)
};

// Serialises the audit sink (backends call it from several threads) and stops
// the run at the first record it cannot write: a change whose intent is not
// on disk must not be sent.
class GuardedSink {
 public:
  explicit GuardedSink(audit::AuditSink& sink) : sink_(sink) {}

  // false: not written (now or before); do not send the call.
  bool intents(const std::vector<audit::ChangeFields>& fields);
  void results(const std::vector<std::pair<audit::ChangeFields, audit::ChangeOutcome>>& results);
  std::vector<std::string> problems() const;

 private:
  bool check(const Status<>& s);

  audit::AuditSink& sink_;
  mutable std::mutex mu_;
  bool broken_ = false;
  std::vector<std::string> problems_;
};

// The write calls sent, by action; backends count through sent() and say
// how many they will send with planned(), for the progress line.
struct CallCounts {
  std::atomic<size_t> batch{0};   // BatchModifyGroupOffsets
  std::atomic<size_t> modify{0};  // ModifyGroupOffsets
  std::atomic<size_t> reset{0};   // ResetConsumerGroupOffset
  ApplyProgress* progress = nullptr;

  void sent(std::atomic<size_t>& action) {
    ++action;
    if (progress) ++progress->calls_sent;
  }
  void planned(size_t calls) {
    if (progress) progress->calls_planned += calls;
  }
};

// What the drift check found.
struct LiveCheck {
  std::vector<std::string> unread;  // what could not be read again ("group: why"): refuse
  std::vector<Drift> drift;         // what moved: refuse
  // Rows whose partition already has its target: no call, this outcome.
  std::vector<std::pair<size_t, PartitionOutcome>> done;
};

// The outcome of every row, each slot written by the one call (or group of
// calls) that carried it. vector<char>, not vector<bool>: distinct bytes for
// the threads.
struct Outcomes {
  Outcomes(const std::vector<planner::PartitionChange>& changes, ApplyProgress* progress);

  std::vector<PartitionOutcome> of;
  std::vector<char> filled;

  void set(size_t i, PartitionOutcome o) {
    of[i] = std::move(o);
    if (progress_ && !filled[i]) counted(i);
    filled[i] = 1;
  }

 private:
  void counted(size_t i);

  ApplyProgress* progress_;
  // With progress only: each Change row's group (kNotCounted for other rows),
  // and per group its Change rows still without an outcome.
  static constexpr uint32_t kNotCounted = UINT32_MAX;
  std::vector<uint32_t> group_of_;
  std::unique_ptr<std::atomic<size_t>[]> left_;
};

// What the audit log records of a change carried by call number `call` of
// `action`. A target the service resolves at apply time (apply_timestamp) is
// left out unless `preview_target` (DTS rows record their preview).
audit::ChangeFields audit_fields(const planner::PartitionChange& c, const std::string& action, int64_t call,
                          bool preview_target = false);

// A plan kind's API side of apply. Rows are indexes into the saved plan's changes.
class ApplyBackend {
 public:
  virtual ~ApplyBackend() = default;

  // The clients of every region the Change rows need: before anything is
  // read or written, so a configuration error changes nothing.
  virtual Status<> connect(const report::SavedPlan& plan) = 0;
  // The headline of a refusal when check_live could not read everything.
  virtual std::string unread_headline() const = 0;
  // 2. Reads again what the Change rows relied on and compares.
  virtual LiveCheck check_live(const std::vector<planner::PartitionChange>& changes, size_t max_in_flight) = 0;
  // 3 and 4. Sends the fewest calls for the Change rows not `done`, records
  // them in `sink`, reads back, and sets the outcome of every row it sent (or
  // skipped because the audit log failed).
  virtual void write_and_verify(const std::vector<planner::PartitionChange>& changes, const std::vector<bool>& done,
                                GuardedSink& sink, Outcomes& outcomes, CallCounts& calls,
                                size_t max_in_flight) = 0;
  // The outcome of a row that needed no call: a noop or blocked row of the plan.
  virtual PartitionOutcome noop(const planner::PartitionChange& change) const = 0;
};

// Applies every row of `plan` through `backend`, as one run of `audit`.
// Everything that happened, refusals included, is in the ApplyResult (and
// its exit_code()); an Error means it could not run at all: no client for a
// region, or the audit log refused the run's first record.
Result<ApplyResult> run_apply(const report::SavedPlan& plan, ApplyBackend& backend, audit::AuditSink& audit,
                              const ApplyOptions& options);

}  // namespace offsetctl::executor
