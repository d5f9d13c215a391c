#include "engine/rollback.h"

namespace offsetctl::engine {

Result<executor::Rollback> rollback(const RollbackRequest& request) {
  auto rb = executor::build_rollback(request.audit_log, request.run);
  if (!rb) return fail(std::move(rb).error());
  if (!request.out.empty()) {
    if (auto written = executor::write_rollback_plan(request.out, rb->yaml, request.audit_log); !written) {
      return fail(std::move(written).error());
    }
  }
  return rb;
}

}  // namespace offsetctl::engine
