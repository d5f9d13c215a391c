#include "util/time.h"

#include <cstdio>

namespace offsetctl::util {
namespace {

bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at `pos`.
bool digits(std::string_view s, size_t& pos, size_t n, int64_t& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += n;
  return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) { ++pos; return true; }
  return false;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = floor_div(y, 400);
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = floor_div(z, 146097);
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
}

Result<int64_t> parse_rfc3339(std::string_view s) {
  const std::string quoted = "\"" + std::string(s) + "\"";
  size_t pos = 0;
  int64_t y, mo, d, h, mi, sec;
  if (!digits(s, pos, 4, y) || !expect(s, pos, '-') || !digits(s, pos, 2, mo) ||
      !expect(s, pos, '-') || !digits(s, pos, 2, d)) {
    return fail(quoted + " is not an RFC 3339 date-time (expected YYYY-MM-DDThh:mm:ss+hh:mm)");
  }
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) {
    return fail(quoted + " has no time of day (expected YYYY-MM-DDThh:mm:ss+hh:mm)");
  }
  ++pos;
  if (!digits(s, pos, 2, h) || !expect(s, pos, ':') || !digits(s, pos, 2, mi) ||
      !expect(s, pos, ':') || !digits(s, pos, 2, sec)) {
    return fail(quoted + " is not an RFC 3339 date-time (expected YYYY-MM-DDThh:mm:ss+hh:mm)");
  }
  int64_t ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t start = pos;
    int64_t scale = 100;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      ms += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return fail(quoted + " has an empty fraction of a second");
  }
  int64_t offset_min = 0;
  if (pos >= s.size()) {
    return fail(quoted + " has no time zone: add Z for UTC or an offset such as +08:00");
  }
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int64_t oh, om;
    if (!digits(s, pos, 2, oh) || !expect(s, pos, ':') || !digits(s, pos, 2, om) || oh > 23 ||
        om > 59) {
      return fail(quoted + " has a malformed zone offset (expected +hh:mm)");
    }
    offset_min = sign * (oh * 60 + om);
  } else {
    return fail(quoted + " has no time zone: add Z for UTC or an offset such as +08:00");
  }
  if (pos != s.size()) return fail(quoted + " has trailing characters after the zone");
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, static_cast<unsigned>(mo))) {
    return fail(quoted + " is not a date that exists");
  }
  if (h > 23 || mi > 59 || sec > 60) return fail(quoted + " is not a time of day that exists");
  if (sec == 60) sec = 59;  // a leap second: Kafka timestamps have none
  int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  int64_t secs = days * 86400 + h * 3600 + mi * 60 + sec - offset_min * 60;
  return secs * 1000 + ms;
}

Result<int64_t> parse_iso8601_duration_ms(std::string_view s) {
  const std::string quoted = "\"" + std::string(s) + "\"";
  const auto bad = [&](const std::string& why) {
    return fail(quoted + " is not an ISO 8601 duration (" + why + "; e.g. PT2H, P1DT30M)");
  };
  // Java's Duration.parse (kafka-consumer-groups --by-duration) takes -PT2H and
  // PT-2H: a time after plan time, where no message is yet. Refused by name.
  if (s.find('-') != std::string_view::npos) {
    return fail(quoted + " is a negative duration: it would count forward from plan time, where no message "
                "is yet; use a positive duration to go back, or to: latest for the end of the log");
  }
  if (s.size() < 3 || s[0] != 'P') return bad("it must start with P");
  size_t pos = 1;
  bool in_time = false, any = false;
  int64_t total_ms = 0;
  std::string order = "WD";
  size_t last_unit = 0;
  constexpr int64_t kMaxMs = int64_t{1} << 52;  // ~142,000 years: far beyond any log
  while (pos < s.size()) {
    if (s[pos] == 'T') {
      if (in_time) return bad("T appears twice");
      in_time = true;
      order = "HMS";
      last_unit = 0;
      ++pos;
      if (pos == s.size()) return bad("T must be followed by hours, minutes or seconds");
      continue;
    }
    int64_t whole = 0, frac_ms = 0;
    size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      whole = whole * 10 + (s[pos] - '0');
      if (whole > kMaxMs) return bad("the number is too large");
      ++pos;
    }
    if (pos == start) return bad("a number must come before each unit");
    bool fraction = false;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      fraction = true;
      ++pos;
      int64_t scale = 100;
      size_t fstart = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        frac_ms += (s[pos] - '0') * scale;
        scale /= 10;
        ++pos;
      }
      if (pos == fstart) return bad("a fraction needs digits");
    }
    if (pos == s.size()) return bad("the last number has no unit");
    char unit = s[pos++];
    if (!in_time && (unit == 'Y' || unit == 'M')) {
      return bad("years and months have no fixed length; use days (D) or weeks (W)");
    }
    size_t idx = order.find(unit);
    if (idx == std::string::npos) {
      return bad(in_time ? "time units are H, M and S" : "date units are W and D, then T");
    }
    if (idx + 1 <= last_unit) return bad("units must come in order, each once");
    last_unit = idx + 1;
    if (fraction && unit != 'S') return bad("only seconds may have a fraction");
    int64_t unit_ms = unit == 'W' ? 604800000 : unit == 'D' ? 86400000 : unit == 'H' ? 3600000
                    : unit == 'M' ? 60000 : 1000;
    if (whole > kMaxMs / unit_ms) return bad("the duration is too long");
    total_ms += whole * unit_ms + (unit == 'S' ? frac_ms : 0);
    if (total_ms > kMaxMs) return bad("the duration is too long");
    any = true;
  }
  if (!any) return bad("it has no units");
  return total_ms;
}

std::string format_local_datetime(int64_t epoch_ms, int utc_offset_minutes) {
  int64_t secs = floor_div(epoch_ms, 1000) + int64_t{utc_offset_minutes} * 60;
  int64_t days = floor_div(secs, 86400);
  int64_t rem = secs - days * 86400;
  int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02lld:%02lld:%02lld", static_cast<long long>(y),
                m, d, static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                static_cast<long long>(rem % 60));
  return buf;
}

std::string format_rfc3339_ms(int64_t epoch_ms) {
  std::string local = format_local_datetime(epoch_ms, 0);
  local[10] = 'T';
  int64_t ms = epoch_ms - floor_div(epoch_ms, 1000) * 1000;
  char buf[8];
  std::snprintf(buf, sizeof buf, ".%03lldZ", static_cast<long long>(ms));
  return local + buf;
}

}  // namespace offsetctl::util
