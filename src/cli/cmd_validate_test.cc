// offsetctl validate, run as a user runs it: the real program on real files.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/app.h"
#include "testing/json_schema.h"
#include "testing/process.h"
#include "testing/temp_dir.h"

namespace offsetctl::cli {
namespace {

namespace fs = std::filesystem;
using testing::run_process;
using testing::TempDir;

const std::string kGood =
    "apiVersion: offsetctl/v1\n"
    "kind: OffsetPlan\n"
    "name: good\n"
    "instance: ckafka-demo\n"
    "groups:\n"
    "  - group: orders-consumer\n"
    "    topics:\n"
    "      - topic: orders\n"
    "        to: earliest\n";

const std::string kBad =
    "apiVersion: offsetctl/v1\n"
    "kind: OffsetPlan\n"
    "name: bad\n"
    "instance: ckafka-demo\n"
    "groups:\n"
    "  - group: billing-consumer\n"
    "    topics:\n"
    "      - topic: orders\n"
    "        offest: 1500\n"
    "      - topic: payments\n"
    "        to: erliest\n"
    "  - group: orders-consumer\n"
    "    topics:\n"
    "      - topic: orders\n"
    "        partitions: [1]\n"
    "        offset: 5\n";

const std::string kBadReport =
    "plans/b.yaml:9:9: error: unknown key 'offest' in an entry of 'topics'; did you mean 'offset'?\n"
    "        offest: 1500\n"
    "        ^\n"
    "plans/b.yaml:11:13: error: 'to' must be earliest, latest or current, not 'erliest'; did you mean 'earliest'?\n"
    "        to: erliest\n"
    "            ^\n"
    "plans/b.yaml:14:9: error: topic 'orders' of group 'orders-consumer' on instance 'ckafka-demo' is already "
    "declared at plans/a.yaml:8:9 for every partition (that entry has no 'partitions'): each partition may have one "
    "target\n"
    "      - topic: orders\n"
    "        ^\n";

testing::ProcessOptions in(const std::string& cwd, int timeout_ms = 60000) {
  testing::ProcessOptions o;
  o.cwd = cwd;
  o.timeout_ms = timeout_ms;
  return o;
}

size_t count_files(const std::string& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
  return n;
}

TEST(Validate, AllValid) {
  const std::string examples = testing::source_dir() + "/plans/examples";
  auto r = run_process({"offsetctl", "validate", examples});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string n = std::to_string(count_files(examples));
  EXPECT_EQ(r.out, n + " files, " + n + " plans: valid.\n");
  EXPECT_EQ(r.err, "");
}

TEST(Validate, OneFileOnePlan) {
  TempDir dir;
  auto r = run_process({"offsetctl", "validate", dir.write("good.yaml", kGood)});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "1 file, 1 plan: valid.\n");
}

TEST(Validate, ReportsEveryErrorWithSourceAndCaretThenASummary) {
  TempDir dir;
  dir.write("plans/a.yaml", kGood);
  dir.write("plans/b.yaml", kBad);
  auto r = run_process({"offsetctl", "validate", "plans"}, in(dir.root()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, kBadReport + "3 errors in 1 of 2 files.\n");
  EXPECT_EQ(r.err, "");
}

TEST(Validate, FilesAndFoldersTogether) {
  TempDir dir;
  dir.write("plans/a.yaml", kGood);
  dir.write("more/empty.yaml", "");
  fs::create_directories(dir.path("docs"));
  auto r = run_process({"offsetctl", "validate", "plans", "more/empty.yaml", "missing.yml", "docs"}, in(dir.root()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "more/empty.yaml:1:1: error: the file is empty: a plan file holds one or more plans (apiVersion: "
            "offsetctl/v1, kind: OffsetPlan, ...)\n"
            "missing.yml: error: no such file or folder\n"
            "docs: error: no plan files (*.yaml, *.yml) in this folder\n"
            "3 errors in 3 of 4 files.\n");
}

TEST(Validate, OneError) {
  TempDir dir;
  auto r = run_process({"offsetctl", "validate", "nothing-here.yaml"}, in(dir.root()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "nothing-here.yaml: error: no such file or folder\n1 error in 1 of 1 file.\n");
}

TEST(Validate, JsonForMachines) {
  TempDir dir;
  dir.write("plans/a.yaml", kGood);
  dir.write("plans/b.yaml", kBad);
  auto r = run_process({"offsetctl", "validate", "--format", "json", "plans"}, in(dir.root()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(testing::schema_errors("diagnostics.schema.json", r.out), "");
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["kind"], "diagnostics");
  EXPECT_EQ(j["valid"], false);
  EXPECT_EQ(j["files"], 2);
  EXPECT_EQ(j["plans"], 1);
  EXPECT_EQ(j["errors"], 3);
  EXPECT_EQ(j["warnings"], 0);
  EXPECT_EQ(j["summary"], "3 errors in 1 of 2 files.");
  ASSERT_EQ(j["diagnostics"].size(), 3u);
  EXPECT_EQ(j["diagnostics"][0], nlohmann::json({{"file", "plans/b.yaml"},
                                                 {"line", 9},
                                                 {"col", 9},
                                                 {"severity", "error"},
                                                 {"message", "unknown key 'offest' in an entry of 'topics'"},
                                                 {"hint", "did you mean 'offset'?"}}));

  r = run_process({"offsetctl", "validate", "plans/a.yaml", "--json"}, in(dir.root()));  // --json: the same
  EXPECT_EQ(r.exit_code, 0);
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["valid"], true);
  EXPECT_EQ(j["diagnostics"], nlohmann::json::array());
  EXPECT_EQ(j["summary"], "1 file, 1 plan: valid.");
}

TEST(Validate, GithubAnnotationsOnThePlanFilesLines) {
  TempDir dir;
  dir.write("plans/a.yaml", kGood);
  dir.write("plans/b.yaml", kBad);
  testing::ProcessOptions options = in(dir.root());
  options.env["GITHUB_WORKSPACE"] = dir.root();
  auto r = run_process({"offsetctl", "validate", "plans", "--format", "github"}, options);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n') + 1),
            "::error file=plans/b.yaml,line=9,col=9,title=offsetctl::unknown key 'offest' in an entry of 'topics'; "
            "did you mean 'offset'?\n");
  EXPECT_NE(r.out.find("\nplans/b.yaml:9:9: error: unknown key 'offest'"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1), "3 errors in 1 of 2 files.\n");
}

TEST(Validate, FormatIsOneOfThree) {
  auto r = run_process({"offsetctl", "validate", "--format", "markdown", "plans"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "offsetctl: error: --format markdown: use text, json or github\n");
}

TEST(Validate, NeedsAPath) {
  auto r = run_process({"offsetctl", "validate"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("offsetctl: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("paths"), std::string::npos) << r.err;
}

TEST(Validate, ColoursOnlyForATerminal) {
  TempDir dir;
  std::string path = dir.write("b.yaml", "kind: [\n");
  std::ostringstream out, err;
  util::FakeClock clock(1763568000000);
  int code = run({"validate", path}, Io{out, err, true, false}, clock);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out.str(), path + ":2:1: \x1b[1;31merror:\x1b[0m YAML syntax error: a '[' is not closed by ']'\n"
                       "1 error in 1 of 1 file.\n");
  std::ostringstream plain_out;
  run({"validate", "--no-color", path}, Io{plain_out, err, true, false}, clock);
  EXPECT_EQ(plain_out.str(), path + ":2:1: error: YAML syntax error: a '[' is not closed by ']'\n1 error in 1 of 1 file.\n");
}

// Every file of the bad-input corpus: refused, with its path and line, no crash.
TEST(Validate, RefusesTheBadInputCorpus) {
  const std::string corpus = testing::source_dir() + "/tests/bad-inputs";
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (e.path().extension() != ".yaml") continue;
    ++files;
    const std::string name = e.path().filename().string();
    auto r = run_process({"offsetctl", "validate", name}, in(corpus, 30000));
    EXPECT_EQ(r.signal, 0) << name;
    EXPECT_EQ(r.exit_code, 1) << name << "\n" << r.out << r.err;
    EXPECT_EQ(r.out.rfind(name + ":", 0), 0u) << r.out;
    EXPECT_NE(r.out.find(" error: "), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "") << name;
  }
  EXPECT_GE(files, 40u);
  auto pair = run_process({"offsetctl", "validate", "conflict-across-files"}, in(corpus));
  EXPECT_EQ(pair.exit_code, 1);
  EXPECT_EQ(pair.out.rfind("conflict-across-files/b.yaml:9:9: error: ", 0), 0u) << pair.out;
  EXPECT_NE(pair.out.find("already declared at conflict-across-files/a.yaml:9:9"), std::string::npos) << pair.out;
}

}  // namespace
}  // namespace offsetctl::cli
