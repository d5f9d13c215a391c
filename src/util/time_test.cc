#include "util/time.h"

#include <gtest/gtest.h>

namespace offsetctl::util {

TEST(Time, ParsesRfc3339WithOffset) {
  auto t = parse_rfc3339("2026-11-20T00:00:00+08:00");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(*t, 1795104000000);  // 2026-11-19T16:00:00Z
  EXPECT_EQ(*parse_rfc3339("2026-11-19T16:00:00Z"), 1795104000000);
  EXPECT_EQ(*parse_rfc3339("2026-11-19T16:00:00.250Z"), 1795104000250);
  EXPECT_EQ(*parse_rfc3339("2026-11-19T10:30:00-05:30"), 1795104000000);
}

TEST(Time, Rfc3339Errors) {
  EXPECT_EQ(parse_rfc3339("2026-11-20T00:00:00").error().message,
            "\"2026-11-20T00:00:00\" has no time zone: add Z for UTC or an offset such as +08:00");
  EXPECT_EQ(parse_rfc3339("2026-02-30T00:00:00Z").error().message,
            "\"2026-02-30T00:00:00Z\" is not a date that exists");
  EXPECT_FALSE(parse_rfc3339("2026-11-20").ok());
  EXPECT_FALSE(parse_rfc3339("2026-11-20T25:00:00Z").ok());
  EXPECT_FALSE(parse_rfc3339("2026-11-20T00:00:00+8").ok());
  EXPECT_FALSE(parse_rfc3339("yesterday").ok());
  EXPECT_TRUE(parse_rfc3339("2024-02-29T00:00:00Z").ok());
  EXPECT_FALSE(parse_rfc3339("2026-02-29T00:00:00Z").ok());
}

TEST(Time, ParsesDurations) {
  EXPECT_EQ(*parse_iso8601_duration_ms("PT2H"), 7200000);
  EXPECT_EQ(*parse_iso8601_duration_ms("P1DT30M"), 86400000 + 1800000);
  EXPECT_EQ(*parse_iso8601_duration_ms("PT0.5S"), 500);
  EXPECT_EQ(*parse_iso8601_duration_ms("P2W"), 2 * 604800000LL);
  EXPECT_EQ(*parse_iso8601_duration_ms("PT1H2M3S"), 3723000);
  // Zero is plan time itself, as kafka-consumer-groups --by-duration PT0S is now.
  EXPECT_EQ(*parse_iso8601_duration_ms("PT0S"), 0);
  EXPECT_EQ(*parse_iso8601_duration_ms("P0D"), 0);
}

TEST(Time, NegativeDurationsAreRefusedWithTheReason) {
  const std::string why =
      " is a negative duration: it would count forward from plan time, where no message is yet; use a positive "
      "duration to go back, or to: latest for the end of the log";
  EXPECT_EQ(parse_iso8601_duration_ms("-PT2H").error().message, "\"-PT2H\"" + why);
  EXPECT_EQ(parse_iso8601_duration_ms("PT-2H").error().message, "\"PT-2H\"" + why);
}

TEST(Time, DurationErrors) {
  EXPECT_EQ(parse_iso8601_duration_ms("2h").error().message,
            "\"2h\" is not an ISO 8601 duration (it must start with P; e.g. PT2H, P1DT30M)");
  EXPECT_FALSE(parse_iso8601_duration_ms("P").ok());
  EXPECT_FALSE(parse_iso8601_duration_ms("PT").ok());
  EXPECT_FALSE(parse_iso8601_duration_ms("P1M").ok());
  EXPECT_FALSE(parse_iso8601_duration_ms("PT1M2H").ok());
  EXPECT_FALSE(parse_iso8601_duration_ms("PT1.5H").ok());
  EXPECT_FALSE(parse_iso8601_duration_ms("PT99999999999999999999H").ok());
}

TEST(Time, FormatsUtcAndLocal) {
  EXPECT_EQ(format_rfc3339_ms(1795104000250), "2026-11-19T16:00:00.250Z");
  EXPECT_EQ(format_rfc3339_ms(0), "1970-01-01T00:00:00.000Z");
  // 16:30 UTC on the 19th is 00:30 on the 20th in Beijing.
  EXPECT_EQ(format_local_datetime(1795105800000, 8 * 60), "2026-11-20 00:30:00");
  EXPECT_EQ(format_rfc3339_ms(-1), "1969-12-31T23:59:59.999Z");
}

TEST(Time, CivilRoundTrip) {
  for (int64_t days : {-800000LL, -1LL, 0LL, 1LL, 19000LL, 2932896LL}) {
    int64_t y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    EXPECT_EQ(days_from_civil(y, m, d), days);
  }
}

}  // namespace offsetctl::util
