#include "cli/flags_api.h"

#include <charconv>
#include <cmath>
#include <fstream>

#include "api/endpoint.h"

namespace offsetctl::cli {
namespace {

constexpr const char* kGroup = "Tencent Cloud API";

std::optional<std::string> given(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

Result<int> milliseconds(const char* flag, double seconds) {
  if (!(seconds > 0) || !std::isfinite(seconds) || seconds > 3600) {
    return fail(std::string(flag) + " must be a number of seconds between 0 and 3600, not " +
                std::to_string(seconds));
  }
  return static_cast<int>(std::ceil(seconds * 1000));
}

}  // namespace

void add_api_flags(CLI::App& app, ApiFlags& f) {
  app.add_option("--endpoint", f.endpoint,
                 "API endpoint URL (default https://ckafka.tencentcloudapi.com, DTS https://dts.tencentcloudapi.com); "
                 "http:// only for loopback addresses")
      ->group(kGroup);
  app.add_option("--region", f.region, "Region, e.g. ap-guangzhou, when the plan names none (else TENCENTCLOUD_REGION)")
      ->group(kGroup);
  app.add_option("--profile", f.profile, "Profile of ~/.tencentcloud/credentials (default: default)")->group(kGroup);
  app.add_option("--secret-id", f.secret_id, "SecretId (else TENCENTCLOUD_SECRET_ID, else the profile)")
      ->group(kGroup);
  app.add_option("--secret-key", f.secret_key,
                 "SecretKey (else TENCENTCLOUD_SECRET_KEY; prefer those: a flag shows in the process list)")
      ->group(kGroup);
  app.add_option("--session-token", f.session_token, "Token of temporary credentials (else TENCENTCLOUD_SESSION_TOKEN)")
      ->group(kGroup);
  app.add_option("--ca-bundle", f.ca_bundle, "PEM file of CA certificates for a private endpoint")->group(kGroup);
  app.add_option("--connect-timeout", f.connect_timeout_s, "Seconds to wait for a connection (default 10)")
      ->group(kGroup);
  app.add_option("--timeout", f.timeout_s, "Seconds one request may take in all (default 30)")->group(kGroup);
  app.add_option("--max-attempts", f.max_attempts, "Sends of one request, retries included (default 5)")
      ->group(kGroup);
  app.add_option("--rate-limit", f.rate_limits,
                 "Lower an action's requests per second, e.g. --rate-limit BatchModifyGroupOffsets=10 (repeatable)")
      ->group(kGroup);
  app.add_flag("--no-rate-limit", f.no_rate_limit,
               "Send as fast as the server answers (for emulators and endpoints without limits)")
      ->group(kGroup);
  app.add_option("--max-in-flight", f.max_in_flight, "Requests on the wire at once (default 16)")->group(kGroup);
}

Result<api::ClientConfig> client_config(const ApiFlags& f, const std::string& service,
                                        const std::optional<std::string>& plan_region, const util::Clock& clock) {
  return client_config(f, service, plan_region, clock, api::process_env());
}

Result<api::ClientConfig> client_config(const ApiFlags& f, const std::string& service,
                                        const std::optional<std::string>& plan_region, const util::Clock& clock,
                                        const api::EnvLookup& env) {
  api::ClientConfig c;
  c.endpoint = f.endpoint.empty() ? api::default_endpoint(service) : f.endpoint;
  if (auto e = api::parse_endpoint(c.endpoint); !e) return fail("--endpoint: " + e.error().message);

  auto region = api::resolve_region(plan_region, given(f.region), env);
  if (!region) return fail(region.error());
  c.region = *region;

  api::CredentialFlags cf{given(f.secret_id), given(f.secret_key), given(f.session_token), given(f.profile)};
  auto creds = api::resolve_credentials(cf, env);
  if (!creds) return fail(creds.error());
  c.credentials = std::move(*creds);

  if (!f.ca_bundle.empty()) {
    std::ifstream probe(f.ca_bundle);
    if (!probe) return fail("--ca-bundle " + f.ca_bundle + ": the file cannot be read");
    c.ca_bundle = f.ca_bundle;
  }
  auto connect_ms = milliseconds("--connect-timeout", f.connect_timeout_s);
  if (!connect_ms) return fail(connect_ms.error());
  auto total_ms = milliseconds("--timeout", f.timeout_s);
  if (!total_ms) return fail(total_ms.error());
  c.connect_timeout_ms = *connect_ms;
  c.timeout_ms = *total_ms;
  if (f.max_attempts < 1 || f.max_attempts > 100) {
    return fail("--max-attempts must be between 1 and 100, not " + std::to_string(f.max_attempts));
  }
  c.retry.max_attempts = f.max_attempts;
  if (f.max_in_flight < 1 || f.max_in_flight > 256) {
    return fail("--max-in-flight must be between 1 and 256, not " + std::to_string(f.max_in_flight));
  }
  c.max_in_flight = f.max_in_flight;

  auto limits = rate_limits(f);
  if (!limits) return fail(limits.error());
  c.limits = *limits;
  c.clock = &clock;
  return c;
}

Result<api::RateLimits> rate_limits(const ApiFlags& f) {
  api::RateLimits limits = api::RateLimits::published();
  limits.enabled = !f.no_rate_limit;
  for (const std::string& spec : f.rate_limits) {
    const size_t eq = spec.find('=');
    double n = 0;
    const char* begin = eq == std::string::npos ? nullptr : spec.data() + eq + 1;
    const char* end = spec.data() + spec.size();
    auto parsed = begin ? std::from_chars(begin, end, n) : std::from_chars_result{end, std::errc::invalid_argument};
    if (eq == std::string::npos || eq == 0 || parsed.ec != std::errc() || parsed.ptr != end) {
      return fail("--rate-limit expects ACTION=N (requests per second), e.g. BatchModifyGroupOffsets=10; got '" +
                  spec + "'");
    }
    if (auto s = limits.lower(spec.substr(0, eq), n); !s) return fail(s.error());
  }
  return limits;
}

}  // namespace offsetctl::cli
