#pragma once
// Where the API credentials and the region come from, in the order the
// official SDKs and tccli use: command-line flags, then the environment
// (TENCENTCLOUD_SECRET_ID / _SECRET_KEY / _SESSION_TOKEN), then the profile
// file ~/.tencentcloud/credentials. Missing or half-given credentials are an
// error here, before any request is made.

#include <functional>
#include <optional>
#include <string>

#include "api/secret.h"
#include "util/result.h"

namespace offsetctl::api {

struct Credentials {
  std::string secret_id;  // an identifier, not a secret: it appears in every Authorization header
  Secret secret_key;
  Secret token;        // empty: permanent credentials, no X-TC-Token header
  std::string source;  // where they came from, for messages: "the environment (TENCENTCLOUD_SECRET_ID, ...)"
};

// Reads one environment variable; nullopt when unset. Tests pass a map.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup process_env();

struct CredentialFlags {
  std::optional<std::string> secret_id;      // --secret-id
  std::optional<std::string> secret_key;     // --secret-key
  std::optional<std::string> session_token;  // --session-token
  std::optional<std::string> profile;        // --profile (given explicitly); default "default"
};

// Flags first; then the environment; then the profile file $HOME/.tencentcloud/credentials.
// An explicit --profile skips the environment: the command line says which credentials to use.
Result<Credentials> resolve_credentials(const CredentialFlags& flags, const EnvLookup& env);

// The INI profile file: [name] sections with secret_id, secret_key and optionally token.
Result<Credentials> read_profile(const std::string& path, const std::string& profile);

// The plan's region, else --region, else TENCENTCLOUD_REGION.
Result<std::string> resolve_region(const std::optional<std::string>& plan_region,
                                   const std::optional<std::string>& flag_region, const EnvLookup& env);

}  // namespace offsetctl::api
