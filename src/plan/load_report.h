#pragma once
// How every command that loads plans reports what is wrong with them (validate,
// plan, apply): each diagnostic with its source line and caret, then one
// summary line. One implementation, so that they all read the same.

#include <string>

#include "plan/diagnostic.h"
#include "plan/load.h"

namespace offsetctl::plan {

// Diagnostic::format(), with "error:" in red and the caret in green when `color`.
std::string format_diagnostic(const Diagnostic& d, bool color);

// Every diagnostic of the load, in order.
std::string format_errors(const LoadResult& r, bool color);

// "2 files, 3 plans: valid." or "3 errors in 1 of 2 files." (no line break).
std::string load_summary(const LoadResult& r);

// Files and paths the load looked at: plan files, and paths that were none.
size_t files_examined(const LoadResult& r);

}  // namespace offsetctl::plan
