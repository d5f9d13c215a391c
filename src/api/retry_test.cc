#include "api/retry.h"

#include <gtest/gtest.h>

namespace offsetctl::api {
namespace {

ApiFailure api_error(const std::string& code) {
  ApiFailure f;
  f.kind = ApiFailure::Kind::Api;
  f.code = code;
  f.http_status = 200;
  return f;
}

ApiFailure transport(const std::string& code, int status = 0) {
  ApiFailure f;
  f.kind = ApiFailure::Kind::Transport;
  f.code = code;
  f.http_status = status;
  return f;
}

TEST(Retry, RetryableApiErrors) {
  for (const char* code : {"RequestLimitExceeded", "RequestLimitExceeded.UinLimitExceeded", "InternalError",
                           "InternalError.ServerError", "ResourceUnavailable"}) {
    EXPECT_TRUE(is_retryable(api_error(code), true)) << code;
  }
}

TEST(Retry, ClientErrorsAreNeverRetried) {
  for (const char* code :
       {"AuthFailure.SignatureFailure", "AuthFailure.SignatureExpire", "AuthFailure.SecretIdNotFound",
        "AuthFailure.UnauthorizedOperation", "InvalidParameter", "InvalidParameterValue",
        "InvalidParameterValue.InstanceNotExist", "UnauthorizedOperation", "MissingParameter", "UnknownParameter",
        "InvalidAction", "UnsupportedOperation", "ResourceNotFound", "FailedOperation", "InternalErrorish",
        "ResourceUnavailable.Deleted"}) {
    EXPECT_FALSE(is_retryable(api_error(code), true)) << code;
  }
}

TEST(Retry, TransportFailures) {
  EXPECT_TRUE(is_retryable(transport("Timeout"), true));
  EXPECT_TRUE(is_retryable(transport("ConnectionReset"), true));
  EXPECT_TRUE(is_retryable(transport("ConnectFailed"), true));
  EXPECT_TRUE(is_retryable(transport("DNSFailure"), true));
  EXPECT_TRUE(is_retryable(transport("HTTP 502", 502), true));
  EXPECT_TRUE(is_retryable(transport("HTTP 503", 503), true));
  EXPECT_TRUE(is_retryable(transport("HTTP 429", 429), true));
  EXPECT_FALSE(is_retryable(transport("HTTP 404", 404), true));
  EXPECT_FALSE(is_retryable(transport("HTTP 403", 403), true));
  EXPECT_FALSE(is_retryable(transport("TLSError"), true));
  EXPECT_FALSE(is_retryable(transport("TooLarge"), true));
}

TEST(Retry, BadAnswersAndConfigFailuresAreNeverRetried) {
  ApiFailure f;
  f.kind = ApiFailure::Kind::BadAnswer;
  EXPECT_FALSE(is_retryable(f, true));
  f.kind = ApiFailure::Kind::Config;
  EXPECT_FALSE(is_retryable(f, true));
}

TEST(Retry, ANonIdempotentRequestIsRetriedOnlyWhenItCertainlyDidNotRun) {
  EXPECT_TRUE(is_retryable(api_error("RequestLimitExceeded"), false));
  EXPECT_TRUE(is_retryable(transport("ConnectFailed"), false));
  EXPECT_FALSE(is_retryable(transport("Timeout"), false));
  EXPECT_FALSE(is_retryable(transport("ConnectionReset"), false));
  EXPECT_FALSE(is_retryable(transport("HTTP 502", 502), false));
  EXPECT_FALSE(is_retryable(api_error("InternalError"), false));
}

TEST(Retry, BackoffDoublesUpToTheCap) {
  RetryPolicy p;
  p.base_delay_ms = 100;
  p.max_delay_ms = 1000;
  EXPECT_EQ(backoff_cap_ms(p, 1), 100);
  EXPECT_EQ(backoff_cap_ms(p, 2), 200);
  EXPECT_EQ(backoff_cap_ms(p, 3), 400);
  EXPECT_EQ(backoff_cap_ms(p, 4), 800);
  EXPECT_EQ(backoff_cap_ms(p, 5), 1000);
  EXPECT_EQ(backoff_cap_ms(p, 60), 1000);
}

TEST(Retry, FullJitterStaysWithinTheCapAndVaries) {
  Jitter j(42);
  std::set<int64_t> seen;
  for (int i = 0; i < 200; ++i) {
    int64_t d = j.draw(400);
    EXPECT_GE(d, 0);
    EXPECT_LE(d, 400);
    seen.insert(d);
  }
  EXPECT_GT(seen.size(), 50u);
  EXPECT_EQ(j.draw(0), 0);
}

TEST(Retry, FakeSleeperAdvancesOnlyWhenSleeping) {
  FakeSleeper s;
  EXPECT_EQ(s.monotonic_ms(), 0);
  s.sleep_ms(250);
  s.sleep_ms(0);
  EXPECT_EQ(s.monotonic_ms(), 250);
  EXPECT_EQ(s.sleeps(), (std::vector<int64_t>{250, 0}));
}

}  // namespace
}  // namespace offsetctl::api
