#include "emulator/auth.h"

#include <gtest/gtest.h>

#include "api/signer.h"
#include "emulator/test_support.h"

namespace offsetctl::emulator {
namespace {

using testing::kNowMs;
using testing::Sign;

const State& creds() {
  static const State s = testing::fixture_state();
  return s;
}

std::optional<ApiError> verify(const HttpRequest& r, const std::string& service = "ckafka",
                               int64_t now = kNowMs) {
  return verify_request(r.headers, r.body, service, creds(), now);
}

std::string code(const std::optional<ApiError>& e) { return e ? e->code : "OK"; }

TEST(AuthTest, ParsesAnAuthorizationHeader) {
  auto a = parse_authorization(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
      "SignedHeaders=content-type;host, Signature=abc123");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->secret_id, "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE");
  EXPECT_EQ(a->date, "2019-02-25");
  EXPECT_EQ(a->service, "cvm");
  EXPECT_EQ(a->terminator, "tc3_request");
  EXPECT_EQ(a->signed_headers, "content-type;host");
  EXPECT_EQ(a->signature, "abc123");
}

TEST(AuthTest, RejectsMalformedAuthorization) {
  EXPECT_EQ(parse_authorization("").error().message,
            "The Authorization header is invalid: the header is missing.");
  EXPECT_EQ(parse_authorization("HMAC-SHA1 x").error().code, "AuthFailure.InvalidAuthorization");
  EXPECT_EQ(
      parse_authorization("TC3-HMAC-SHA256 Credential=a/b, SignedHeaders=host, Signature=x").error().message,
      "The Authorization header is invalid: Credential must be <SecretId>/<date>/<service>/tc3_request.");
  EXPECT_EQ(parse_authorization("TC3-HMAC-SHA256 Credential=a/b/c/d").error().message,
            "The Authorization header is invalid: SignedHeaders and Signature are required.");
  EXPECT_EQ(parse_authorization("TC3-HMAC-SHA256 Credential=a/b/c/d, Foo=1").error().message,
            "The Authorization header is invalid: unknown part `Foo`.");
  EXPECT_EQ(parse_authorization("TC3-HMAC-SHA256 junk").error().message,
            "The Authorization header is invalid: `junk` is not name=value.");
}

TEST(AuthTest, ServiceComesFromTheVersion) {
  EXPECT_EQ(*service_of("2019-08-19", ""), "ckafka");
  EXPECT_EQ(*service_of("2021-12-06", ""), "dts");
  auto bad = service_of("2018-03-30",
                        "TC3-HMAC-SHA256 Credential=a/2026-11-23/dts/tc3_request, SignedHeaders=host, "
                        "Signature=x");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "InvalidParameterValue");
  EXPECT_EQ(bad.error().message, "The Version `2018-03-30` is not supported by dts: use 2021-12-06.");
  EXPECT_EQ(service_of("1.0", "").error().message,
            "The Version `1.0` is not supported: ckafka speaks 2019-08-19, dts 2021-12-06.");
}

TEST(AuthTest, AcceptsACorrectSignature) {
  EXPECT_EQ(code(verify(testing::signed_request("DescribeGroupOffsets", R"({"a":1})"))), "OK");
  Sign dts;
  dts.service = "dts";
  EXPECT_EQ(code(verify(testing::signed_request("DescribeConsumerGroups", "{}", dts), "dts")), "OK");
}

TEST(AuthTest, AcceptsTheHostSignedWithOrWithoutItsPort) {
  Sign s;
  s.host = "127.0.0.1:8080";
  s.signed_host = "127.0.0.1";
  EXPECT_EQ(code(verify(testing::signed_request("DescribeGroupInfo", "{}", s))), "OK");
  s.host = "[::1]:8080";
  s.signed_host = "[::1]";
  EXPECT_EQ(code(verify(testing::signed_request("DescribeGroupInfo", "{}", s))), "OK");
  s.host = "127.0.0.1:8080";
  s.signed_host = "127.0.0.2";
  EXPECT_EQ(code(verify(testing::signed_request("DescribeGroupInfo", "{}", s))),
            "AuthFailure.SignatureFailure");
}

TEST(AuthTest, AnyChangeBreaksTheSignature) {
  HttpRequest r = testing::signed_request("DescribeGroupOffsets", R"({"Group":"a"})");
  r.body = R"({"Group":"b"})";
  auto e = verify(r);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, "AuthFailure.SignatureFailure");
  EXPECT_EQ(e->message,
            "The provided credentials could not be validated. Please check your signature is correct.");
  HttpRequest action = testing::signed_request("DescribeGroupOffsets", "{}");
  action.headers["x-tc-action"] = "ModifyGroupOffsets";
  EXPECT_EQ(code(verify(action)), "AuthFailure.SignatureFailure");
  Sign wrong_key;
  wrong_key.secret_key = "not-the-key";
  EXPECT_EQ(code(verify(testing::signed_request("DescribeGroupOffsets", "{}", wrong_key))),
            "AuthFailure.SignatureFailure");
}

