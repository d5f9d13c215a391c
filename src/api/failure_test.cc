#include "api/failure.h"

#include <gtest/gtest.h>

namespace offsetctl::api {
namespace {

TEST(ApiFailure, DescribeSaysWhatWasCalledAndWhatCameBack) {
  ApiFailure f;
  f.kind = ApiFailure::Kind::Api;
  f.action = "DescribeGroupOffsets";
  f.code = "AuthFailure.SignatureFailure";
  f.message = "The provided credentials could not be validated.";
  f.request_id = "3c9f1b2a";
  EXPECT_EQ(f.describe(),
            "DescribeGroupOffsets failed: AuthFailure.SignatureFailure: The provided credentials could not be "
            "validated. (RequestId 3c9f1b2a)");
  EXPECT_EQ(f.to_error().message, f.describe());
}

TEST(ApiFailure, TransportFailuresHaveNoRequestId) {
  ApiFailure f;
  f.kind = ApiFailure::Kind::Transport;
  f.action = "BatchModifyGroupOffsets";
  f.code = "Timeout";
  f.message = "no answer from https://ckafka.tencentcloudapi.com/ within the timeout";
  EXPECT_EQ(f.describe(),
            "BatchModifyGroupOffsets failed: Timeout: no answer from https://ckafka.tencentcloudapi.com/ within the "
            "timeout");
}

TEST(ApiFailure, ConfigFailuresSayNothingWasSent) {
  ApiFailure f;
  f.kind = ApiFailure::Kind::Config;
  f.code = "NoRegion";
  f.message = "no region: give --region, e.g. ap-guangzhou";
  EXPECT_EQ(f.describe(), "no region: give --region, e.g. ap-guangzhou");
  f.action = "ModifyGroupOffsets";
  EXPECT_EQ(f.describe(), "ModifyGroupOffsets was not sent: no region: give --region, e.g. ap-guangzhou");
}

TEST(ApiFailure, KindNames) {
  EXPECT_STREQ(kind_name(ApiFailure::Kind::Api), "api");
  EXPECT_STREQ(kind_name(ApiFailure::Kind::Transport), "transport");
  EXPECT_STREQ(kind_name(ApiFailure::Kind::BadAnswer), "bad-answer");
  EXPECT_STREQ(kind_name(ApiFailure::Kind::Config), "config");
}

}  // namespace
}  // namespace offsetctl::api
