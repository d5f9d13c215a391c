#include "audit/actor.h"

#include <unistd.h>

#include <cstdlib>

#include "audit/fields.h"

namespace offsetctl::audit {
namespace {

constexpr size_t kMaxValue = 4000;  // the schema allows 4096 characters

struct CiSystem {
  const char* name;
  const char* trigger;
  std::vector<std::string> variables;  // the trigger first
};

const std::vector<CiSystem>& ci_systems() {
  static const std::vector<CiSystem> systems = {
      {"github-actions",
       "GITHUB_ACTIONS",
       {"GITHUB_ACTIONS", "GITHUB_RUN_ID", "GITHUB_RUN_NUMBER", "GITHUB_RUN_ATTEMPT", "GITHUB_WORKFLOW",
        "GITHUB_JOB", "GITHUB_ACTOR", "GITHUB_TRIGGERING_ACTOR", "GITHUB_REPOSITORY", "GITHUB_REF",
        "GITHUB_SHA", "GITHUB_EVENT_NAME", "GITHUB_SERVER_URL"}},
      {"gitlab-ci",
       "GITLAB_CI",
       {"GITLAB_CI", "CI_JOB_ID", "CI_JOB_NAME", "CI_JOB_URL", "CI_PIPELINE_ID", "CI_PIPELINE_URL",
        "CI_PIPELINE_SOURCE", "CI_PROJECT_PATH", "CI_COMMIT_SHA", "CI_COMMIT_REF_NAME", "GITLAB_USER_LOGIN",
        "CI_SERVER_URL"}},
      {"jenkins",
       "JENKINS_URL",
       {"JENKINS_URL", "BUILD_TAG", "BUILD_URL", "JOB_NAME", "BUILD_NUMBER", "BUILD_ID", "NODE_NAME",
        "GIT_COMMIT"}},
      {"ci", "CI", {"CI", "CI_NAME", "BUILD_ID", "BUILD_NUMBER", "BUILD_URL", "JOB_NAME"}},
  };
  return systems;
}

std::optional<std::string> get(const Environment& env, const std::string& name) {
  auto it = env.find(name);
  if (it == env.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

bool triggered(const CiSystem& system, const std::string& value) {
  if (std::string(system.name) == "github-actions") return value == "true";
  if (std::string(system.name) == "ci") return value != "false" && value != "0";
  return true;
}

// "https://user:token@jenkins.example/" -> "https://jenkins.example/": a URL's
// credentials have no place in an audit log.
std::string without_userinfo(const std::string& value) {
  auto scheme = value.find("://");
  if (scheme == std::string::npos) return value;
  auto host_start = scheme + 3;
  auto host_end = value.find_first_of("/?#", host_start);
  auto at = value.rfind('@', host_end == std::string::npos ? value.size() : host_end);
  if (at == std::string::npos || at < host_start) return value;
  return value.substr(0, host_start) + value.substr(at + 1);
}

}  // namespace

Actor detect_actor(const Environment& env) {
  Actor actor;
  actor.user = get(env, "USER");
  if (!actor.user) actor.user = get(env, "LOGNAME");
  if (actor.user) actor.user = clip_text(*actor.user, kMaxValue);
  for (const auto& system : ci_systems()) {
    auto trigger = get(env, system.trigger);
    if (!trigger || !triggered(system, *trigger)) continue;
    actor.ci_system = system.name;
    for (const auto& name : system.variables) {
      if (auto value = get(env, name))
        actor.ci_variables[name] = clip_text(without_userinfo(*value), kMaxValue);
    }
    break;
  }
  return actor;
}

const std::vector<std::string>& actor_variable_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all = {"USER", "LOGNAME"};
    for (const auto& system : ci_systems())
      all.insert(all.end(), system.variables.begin(), system.variables.end());
    return all;
  }();
  return names;
}

Actor current_actor() {
  Environment env;
  for (const auto& name : actor_variable_names()) {
    if (const char* value = std::getenv(name.c_str())) env[name] = value;
  }
  Actor actor = detect_actor(env);
  actor.uid = static_cast<int64_t>(::getuid());
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) == 0 && host[0] != '\0') actor.host = host;
  return actor;
}

nlohmann::json actor_json(const Actor& actor) {
  nlohmann::json j;
  j["user"] = actor.user ? nlohmann::json(*actor.user) : nullptr;
  if (actor.uid) j["uid"] = *actor.uid;
  if (actor.host) j["host"] = clip_text(*actor.host, kMaxValue);
  if (actor.ci_system) {
    j["ci"] = {{"system", *actor.ci_system}, {"variables", actor.ci_variables}};
  } else {
    j["ci"] = nullptr;
  }
  return j;
}

}  // namespace offsetctl::audit
