#include "cli/flags_api.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "testing/emulator.h"
#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::cli {
namespace {

using testing::TempDir;

api::EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

struct Parsed {
  ApiFlags flags;
  util::FakeClock clock{1795392000000};
  TempDir home;

  explicit Parsed(const std::string& args) {
    CLI::App app;
    add_api_flags(app, flags);
    app.parse(args, false);
  }
  Result<api::ClientConfig> config(const std::string& service = "ckafka",
                                   std::optional<std::string> plan_region = std::nullopt,
                                   std::map<std::string, std::string> env = {}) {
    env.emplace("HOME", home.root());
    return client_config(flags, service, plan_region, clock, env_of(env));
  }
};

const std::string kCreds = "--secret-id AKIDEXAMPLE --secret-key secretEXAMPLE";

TEST(ApiFlags, DefaultsPerService) {
  Parsed p(kCreds + " --region ap-guangzhou");
  auto c = p.config();
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->endpoint, "https://ckafka.tencentcloudapi.com");
  EXPECT_EQ(c->region, "ap-guangzhou");
  EXPECT_EQ(c->connect_timeout_ms, 10000);
  EXPECT_EQ(c->timeout_ms, 30000);
  EXPECT_EQ(c->retry.max_attempts, 5);
  EXPECT_EQ(c->max_in_flight, 16);
  EXPECT_TRUE(c->limits.enabled);
  EXPECT_EQ(c->limits.limit_for("DescribeGroupOffsets"), 100);
  EXPECT_EQ(c->clock, &p.clock);
  EXPECT_EQ(c->credentials.secret_id, "AKIDEXAMPLE");
  EXPECT_EQ(p.config("dts")->endpoint, "https://dts.tencentcloudapi.com");
}

TEST(ApiFlags, EverySettingFromTheCommandLine) {
  Parsed p(kCreds + " --session-token tok --region ap-beijing --endpoint http://127.0.0.1:9000"
                    " --connect-timeout 0.5 --timeout 2 --max-attempts 3 --max-in-flight 4"
                    " --rate-limit BatchModifyGroupOffsets=5 --rate-limit DescribeGroupOffsets=12.5");
  auto c = p.config();
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->endpoint, "http://127.0.0.1:9000");
  EXPECT_EQ(c->connect_timeout_ms, 500);
  EXPECT_EQ(c->timeout_ms, 2000);
  EXPECT_EQ(c->retry.max_attempts, 3);
  EXPECT_EQ(c->max_in_flight, 4);
  EXPECT_EQ(c->limits.limit_for("BatchModifyGroupOffsets"), 5);
  EXPECT_EQ(c->limits.limit_for("DescribeGroupOffsets"), 12.5);
  EXPECT_EQ(c->credentials.token.reveal(), "tok");
  EXPECT_FALSE(Parsed(kCreds + " --region r --no-rate-limit").config()->limits.enabled);
}

// What apply's progress line counts the time left with: no region or credentials needed (a
// saved plan gives the region), --no-rate-limit and a lowered limit heard.
TEST(ApiFlags, RateLimitsNeedNothingButTheirFlags) {
  auto published = rate_limits(Parsed("").flags);
  ASSERT_TRUE(published.ok());
  EXPECT_TRUE(published->enabled);
  EXPECT_EQ(published->limit_for("BatchModifyGroupOffsets"), 20);
  EXPECT_FALSE(rate_limits(Parsed("--no-rate-limit").flags)->enabled);
  EXPECT_EQ(rate_limits(Parsed("--rate-limit BatchModifyGroupOffsets=5").flags)->limit_for("BatchModifyGroupOffsets"), 5);
  auto bad = rate_limits(Parsed("--rate-limit BatchModifyGroupOffsets").flags);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message,
            "--rate-limit expects ACTION=N (requests per second), e.g. BatchModifyGroupOffsets=10; got "
            "'BatchModifyGroupOffsets'");
}

TEST(ApiFlags, RegionPrecedence) {
  Parsed p(kCreds + " --region ap-beijing");
  EXPECT_EQ(p.config("ckafka", "ap-guangzhou", {{"TENCENTCLOUD_REGION", "ap-shanghai"}})->region, "ap-guangzhou");
  EXPECT_EQ(p.config("ckafka", std::nullopt, {{"TENCENTCLOUD_REGION", "ap-shanghai"}})->region, "ap-beijing");
  Parsed q(kCreds);
  EXPECT_EQ(q.config("ckafka", std::nullopt, {{"TENCENTCLOUD_REGION", "ap-shanghai"}})->region, "ap-shanghai");
  auto none = q.config();
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message,
            "no region: the plan names none, and neither --region nor TENCENTCLOUD_REGION is set; give one, e.g. "
            "--region ap-guangzhou");
}

