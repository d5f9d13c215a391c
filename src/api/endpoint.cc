#include "api/endpoint.h"

#include <algorithm>
#include <cctype>

namespace offsetctl::api {
namespace {

bool parse_ipv4(std::string_view s, int octets[4]) {
  int n = 0;
  size_t pos = 0;
  while (n < 4) {
    size_t start = pos;
    int v = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) && pos - start < 3) {
      v = v * 10 + (s[pos] - '0');
      ++pos;
    }
    if (pos == start || v > 255) return false;
    octets[n++] = v;
    if (n < 4) {
      if (pos >= s.size() || s[pos] != '.') return false;
      ++pos;
    }
  }
  return pos == s.size();
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::string default_endpoint(std::string_view service) {
  return "https://" + std::string(service) + ".tencentcloudapi.com";
}

bool is_loopback_host(std::string_view host) {
  std::string h = lower(host);
  if (h == "localhost" || h == "localhost." || h == "::1" || h == "0:0:0:0:0:0:0:1") return true;
  int o[4];
  return parse_ipv4(h, o) && o[0] == 127;
}

Result<Endpoint> parse_endpoint(std::string_view url) {
  const std::string quoted = "'" + std::string(url) + "'";
  Endpoint e;
  size_t sep = url.find("://");
  if (sep == std::string_view::npos) {
    return fail("endpoint " + quoted + " is not a URL; give one like https://ckafka.tencentcloudapi.com");
  }
  e.scheme = lower(url.substr(0, sep));
  if (e.scheme != "https" && e.scheme != "http") {
    return fail("endpoint " + quoted + " must start with https:// (or http:// for a loopback address)");
  }
  std::string_view rest = url.substr(sep + 3);
  size_t slash = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  if (!path.empty() && path != "/") {
    return fail("endpoint " + quoted + " has a path or query; API 3.0 endpoints are a host only, like " +
                "https://ckafka.tencentcloudapi.com");
  }
  if (authority.find('@') != std::string_view::npos) {
    return fail("endpoint " + quoted + " holds a user name or password; give credentials with --secret-id/" +
                "--secret-key, the environment or a profile instead");
  }
  std::string_view host, port;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return fail("endpoint " + quoted + " has an unclosed '[' in its host");
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return fail("endpoint " + quoted + " has characters after its IPv6 address");
      port = after.substr(1);
    }
    for (char c : host) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') {
        return fail("endpoint " + quoted + " has a malformed IPv6 address");
      }
    }
  } else {
    size_t colon = authority.rfind(':');
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    for (char c : host) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') {
        return fail("endpoint " + quoted + " has a malformed host name");
      }
    }
  }
  if (host.empty()) return fail("endpoint " + quoted + " has no host");
  e.host = lower(host);
  e.port = e.scheme == "https" ? 443 : 80;
  bool explicit_port = false;
  if (!port.empty() || (authority.size() && authority.back() == ':')) {
    int p = 0;
    if (port.empty() || port.size() > 5) return fail("endpoint " + quoted + " has a malformed port");
    for (char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return fail("endpoint " + quoted + " has a malformed port");
      p = p * 10 + (c - '0');
    }
    if (p < 1 || p > 65535) return fail("endpoint " + quoted + " has a port outside 1-65535");
    e.port = p;
    explicit_port = true;
  }
  if (e.scheme == "http" && !is_loopback_host(e.host)) {
    return fail("endpoint " + quoted + " uses plain http://, which is allowed only for loopback addresses " +
                "(127.0.0.0/8, ::1, localhost); use https://");
  }
  std::string bracketed = e.host.find(':') != std::string::npos ? "[" + e.host + "]" : e.host;
  const bool default_port = (e.scheme == "https" && e.port == 443) || (e.scheme == "http" && e.port == 80);
  e.host_header = bracketed + (explicit_port && !default_port ? ":" + std::to_string(e.port) : "");
  e.url = e.scheme + "://" + e.host_header + "/";
  return e;
}

}  // namespace offsetctl::api
