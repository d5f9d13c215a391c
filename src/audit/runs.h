#pragma once
// `offsetctl audit list FILE`: one line per run of an audit log: its ID, when
// it started and ended, who ran it, from which plan files, what it changed and
// how it ended. Read through the verifier, so a damaged log is listed up to
// its first bad line and says so.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "audit/verify.h"

namespace offsetctl::audit {

struct RunListing {
  std::string run_id;
  std::string started_at;
  std::string finished_at;  // "" when the run never finished (a crash, a kill)
  std::string actor;        // "alice", "alice@build-7", "github-actions" ...; "" when unknown
  std::vector<std::string> plans;  // plan names (logs written before they were recorded: none)
  std::vector<std::string> plan_files;
  std::string saved_plan;  // "" when plan files were applied directly
  std::string region;
  int64_t changed = 0, unchanged = 0, failed = 0;
  size_t partitions = 0;  // partitions the run touched (change_intent records)
  // "succeeded", "failed" (some changes failed), "refused" (nothing was sent), "interrupted" (never finished).
  std::string outcome;
  std::string reason;  // why it was refused or failed, when the log says
};

struct RunList {
  std::vector<RunListing> runs;  // in file order
  VerifyReport verify;           // the log's check: runs after a bad line are not listed
};

RunList list_runs(const std::string& path);

// A table: RUN, STARTED, ENDED, ACTOR, CHANGED, UNCHANGED, FAILED, OUTCOME, PLANS; then one line
// on the log ("FILE: 3 runs, chain intact." or the verifier's error).
std::string render_run_list(const RunList& list, const std::string& path);
// {"file", "ok", "error", "runs": [{run_id, started_at, finished_at, actor, plans, plan_files, saved_plan,
// region, counts {changed, unchanged, failed}, outcome, reason}]}
nlohmann::json run_list_json(const RunList& list, const std::string& path);

}  // namespace offsetctl::audit
