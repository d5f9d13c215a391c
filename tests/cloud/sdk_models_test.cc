// The model reader and checker of testing/sdk_models.h on small texts in the SDK's
// own .d.ts form: each kind of difference is found and said exactly, so that a
// check the fidelity tests rely on cannot pass by accident.
#include "testing/sdk_models.h"

#include <gtest/gtest.h>

#include "testing/temp_dir.h"

namespace offsetctl::testing {
namespace {

using nlohmann::json;

const char* kModels = R"(/**
 * 分区信息
 */
export interface PartitionOffset {
    /**
     * 分区
     */
    Partition?: string;
    /**
     * 位点偏移量
     */
    Offset?: number;
}
/**
 * 消息记录
 */
export interface ConsumerRecord {
    /**
     * 消息value
  注意：此字段可能返回 null，表示取不到有效值。
     */
    Value?: string;
    /**
     * 位点
     */
    Offset?: number;
}
export interface SomeRequest {
    /**
     * 实例
     */
    InstanceId: string;
    /**
     * 主题: Name: string; in a comment is not a field
     */
    Topics?: Array<string>;
    /**
     * 分区
     */
    Partitions?: Array<number | bigint>;
    Flag?: boolean;
}
export interface SomeResponse {
    /**
     * 结果
     */
    Result?: Array<PartitionOffset>;
    Records?: Array<ConsumerRecord>;
    RequestId?: string;
}
export type LowercaseParam = null;
)";

std::unique_ptr<SdkModels> models() { return SdkModels::from_text({{"ckafka", kModels}}); }

TEST(SdkModels, ReadsInterfacesFieldsTypesAndWhatMayBeNull) {
  auto m = models();
  EXPECT_EQ(m->size(), 4u);
  const SdkInterface* req = m->find("ckafka", "SomeRequest");
  ASSERT_NE(req, nullptr);
  ASSERT_EQ(req->fields.size(), 4u);
  EXPECT_EQ(req->fields[0].first, "InstanceId");
  EXPECT_FALSE(req->fields[0].second.optional);
  EXPECT_EQ(req->fields[2].second.type, "Array<number | bigint>");
  EXPECT_TRUE(req->fields[3].second.optional);
  EXPECT_TRUE(m->find("ckafka", "ConsumerRecord")->find("Value")->nullable);
  EXPECT_FALSE(m->find("ckafka", "ConsumerRecord")->find("Offset")->nullable);
  EXPECT_EQ(m->find("ckafka", "Nothing"), nullptr);
  EXPECT_EQ(m->find("dts", "SomeRequest"), nullptr);
}

TEST(SdkModels, AnAnswerThatFitsHasNoProblems) {
  json answer = json::parse(R"({"Result": [{"Partition": "0", "Offset": 12}], "Records": [{"Value": null,
      "Offset": 3}], "RequestId": "r"})");
  EXPECT_EQ(models()->check("ckafka", "SomeResponse", answer, SdkDirection::Answer, "Response"),
            std::vector<std::string>{});
  // Every field of an answer is optional in the Node models.
  EXPECT_EQ(models()->check("ckafka", "SomeResponse", json::object(), SdkDirection::Answer, "Response"),
            std::vector<std::string>{});
}

TEST(SdkModels, SaysEachDifferenceOfAnAnswerWithItsPath) {
  json answer = json::parse(R"({"Result": [{"Partition": 0, "Offset": "12"}, "x"], "Records": {"Value": "v"},
      "Extra": 1, "RequestId": null})");
  EXPECT_EQ(models()->check("ckafka", "SomeResponse", answer, SdkDirection::Answer, "Response"),
            (std::vector<std::string>{
                "Response.Extra is not a field of SomeResponse",
                "Response.Records is an object, the model says an array (Array<ConsumerRecord>)",
                "Response.RequestId is null, and SomeResponse does not say it may be",
                "Response.Result[0].Offset is a string, the model says a number (number)",
                "Response.Result[0].Partition is a number, the model says a string (string)",
                "Response.Result[1] is a string, the model PartitionOffset is an object",
            }));
}

TEST(SdkModels, ARequestMustCarryEveryRequiredField) {
  EXPECT_EQ(models()->check("ckafka", "SomeRequest",
                            json::parse(R"({"InstanceId": "i", "Topics": ["a"], "Partitions": [0, 1], "Flag": true})"),
                            SdkDirection::Request, "request"),
            std::vector<std::string>{});
  EXPECT_EQ(models()->check("ckafka", "SomeRequest", json::parse(R"({"Topics": [1], "Partitions": ["0"]})"),
                            SdkDirection::Request, "request"),
            (std::vector<std::string>{
                "request.Partitions[0] is a string, the model says a number (number | bigint)",
                "request.Topics[0] is a number, the model says a string (string)",
                "request.InstanceId is missing, SomeRequest requires it",
            }));
  EXPECT_EQ(models()->check("ckafka", "SomeRequest", json::parse(R"({"InstanceId": null})"), SdkDirection::Request,
                            "request"),
            (std::vector<std::string>{"request.InstanceId is null, but SomeRequest requires it"}));
}

TEST(SdkModels, ARequestLogIsCheckedLineByLine) {
  TempDir dir;
  std::string log = dir.write("requests.jsonl",
                              R"({"service":"ckafka","action":"Some","request":{"InstanceId":"i"}}
{"service":"ckafka","action":"Some","request":{"InstanceId":"i","Topic":"t"}}
{"service":null,"action":null,"request":null}
{"service":"ckafka","action":"Unknown","request":{}}
)");
  EXPECT_EQ(check_request_log(*models(), log),
            (std::vector<std::string>{
                log + ":2: Some request: request.Topic is not a field of SomeRequest",
                log + ":4: Unknown request: request: the SDK has no model UnknownRequest",
            }));
}

}  // namespace
}  // namespace offsetctl::testing
