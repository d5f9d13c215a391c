#include "emulator/limits.h"

namespace offsetctl::emulator {

std::optional<ApiError> RateLimiter::admit(std::string_view action, int limit, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = windows_.find(action);
  if (it == windows_.end()) it = windows_.emplace(std::string(action), Window{}).first;
  Window& w = it->second;
  int64_t second = now_ms / 1000;
  if (w.second != second) w = Window{second, 0, 0};
  ++w.attempts;
  if (w.admitted >= limit) {
    return ApiError{"RequestLimitExceeded", "Your current request times equals to `" +
                                                std::to_string(w.attempts) +
                                                "` in a second, which exceeds the frequency limit `" +
                                                std::to_string(limit) + "` of " + std::string(action) +
                                                " for a second. Please reduce the frequency of calls."};
  }
  ++w.admitted;
  return std::nullopt;
}

}  // namespace offsetctl::emulator
