#pragma once
// Instants as milliseconds since the Unix epoch (UTC), and the text forms the
// tool reads and writes: RFC 3339 with a zone, ISO 8601 durations.

#include <cstdint>
#include <string>
#include <string_view>

#include "util/result.h"

namespace offsetctl::util {

// "2026-11-20T00:00:00+08:00", "2026-11-20T00:00:00.250Z": a zone is required,
// the date must exist (no 2026-02-30), fractions of a second down to ms.
Result<int64_t> parse_rfc3339(std::string_view text);

// "PT2H", "P1DT30M", "PT0.5S": days, hours, minutes, seconds (weeks as PnW).
// Years and months have no fixed length, so they are refused. PT0S is 0 (plan
// time itself); a negative duration (-PT2H, PT-2H) is refused with the reason.
Result<int64_t> parse_iso8601_duration_ms(std::string_view text);

// "2026-11-23T12:00:00.000Z"
std::string format_rfc3339_ms(int64_t epoch_ms);

// "2026-11-23 20:00:00" at a fixed UTC offset (DTS wants Beijing time, +8 h).
std::string format_local_datetime(int64_t epoch_ms, int utc_offset_minutes);

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);
void civil_from_days(int64_t days, int64_t& y, unsigned& m, unsigned& d);

}  // namespace offsetctl::util
