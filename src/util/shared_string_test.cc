#include "util/shared_string.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

namespace offsetctl::util {
namespace {

TEST(SharedString, CopiesShareOneBufferAndOutliveTheOriginal) {
  std::vector<SharedString> copies;
  {
    SharedString group("orders-consumer-with-a-long-name");
    for (int i = 0; i < 3; ++i) copies.push_back(group);
    EXPECT_EQ(copies[0].c_str(), group.c_str());
  }
  for (const SharedString& s : copies) EXPECT_EQ(s, "orders-consumer-with-a-long-name");
  EXPECT_TRUE(copies[1].shares_with(copies[2]));
}

TEST(SharedString, EqualTextIsEqualWhetherSharedOrNot) {
  SharedString a("orders"), b(std::string("orders")), c("payments");
  EXPECT_FALSE(a.shares_with(b));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_LT(a, c);
  EXPECT_EQ(a, std::string("orders"));
  EXPECT_EQ(std::string_view("orders"), a);
  EXPECT_TRUE("orders" == a);
  EXPECT_GT(c, std::string("orders"));
}

TEST(SharedString, EmptyHoldsNoBufferAndReadsAsAnEmptyString) {
  SharedString none, blank(""), moved("x");
  SharedString taker(std::move(moved));
  EXPECT_TRUE(none.empty());
  EXPECT_TRUE(blank.empty());
  EXPECT_TRUE(none.shares_with(blank));
  EXPECT_EQ(none.str(), "");
  EXPECT_EQ(taker, "x");
  EXPECT_EQ(none.size(), 0u);
}

TEST(SharedString, AssignmentReleasesTheOldText) {
  SharedString a("first"), b("second");
  a = b;
  EXPECT_TRUE(a.shares_with(b));
  a = "third";
  EXPECT_EQ(b, "second");
  EXPECT_EQ(a, "third");
  a = a;  // NOLINT: self-assignment keeps the text
  EXPECT_EQ(a, "third");
}

TEST(SharedString, ReadsAsTextInStreamsConcatenationJsonAndMaps) {
  SharedString topic("orders");
  std::ostringstream out;
  out << topic << "[1]";
  EXPECT_EQ(out.str(), "orders[1]");
  EXPECT_EQ("topic " + topic + "!", "topic orders!");
  nlohmann::json j = {{"topic", topic}};
  EXPECT_EQ(j.dump(), R"({"topic":"orders"})");
  EXPECT_EQ(j["topic"].get<SharedString>(), topic);
  std::map<SharedString, int> counts{{"b", 2}, {"a", 1}};
  EXPECT_EQ(counts.begin()->first, "a");
  EXPECT_EQ(std::hash<SharedString>()(topic), std::hash<std::string_view>()("orders"));
}

// Copies are made and dropped on the apply's worker threads.
TEST(SharedString, CopiesOnManyThreadsLeaveTheTextIntact) {
  SharedString shared("RequestId-6a3b2f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        SharedString copy = shared;
        SharedString other(copy);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(shared, "RequestId-6a3b2f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
}

}  // namespace
}  // namespace offsetctl::util
