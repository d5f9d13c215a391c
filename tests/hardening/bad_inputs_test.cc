// Every file of the bad-input corpus (tests/bad-inputs/), and hostile plan
// paths made on the fly (a FIFO, an endless device, a symlink loop, a folder
// named like a plan file, more files than the limit), given to `offsetctl plan`
// with a live endpoint: exit 1, an error that names the file (and its line when
// there is one), not one request to the emulator, and no sanitizer report (this
// program also runs in the ASan + UBSan build).

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "emulator_process.h"
#include "scenario.h"

namespace offsetctl::hardening {
namespace {

namespace fs = std::filesystem;

std::string corpus() { return testing::source_dir() + "/tests/bad-inputs"; }

class BadPlans : public ::testing::Test {
 protected:
  void SetUp() override {
    emu_ = std::make_unique<EmulatorProcess>(dir_, make_scenario(2, Targets::PerGroup).state_yaml);
    ASSERT_FALSE(emu_->url().empty()) << emu_->error();
  }

  // `offsetctl plan ARGS...` run in `cwd`: refused, naming `names` in the error, without a call.
  void expect_refused(const std::vector<std::string>& paths, const std::string& cwd, const std::string& names) {
    std::vector<std::string> argv = {"offsetctl", "plan"};
    argv.insert(argv.end(), paths.begin(), paths.end());
    argv.insert(argv.end(), {"--endpoint", emu_->url(), "--max-attempts", "1"});
    testing::ProcessOptions o = offsetctl_options(dir_, {});
    o.cwd = cwd;
    o.timeout_ms = 120000;
    auto r = testing::run_process(argv, o);
    const std::string all = r.out + r.err;
    EXPECT_EQ(r.signal, 0) << names << ": killed by signal " << r.signal;
    EXPECT_EQ(r.exit_code, 1) << names << "\n" << all;
    EXPECT_NE(all.find(names), std::string::npos) << "the error does not name " << names << ":\n" << all;
    EXPECT_NE(all.find("error"), std::string::npos) << all;
    EXPECT_FALSE(sanitizer_report(r.err)) << r.err;
    EXPECT_EQ(emu_->requests().size(), 0u) << names << ": the plan was refused, yet offsetctl called the API";
  }

  testing::TempDir dir_;
  std::unique_ptr<EmulatorProcess> emu_;
};

TEST_F(BadPlans, EveryFileOfTheCorpusIsRefusedAtItsLineWithoutACall) {
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(corpus())) {
    if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
    ++files;
    const std::string name = e.path().filename().string();
    SCOPED_TRACE(name);
    // "NAME:LINE:" names the file and the line; a file-level error ("NAME: error:") has no line.
    expect_refused({name}, corpus(), name + ":");
  }
  EXPECT_GE(files, 40u);
}

TEST_F(BadPlans, FolderCasesOfTheCorpus) {
  expect_refused({"conflict-across-files"}, corpus(), "conflict-across-files/b.yaml:9:9:");
  expect_refused({"no-plan-files"}, corpus(), "no-plan-files: error:");
}

TEST_F(BadPlans, AFifoNamedLikeAPlanFileDoesNotHang) {
  const std::string plans = dir_.path("fifo");
  fs::create_directories(plans);
  ASSERT_EQ(::mkfifo((plans + "/plan.yaml").c_str(), 0600), 0);
  expect_refused({"fifo/plan.yaml"}, dir_.root(), "fifo/plan.yaml");
  expect_refused({"fifo"}, dir_.root(), "fifo");
}

TEST_F(BadPlans, AnEndlessDeviceIsCutAtTheSizeLimit) {
  fs::create_directories(dir_.path("dev"));
  fs::create_symlink("/dev/zero", dir_.path("dev/zero.yaml"));
  expect_refused({"dev/zero.yaml"}, dir_.root(), "dev/zero.yaml");
}

TEST_F(BadPlans, ASymlinkLoopInAPlanFolder) {
  fs::create_directories(dir_.path("loop/sub"));
  fs::create_directory_symlink("..", dir_.path("loop/sub/up"));
  dir_.write("loop/sub/broken.yaml", "apiVersion: offsetctl/v1\nkind: [\n");
  expect_refused({"loop"}, dir_.root(), "loop/sub/broken.yaml:");
}

TEST_F(BadPlans, AFolderNamedLikeAPlanFile) {
  fs::create_directories(dir_.path("plans.yaml/inner"));
  dir_.write("plans.yaml/inner/bad.yaml", "apiVersion: offsetctl/v1\nkind: OffsetPlan\n");
  expect_refused({"plans.yaml"}, dir_.root(), "plans.yaml/inner/bad.yaml:");
}

TEST_F(BadPlans, AMissingPath) {
  expect_refused({"no/such/plans.yaml"}, dir_.root(), "no/such/plans.yaml");
}

TEST_F(BadPlans, AFileOver16MiB) {
  dir_.write("big/huge.yaml", "# a comment that never ends\n#" + std::string(17u << 20, 'x') + "\n");
  expect_refused({"big/huge.yaml"}, dir_.root(), "big/huge.yaml");
}

TEST_F(BadPlans, AMillionPartitionsInOneList) {
  std::string text =
      "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: big\ninstance: ckafka-hard\ngroups:\n"
      "  - group: g-000\n    topics:\n      - topic: orders\n        offset: 1\n        partitions: [";
  for (int i = 0; i < 1000000; ++i) text += (i ? "," : "") + std::to_string(i);
  text += "]\n";
  dir_.write("million/partitions.yaml", text);
  expect_refused({"million/partitions.yaml"}, dir_.root(), "million/partitions.yaml:10:");
}

TEST_F(BadPlans, MoreFilesThanTheLimit) {
  // 10001 small valid files, each alone fine: past kMaxFiles (10000) the whole run is refused before any call.
  const std::string plan = "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: p{N}\ninstance: ckafka-hard\ngroups:\n"
                           "  - group: g-{N}\n    topics:\n      - topic: orders\n        to: current\n";
  for (int i = 0; i <= 10000; ++i) {
    std::string text = plan;
    for (size_t at; (at = text.find("{N}")) != std::string::npos;) text.replace(at, 3, std::to_string(i));
    dir_.write("many/p" + std::to_string(i) + ".yaml", text);
  }
  expect_refused({"many"}, dir_.root(), "many");
}

}  // namespace
}  // namespace offsetctl::hardening