TEST(AuthTest, UnknownSecretId) {
  Sign s;
  s.secret_id = "AKIDNOBODY";
  auto e = verify(testing::signed_request("DescribeGroupOffsets", "{}", s));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, "AuthFailure.SecretIdNotFound");
  EXPECT_EQ(e->message, "The SecretId is not found, please ensure that your SecretId is correct.");
}

TEST(AuthTest, ClockSkewOfMoreThanFiveMinutesExpires) {
  Sign s;
  s.timestamp = kNowMs / 1000 - 300;
  EXPECT_EQ(code(verify(testing::signed_request("DescribeGroupOffsets", "{}", s))), "OK");
  s.timestamp = kNowMs / 1000 + 300;
  EXPECT_EQ(code(verify(testing::signed_request("DescribeGroupOffsets", "{}", s))), "OK");
  s.timestamp = kNowMs / 1000 - 301;
  auto e = verify(testing::signed_request("DescribeGroupOffsets", "{}", s));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, "AuthFailure.SignatureExpire");
  EXPECT_EQ(e->message,
            "The signature has expired: X-TC-Timestamp 1795391699 is 301 s away from the server time "
            "1795392000 (at most 300 s are allowed). Check the clock of the calling machine.");
  s.timestamp = kNowMs / 1000 + 3600;
  EXPECT_EQ(code(verify(testing::signed_request("DescribeGroupOffsets", "{}", s))),
            "AuthFailure.SignatureExpire");
}

TEST(AuthTest, TheCredentialScopeMustMatch) {
  Sign s;
  s.service = "dts";  // signed for dts, sent to ckafka
  auto e = verify(testing::signed_request("DescribeGroupOffsets", "{}", s), "ckafka");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, "AuthFailure.SignatureFailure");
  EXPECT_EQ(e->message,
            "The provided credentials could not be validated. Please check your signature is correct. "
            "(the credential scope names service `dts` but the request is for `ckafka`)");
  HttpRequest r = testing::signed_request("DescribeGroupOffsets", "{}");
  r.headers["authorization"].replace(r.headers["authorization"].find("2026-11-23"), 10, "2026-11-22");
  EXPECT_EQ(verify(r)->message,
            "The provided credentials could not be validated. Please check your signature is "
            "correct. (the credential scope date 2026-11-22 is not the UTC date of "
            "X-TC-Timestamp, 2026-11-23)");
}

TEST(AuthTest, SignedHeadersMustBeThere) {
  // Sign only content-type (no host): refused even with a correct signature over it.
  std::map<std::string, std::string> headers = {{"content-type", "application/json"}};
  int64_t ts = kNowMs / 1000;
  std::string scope = api::utc_date(ts) + "/ckafka/tc3_request";
  std::string sig =
      api::tc3_signature("secretEXAMPLE", api::utc_date(ts), "ckafka",
                         api::string_to_sign(ts, scope, api::canonical_request("POST", headers, "{}")));
  HttpRequest r = testing::signed_request("DescribeGroupOffsets", "{}");
  r.headers["authorization"] =
      "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/" + scope + ", SignedHeaders=content-type, Signature=" + sig;
  EXPECT_EQ(verify(r)->message,
            "The provided credentials could not be validated. Please check your signature is "
            "correct. (SignedHeaders must include content-type and host)");
  r.headers["authorization"] = "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/" + scope +
                               ", SignedHeaders=content-type;host;x-tc-nothing, Signature=" + sig;
  EXPECT_EQ(verify(r)->message,
            "The provided credentials could not be validated. Please check your signature is "
            "correct. (signed header `x-tc-nothing` is not in the request)");
}

TEST(AuthTest, HeaderValuesSignedAsSentAlsoPass) {
  // A signer that keeps the action's case (some hand-written clients do).
  int64_t ts = kNowMs / 1000;
  HttpRequest r = testing::signed_request("DescribeGroupOffsets", "{}");
  std::map<std::string, std::string> headers = {{"content-type", r.headers["content-type"]},
                                                {"host", r.headers["host"]},
                                                {"x-tc-action", "DescribeGroupOffsets"}};
  std::string scope = api::utc_date(ts) + "/ckafka/tc3_request";
  std::string sig =
      api::tc3_signature("secretEXAMPLE", api::utc_date(ts), "ckafka",
                         api::string_to_sign(ts, scope, api::canonical_request("POST", headers, "{}")));
  r.headers["authorization"] = "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/" + scope +
                               ", SignedHeaders=content-type;host;x-tc-action, Signature=" + sig;
  EXPECT_EQ(code(verify(r)), "OK");
}

TEST(AuthTest, TemporaryCredentialsNeedTheirToken) {
  Sign s;
  s.secret_id = "AKIDTEMP";
  s.secret_key = "secretTEMP";
  HttpRequest r = testing::signed_request("DescribeGroupOffsets", "{}", s);
  auto e = verify(r);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, "AuthFailure.TokenFailure");
  r.headers["x-tc-token"] = "token-123";
  EXPECT_EQ(code(verify(r)), "OK");
  HttpRequest permanent = testing::signed_request("DescribeGroupOffsets", "{}");
  permanent.headers["x-tc-token"] = "token-123";
  EXPECT_EQ(code(verify(permanent)), "AuthFailure.TokenFailure");
}

}  // namespace
}  // namespace offsetctl::emulator
