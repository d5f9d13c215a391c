#include "emulator/request_log.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "testing/temp_dir.h"
#include "util/files.h"

namespace offsetctl::emulator {
namespace {

TEST(RequestLogTest, WritesWholeLinesFromManyThreads) {
  offsetctl::testing::TempDir dir;
  auto log = RequestLog::open(dir.path("requests.jsonl"));
  ASSERT_TRUE(log);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        (*log)->write({{"thread", t}, {"i", i}, {"pad", std::string(300, 'x')}});
      }
    });
  }
  for (auto& th : threads) th.join();
  auto text = util::read_file(dir.path("requests.jsonl"));
  ASSERT_TRUE(text);
  std::istringstream in(*text);
  std::string line;
  std::set<std::pair<int, int>> seen;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    seen.emplace(j["thread"].get<int>(), j["i"].get<int>());
  }
  EXPECT_EQ(seen.size(), 1600u);
}

TEST(RequestLogTest, StartsEmptyAndKeepsKeyOrder) {
  offsetctl::testing::TempDir dir;
  std::string path = dir.write("r.jsonl", "old line\n");
  auto log = RequestLog::open(path);
  ASSERT_TRUE(log);
  (*log)->write(nlohmann::ordered_json{{"time", "t"}, {"action", "A"}, {"error", nullptr}});
  EXPECT_EQ(*util::read_file(path), "{\"time\":\"t\",\"action\":\"A\",\"error\":null}\n");
}

TEST(RequestLogTest, UnwritablePath) {
  offsetctl::testing::TempDir dir;
  auto log = RequestLog::open(dir.path("no/such/dir/r.jsonl"));
  ASSERT_FALSE(log);
  EXPECT_EQ(log.error().message,
            dir.path("no/such/dir/r.jsonl") + ": cannot write the request log: No such file or directory");
}

}  // namespace
}  // namespace offsetctl::emulator
