#include "api/credentials.h"

#include <gtest/gtest.h>

#include <map>

#include "testing/temp_dir.h"

namespace offsetctl::api {
namespace {

using testing::TempDir;

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

struct Home {
  TempDir dir;
  std::string file(const std::string& text) { return dir.write(".tencentcloud/credentials", text); }
  std::string path() const { return dir.root() + "/.tencentcloud/credentials"; }
};

TEST(Credentials, FlagsComeFirst) {
  Home home;
  home.file("[default]\nsecret_id = AKIDfile\nsecret_key = keyfile\n");
  CredentialFlags flags{"AKIDflag", "keyflag", "tokenflag", std::nullopt};
  auto c = resolve_credentials(flags, env_of({{"HOME", home.dir.root()},
                                              {"TENCENTCLOUD_SECRET_ID", "AKIDenv"},
                                              {"TENCENTCLOUD_SECRET_KEY", "keyenv"}}));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->secret_id, "AKIDflag");
  EXPECT_EQ(c->secret_key.reveal(), "keyflag");
  EXPECT_EQ(c->token.reveal(), "tokenflag");
  EXPECT_EQ(c->source, "the command line (--secret-id, --secret-key)");
}

TEST(Credentials, TheEnvironmentComesBeforeTheProfileFile) {
  Home home;
  home.file("[default]\nsecret_id = AKIDfile\nsecret_key = keyfile\n");
  auto c = resolve_credentials({}, env_of({{"HOME", home.dir.root()},
                                           {"TENCENTCLOUD_SECRET_ID", "AKIDenv"},
                                           {"TENCENTCLOUD_SECRET_KEY", "keyenv"},
                                           {"TENCENTCLOUD_SESSION_TOKEN", "tok"}}));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->secret_id, "AKIDenv");
  EXPECT_EQ(c->secret_key.reveal(), "keyenv");
  EXPECT_EQ(c->token.reveal(), "tok");
  EXPECT_EQ(c->source, "the environment (TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY)");
}

TEST(Credentials, TheDefaultProfileIsReadLast) {
  Home home;
  home.file("# comment\n[other]\nsecret_id=AKIDother\nsecret_key=keyother\n\n[default]\n"
            "  secret_id = AKIDfile  \nsecret_key = keyfile\ntoken = t0k\n");
  auto c = resolve_credentials({}, env_of({{"HOME", home.dir.root()}, {"TENCENTCLOUD_SECRET_ID", ""}}));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->secret_id, "AKIDfile");
  EXPECT_EQ(c->secret_key.reveal(), "keyfile");
  EXPECT_EQ(c->token.reveal(), "t0k");
  EXPECT_EQ(c->source, "profile 'default' in " + home.path());
}

TEST(Credentials, AnExplicitProfileIsUsedEvenWhenTheEnvironmentHasCredentials) {
  Home home;
  home.file("[default]\nsecret_id=AKIDdef\nsecret_key=keydef\n[prod]\nsecret_id=AKIDprod\nsecret_key=keyprod\n");
  CredentialFlags flags;
  flags.profile = "prod";
  auto c = resolve_credentials(flags, env_of({{"HOME", home.dir.root()},
                                              {"TENCENTCLOUD_SECRET_ID", "AKIDenv"},
                                              {"TENCENTCLOUD_SECRET_KEY", "keyenv"}}));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->secret_id, "AKIDprod");
  EXPECT_TRUE(c->token.empty());
}

