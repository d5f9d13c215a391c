#pragma once
// `offsetctl plan --out FILE [--allow-partial]`: a saved plan is written only
// when apply can carry it out. With anything blocked or invalid, nothing is
// written and the error says what to fix; --allow-partial saves the rows that
// can be applied and lists on standard error the ones left out.

#include <iosfwd>
#include <string>

#include "report/saved_plan.h"
#include "util/result.h"

namespace offsetctl::cli {

// Writes `saved` (moved from: a million partitions are worth not copying) to
// `out`, atomically, and says so on `err`.
Status<> save_plan(report::SavedPlan&& saved, const std::string& out, bool allow_partial, std::ostream& err);

}  // namespace offsetctl::cli