TEST(ApiFlags, CredentialPrecedence) {
  Parsed p("--region r");
  p.home.write(".tencentcloud/credentials", "[default]\nsecret_id=AKIDfile\nsecret_key=kf\n[prod]\nsecret_id=AKIDprod\n"
                                            "secret_key=kp\n");
  std::map<std::string, std::string> env = {{"TENCENTCLOUD_SECRET_ID", "AKIDenv"}, {"TENCENTCLOUD_SECRET_KEY", "ke"}};
  EXPECT_EQ(p.config("ckafka", std::nullopt, env)->credentials.secret_id, "AKIDenv");
  EXPECT_EQ(p.config()->credentials.secret_id, "AKIDfile");
  Parsed flags(kCreds + " --region r");
  EXPECT_EQ(flags.config("ckafka", std::nullopt, env)->credentials.secret_id, "AKIDEXAMPLE");
  Parsed prof("--region r --profile prod");
  prof.home.write(".tencentcloud/credentials", "[prod]\nsecret_id=AKIDprod\nsecret_key=kp\n");
  EXPECT_EQ(prof.config("ckafka", std::nullopt, env)->credentials.secret_id, "AKIDprod");
}

TEST(ApiFlags, ErrorsSayWhatToFix) {
  auto message = [](const std::string& args) {
    Parsed p(args);
    auto c = p.config();
    return c.ok() ? std::string("ok") : c.error().message;
  };
  EXPECT_EQ(message("--region r --secret-id AKID"),
            "--secret-id is given but --secret-key is not: give both, or neither to use "
            "TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY or a profile");
  EXPECT_EQ(message(kCreds + " --region r --endpoint http://ckafka.example.com"),
            "--endpoint: endpoint 'http://ckafka.example.com' uses plain http://, which is allowed only for loopback "
            "addresses (127.0.0.0/8, ::1, localhost); use https://");
  EXPECT_EQ(message(kCreds + " --region r --timeout 0"),
            "--timeout must be a number of seconds between 0 and 3600, not 0.000000");
  EXPECT_EQ(message(kCreds + " --region r --max-attempts 0"), "--max-attempts must be between 1 and 100, not 0");
  EXPECT_EQ(message(kCreds + " --region r --max-in-flight 0"), "--max-in-flight must be between 1 and 256, not 0");
  EXPECT_EQ(message(kCreds + " --region r --rate-limit BatchModifyGroupOffsets"),
            "--rate-limit expects ACTION=N (requests per second), e.g. BatchModifyGroupOffsets=10; got "
            "'BatchModifyGroupOffsets'");
  EXPECT_EQ(message(kCreds + " --region r --rate-limit BatchModifyGroupOffsets=fast"),
            "--rate-limit expects ACTION=N (requests per second), e.g. BatchModifyGroupOffsets=10; got "
            "'BatchModifyGroupOffsets=fast'");
  EXPECT_EQ(message(kCreds + " --region r --rate-limit BatchModifyGroupOffsets=40"),
            "--rate-limit BatchModifyGroupOffsets=40 is above the limit of 20/s; the flag can only lower limits");
  EXPECT_EQ(message(kCreds + " --region r --ca-bundle /nonexistent/ca.pem"),
            "--ca-bundle /nonexistent/ca.pem: the file cannot be read");
}

TEST(ApiFlags, TheSecretKeyIsNeverInAnError) {
  Parsed p("--secret-key Gu5t9xGARNpq86cd98joQYCN3EXAMPLE --region r");
  auto c = p.config();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message.find("Gu5t9x"), std::string::npos);
}

