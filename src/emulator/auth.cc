#include "emulator/auth.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <vector>

#include "api/signer.h"

namespace offsetctl::emulator {
namespace {

ApiError invalid_authorization(const std::string& why) {
  return {"AuthFailure.InvalidAuthorization", "The Authorization header is invalid: " + why + "."};
}

ApiError signature_failure(const std::string& hint = "") {
  std::string msg =
      "The provided credentials could not be validated. Please check your signature is correct.";
  if (!hint.empty()) msg += " (" + hint + ")";
  return {"AuthFailure.SignatureFailure", msg};
}

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

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    parts.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return parts;
    start = pos + 1;
  }
}

// "127.0.0.1:8080" -> "127.0.0.1", "[::1]:8080" -> "[::1]"; no port: unchanged.
std::string without_port(const std::string& host) {
  size_t colon = host.rfind(':');
  if (host.empty() || colon == std::string::npos || host.find(']', colon) != std::string::npos) return host;
  if (host.front() != '[' && host.find(':') != colon) return host;  // a bare IPv6 address
  return host.substr(0, colon);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

Result<Authorization, ApiError> parse_authorization(std::string_view value) {
  std::string v = trim(value);
  if (v.empty()) return fail(invalid_authorization("the header is missing"));
  size_t space = v.find(' ');
  if (space == std::string::npos || v.substr(0, space) != "TC3-HMAC-SHA256") {
    return fail(invalid_authorization("it must start with TC3-HMAC-SHA256"));
  }
  Authorization auth;
  std::string credential;
  bool has_signed = false, has_signature = false;
  for (const std::string& raw : split(std::string_view(v).substr(space + 1), ',')) {
    std::string part = trim(raw);
    size_t eq = part.find('=');
    if (eq == std::string::npos) return fail(invalid_authorization("`" + part + "` is not name=value"));
    std::string name = part.substr(0, eq), val = part.substr(eq + 1);
    if (name == "Credential") {
      credential = val;
    } else if (name == "SignedHeaders") {
      auth.signed_headers = val;
      has_signed = true;
    } else if (name == "Signature") {
      auth.signature = val;
      has_signature = true;
    } else {
      return fail(invalid_authorization("unknown part `" + name + "`"));
    }
  }
  std::vector<std::string> scope = split(credential, '/');
  if (scope.size() != 4 || scope[0].empty()) {
    return fail(invalid_authorization("Credential must be <SecretId>/<date>/<service>/tc3_request"));
  }
  if (!has_signed || !has_signature)
    return fail(invalid_authorization("SignedHeaders and Signature are required"));
  auth.secret_id = scope[0];
  auth.date = scope[1];
  auth.service = scope[2];
  auth.terminator = scope[3];
  return auth;
}

const char* version_of_service(std::string_view service) {
  if (service == "ckafka") return "2019-08-19";
  if (service == "dts") return "2021-12-06";
  return nullptr;
}

Result<std::string, ApiError> service_of(const std::string& version, const std::string& authorization) {
  if (version == "2019-08-19") return std::string("ckafka");
  if (version == "2021-12-06") return std::string("dts");
  auto auth = parse_authorization(authorization);
  if (auth && version_of_service(auth->service)) {
    return fail(invalid_parameter_value("The Version `" + version + "` is not supported by " + auth->service +
                                        ": use " + version_of_service(auth->service) + "."));
  }
  return fail(invalid_parameter_value("The Version `" + version +
                                      "` is not supported: ckafka speaks 2019-08-19, dts 2021-12-06."));
}

std::optional<ApiError> verify_request(const Headers& headers, std::string_view body,
                                       const std::string& service, const State& state, int64_t now_ms) {
  auto header = [&](const std::string& name) -> std::string {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  };
  auto parsed = parse_authorization(header("authorization"));
  if (!parsed) return parsed.error();
  const Authorization& auth = *parsed;

  const Credential* cred = state.find_credential(auth.secret_id);
  if (!cred) {
    return ApiError{"AuthFailure.SecretIdNotFound",
                    "The SecretId is not found, please ensure that your SecretId is correct."};
  }
  // The dispatcher has checked that X-TC-Timestamp is an integer.
  int64_t ts = 0;
  std::string ts_text = header("x-tc-timestamp");
  std::from_chars(ts_text.data(), ts_text.data() + ts_text.size(), ts);
  int64_t now_s = now_ms / 1000;
  if (ts > now_s + kMaxClockSkewSeconds || ts < now_s - kMaxClockSkewSeconds) {
    return ApiError{"AuthFailure.SignatureExpire",
                    "The signature has expired: X-TC-Timestamp " + ts_text + " is " +
                        std::to_string(ts > now_s ? ts - now_s : now_s - ts) +
                        " s away from the server time " + std::to_string(now_s) +
                        " (at most 300 s are allowed). Check the clock of the calling machine."};
  }
  if (auth.terminator != "tc3_request")
    return signature_failure("the credential scope must end in tc3_request");
  if (auth.service != service) {
    return signature_failure("the credential scope names service `" + auth.service +
                             "` but the request is for `" + service + "`");
  }
  if (auth.date != api::utc_date(ts)) {
    return signature_failure("the credential scope date " + auth.date +
                             " is not the UTC date of X-TC-Timestamp, " + api::utc_date(ts));
  }
  std::vector<std::string> names = split(auth.signed_headers, ';');
  std::set<std::string> name_set(names.begin(), names.end());
  if (!name_set.count("content-type") || !name_set.count("host")) {
    return signature_failure("SignedHeaders must include content-type and host");
  }
  for (const auto& n : names) {
    if (n.empty() || n != lower(n) || !headers.count(n)) {
      return signature_failure("signed header `" + n + "` is not in the request");
    }
  }
  if (!std::is_sorted(names.begin(), names.end()) || name_set.size() != names.size()) {
    return signature_failure("SignedHeaders must be sorted and without duplicates");
  }

  // Some SDKs sign the host without its port, and header values as sent or in
  // lower case: accept any of these forms.
  std::string host = trim(header("host"));
  std::vector<std::string> hosts = {host};
  if (without_port(host) != host) hosts.push_back(without_port(host));
  std::string scope = auth.date + "/" + service + "/tc3_request";
  for (bool lowered : {true, false}) {
    for (const std::string& h : hosts) {
      std::map<std::string, std::string> signed_values;
      for (const auto& n : names) {
        std::string value = n == "host" ? h : trim(header(n));
        signed_values[n] = lowered ? lower(value) : value;
      }
      std::string canonical = api::canonical_request("POST", signed_values, body);
      std::string to_sign = api::string_to_sign(ts, scope, canonical);
      std::string expected = api::tc3_signature(cred->secret_key, auth.date, service, to_sign);
      if (constant_time_equal(expected, auth.signature)) {
        std::string token = header("x-tc-token");
        if (token != cred->token) {
          return ApiError{"AuthFailure.TokenFailure",
                          cred->token.empty()
                              ? "The SecretId is a permanent key: send no X-TC-Token."
                              : "The token (X-TC-Token) is missing or does not match the SecretId."};
        }
        return std::nullopt;
      }
    }
  }
  return signature_failure();
}

}  // namespace offsetctl::emulator
