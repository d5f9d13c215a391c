#pragma once
// TC3-HMAC-SHA256, the signature of Tencent Cloud API 3.0, split into its
// documented steps so that tests can check each one and the emulator can
// verify requests with the same code.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace offsetctl::api {

struct SignInput {
  std::string service;   // "ckafka", "dts"
  std::string host;      // "ckafka.tencentcloudapi.com"
  std::string action;    // "DescribeGroupOffsets"
  std::string content_type = "application/json; charset=utf-8";
  int64_t timestamp = 0;  // Unix seconds
  std::string payload;    // the request body
};

struct Signature {
  std::string canonical_request;
  std::string credential_scope;  // "2019-02-25/cvm/tc3_request"
  std::string string_to_sign;
  std::string signature;      // lower-case hex
  std::string authorization;  // the Authorization header's value
};

// "YYYY-MM-DD", the UTC date of a Unix timestamp.
std::string utc_date(int64_t timestamp);

// Step 1. `headers` maps lower-case names to values; every one is signed.
std::string canonical_request(std::string_view method, const std::map<std::string, std::string>& headers,
                              std::string_view payload);
std::string signed_header_names(const std::map<std::string, std::string>& headers);
// Step 2.
std::string string_to_sign(int64_t timestamp, std::string_view credential_scope,
                           std::string_view canonical_request);
// Step 3: the hex signature.
std::string tc3_signature(std::string_view secret_key, std::string_view date, std::string_view service,
                          std::string_view string_to_sign);
// Step 3 split in two: the derived key (SecretSigning, raw bytes) depends only on
// the secret key, the UTC date and the service, so a client computes it once a day.
std::string derive_signing_key(std::string_view secret_key, std::string_view date, std::string_view service);
std::string tc3_signature_with_key(std::string_view signing_key, std::string_view string_to_sign);
// Step 4: the Authorization header's value.
std::string authorization_header(std::string_view secret_id, std::string_view credential_scope,
                                 std::string_view signed_headers, std::string_view signature);

// All steps for a POST / with the headers the official SDKs sign
// (content-type, host, x-tc-action in lower case).
Signature sign(std::string_view secret_id, std::string_view secret_key, const SignInput& in);
// The same with a key from derive_signing_key(secret_key, utc_date(in.timestamp), in.service).
Signature sign_with_key(std::string_view secret_id, std::string_view signing_key, const SignInput& in);

}  // namespace offsetctl::api
