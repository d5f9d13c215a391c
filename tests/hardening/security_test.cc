// The security reviewer's checks, against the real programs:
//   - the secret key and the session token never reach any output: standard
//     output and error at -vvv, the saved plan, the audit log, the rollback plan,
//     an export, error messages (a wrong key too);
//   - plain http:// is refused for anything but a loopback address;
//   - a new audit log is created 0600 whatever the umask;
//   - a plan's contents (names with ../, absolute paths) never make offsetctl
//     write anywhere but the paths on its command line.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <set>

#include "emulator_process.h"
#include "scenario.h"

namespace offsetctl::hardening {
namespace {

namespace fs = std::filesystem;

const std::string kSecret = "hardeningSECRETkey7f3a9c0d";
const std::string kToken = "hardeningTOKEN51d0e8b2c6a4";
const std::string kTestSecretId = "AKIDHARDENING";

// A state whose only credential needs the secret key and the session token above.
std::string secret_state() {
  std::string s = make_scenario(2, Targets::PerGroup).state_yaml;
  const std::string from = "  - secretId: " + std::string(kSecretId) + "\n    secretKey: " + kSecretKey + "\n";
  s.replace(s.find(from), from.size(),
            "  - secretId: " + kTestSecretId + "\n    secretKey: " + kSecret + "\n    token: " + kToken + "\n");
  return s;
}

std::map<std::string, std::string> secret_env() {
  return {{"TENCENTCLOUD_SECRET_ID", kTestSecretId},
          {"TENCENTCLOUD_SECRET_KEY", kSecret},
          {"TENCENTCLOUD_SESSION_TOKEN", kToken}};
}

// Where `text` shows a secret (or the start of one), for the failure message.
std::string leaks(const std::string& what, const std::string& text) {
  std::string out;
  for (const std::string& secret : {kSecret, kToken, std::string("hardeningWRONG")}) {
    for (const std::string& needle : {secret, secret.substr(0, 12)}) {
      auto at = text.find(needle);
      if (at != std::string::npos) {
        out += what + " shows '" + needle + "': ..." + text.substr(at > 80 ? at - 80 : 0, 160) + "...\n";
        break;
      }
    }
  }
  return out;
}

TEST(Secrets, NeverInAnyOutputAtTheHighestVerbosity) {
  testing::TempDir dir;
  EmulatorProcess emu(dir, secret_state());
  ASSERT_FALSE(emu.url().empty()) << emu.error();
  const std::string plan = make_scenario(2, Targets::PerGroup).plan_yaml;
  dir.write("plans/secret.yaml", plan);
  std::string found;
  auto run = [&](std::vector<std::string> args, int expected_exit, std::map<std::string, std::string> env) {
    args.insert(args.begin(), "-vvv");
    auto r = offsetctl(dir, args, env);
    std::string cmd;
    for (const auto& a : args) cmd += " " + a;
    EXPECT_EQ(r.exit_code, expected_exit) << "offsetctl" << cmd << "\n" << r.out << r.err;
    found += leaks("stdout of offsetctl" + cmd, r.out) + leaks("stderr of offsetctl" + cmd, r.err);
    return r;
  };
  const auto env = secret_env();
  run({"validate", "plans"}, 0, env);
  run({"plan", "plans", "--out", "saved.json", "--endpoint", emu.url()}, 0, env);
  run({"plan", "plans", "--format", "json", "--endpoint", emu.url()}, 0, env);
  run({"apply", "saved.json", "--audit-log", "audit.jsonl"}, 0, env);
  run({"audit", "verify", "audit.jsonl", "--json"}, 0, env);
  run({"rollback", "--audit-log", "audit.jsonl", "--out", "rollback.yaml"}, 0, env);
  run({"apply", "rollback.yaml", "--auto-approve", "--audit-log", "audit.jsonl", "--endpoint", emu.url(), "--region",
       kRegion}, 0, env);
  run({"export", "--instance", kInstance, "--group", "g-000", "--out", "export.yaml", "--endpoint", emu.url(),
       "--region", kRegion}, 0, env);
  // The same secrets as flags, and as a profile file.
  run({"plan", "plans", "--endpoint", emu.url(), "--secret-id", kTestSecretId, "--secret-key", kSecret,
       "--session-token", kToken}, 0, {});
  dir.write(".tencentcloud/credentials",
            "[default]\nsecret_id = " + kTestSecretId + "\nsecret_key = " + kSecret + "\ntoken = " + kToken + "\n");
  // Failures: a wrong key, a missing token, an unreachable endpoint.
  run({"plan", "plans", "--endpoint", emu.url(), "--max-attempts", "1"}, 1,
      {{"TENCENTCLOUD_SECRET_ID", kTestSecretId}, {"TENCENTCLOUD_SECRET_KEY", "hardeningWRONGkey00000"},
       {"TENCENTCLOUD_SESSION_TOKEN", kToken}});
  run({"plan", "plans", "--endpoint", emu.url(), "--max-attempts", "1"}, 1,
      {{"TENCENTCLOUD_SECRET_ID", kTestSecretId}, {"TENCENTCLOUD_SECRET_KEY", kSecret}});
  run({"plan", "plans", "--endpoint", "http://127.0.0.1:1", "--max-attempts", "1", "--connect-timeout", "1"}, 1, env);
  run({"apply", "saved.json", "--audit-log", "audit.jsonl", "--max-attempts", "1"}, 1,
      {{"TENCENTCLOUD_SECRET_ID", kTestSecretId}, {"TENCENTCLOUD_SECRET_KEY", "hardeningWRONGkey00000"},
       {"TENCENTCLOUD_SESSION_TOKEN", kToken}});

  // Every file offsetctl wrote (the emulator's own files and the profile aside).
  for (const auto& e : fs::recursive_directory_iterator(dir.root())) {
    if (!e.is_regular_file()) continue;
    const std::string name = e.path().filename().string();
    if (name.rfind("emulator", 0) == 0 || e.path().parent_path().filename() == ".tencentcloud") continue;
    found += leaks(e.path().string(), slurp(e.path().string()));
  }
  for (const char* required : {"saved.json", "audit.jsonl", "rollback.yaml", "export.yaml"}) {
    EXPECT_FALSE(slurp(dir.path(required)).empty()) << required << " was not written";
  }
  EXPECT_EQ(found, "");
}

TEST(Endpoints, PlainHttpIsRefusedForAnythingButLoopback) {
  testing::TempDir dir;
  dir.write("plans/p.yaml", make_scenario(1, Targets::PerGroup).plan_yaml);
  for (const std::string endpoint :
       {"http://ckafka.tencentcloudapi.com", "http://10.0.0.1:8080", "http://192.168.1.10", "http://0.0.0.0:9",
        "http://127.0.0.1.example.com", "http://localhost.example.com", "http://127.0.0.1@example.com",
        "http://example.com#@127.0.0.1", "http://[::ffff:10.0.0.1]:80", "http://[fe80::1]:80", "HTTP://example.com"}) {
    SCOPED_TRACE(endpoint);
    auto r = offsetctl(dir, {"plan", "plans", "--endpoint", endpoint, "--max-attempts", "1", "--connect-timeout", "1"},
                       {}, 60000);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_EQ(r.err.rfind("offsetctl: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("endpoint"), std::string::npos) << r.err;
    // Refused as an endpoint, not after trying to connect.
    EXPECT_EQ(r.err.find("DescribeGroup"), std::string::npos) << r.err;
  }
}

TEST(AuditLog, ANewLogIsCreated0600WhateverTheUmask) {
  for (mode_t mask : {mode_t{0}, mode_t{022}, mode_t{077}}) {
    SCOPED_TRACE("umask " + std::to_string(mask));
    testing::TempDir dir;
    EmulatorOptions eo;
    eo.rate_limit = false;
    EmulatorProcess emu(dir, make_scenario(2, Targets::PerGroup).state_yaml, eo);
    ASSERT_FALSE(emu.url().empty()) << emu.error();
    dir.write("plans/p.yaml", make_scenario(2, Targets::PerGroup).plan_yaml);
    const mode_t old = ::umask(mask);  // the child inherits it
    auto r = offsetctl(dir, {"apply", "plans", "--auto-approve", "--audit-log", "new-audit.jsonl", "--endpoint", emu.url()});
    ::umask(old);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    struct stat st {};
    ASSERT_EQ(::stat(dir.path("new-audit.jsonl").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0600u);
  }
}

// Every path under `root`, recursively (symlinks not followed).
std::set<std::string> tree(const std::string& root) {
  std::set<std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end; it != end;
       it.increment(ec)) {
    out.insert(fs::relative(it->path(), root).string());
  }
  return out;
}

std::set<std::string> top_level(const std::string& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.insert(e.path().filename().string());
  return out;
}

TEST(Paths, APlanNeverMakesOffsetctlWriteOutsideItsCommandLinePaths) {
  testing::TempDir dir;
  // The names a hostile plan could use as paths (Dead groups, so the plan may change them).
  const std::vector<std::string> groups = {"../../../escape-group", "/tmp/offsetctl-escape-abs", "..", "a/../../b",
                                           "~", "$HOME", "CON", "g-000"};
  std::string state = make_scenario(1, Targets::PerGroup).state_yaml;
  EmulatorOptions eo;
  eo.rate_limit = false;
  EmulatorProcess emu(dir, state, eo);
  ASSERT_FALSE(emu.url().empty()) << emu.error();
  std::string plan = "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: escape\ninstance: " + std::string(kInstance) +
                     "\nregion: " + kRegion + "\ndescription: \"../../../etc/passwd /tmp/x\"\ngroups:\n";
  for (const auto& g : groups) {
    plan += "  - group: \"" + g + "\"\n    topics:\n      - topic: orders\n        offsets: {0: 77}\n";
  }
  dir.write("work/plans/escape.yaml", plan);
  fs::create_directories(dir.path("work/tmp"));
  fs::create_directories(dir.path("work/out"));
  const std::string work = dir.path("work");
  const std::string system_tmp = fs::temp_directory_path().string();

  const auto before = tree(dir.root());
  const auto tmp_before = top_level(system_tmp);
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "offsetctl");
    testing::ProcessOptions o = offsetctl_options(dir, {{"TMPDIR", work + "/tmp"}});
    o.cwd = work;
    return testing::run_process(args, o);
  };
  auto validated = run({"validate", "plans"});
  EXPECT_EQ(validated.exit_code, 0) << validated.out;
  auto planned = run({"plan", "plans", "--out", "out/saved.json", "--endpoint", emu.url()});
  EXPECT_EQ(planned.exit_code, 0) << planned.out << planned.err;
  auto applied = run({"apply", "out/saved.json", "--audit-log", "out/audit.jsonl"});
  EXPECT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  auto rolled = run({"rollback", "--audit-log", "out/audit.jsonl", "--out", "out/rollback.yaml"});
  EXPECT_EQ(rolled.exit_code, 0) << rolled.out << rolled.err;
  auto exported = run({"export", "--instance", kInstance, "--region", kRegion, "--group", "../../../escape-group",
                       "--group", "/tmp/offsetctl-escape-abs", "--out", "out/export.yaml", "--endpoint", emu.url()});
  EXPECT_EQ(exported.exit_code, 0) << exported.out << exported.err;

  std::set<std::string> added;
  for (const auto& p : tree(dir.root())) {
    if (!before.count(p)) added.insert(p);
  }
  std::set<std::string> expected = {"work/out/saved.json", "work/out/audit.jsonl", "work/out/rollback.yaml",
                                    "work/out/export.yaml"};
  // The emulator's own files are not offsetctl's doing.
  for (auto it = added.begin(); it != added.end();) {
    it = it->rfind("emulator", 0) == 0 ? added.erase(it) : std::next(it);
  }
  EXPECT_EQ(added, expected);
  std::set<std::string> tmp_added;
  for (const auto& p : top_level(system_tmp)) {
    if (!tmp_before.count(p) && p.find("offsetctl-escape") != std::string::npos) tmp_added.insert(p);
  }
  EXPECT_TRUE(tmp_added.empty()) << *tmp_added.begin();
  EXPECT_FALSE(fs::exists("/tmp/offsetctl-escape-abs"));
}

}  // namespace
}  // namespace offsetctl::hardening
