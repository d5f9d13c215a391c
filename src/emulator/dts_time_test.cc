#include "emulator/dts_time.h"

#include <gtest/gtest.h>

namespace offsetctl::emulator {
namespace {

TEST(DtsTimeTest, BeijingTimeIsUtcPlusEight) {
  EXPECT_EQ(parse_beijing_datetime("1970-01-01 08:00:00"), 0);
  EXPECT_EQ(parse_beijing_datetime("2026-11-23 08:00:00"), 1795392000000);  // 2026-11-23T00:00:00Z
  EXPECT_EQ(parse_beijing_datetime("2026-11-23 07:59:59"), 1795391999000);  // the day before in UTC
  EXPECT_EQ(parse_beijing_datetime("2024-02-29 12:00:00"), 1709179200000);
}

TEST(DtsTimeTest, RefusesOtherShapes) {
  for (const char* bad :
       {"", "2026-11-23", "2026-11-23T08:00:00", "2026-11-23 08:00:00+08:00", "2026-11-23 8:00:00",
        "2026-13-01 00:00:00", "2026-02-30 00:00:00", "2026-11-23 24:00:00", "2026-11-23 23:60:00",
        "2026-11-23 23:59:60", "2o26-11-23 00:00:00"}) {
    EXPECT_EQ(parse_beijing_datetime(bad), std::nullopt) << bad;
  }
}

TEST(DtsTimeTest, TheParametersTakeBeijingTimeRfc3339OrNothing) {
  EXPECT_EQ(parse_dts_datetime("2026-11-23 08:00:00"), 1795392000000);
  EXPECT_EQ(parse_dts_datetime("2026-11-23T08:00:00+08:00"), 1795392000000);  // the models' own example form
  EXPECT_EQ(parse_dts_datetime("2026-11-23T00:00:00Z"), 1795392000000);
  EXPECT_EQ(parse_dts_datetime(""), 0);  // documented: time 0, the oldest offset
  for (const char* bad : {"2026-11-23T08:00:00", "2026-11-23", "yesterday", "2026-02-30 00:00:00"}) {
    EXPECT_EQ(parse_dts_datetime(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace offsetctl::emulator
