#pragma once
// The flags plan and apply share for pipelines: how to report plan files that
// do not load (--diagnostics), and the job summary their Markdown report is
// appended to (--summary, else GITHUB_STEP_SUMMARY). docs/ci.md.

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "plan/load.h"
#include "util/result.h"

namespace offsetctl::cli {

struct CiFlags {
  std::string diagnostics = "text";  // text | json | github
  std::string summary;               // --summary FILE; empty: GITHUB_STEP_SUMMARY when set
};

void add_ci_flags(CLI::App& app, CiFlags& flags);

// "--diagnostics X: use text, json or github" for anything else.
Status<> check_ci_flags(const CiFlags& flags);

// Plan files that did not load: the diagnostics on standard error in the
// --diagnostics format, and, when the report asked for is JSON, the
// diagnostics document on standard output, so a pipeline never reads an empty
// output. `command` and `paths` name the command that shows them all.
void report_load_errors(const plan::LoadResult& loaded, const CiFlags& flags, const std::string& report_format,
                        const std::string& command, const std::vector<std::string>& paths, Context& ctx);

// Appends the Markdown `render` makes to the job summary, if there is one (it is
// only called then: a million-partition report is not rendered for nothing);
// `where` says how to see what a cut left out. A file that cannot be written is
// a warning on standard error: the command's own outcome stands.
void write_step_summary(const CiFlags& flags, const std::function<std::string()>& render, std::string_view where,
                        Context& ctx);

}  // namespace offsetctl::cli
