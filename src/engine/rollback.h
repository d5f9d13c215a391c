#pragma once
// offsetctl rollback, as a library call: the audit log read and verified, the
// run's changes turned back into a plan file (executor/rollback.h), and that
// plan written where asked. It changes no offset: the plan is reviewed and
// applied like any other.

#include <optional>
#include <string>

#include "executor/rollback.h"
#include "util/result.h"

namespace offsetctl::engine {

struct RollbackRequest {
  std::string audit_log;
  std::optional<std::string> run;  // nullopt: the latest run that changed offsets
  std::string out;                 // the plan file written (atomically); empty: not written
};

// Fails when the log does not verify, the run is unknown or changed nothing
// that can be restored, or the plan cannot be written (nothing is, then).
Result<executor::Rollback> rollback(const RollbackRequest& request);

}  // namespace offsetctl::engine
