#include "api/signer.h"

#include <gtest/gtest.h>

#include "util/crypto.h"

namespace offsetctl::api {
namespace {

// The worked example of Tencent Cloud's "Signature v3" / "签名方法 v3" document: CVM
// DescribeInstances in ap-guangzhou at 1551113065 (2019-02-25 16:44:25 UTC). The body
// is the document's bytes, with 未命名 written as \u escapes.
const std::string kBody =
    R"({"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]})";
constexpr int64_t kTimestamp = 1551113065;
const std::string kHashedPayload = "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064";

// Variant A: the English "Signature v3" document (API 3.0, tencentcloud.com), which signs
// only content-type;host, with SecretId AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE and SecretKey
// Gu5t9xGARNpq86cd98joQYCN3EXAMPLE. Every expected value below is the document's.
TEST(SignerDocumentVariantA, ReproducesEveryStepOfTheWorkedExample) {
  const std::map<std::string, std::string> headers = {
      {"content-type", "application/json; charset=utf-8"},
      {"host", "cvm.tencentcloudapi.com"},
  };
  EXPECT_EQ(util::sha256_hex(kBody), kHashedPayload);

  const std::string canonical = canonical_request("POST", headers, kBody);
  EXPECT_EQ(canonical,
            "POST\n"
            "/\n"
            "\n"
            "content-type:application/json; charset=utf-8\n"
            "host:cvm.tencentcloudapi.com\n"
            "\n"
            "content-type;host\n"
            "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
  EXPECT_EQ(util::sha256_hex(canonical), "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");

  EXPECT_EQ(utc_date(kTimestamp), "2019-02-25");
  const std::string to_sign = string_to_sign(kTimestamp, "2019-02-25/cvm/tc3_request", canonical);
  EXPECT_EQ(to_sign,
            "TC3-HMAC-SHA256\n"
            "1551113065\n"
            "2019-02-25/cvm/tc3_request\n"
            "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");

  const std::string signature = tc3_signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cvm", to_sign);
  EXPECT_EQ(signature, "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");

  EXPECT_EQ(authorization_header("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "2019-02-25/cvm/tc3_request",
                                 signed_header_names(headers), signature),
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
            "SignedHeaders=content-type;host, "
            "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
}

// Variant B: the current Chinese "签名方法 v3" document (cloud.tencent.com), which also signs
// x-tc-action (as the SDKs and this client do). It masks the credentials as "AKID" + 32 '*'
// and 32 '*', and publishes the derived keys SecretDate, SecretService and SecretSigning,
// which those masked strings reproduce. Every expected value below is the document's.
TEST(SignerDocumentVariantB, ReproducesEveryStepOfTheWorkedExample) {
  const std::string secret_id = "AKID" + std::string(32, '*');
  const std::string secret_key(32, '*');
  SignInput in;
  in.service = "cvm";
  in.host = "cvm.tencentcloudapi.com";
  in.action = "DescribeInstances";
  in.content_type = "application/json; charset=utf-8";
  in.timestamp = kTimestamp;
  in.payload = kBody;
  const Signature s = sign(secret_id, secret_key, in);

  EXPECT_EQ(s.canonical_request,
            "POST\n"
            "/\n"
            "\n"
            "content-type:application/json; charset=utf-8\n"
            "host:cvm.tencentcloudapi.com\n"
            "x-tc-action:describeinstances\n"
            "\n"
            "content-type;host;x-tc-action\n"
            "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
  EXPECT_EQ(util::sha256_hex(s.canonical_request), "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
  EXPECT_EQ(s.credential_scope, "2019-02-25/cvm/tc3_request");
  EXPECT_EQ(s.string_to_sign,
            "TC3-HMAC-SHA256\n"
            "1551113065\n"
            "2019-02-25/cvm/tc3_request\n"
            "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");

  const std::string secret_date = util::hmac_sha256_raw("TC3" + secret_key, "2019-02-25");
  const std::string secret_service = util::hmac_sha256_raw(secret_date, "cvm");
  EXPECT_EQ(util::hex(secret_date), "da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0");
  EXPECT_EQ(util::hex(secret_service), "8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f");
  EXPECT_EQ(util::hex(derive_signing_key(secret_key, "2019-02-25", "cvm")),
            "b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af");

  EXPECT_EQ(s.signature, "10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f");
  EXPECT_EQ(s.authorization,
            "TC3-HMAC-SHA256 Credential=AKID********************************/2019-02-25/cvm/tc3_request, "
            "SignedHeaders=content-type;host;x-tc-action, "
            "Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f");
}

TEST(Signer, SignWithACachedKeyEqualsSigningFromTheSecret) {
  SignInput in;
  in.service = "ckafka";
  in.host = "ckafka.tencentcloudapi.com";
  in.action = "DescribeGroupOffsets";
  in.timestamp = 1700000000;
  in.payload = R"({"InstanceId":"ckafka-1","Group":"g"})";
  const Signature a = sign("AKIDEXAMPLE", "secretEXAMPLE", in);
  const Signature b =
      sign_with_key("AKIDEXAMPLE", derive_signing_key("secretEXAMPLE", utc_date(in.timestamp), "ckafka"), in);
  EXPECT_EQ(a.authorization, b.authorization);
  EXPECT_EQ(a.credential_scope, "2023-11-14/ckafka/tc3_request");
}

// The document's warning: the date is the UTC date of the timestamp, never a local one.
TEST(Signer, CredentialDateIsTheUtcDateJustBeforeAndAfterMidnight) {
  EXPECT_EQ(utc_date(1551139199), "2019-02-25");  // 23:59:59 UTC (07:59:59 on the 26th in UTC+8)
  EXPECT_EQ(utc_date(1551139200), "2019-02-26");  // 00:00:00 UTC
  EXPECT_EQ(utc_date(0), "1970-01-01");
  EXPECT_EQ(utc_date(951782400), "2000-02-29");   // a leap day

  SignInput in;
  in.service = "ckafka";
  in.host = "ckafka.tencentcloudapi.com";
  in.action = "DescribeGroupInfo";
  in.payload = "{}";
  in.timestamp = 1551139199;
  EXPECT_EQ(sign("id", "key", in).credential_scope, "2019-02-25/ckafka/tc3_request");
  in.timestamp = 1551139200;
  EXPECT_EQ(sign("id", "key", in).credential_scope, "2019-02-26/ckafka/tc3_request");
}

TEST(Signer, ChangingTheDateChangesTheSignature) {
  SignInput in;
  in.service = "ckafka";
  in.host = "ckafka.tencentcloudapi.com";
  in.action = "DescribeGroupInfo";
  in.payload = "{}";
  in.timestamp = 1551139199;
  const std::string before = sign("id", "key", in).signature;
  in.timestamp = 1551139200;
  EXPECT_NE(sign("id", "key", in).signature, before);
}

TEST(Signer, AnEmptyBodyIsHashedAsTheEmptyString) {
  SignInput in;
  in.service = "dts";
  in.host = "dts.tencentcloudapi.com";
  in.action = "DescribeConsumerGroups";
  in.timestamp = kTimestamp;
  in.payload = "";
  const Signature s = sign("id", "key", in);
  // SHA-256 of zero bytes (FIPS 180-2).
  EXPECT_EQ(s.canonical_request.substr(s.canonical_request.rfind('\n') + 1),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(s.credential_scope, "2019-02-25/dts/tc3_request");
}

TEST(Signer, NonAsciiBodyIsSignedAsItsUtf8Bytes) {
  // The example's body with 未命名 as raw UTF-8 instead of \u escapes: other bytes, another hash.
  const std::string raw = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\xe6\x9c\xaa\xe5\x91\xbd\xe5\x90\x8d\"], "
                          "\"Name\": \"instance-name\"}]}";
  const std::map<std::string, std::string> headers = {{"content-type", "application/json; charset=utf-8"},
                                                      {"host", "cvm.tencentcloudapi.com"}};
  const std::string canonical = canonical_request("POST", headers, raw);
  EXPECT_EQ(canonical.substr(canonical.rfind('\n') + 1), util::sha256_hex(raw));
  EXPECT_NE(util::sha256_hex(raw), kHashedPayload);
  // SHA-256 of the three characters' UTF-8 bytes, computed independently (Python hashlib).
  EXPECT_EQ(util::sha256_hex("\xe6\x9c\xaa\xe5\x91\xbd\xe5\x90\x8d"),
            "67bee6acfc3cbfedf4db63b02cf28e31ac8fdc9935fbf31f59029d2fe6d53ddb");
}

TEST(Signer, HeaderValuesAreTrimmedAndTheActionLowerCased) {
  const std::map<std::string, std::string> headers = {{"content-type", "  application/json "},
                                                      {"host", "h\t"}};
  EXPECT_EQ(canonical_request("POST", headers, ""),
            "POST\n/\n\ncontent-type:application/json\nhost:h\n\ncontent-type;host\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  SignInput in;
  in.service = "ckafka";
  in.host = "127.0.0.1:8080";
  in.action = "BatchModifyGroupOffsets";
  EXPECT_NE(sign("id", "key", in).canonical_request.find("x-tc-action:batchmodifygroupoffsets\n"), std::string::npos);
}

}  // namespace
}  // namespace offsetctl::api