TEST(Credentials, HalfGivenFlagsAreAnError) {
  auto c = resolve_credentials({"AKIDflag", std::nullopt, std::nullopt, std::nullopt}, env_of({}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message,
            "--secret-id is given but --secret-key is not: give both, or neither to use "
            "TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY or a profile");
  c = resolve_credentials({std::nullopt, "key", std::nullopt, std::nullopt}, env_of({}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message,
            "--secret-key is given but --secret-id is not: give both, or neither to use "
            "TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY or a profile");
  c = resolve_credentials({std::nullopt, std::nullopt, "tok", std::nullopt}, env_of({}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message,
            "--session-token needs --secret-id and --secret-key: a session token belongs to the temporary key "
            "pair it was issued with");
}

TEST(Credentials, HalfSetEnvironmentIsAnError) {
  auto c = resolve_credentials({}, env_of({{"TENCENTCLOUD_SECRET_ID", "AKIDenv"}}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message,
            "TENCENTCLOUD_SECRET_ID is set but TENCENTCLOUD_SECRET_KEY is not: set both, or unset "
            "TENCENTCLOUD_SECRET_ID to use the profile file");
  c = resolve_credentials({}, env_of({{"TENCENTCLOUD_SECRET_KEY", "k"}}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message,
            "TENCENTCLOUD_SECRET_KEY is set but TENCENTCLOUD_SECRET_ID is not: set both, or unset "
            "TENCENTCLOUD_SECRET_KEY to use the profile file");
}

TEST(Credentials, NothingAnywhereNamesEveryPlaceLookedAt) {
  Home home;
  auto c = resolve_credentials({}, env_of({{"HOME", home.dir.root()}}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message,
            "no Tencent Cloud credentials: looked for --secret-id/--secret-key, then "
            "TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY in the environment, then profile 'default' in " +
                home.path() + " (the file does not exist); give one of them (see docs/api-client.md)");
}

TEST(Credentials, ProfileProblemsSayWhere) {
  Home home;
  home.file("[default]\nsecret_id = AKIDfile\n[dev]\nsecret_key = k\n");
  auto c = resolve_credentials({}, env_of({{"HOME", home.dir.root()}}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message, home.path() + ":1: profile 'default' has secret_id but no secret_key");

  CredentialFlags flags;
  flags.profile = "dev";
  c = resolve_credentials(flags, env_of({{"HOME", home.dir.root()}}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message, home.path() + ":3: profile 'dev' has secret_key but no secret_id");

  flags.profile = "prod";
  c = resolve_credentials(flags, env_of({{"HOME", home.dir.root()}}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message, "profile 'prod' is not in " + home.path() + " (it has: default, dev)");
}

TEST(Credentials, AnExplicitProfileWithoutAFileIsAnError) {
  Home home;
  CredentialFlags flags;
  flags.profile = "prod";
  auto c = resolve_credentials(flags, env_of({{"HOME", home.dir.root()}}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message, "profile 'prod' was asked for with --profile, but " + home.path() +
                                   " does not exist; create it with a [prod] section holding secret_id and "
                                   "secret_key");
}

TEST(Credentials, AMalformedProfileFileSaysWhichLine) {
  Home home;
  home.file("[default]\nsecret_id AKID\n");
  auto c = resolve_credentials({}, env_of({{"HOME", home.dir.root()}}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message, home.path() + ":2: expected 'key = value' or a [profile] header");
}

TEST(Credentials, ErrorsNeverContainTheSecretKey) {
  Home home;
  home.file("[default]\nsecret_key = Gu5t9xGARNpq86cd98joQYCN3EXAMPLE\n");
  auto c = resolve_credentials({}, env_of({{"HOME", home.dir.root()}}));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message.find("Gu5t9x"), std::string::npos);
}

TEST(Region, ThePlanThenTheFlagThenTheEnvironment) {
  auto env = env_of({{"TENCENTCLOUD_REGION", "ap-shanghai"}});
  EXPECT_EQ(*resolve_region("ap-guangzhou", "ap-beijing", env), "ap-guangzhou");
  EXPECT_EQ(*resolve_region(std::nullopt, "ap-beijing", env), "ap-beijing");
  EXPECT_EQ(*resolve_region(std::nullopt, std::nullopt, env), "ap-shanghai");
}

TEST(Region, NoneOrAMalformedOneIsAnError) {
  auto r = resolve_region(std::nullopt, std::nullopt, env_of({}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "no region: the plan names none, and neither --region nor TENCENTCLOUD_REGION is set; give one, "
            "e.g. --region ap-guangzhou");
  r = resolve_region(std::nullopt, "AP Guangzhou", env_of({}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "--region 'AP Guangzhou' is not a Tencent Cloud region name (like ap-guangzhou)");
}

}  // namespace
}  // namespace offsetctl::api
