#pragma once
// What `offsetctl plan` does between loading and rendering, for the commands
// that plan too (`export` reads offsets the same way; `apply PATH...
// --auto-approve` plans then applies).

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/flags_api.h"
#include "engine/plan.h"
#include "plan/load.h"
#include "planner/dts_plan.h"
#include "planner/live_fetch.h"
#include "planner/plan_result.h"
#include "util/clock.h"
#include "util/result.h"

namespace offsetctl::cli {

// One CKafka client per region, made from the API flags when first asked for
// ("" : the default region). The factory keeps no client itself. With
// `stats`, every client counts its retried attempts there (the progress line).
planner::ClientFactory ckafka_clients(const ApiFlags& flags, const util::Clock& clock,
                                      std::shared_ptr<api::CallStats> stats = nullptr);
// The same for the DTS API (subscription consumer groups).
planner::DtsClientFactory dts_clients(const ApiFlags& flags, const util::Clock& clock,
                                      std::shared_ptr<api::CallStats> stats = nullptr);

// Both kinds' client factories, from the API flags.
engine::Clients api_clients(const ApiFlags& flags, const util::Clock& clock,
                            std::shared_ptr<api::CallStats> stats = nullptr);

// What engine::plan needs besides the plans, from the API flags: the clients,
// the clock's time, the default region and endpoint (else the endpoint of the
// first region a plan names), --max-in-flight.
engine::PlanRequest plan_request(const plan::PlanSet& plans, const ApiFlags& flags, const util::Clock& clock);

// Refuses, before any call, an output path whose folder does not exist:
// "--out plans/x.yaml: the folder plans does not exist".
Status<> check_output_folder(const std::string& path, const std::string& flag);

// Exit code of a made plan: with --detailed-exitcode 0 no changes, 2 changes
// only, 1 anything blocked or invalid; without it, 0.
int plan_exit_code(const planner::PlanSummary& summary, bool detailed);

}  // namespace offsetctl::cli
