#pragma once
// `offsetctl rollback`: a plan file that sets every committed offset a run
// changed back to its value before that run, read from the audit log. It is
// an ordinary plan (validate, plan, review, apply), never applied directly.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plan/model.h"
#include "util/result.h"

namespace offsetctl::executor {

struct RollbackPartition {
  std::string instance;
  std::string group;
  std::string topic;
  int32_t partition = 0;
  std::optional<int64_t> before;  // the committed offset before the run; nullopt: nothing was committed
  bool outcome_unknown = false;   // a change_intent without a change_result: the run was interrupted
  bool dts = false;  // a DTS subscription group (ResetConsumerGroupOffset; instance is the subscribeId)
};

struct Rollback {
  std::string run_id;
  std::vector<std::string> passed_over;  // without --run: the DTS run of the same apply (nothing to restore)
  std::string started_at;  // run_started time (RFC 3339)
  std::optional<std::string> user;
  std::vector<RollbackPartition> restored;        // in the plans, sorted
  std::vector<RollbackPartition> not_restorable;  // nothing was committed before the run: left out
  // DTS subscription groups: ResetConsumerGroupOffset resets to earliest, latest or a
  // datetime, never to a given offset, so they are left out too.
  std::vector<RollbackPartition> dts_not_restorable;
  std::vector<plan::OffsetPlan> plans;  // one per instance
  bool truncated_tail = false;          // the log ends with a record cut short by a crash
  std::string yaml;                     // the plan file
};

// The run `run_id`, or the latest run that changed anything (passing over the
// DTS run of an apply of both kinds, written right after its CKafka run from
// the same plan files: it has nothing a plan can restore). Partitions count
// as changed when a change_result says the call succeeded or the offset was
// verified at its target, or when a change_intent has no change_result (the run
// was interrupted: restoring an unchanged partition is a no-op in the plan).
// Partitions of DTS subscription groups and partitions that had nothing
// committed cannot be set back; they are listed, not restored.
// Fails when the log does not verify, the run is unknown, or it changed
// nothing that can be restored.
Result<Rollback> build_rollback(const std::string& audit_path, const std::optional<std::string>& run_id);

// build_rollback(...).yaml
Result<std::string> rollback_plan_yaml(const std::string& audit_path,
                                       const std::optional<std::string>& run_id);

// Writes `yaml` to exactly out_path (atomically), refusing to replace the audit log itself.
Status<> write_rollback_plan(const std::string& out_path, const std::string& yaml,
                             const std::string& audit_path);

}  // namespace offsetctl::executor
