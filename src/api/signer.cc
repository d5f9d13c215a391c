#include "api/signer.h"

#include <algorithm>
#include <cctype>

#include "util/crypto.h"
#include "util/time.h"

namespace offsetctl::api {
namespace {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

std::string utc_date(int64_t timestamp) {
  return util::format_local_datetime(timestamp * 1000, 0).substr(0, 10);
}

std::string canonical_request(std::string_view method, const std::map<std::string, std::string>& headers,
                              std::string_view payload) {
  std::string out;
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

std::string tc3_signature(std::string_view secret_key, std::string_view date, std::string_view service,
                          std::string_view to_sign) {
  std::string k_date = util::hmac_sha256_raw("TC3" + std::string(secret_key), date);
  std::string k_service = util::hmac_sha256_raw(k_date, service);
  std::string k_signing = util::hmac_sha256_raw(k_service, "tc3_request");
  return util::hex(util::hmac_sha256_raw(k_signing, to_sign));
}

Signature sign(std::string_view secret_id, std::string_view secret_key, const SignInput& in) {
  std::map<std::string, std::string> headers = {
      {"content-type", in.content_type},
      {"host", in.host},
      {"x-tc-action", lower(in.action)},
  };
  Signature s;
  std::string date = utc_date(in.timestamp);
  s.canonical_request = canonical_request("POST", headers, in.payload);
  s.credential_scope = date + "/" + in.service + "/tc3_request";
  s.string_to_sign = string_to_sign(in.timestamp, s.credential_scope, s.canonical_request);
  s.signature = tc3_signature(secret_key, date, in.service, s.string_to_sign);
  s.authorization = "TC3-HMAC-SHA256 Credential=" + std::string(secret_id) + "/" + s.credential_scope +
                    ", SignedHeaders=" + signed_header_names(headers) + ", Signature=" + s.signature;
  return s;
}

}  // namespace offsetctl::api
