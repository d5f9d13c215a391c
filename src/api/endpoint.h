#pragma once
// The API endpoint: https://ckafka.tencentcloudapi.com by default, or any URL
// given with --endpoint (the international site, a private endpoint, the
// emulator). Plain http:// is accepted only for loopback hosts, so a secret
// signature never crosses a network unencrypted.

#include <string>
#include <string_view>

#include "util/result.h"

namespace offsetctl::api {

struct Endpoint {
  std::string scheme;       // "https" or "http"
  std::string host;         // lower case; an IPv6 address without brackets
  int port = 443;
  std::string host_header;  // the Host header, signed: "ckafka.tencentcloudapi.com", "127.0.0.1:8080"
  std::string url;          // what is POSTed to: "https://ckafka.tencentcloudapi.com/"
};

// "https://ckafka.tencentcloudapi.com" or "https://dts.tencentcloudapi.com".
std::string default_endpoint(std::string_view service);

// 127.0.0.0/8, ::1 and localhost.
bool is_loopback_host(std::string_view host);

Result<Endpoint> parse_endpoint(std::string_view url);

}  // namespace offsetctl::api
