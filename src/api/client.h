#pragma once
// The HTTP clients: CKafka (2019-08-19) and DTS (2021-12-06) over libcurl,
// signed, rate-limited per action, retrying, safe for many threads at once.
// Failures come back as ApiFailure values; nothing throws.

#include <cstddef>
#include <memory>

#include "api/ckafka_api.h"
#include "api/client_config.h"
#include "api/dts_api.h"
#include "util/result.h"

namespace offsetctl::api {

inline constexpr const char* kCkafkaService = "ckafka";
inline constexpr const char* kCkafkaVersion = "2019-08-19";
inline constexpr const char* kDtsService = "dts";
inline constexpr const char* kDtsVersion = "2021-12-06";

// DescribeGroupInfo: the client sends at most this many groups per call and
// joins the answers, so callers may ask for any number.
inline constexpr size_t kMaxGroupsPerDescribeGroupInfo = 100;

// Checks the configuration (endpoint, credentials, region, CA bundle) without sending anything.
Result<std::unique_ptr<CkafkaApi>> make_ckafka_client(const ClientConfig& config);
Result<std::unique_ptr<DtsApi>> make_dts_client(const ClientConfig& config);

}  // namespace offsetctl::api
