#include "api/endpoint.h"

#include <gtest/gtest.h>

namespace offsetctl::api {
namespace {

TEST(Endpoint, DefaultsPerService) {
  EXPECT_EQ(default_endpoint("ckafka"), "https://ckafka.tencentcloudapi.com");
  EXPECT_EQ(default_endpoint("dts"), "https://dts.tencentcloudapi.com");
}

TEST(Endpoint, HttpsHostsParse) {
  auto e = parse_endpoint("https://ckafka.intl.tencentcloudapi.com");
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->host, "ckafka.intl.tencentcloudapi.com");
  EXPECT_EQ(e->port, 443);
  EXPECT_EQ(e->host_header, "ckafka.intl.tencentcloudapi.com");
  EXPECT_EQ(e->url, "https://ckafka.intl.tencentcloudapi.com/");

  e = parse_endpoint("HTTPS://CKafka.ap-guangzhou.TencentCloudAPI.com:8443/");
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->host_header, "ckafka.ap-guangzhou.tencentcloudapi.com:8443");
  EXPECT_EQ(e->url, "https://ckafka.ap-guangzhou.tencentcloudapi.com:8443/");
}

TEST(Endpoint, PlainHttpOnlyForLoopback) {
  for (const char* ok : {"http://127.0.0.1:8080", "http://127.1.2.3:1/", "http://localhost:9000", "http://[::1]:80"}) {
    EXPECT_TRUE(parse_endpoint(ok).ok()) << ok;
  }
  auto e = parse_endpoint("http://127.0.0.1:8080");
  EXPECT_EQ(e->host_header, "127.0.0.1:8080");
  EXPECT_EQ(e->url, "http://127.0.0.1:8080/");
  e = parse_endpoint("http://[::1]:8080");
  EXPECT_EQ(e->host, "::1");
  EXPECT_EQ(e->url, "http://[::1]:8080/");

  e = parse_endpoint("http://ckafka.tencentcloudapi.com");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message,
            "endpoint 'http://ckafka.tencentcloudapi.com' uses plain http://, which is allowed only for loopback "
            "addresses (127.0.0.0/8, ::1, localhost); use https://");
  EXPECT_FALSE(parse_endpoint("http://128.0.0.1").ok());
  EXPECT_FALSE(parse_endpoint("http://127.0.0.1.example.com").ok());
  EXPECT_FALSE(parse_endpoint("http://10.0.0.1:80").ok());
}

TEST(Endpoint, LoopbackHosts) {
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("127.255.255.254"));
  EXPECT_TRUE(is_loopback_host("LOCALHOST"));
  EXPECT_TRUE(is_loopback_host("::1"));
  EXPECT_FALSE(is_loopback_host("127.0.0.256"));
  EXPECT_FALSE(is_loopback_host("0.0.0.0"));
  EXPECT_FALSE(is_loopback_host("localhost.example.com"));
}

TEST(Endpoint, MalformedUrlsSayWhatIsWrong) {
  auto msg = [](const char* url) { return parse_endpoint(url).error().message; };
  EXPECT_EQ(msg("ckafka.tencentcloudapi.com"),
            "endpoint 'ckafka.tencentcloudapi.com' is not a URL; give one like https://ckafka.tencentcloudapi.com");
  EXPECT_EQ(msg("ftp://x"), "endpoint 'ftp://x' must start with https:// (or http:// for a loopback address)");
  EXPECT_EQ(msg("https://x/v2/index.php"),
            "endpoint 'https://x/v2/index.php' has a path or query; API 3.0 endpoints are a host only, like "
            "https://ckafka.tencentcloudapi.com");
  EXPECT_EQ(msg("https://user:pw@x"),
            "endpoint 'https://user:pw@x' holds a user name or password; give credentials with "
            "--secret-id/--secret-key, the environment or a profile instead");
  EXPECT_EQ(msg("https://x:99999"), "endpoint 'https://x:99999' has a port outside 1-65535");
  EXPECT_EQ(msg("https://x:abc"), "endpoint 'https://x:abc' has a malformed port");
  EXPECT_EQ(msg("https://"), "endpoint 'https://' has no host");
  EXPECT_EQ(msg("https://a b"), "endpoint 'https://a b' has a malformed host name");
}

}  // namespace
}  // namespace offsetctl::api
