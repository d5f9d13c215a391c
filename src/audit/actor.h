#pragma once
// Who runs offsetctl, for the run_started record: the user, and the CI job and
// pipeline when run from CI. Only a fixed list of identifying variables is
// read, never anything that could be a secret.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace offsetctl::audit {

using Environment = std::map<std::string, std::string>;

struct Actor {
  std::optional<std::string> user;                  // USER, else LOGNAME
  std::optional<int64_t> uid;                       // current_actor() only
  std::optional<std::string> host;                  // current_actor() only
  std::optional<std::string> ci_system;             // "github-actions", "gitlab-ci", "jenkins", "ci"
  std::map<std::string, std::string> ci_variables;  // by environment name
  // The page of the CI run: GitHub's run URL built from its variables, GitLab's
  // CI_JOB_URL, Jenkins' BUILD_URL; nullopt outside CI or when they are missing.
  std::optional<std::string> run_url;
};

// Pure: the actor an environment describes. GitHub Actions (GITHUB_ACTIONS=true),
// GitLab CI (GITLAB_CI), Jenkins (JENKINS_URL), else any CI (CI set, not "false"/"0").
Actor detect_actor(const Environment& env);

// Every environment variable detect_actor() may read.
const std::vector<std::string>& actor_variable_names();

// This process's actor: detect_actor() over its environment, plus uid and host name;
// with neither USER nor LOGNAME set, the user is the uid's name in the password
// database (else "uid N"), never unknown.
Actor current_actor();

nlohmann::json actor_json(const Actor& actor);

}  // namespace offsetctl::audit
