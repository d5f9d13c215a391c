#pragma once
// DTS datetimes: "Y-m-d h:m:s" in Beijing time (UTC+8), e.g. "2026-11-20 08:00:00".

#include <cstdint>
#include <optional>
#include <string_view>

namespace offsetctl::emulator {

inline constexpr int kBeijingUtcOffsetMinutes = 8 * 60;

// Milliseconds since the epoch, or nothing when the text is not such a datetime
// (wrong shape, or a date that does not exist).
std::optional<int64_t> parse_beijing_datetime(std::string_view text);

// What DescribeOffsetByTime's `Time` and ResetConsumerGroupOffset's `ResetDatetime` take,
// by the SDKs' models: `Y-m-d h:m:s` (Beijing time), RFC 3339 with a zone
// ("2026-04-23T20:21:35+08:00"), or empty: time 0, the oldest offset.
std::optional<int64_t> parse_dts_datetime(std::string_view text);

}  // namespace offsetctl::emulator
