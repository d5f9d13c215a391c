#include "api/credentials.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

#include "util/files.h"

namespace offsetctl::api {
namespace {

constexpr const char* kEnvId = "TENCENTCLOUD_SECRET_ID";
constexpr const char* kEnvKey = "TENCENTCLOUD_SECRET_KEY";
constexpr const char* kEnvToken = "TENCENTCLOUD_SESSION_TOKEN";
constexpr const char* kEnvRegion = "TENCENTCLOUD_REGION";

// An empty variable counts as unset, as in the SDKs.
std::optional<std::string> non_empty(const EnvLookup& env, const char* name) {
  std::optional<std::string> v = env(name);
  if (v && v->empty()) return std::nullopt;
  return v;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

struct Section {
  int line = 0;
  std::map<std::string, std::pair<std::string, int>> values;  // key -> (value, line)
};

std::string profile_path(const EnvLookup& env) {
  std::optional<std::string> home = non_empty(env, "HOME");
  return (home ? *home : std::string(".")) + "/.tencentcloud/credentials";
}

}  // namespace

EnvLookup process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

Result<Credentials> read_profile(const std::string& path, const std::string& profile) {
  Result<std::string> text = util::read_file(path, 1 << 20);
  if (!text) return fail("cannot read the credentials file: " + text.error().message);

  std::map<std::string, Section> sections;
  std::vector<std::string> order;
  Section* current = nullptr;
  int line_no = 0;
  std::string_view rest = *text;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = trim(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']') {
        return fail(path + ":" + std::to_string(line_no) + ": a section header must end with ']'");
      }
      std::string name(trim(line.substr(1, line.size() - 2)));
      if (!sections.count(name)) order.push_back(name);
      current = &sections[name];
      current->line = line_no;
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      return fail(path + ":" + std::to_string(line_no) + ": expected 'key = value' or a [profile] header");
    }
    if (current == nullptr) {
      return fail(path + ":" + std::to_string(line_no) + ": a key outside any [profile] section");
    }
    current->values[std::string(trim(line.substr(0, eq)))] = {std::string(trim(line.substr(eq + 1))), line_no};
  }

  auto it = sections.find(profile);
  if (it == sections.end()) {
    std::string names;
    for (const auto& n : order) names += (names.empty() ? "" : ", ") + n;
    return fail("profile '" + profile + "' is not in " + path +
                (names.empty() ? std::string(" (it has no profiles)") : " (it has: " + names + ")"));
  }
  const Section& s = it->second;
  auto get = [&](const char* key) -> std::string {
    auto v = s.values.find(key);
    return v == s.values.end() ? std::string() : v->second.first;
  };
  std::string id = get("secret_id"), key = get("secret_key"), token = get("token");
  std::string where = path + ":" + std::to_string(s.line) + ": profile '" + profile + "'";
  if (id.empty() && key.empty()) return fail(where + " has neither secret_id nor secret_key");
  if (id.empty()) return fail(where + " has secret_key but no secret_id");
  if (key.empty()) return fail(where + " has secret_id but no secret_key");
  Credentials c;
  c.secret_id = id;
  c.secret_key = Secret(std::move(key));
  c.token = Secret(std::move(token));
  c.source = "profile '" + profile + "' in " + path;
  return c;
}

Result<Credentials> resolve_credentials(const CredentialFlags& flags, const EnvLookup& env) {
  const bool flag_id = flags.secret_id && !flags.secret_id->empty();
  const bool flag_key = flags.secret_key && !flags.secret_key->empty();
  const bool flag_token = flags.session_token && !flags.session_token->empty();
  if (flag_id || flag_key) {
    if (!flag_key) {
      return fail(std::string("--secret-id is given but --secret-key is not: give both, or neither to use ") +
                  kEnvId + "/" + kEnvKey + " or a profile");
    }
    if (!flag_id) {
      return fail(std::string("--secret-key is given but --secret-id is not: give both, or neither to use ") +
                  kEnvId + "/" + kEnvKey + " or a profile");
    }
    Credentials c;
    c.secret_id = *flags.secret_id;
    c.secret_key = Secret(*flags.secret_key);
    if (flag_token) c.token = Secret(*flags.session_token);
    c.source = "the command line (--secret-id, --secret-key)";
    return c;
  }
  if (flag_token) {
    return fail("--session-token needs --secret-id and --secret-key: a session token belongs to the "
                "temporary key pair it was issued with");
  }

  const bool explicit_profile = flags.profile.has_value();
  const std::string profile = explicit_profile ? *flags.profile : "default";
  if (profile.empty()) return fail("--profile needs a profile name, e.g. --profile default");
  if (!explicit_profile) {
    std::optional<std::string> id = non_empty(env, kEnvId), key = non_empty(env, kEnvKey);
    if (id || key) {
      if (!key) {
        return fail(std::string(kEnvId) + " is set but " + kEnvKey + " is not: set both, or unset " + kEnvId +
                    " to use the profile file");
      }
      if (!id) {
        return fail(std::string(kEnvKey) + " is set but " + kEnvId + " is not: set both, or unset " + kEnvKey +
                    " to use the profile file");
      }
      Credentials c;
      c.secret_id = *id;
      c.secret_key = Secret(std::move(*key));
      if (std::optional<std::string> token = non_empty(env, kEnvToken)) c.token = Secret(std::move(*token));
      c.source = std::string("the environment (") + kEnvId + ", " + kEnvKey + ")";
      return c;
    }
  }

  const std::string path = profile_path(env);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return read_profile(path, profile);
  if (explicit_profile) {
    return fail("profile '" + profile + "' was asked for with --profile, but " + path +
                " does not exist; create it with a [" + profile + "] section holding secret_id and secret_key");
  }
  return fail(std::string("no Tencent Cloud credentials: looked for --secret-id/--secret-key, then ") + kEnvId +
              "/" + kEnvKey + " in the environment, then profile 'default' in " + path +
              " (the file does not exist); give one of them (see docs/api-client.md)");
}

Result<std::string> resolve_region(const std::optional<std::string>& plan_region,
                                   const std::optional<std::string>& flag_region, const EnvLookup& env) {
  std::string region, from;
  if (plan_region && !plan_region->empty()) {
    region = *plan_region, from = "the plan's region";
  } else if (flag_region && !flag_region->empty()) {
    region = *flag_region, from = "--region";
  } else if (std::optional<std::string> r = non_empty(env, kEnvRegion)) {
    region = *r, from = kEnvRegion;
  } else {
    return fail(std::string("no region: the plan names none, and neither --region nor ") + kEnvRegion +
                " is set; give one, e.g. --region ap-guangzhou");
  }
  for (char c : region) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return fail(from + " '" + region + "' is not a Tencent Cloud region name (like ap-guangzhou)");
    }
  }
  return region;
}

}  // namespace offsetctl::api
