#pragma once
// The API flags every command that talks to Tencent Cloud shares, and the one
// place that turns them (with the environment and the profile file) into an
// api::ClientConfig. See docs/api-client.md.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "api/client_config.h"
#include "api/credentials.h"
#include "util/clock.h"
#include "util/result.h"

namespace offsetctl::cli {

struct ApiFlags {
  std::string endpoint;       // --endpoint URL; empty: https://<service>.tencentcloudapi.com
  std::string region;         // --region
  std::string profile;        // --profile NAME; empty: not given ("default")
  std::string secret_id;      // --secret-id
  std::string secret_key;     // --secret-key
  std::string session_token;  // --session-token
  std::string ca_bundle;      // --ca-bundle FILE
  double connect_timeout_s = 10;
  double timeout_s = 30;
  int max_attempts = 5;
  std::vector<std::string> rate_limits;  // --rate-limit ACTION=N, repeatable
  bool no_rate_limit = false;
  int max_in_flight = 16;
};

void add_api_flags(CLI::App& app, ApiFlags& flags);

// The limits --rate-limit and --no-rate-limit ask for (the published ones by default):
// what the clients pace at, and what apply's progress line counts the time left with.
Result<api::RateLimits> rate_limits(const ApiFlags& flags);

// service: "ckafka" or "dts". The clock must outlive the clients made from the config.
Result<api::ClientConfig> client_config(const ApiFlags& flags, const std::string& service,
                                        const std::optional<std::string>& plan_region, const util::Clock& clock);
// The same with the environment given (tests).
Result<api::ClientConfig> client_config(const ApiFlags& flags, const std::string& service,
                                        const std::optional<std::string>& plan_region, const util::Clock& clock,
                                        const api::EnvLookup& env);

}  // namespace offsetctl::cli
