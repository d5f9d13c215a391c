#include "api/secret.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace offsetctl::api {
namespace {

const std::string kValue = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

TEST(Secret, EveryPrintableFormIsRedacted) {
  Secret s(kValue);
  std::ostringstream out;
  out << s;
  EXPECT_EQ(out.str(), "[redacted]");
  EXPECT_EQ(fmt::format("key={}", s), "key=[redacted]");
  nlohmann::json j = {{"key", s}};
  EXPECT_EQ(j.dump(), R"({"key":"[redacted]"})");
  EXPECT_EQ(::testing::PrintToString(s), "[redacted]");
}

TEST(Secret, SpdlogWritesItRedacted) {
  std::ostringstream sink_out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(sink_out);
  spdlog::logger logger("secret-test", sink);
  logger.set_level(spdlog::level::trace);
  logger.debug("signing with {}", Secret(kValue));
  logger.flush();
  EXPECT_EQ(sink_out.str().find(kValue), std::string::npos);
  EXPECT_NE(sink_out.str().find("signing with [redacted]"), std::string::npos);
}

TEST(Secret, RevealGivesTheValueAndCopiesAndMovesKeepIt) {
  Secret a(kValue);
  Secret b = a;
  EXPECT_EQ(b.reveal(), kValue);
  Secret c = std::move(a);
  EXPECT_EQ(c.reveal(), kValue);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): a moved-from secret is wiped
  Secret d;
  d = c;
  EXPECT_EQ(d, c);
  EXPECT_EQ(d.size(), kValue.size());
}

}  // namespace
}  // namespace offsetctl::api
