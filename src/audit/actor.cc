#include "audit/actor.h"

#include <pwd.h>
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

// "https://github.com/acme/offsets/actions/runs/8812/attempts/2": the page a reviewer
// opens from an audit record to see the job's log.
std::optional<std::string> github_run_url(const Environment& env) {
  auto server = get(env, "GITHUB_SERVER_URL"), repo = get(env, "GITHUB_REPOSITORY"), run = get(env, "GITHUB_RUN_ID");
  if (!repo || !run) return std::nullopt;
  std::string url = (server ? *server : "https://github.com") + "/" + *repo + "/actions/runs/" + *run;
  if (auto attempt = get(env, "GITHUB_RUN_ATTEMPT"); attempt && *attempt != "1") url += "/attempts/" + *attempt;
  return url;
}

std::optional<std::string> run_url_of(const std::string& system, const Environment& env) {
  std::optional<std::string> url;
  if (system == "github-actions") url = github_run_url(env);
  if (system == "gitlab-ci") url = get(env, "CI_JOB_URL");
  if (system == "jenkins") url = get(env, "BUILD_URL");
  if (url) url = clip_text(without_userinfo(*url), kMaxValue);
  return url;
}

// The login name of `uid` in the password database, else "uid N".
std::string user_of_uid(uid_t uid) {
  struct passwd pw{};
  struct passwd* found = nullptr;
  std::vector<char> buffer(16384);
  if (::getpwuid_r(uid, &pw, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name &&
      found->pw_name[0] != '\0') {
    return found->pw_name;
  }
  return "uid " + std::to_string(uid);
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
    actor.run_url = run_url_of(system.name, env);
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
  const uid_t uid = ::getuid();
  actor.uid = static_cast<int64_t>(uid);
  if (!actor.user) actor.user = clip_text(user_of_uid(uid), kMaxValue);
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
    if (actor.run_url) j["ci"]["run_url"] = *actor.run_url;
  } else {
    j["ci"] = nullptr;
  }
  return j;
}

}  // namespace offsetctl::audit
