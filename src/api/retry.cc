#include "api/retry.h"

#include <chrono>
#include <thread>

namespace offsetctl::api {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// The code itself or a sub-code of it: "InternalError", "InternalError.Foo".
bool is_code(const std::string& code, std::string_view family) {
  return code == family || (starts_with(code, family) && code.size() > family.size() && code[family.size()] == '.');
}

}  // namespace

void RealSleeper::sleep_ms(int64_t ms) {
  if (ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

int64_t RealSleeper::monotonic_ms() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void FakeSleeper::sleep_ms(int64_t ms) {
  std::lock_guard lock(mu_);
  sleeps_.push_back(ms);
  if (ms > 0) now_ += ms;
}

int64_t FakeSleeper::monotonic_ms() const {
  std::lock_guard lock(mu_);
  return now_;
}

std::vector<int64_t> FakeSleeper::sleeps() const {
  std::lock_guard lock(mu_);
  return sleeps_;
}

bool is_retryable(const ApiFailure& f, bool idempotent) {
  switch (f.kind) {
    case ApiFailure::Kind::Config:
    case ApiFailure::Kind::BadAnswer:
      return false;
    case ApiFailure::Kind::Api:
      // Refused for the rate: certainly not executed, so safe for any request.
      if (is_code(f.code, "RequestLimitExceeded")) return true;
      if (!idempotent) return false;
      return is_code(f.code, "InternalError") || f.code == "ResourceUnavailable";
    case ApiFailure::Kind::Transport:
      if (f.code == "ConnectFailed" || f.code == "DNSFailure") return true;  // nothing was sent
      if (f.http_status == 429) return true;
      if (!idempotent) return false;
      return f.code == "Timeout" || f.code == "ConnectionReset" || f.http_status >= 500;
  }
  return false;
}

int64_t backoff_cap_ms(const RetryPolicy& policy, int attempt) {
  int64_t cap = policy.base_delay_ms;
  for (int i = 1; i < attempt && cap < policy.max_delay_ms; ++i) cap *= 2;
  return std::min(cap, policy.max_delay_ms);
}

Jitter::Jitter(uint64_t seed) : rng_(seed != 0 ? seed : std::random_device{}()) {}

int64_t Jitter::draw(int64_t cap_ms) {
  if (cap_ms <= 0) return 0;
  std::lock_guard lock(mu_);
  return std::uniform_int_distribution<int64_t>(0, cap_ms)(rng_);
}

}  // namespace offsetctl::api
