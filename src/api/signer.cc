#include "api/signer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "util/crypto.h"
#include "util/time.h"

namespace offsetctl::api {
namespace {

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

std::string utc_date(int64_t timestamp) {
  // Floor division: a timestamp before 1970 still maps to the day it falls in.
  int64_t days = timestamp / 86400 - (timestamp % 86400 < 0 ? 1 : 0);
  int64_t y;
  unsigned m, d;
  util::civil_from_days(days, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::string canonical_request(std::string_view method, const std::map<std::string, std::string>& headers,
                              std::string_view payload) {
  std::string out;
  out.reserve(256);
  out.append(method).append("\n/\n\n");
  for (const auto& [name, value] : headers) out.append(name).append(":").append(trim(value)).append("\n");
  out.append("\n").append(signed_header_names(headers)).append("\n");
  out.append(util::sha256_hex(payload));
  return out;
}

std::string signed_header_names(const std::map<std::string, std::string>& headers) {
  std::string names;
  for (const auto& [name, value] : headers) {
    if (!names.empty()) names.push_back(';');
    names.append(name);
  }
  return names;
}

std::string string_to_sign(int64_t timestamp, std::string_view credential_scope,
                           std::string_view canonical) {
  std::string out = "TC3-HMAC-SHA256\n";
  out.append(std::to_string(timestamp)).append("\n").append(credential_scope).append("\n");
  out.append(util::sha256_hex(canonical));
  return out;
}

std::string derive_signing_key(std::string_view secret_key, std::string_view date, std::string_view service) {
  std::string k_date = util::hmac_sha256_raw("TC3" + std::string(secret_key), date);
  std::string k_service = util::hmac_sha256_raw(k_date, service);
  return util::hmac_sha256_raw(k_service, "tc3_request");
}

std::string tc3_signature_with_key(std::string_view signing_key, std::string_view to_sign) {
  return util::hex(util::hmac_sha256_raw(signing_key, to_sign));
}

std::string tc3_signature(std::string_view secret_key, std::string_view date, std::string_view service,
                          std::string_view to_sign) {
  return tc3_signature_with_key(derive_signing_key(secret_key, date, service), to_sign);
}

std::string authorization_header(std::string_view secret_id, std::string_view credential_scope,
                                 std::string_view signed_headers, std::string_view signature) {
  std::string out = "TC3-HMAC-SHA256 Credential=";
  out.append(secret_id).append("/").append(credential_scope);
  out.append(", SignedHeaders=").append(signed_headers);
  out.append(", Signature=").append(signature);
  return out;
}

Signature sign_with_key(std::string_view secret_id, std::string_view signing_key, const SignInput& in) {
  const std::map<std::string, std::string> headers = {
      {"content-type", in.content_type},
      {"host", in.host},
      {"x-tc-action", lower(in.action)},
  };
  Signature s;
  s.canonical_request = canonical_request("POST", headers, in.payload);
  s.credential_scope = utc_date(in.timestamp) + "/" + in.service + "/tc3_request";
  s.string_to_sign = string_to_sign(in.timestamp, s.credential_scope, s.canonical_request);
  s.signature = tc3_signature_with_key(signing_key, s.string_to_sign);
  s.authorization = authorization_header(secret_id, s.credential_scope, signed_header_names(headers), s.signature);
  return s;
}

Signature sign(std::string_view secret_id, std::string_view secret_key, const SignInput& in) {
  return sign_with_key(secret_id, derive_signing_key(secret_key, utc_date(in.timestamp), in.service), in);
}

}  // namespace offsetctl::api
