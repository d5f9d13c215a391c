#pragma once
// Per-action rate limits as the gateway applies them: at most N calls of an
// action within each wall-clock second; calls past that are refused (and do
// not count).

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "emulator/reply.h"

namespace offsetctl::emulator {

class RateLimiter {
 public:
  // RequestLimitExceeded when `limit` calls of `action` were already admitted in
  // the second of `now_ms` (a monotonic clock in ms); otherwise admits the call.
  std::optional<ApiError> admit(std::string_view action, int limit, int64_t now_ms);

 private:
  struct Window {
    int64_t second = -1;
    int admitted = 0;
    int attempts = 0;
  };
  std::mutex mu_;
  std::map<std::string, Window, std::less<>> windows_;
};

}  // namespace offsetctl::emulator
