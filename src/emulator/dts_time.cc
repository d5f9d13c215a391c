#include "emulator/dts_time.h"

#include "util/time.h"

namespace offsetctl::emulator {
namespace {

bool number(std::string_view s, size_t pos, size_t len, int64_t& out) {
  out = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<int64_t> parse_dts_datetime(std::string_view s) {
  if (s.empty()) return 0;
  if (auto beijing = parse_beijing_datetime(s)) return beijing;
  auto rfc3339 = util::parse_rfc3339(s);
  if (!rfc3339) return std::nullopt;
  return *rfc3339;
}

std::optional<int64_t> parse_beijing_datetime(std::string_view s) {
  // YYYY-MM-DD hh:mm:ss
  if (s.size() != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':') {
    return std::nullopt;
  }
  int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!number(s, 0, 4, y) || !number(s, 5, 2, mo) || !number(s, 8, 2, d) || !number(s, 11, 2, h) ||
      !number(s, 14, 2, mi) || !number(s, 17, 2, sec)) {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  int64_t days = util::days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  int64_t cy = 0;
  unsigned cm = 0, cd = 0;
  util::civil_from_days(days, cy, cm, cd);
  if (cy != y || cm != mo || cd != d) return std::nullopt;  // 2026-02-30
  int64_t local_s = days * 86400 + h * 3600 + mi * 60 + sec;
  return (local_s - kBeijingUtcOffsetMinutes * 60) * 1000;
}

}  // namespace offsetctl::emulator
