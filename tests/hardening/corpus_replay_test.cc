// Every file of the fuzz corpora (tests/fuzz/corpus/<target>/), seeds and the
// regression inputs of crashes found, replayed through the fuzz targets' own
// functions in the normal (gcc) and sanitizer builds, so a fixed crash stays
// fixed even where no fuzzer runs.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../fuzz/fuzz_check.h"
#include "testing/temp_dir.h"

namespace offsetctl::hardening {
namespace {

namespace fs = std::filesystem;

struct Target {
  const char* name;
  int (*run)(const uint8_t*, size_t);
};

const Target kTargets[] = {
    {"fuzz_plan_load", fuzz::fuzz_plan_load},
    {"fuzz_api_answers", fuzz::fuzz_api_answers},
    {"fuzz_audit_verify", fuzz::fuzz_audit_verify},
    {"fuzz_saved_plan", fuzz::fuzz_saved_plan},
};

void PrintTo(const Target& t, std::ostream* os) { *os << t.name; }

class CorpusReplay : public ::testing::TestWithParam<Target> {};

TEST_P(CorpusReplay, EveryInputPassesTheTarget) {
  const fs::path dir = fs::path(testing::source_dir()) / "tests/fuzz/corpus" / GetParam().name;
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  EXPECT_GE(files.size(), 5u) << "a corpus of real examples, see docs/hardening.md";
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string data = bytes.str();
    try {
      GetParam().run(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    } catch (const std::exception& e) {
      ADD_FAILURE() << f.filename().string() << ": " << e.what();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, CorpusReplay, ::testing::ValuesIn(kTargets),
                         [](const ::testing::TestParamInfo<Target>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace offsetctl::hardening
