#pragma once
// `offsetctl plan --out FILE [--allow-partial]`: a saved plan is written only
// when apply can carry it out. With anything blocked or invalid, nothing is
// written and the error says what to fix; --allow-partial saves the rows that
// can be applied and lists on standard error the ones left out.

#include <iosfwd>
#include <string>

#include "report/render.h"
#include "report/saved_plan.h"
#include "util/result.h"

namespace offsetctl::cli {

// Writes `saved` to `out`, atomically, before the report is printed, so that
// the report can quote the saved plan's checksum and the command that applies
// it. Only --allow-partial copies the rows it keeps; a whole plan is written as is.
Result<report::SavedPlanRef> save_plan(const report::SavedPlan& saved, const std::string& out, bool allow_partial,
                                       std::ostream& err);

}  // namespace offsetctl::cli
