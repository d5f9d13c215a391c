// The ckafka-emulator program itself, run from the build tree.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>

#include "emulator/state.h"
#include "emulator/test_support.h"
#include "testing/process.h"
#include "testing/temp_dir.h"
#include "util/files.h"

namespace offsetctl::emulator {
namespace {

using offsetctl::testing::run_process;
using offsetctl::testing::TempDir;

// A running emulator: its pid, the first line it printed, and its stderr.
struct Running {
  pid_t pid = -1;
  int err_fd = -1;
  std::string first_line;
  Running() = default;
  Running(const Running&) = delete;
  Running& operator=(const Running&) = delete;
  ~Running() {  // a failed assertion must not leave the program behind
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  }
};

void launch(Running& r, std::vector<std::string> args) {
  args.insert(args.begin(), offsetctl::testing::program_path("ckafka-emulator"));
  std::vector<char*> argv;  // built before fork: the child may only exec
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int out[2], err[2];
  ASSERT_EQ(::pipe2(out, O_CLOEXEC), 0);
  ASSERT_EQ(::pipe2(err, O_CLOEXEC), 0);
  r.pid = ::fork();
  if (r.pid == 0) {
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(err[1]);
  r.err_fd = err[0];
  // Read the first line (at most 20 s: the program prints it once it serves).
  char c = 0;
  pollfd p{out[0], POLLIN, 0};
  while (::poll(&p, 1, 20000) > 0 && ::read(out[0], &c, 1) == 1 && c != '\n') r.first_line += c;
  ::close(out[0]);
}

// Sends `sig` and returns the exit code (-1 when killed by a signal).
int stop(Running& r, int sig) {
  ::kill(r.pid, sig);
  int status = 0;
  ::waitpid(r.pid, &status, 0);
  r.pid = -1;
  ::close(r.err_fd);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int port_of(const std::string& line) {
  std::smatch m;
  static const std::regex re("listening on http://127\\.0\\.0\\.1:([0-9]+)");
  return std::regex_match(line, m, re) ? std::stoi(m[1]) : -1;
}

TEST(ProgramTest, PrintsWhereItListensAndStopsOnSigterm) {
  TempDir dir;
  std::string state = dir.write("state.yaml", testing::kFixtureYaml);
  Running r;
  launch(r, {"--listen", "127.0.0.1:0", "--state", state});
  EXPECT_GT(port_of(r.first_line), 0) << r.first_line;
  EXPECT_EQ(stop(r, SIGTERM), 0);
}

TEST(ProgramTest, SavesTheStateOnSigint) {
  TempDir dir;
  std::string state = dir.write("state.yaml", testing::kFixtureYaml);
  std::string log = dir.path("requests.jsonl");
  Running r;
  launch(r, {"--listen", "127.0.0.1:0", "--state", state, "--save-state", dir.path("saved.yaml"),
             "--request-log", log, "--no-rate-limit", "--seed", "3", "--fault-rate", "0"});
  int port = port_of(r.first_line);
  ASSERT_GT(port, 0) << r.first_line;

  // Change an offset over HTTP, as a client would.
  nlohmann::json body = {{"InstanceId", "ckafka-test"},
                         {"GroupName", "idle"},
                         {"TopicName", {"orders"}},
                         {"Partitions", {{{"Partition", 1}, {"Offset", 321}}}}};
  testing::Sign s;
  s.host = "127.0.0.1:" + std::to_string(port);
  s.timestamp = util::SystemClock().now_ms() / 1000;
  std::string reply =
      testing::post_to_port(port, testing::signed_request("BatchModifyGroupOffsets", body.dump(), s));
  EXPECT_NE(reply.find("\"SUCCESS\""), std::string::npos) << reply;

  EXPECT_EQ(stop(r, SIGINT), 0);
  auto saved = load_state_file(dir.path("saved.yaml"));
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->find_instance("ckafka-test", "ap-guangzhou")->groups.at("idle").offsets.at("orders").at(1),
            321);
  EXPECT_NE(util::read_file(log)->find("\"BatchModifyGroupOffsets\""), std::string::npos);
}

TEST(ProgramTest, BadFlags) {
  auto missing = run_process({"ckafka-emulator", "--state", "x.yaml"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "ckafka-emulator: error: --listen is required\n");
  auto listen = run_process({"ckafka-emulator", "--listen", "localhost", "--state", "x.yaml"});
  EXPECT_EQ(listen.exit_code, 1);
  EXPECT_EQ(listen.err,
            "ckafka-emulator: error: --listen localhost: expected HOST:PORT, e.g. 127.0.0.1:0 (port 0 "
            "picks a free port)\n");
  auto rate =
      run_process({"ckafka-emulator", "--listen", "127.0.0.1:0", "--state", "x.yaml", "--fault-rate", "2"});
  EXPECT_EQ(rate.exit_code, 1);
  EXPECT_EQ(rate.err.rfind("ckafka-emulator: error: --fault-rate: Value 2 not in range", 0), 0u) << rate.err;
  auto jitter = run_process({"ckafka-emulator", "--listen", "127.0.0.1:0", "--state", "x.yaml", "--latency-ms",
                             "50", "--latency-jitter-ms", "80"});
  EXPECT_EQ(jitter.exit_code, 1);
  EXPECT_EQ(jitter.err,
            "ckafka-emulator: error: --latency-jitter-ms 80 is more than --latency-ms 50: an answer cannot come "
            "back before its request\n");
  auto latency_typo =
      run_process({"ckafka-emulator", "--listen", "127.0.0.1:0", "--state", "x.yaml", "--latency", "5"});
  EXPECT_EQ(latency_typo.err, "ckafka-emulator: error: unknown flag '--latency'; did you mean '--latency-ms'?\n");
  auto unknown =
      run_process({"ckafka-emulator", "--listen", "127.0.0.1:0", "--state", "x.yaml", "--sed", "1"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err, "ckafka-emulator: error: unknown flag '--sed'; did you mean '--seed'?\n");
  auto extra = run_process({"ckafka-emulator", "--listen", "127.0.0.1:0", "--state", "x.yaml", "serve"});
  EXPECT_EQ(extra.err,
            "ckafka-emulator: error: unexpected argument 'serve' (see 'ckafka-emulator --help')\n");
}

TEST(ProgramTest, BadStateFilesNameFileAndLine) {
  TempDir dir;
  std::string state = dir.write("state.yaml", "credentials:\n  - {secretId: a}\n");
  auto r = run_process({"ckafka-emulator", "--listen", "127.0.0.1:0", "--state", state});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "ckafka-emulator: error: " + state + ":2:5: `secretKey` is required here\n");
  EXPECT_EQ(r.out, "");
  auto missing =
      run_process({"ckafka-emulator", "--listen", "127.0.0.1:0", "--state", dir.path("nope.yaml")});
  EXPECT_EQ(missing.err, "ckafka-emulator: error: " + dir.path("nope.yaml") +
                             ": cannot read: No such file or directory\n");
}

TEST(ProgramTest, ASaveStateFolderMustExist) {
  TempDir dir;
  std::string state = dir.write("state.yaml", testing::kFixtureYaml);
  auto r = run_process({"ckafka-emulator", "--listen", "127.0.0.1:0", "--state", state, "--save-state",
                        dir.path("no/such/out.yaml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "ckafka-emulator: error: --save-state " + dir.path("no/such/out.yaml") + ": the folder " +
                       dir.path("no/such") + " does not exist\n");
}

TEST(ProgramTest, Help) {
  auto r = run_process({"ckafka-emulator", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--fault-delay-ms"), std::string::npos);
  EXPECT_NE(r.out.find("--latency-ms"), std::string::npos);
  EXPECT_NE(r.out.find("--latency-jitter-ms"), std::string::npos);
}

}  // namespace
}  // namespace offsetctl::emulator