// Known secrets, the highest verbosity, plan and apply with credentials from the flags and from the
// environment, and a wrong key: nothing any run prints or writes holds the secret key or the token.
TEST(ApiSecrets, NoCommandPrintsOrWritesTheSecretKeyOrTheToken) {
  const std::string key = "secretKEY-4e1f9a77c2EXAMPLE";
  const std::string token = "sessionTOKEN-b83d02e6EXAMPLE";
  TempDir dir;
  const std::string state = "credentials:\n"
                            "  - secretId: AKIDTEMPORARY\n"
                            "    secretKey: " + key + "\n"
                            "    token: " + token + "\n"
                            "instances:\n"
                            "  - id: ckafka-demo\n"
                            "    region: ap-guangzhou\n"
                            "    topics:\n"
                            "      - name: events\n"
                            "        partitions: 2\n"
                            "        begin: 0\n"
                            "        end: 5000\n"
                            "        firstTimestampMs: 1794787200000\n"
                            "        intervalMs: 60000\n"
                            "    groups:\n"
                            "      - name: billing-consumer\n"
                            "        state: Empty\n"
                            "        offsets:\n"
                            "          events: {0: 100, 1: 200}\n";
  const std::string plan = dir.write("plans/billing.yaml",
                                     "apiVersion: offsetctl/v1\n"
                                     "kind: OffsetPlan\n"
                                     "name: billing\n"
                                     "instance: ckafka-demo\n"
                                     "region: ap-guangzhou\n"
                                     "groups:\n"
                                     "  - group: billing-consumer\n"
                                     "    topics:\n"
                                     "      - topic: events\n"
                                     "        offsets:\n"
                                     "          0: 1500\n"
                                     "          1: 1720\n");
  testing::Emulator emulator(dir, state, {"--no-rate-limit"});
  ASSERT_FALSE(emulator.url().empty()) << "ckafka-emulator did not start";

  testing::ProcessOptions clean;
  clean.env = {{"HOME", dir.root()}};
  clean.unset_env = {"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SESSION_TOKEN",
                     "TENCENTCLOUD_REGION"};
  testing::ProcessOptions from_env = clean;
  from_env.env["TENCENTCLOUD_SECRET_ID"] = "AKIDTEMPORARY";
  from_env.env["TENCENTCLOUD_SECRET_KEY"] = key;
  from_env.env["TENCENTCLOUD_SESSION_TOKEN"] = token;
  const std::vector<std::string> endpoint = {"--endpoint", emulator.url()};
  auto with = [&](std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
  };

  std::vector<testing::ProcessResult> runs;
  runs.push_back(testing::run_process(
      with({"offsetctl", "-vvv", "plan", plan, "--out", dir.path("saved-plan.json"), "--secret-id", "AKIDTEMPORARY",
            "--secret-key", key, "--session-token", token},
           endpoint),
      clean));
  runs.push_back(testing::run_process(with({"offsetctl", "-vvv", "plan", plan, "--format", "json"}, endpoint), from_env));
  runs.push_back(testing::run_process(
      with({"offsetctl", "-vvv", "apply", dir.path("saved-plan.json"), "--auto-approve", "--audit-log",
            dir.path("audit.jsonl")},
           endpoint),
      from_env));
  testing::ProcessOptions wrong = from_env;
  wrong.env["TENCENTCLOUD_SECRET_KEY"] = key + "-wrong";
  runs.push_back(testing::run_process(with({"offsetctl", "-vvv", "plan", plan}, endpoint), wrong));
  wrong.env.erase("TENCENTCLOUD_SESSION_TOKEN");
  wrong.env["TENCENTCLOUD_SECRET_KEY"] = key;
  runs.push_back(testing::run_process(with({"offsetctl", "-vvv", "plan", plan}, endpoint), wrong));  // no token

  std::string printed;
  for (const auto& r : runs) printed += r.out + r.err;
  EXPECT_NE(runs[0].err.find("attempt"), std::string::npos) << "the API calls were logged at debug level:\n"
                                                            << runs[0].err;
  EXPECT_NE(runs[3].exit_code, 0);
  EXPECT_NE(runs[3].err.find("AuthFailure.SignatureFailure"), std::string::npos) << runs[3].err;
  EXPECT_NE(runs[4].err.find("AuthFailure.TokenFailure"), std::string::npos) << runs[4].err;

  std::string written;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.root())) {
    if (!entry.is_regular_file() || entry.path().filename().string().starts_with("emulator-state")) continue;
    std::ostringstream contents;
    contents << std::ifstream(entry.path(), std::ios::binary).rdbuf();
    written += contents.str();
  }
  EXPECT_NE(written.find("billing-consumer"), std::string::npos) << "the runs wrote their files";
  for (const std::string& secret : {key, token}) {
    EXPECT_EQ(printed.find(secret), std::string::npos) << secret << " was printed";
    EXPECT_EQ(written.find(secret), std::string::npos) << secret << " was written to a file";
  }
}

}  // namespace
}  // namespace offsetctl::cli
