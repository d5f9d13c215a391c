#include "api/signer.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include "util/crypto.h"
#include "util/time.h"

namespace offsetctl::api {
namespace {

// SHA-256 with the algorithm fetched once and a context per thread: OpenSSL 3's one-shot
// SHA256() and HMAC() look the algorithm up on every call, which is most of a signature's cost.
class Sha256 {
 public:
  Sha256() : md_(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx_(EVP_MD_CTX_new()) {}
  ~Sha256() {
    EVP_MD_CTX_free(ctx_);
    EVP_MD_free(md_);
  }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  // The digest of a || b, raw (32 bytes).
  void digest(std::string_view a, std::string_view b, unsigned char out[32]) {
    unsigned int len = 0;
    EVP_DigestInit_ex2(ctx_, md_, nullptr);
    EVP_DigestUpdate(ctx_, a.data(), a.size());
    EVP_DigestUpdate(ctx_, b.data(), b.size());
    EVP_DigestFinal_ex(ctx_, out, &len);
  }

  static Sha256& of_thread() {
    thread_local Sha256 sha;
    return sha;
  }

 private:
  EVP_MD* md_;
  EVP_MD_CTX* ctx_;
};

std::string_view as_view(const unsigned char* p, size_t n) { return {reinterpret_cast<const char*>(p), n}; }

std::string sha256_hex(std::string_view data) {
  unsigned char d[32];
  Sha256::of_thread().digest(data, {}, d);
  return util::hex(as_view(d, sizeof d));
}

// HMAC-SHA256 (RFC 2104) over the fast digest.
std::string hmac_sha256(std::string_view key, std::string_view data) {
  constexpr size_t kBlock = 64;
  unsigned char k[kBlock] = {0};
  Sha256& sha = Sha256::of_thread();
  if (key.size() > kBlock) {
    sha.digest(key, {}, k);
  } else {
    std::memcpy(k, key.data(), key.size());
  }
  unsigned char pad[kBlock], inner[32], outer[32];
  for (size_t i = 0; i < kBlock; ++i) pad[i] = k[i] ^ 0x36;
  sha.digest(as_view(pad, kBlock), data, inner);
  for (size_t i = 0; i < kBlock; ++i) pad[i] = k[i] ^ 0x5c;
  sha.digest(as_view(pad, kBlock), as_view(inner, sizeof inner), outer);
  return std::string(as_view(outer, sizeof outer));
}

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
  out.append(sha256_hex(payload));
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
  out.append(sha256_hex(canonical));
  return out;
}

std::string derive_signing_key(std::string_view secret_key, std::string_view date, std::string_view service) {
  std::string k_date = hmac_sha256("TC3" + std::string(secret_key), date);
  std::string k_service = hmac_sha256(k_date, service);
  return hmac_sha256(k_service, "tc3_request");
}

std::string tc3_signature_with_key(std::string_view signing_key, std::string_view to_sign) {
  return util::hex(hmac_sha256(signing_key, to_sign));
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
