#include "audit/actor.h"

#include <gtest/gtest.h>

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "audit/record.h"

namespace offsetctl::audit {
namespace {

TEST(Actor, UserFromUserElseLogname) {
  EXPECT_EQ(detect_actor({{"USER", "alice"}, {"LOGNAME", "bob"}}).user, "alice");
  EXPECT_EQ(detect_actor({{"USER", ""}, {"LOGNAME", "bob"}}).user, "bob");
  EXPECT_EQ(detect_actor({}).user, std::nullopt);
}

TEST(Actor, NoCiOnADeveloperMachine) {
  Actor a = detect_actor({{"USER", "alice"}, {"HOME", "/home/alice"}});
  EXPECT_EQ(a.ci_system, std::nullopt);
  EXPECT_TRUE(a.ci_variables.empty());
  EXPECT_EQ(canonical_json(actor_json(a)), R"({"ci":null,"user":"alice"})");
}

TEST(Actor, GithubActions) {
  Actor a = detect_actor({{"GITHUB_ACTIONS", "true"},
                          {"GITHUB_RUN_ID", "8812"},
                          {"GITHUB_WORKFLOW", "offsets"},
                          {"GITHUB_ACTOR", "octocat"},
                          {"GITHUB_REPOSITORY", "acme/kafka-offsets"},
                          {"CI", "true"},
                          {"USER", "runner"}});
  EXPECT_EQ(
      canonical_json(actor_json(a)),
      R"({"ci":{"run_url":"https://github.com/acme/kafka-offsets/actions/runs/8812","system":"github-actions",)"
      R"("variables":{"GITHUB_ACTIONS":"true","GITHUB_ACTOR":"octocat",)"
      R"("GITHUB_REPOSITORY":"acme/kafka-offsets","GITHUB_RUN_ID":"8812","GITHUB_WORKFLOW":"offsets"}},)"
      R"("user":"runner"})");
}

TEST(Actor, GithubRunUrl) {
  Environment env = {{"GITHUB_ACTIONS", "true"},
                     {"GITHUB_SERVER_URL", "https://github.example"},
                     {"GITHUB_REPOSITORY", "acme/kafka-offsets"},
                     {"GITHUB_RUN_ID", "8812"},
                     {"GITHUB_RUN_ATTEMPT", "1"}};
  EXPECT_EQ(detect_actor(env).run_url, "https://github.example/acme/kafka-offsets/actions/runs/8812");
  env["GITHUB_RUN_ATTEMPT"] = "2";
  EXPECT_EQ(detect_actor(env).run_url, "https://github.example/acme/kafka-offsets/actions/runs/8812/attempts/2");
  env.erase("GITHUB_SERVER_URL");
  EXPECT_EQ(detect_actor(env).run_url, "https://github.com/acme/kafka-offsets/actions/runs/8812/attempts/2");
  EXPECT_EQ(canonical_json(actor_json(detect_actor(env))).find(R"("run_url":"https://github.com/acme/)") !=
                std::string::npos,
            true);
  env.erase("GITHUB_RUN_ID");
  EXPECT_EQ(detect_actor(env).run_url, std::nullopt);
}

TEST(Actor, GitlabAndJenkinsRunUrlsWithoutCredentials) {
  EXPECT_EQ(detect_actor({{"GITLAB_CI", "true"}, {"CI_JOB_URL", "https://gitlab.example/acme/o/-/jobs/77"}}).run_url,
            "https://gitlab.example/acme/o/-/jobs/77");
  EXPECT_EQ(detect_actor({{"JENKINS_URL", "https://j.example/"}, {"BUILD_URL", "https://u:t@j.example/job/o/5/"}})
                .run_url,
            "https://j.example/job/o/5/");
  EXPECT_EQ(detect_actor({{"USER", "alice"}}).run_url, std::nullopt);
}

TEST(Actor, TheCurrentUserIsNeverUnknown) {
  const char* user = std::getenv("USER");
  const char* logname = std::getenv("LOGNAME");
  const std::string saved_user = user ? user : "", saved_logname = logname ? logname : "";
  unsetenv("USER");
  unsetenv("LOGNAME");
  Actor a = current_actor();
  if (user) setenv("USER", saved_user.c_str(), 1);
  if (logname) setenv("LOGNAME", saved_logname.c_str(), 1);
  ASSERT_TRUE(a.user.has_value());
  const struct passwd* pw = ::getpwuid(::getuid());
  EXPECT_EQ(*a.user, pw ? std::string(pw->pw_name) : "uid " + std::to_string(::getuid()));
  EXPECT_NE(canonical_json(actor_json(a)).find(R"("user":")"), std::string::npos);
}

TEST(Actor, GithubActionsMustBeTrue) {
  EXPECT_EQ(detect_actor({{"GITHUB_ACTIONS", "false"}}).ci_system, std::nullopt);
}

TEST(Actor, GitlabCi) {
  Actor a = detect_actor({{"GITLAB_CI", "true"},
                          {"CI", "true"},
                          {"CI_JOB_ID", "77"},
                          {"CI_PIPELINE_ID", "12"},
                          {"CI_PROJECT_PATH", "acme/offsets"},
                          {"GITLAB_USER_LOGIN", "ops"}});
  EXPECT_EQ(a.ci_system, "gitlab-ci");
  EXPECT_EQ(a.ci_variables, (std::map<std::string, std::string>{{"CI_JOB_ID", "77"},
                                                                {"CI_PIPELINE_ID", "12"},
                                                                {"CI_PROJECT_PATH", "acme/offsets"},
                                                                {"GITLAB_CI", "true"},
                                                                {"GITLAB_USER_LOGIN", "ops"}}));
}

TEST(Actor, JenkinsWithoutUrlCredentials) {
  Actor a = detect_actor({{"JENKINS_URL", "https://admin:s3cret@jenkins.example/"},
                          {"BUILD_TAG", "jenkins-offsets-42"},
                          {"BUILD_URL", "https://jenkins.example/job/offsets/42/"}});
  EXPECT_EQ(a.ci_system, "jenkins");
  EXPECT_EQ(a.ci_variables["JENKINS_URL"], "https://jenkins.example/");
  EXPECT_EQ(a.ci_variables["BUILD_TAG"], "jenkins-offsets-42");
  EXPECT_EQ(canonical_json(actor_json(a)).find("s3cret"), std::string::npos);
}

TEST(Actor, AnyOtherCi) {
  EXPECT_EQ(detect_actor({{"CI", "true"}, {"BUILD_ID", "9"}}).ci_system, "ci");
  EXPECT_EQ(detect_actor({{"CI", "true"}, {"BUILD_ID", "9"}}).ci_variables.at("BUILD_ID"), "9");
  EXPECT_EQ(detect_actor({{"CI", "false"}}).ci_system, std::nullopt);
  EXPECT_EQ(detect_actor({{"CI", "0"}}).ci_system, std::nullopt);
}

TEST(Actor, NeverReadsSecrets) {
  Environment env = {{"CI", "true"},
                     {"TENCENTCLOUD_SECRET_KEY", "topsecret"},
                     {"TENCENTCLOUD_SESSION_TOKEN", "topsecret"},
                     {"CI_JOB_TOKEN", "topsecret"},
                     {"GITHUB_TOKEN", "topsecret"}};
  EXPECT_EQ(canonical_json(actor_json(detect_actor(env))).find("topsecret"), std::string::npos);
  for (const auto& name : actor_variable_names()) {
    EXPECT_EQ(name.find("SECRET"), std::string::npos) << name;
    EXPECT_EQ(name.find("TOKEN"), std::string::npos) << name;
  }
}

TEST(Actor, CurrentProcessHasUidAndHost) {
  Actor a = current_actor();
  EXPECT_TRUE(a.uid.has_value());
  EXPECT_TRUE(a.host.has_value());
}

}  // namespace
}  // namespace offsetctl::audit
