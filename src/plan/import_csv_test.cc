#include "plan/import_csv.h"

#include <gtest/gtest.h>

#include "plan/load.h"

namespace offsetctl::plan {
namespace {

ImportRequest import_request(std::string group = "") {
  ImportRequest r;
  r.path = "saved/orders.csv";
  r.instance = "ckafka-test";
  r.region = "ap-guangzhou";
  r.group = std::move(group);
  r.schema_path = "../schemas/plan.schema.json";
  return r;
}

TEST(ImportCsv, OneGroupFileBecomesAPlanThatValidates) {
  ImportResult r = import_offsets_csv("orders,1,720\norders,0,500\naudit,0,50\n", import_request("billing"));
  ASSERT_TRUE(r.imported) << r.errors[0].format();
  const Imported& i = *r.imported;
  EXPECT_EQ(i.offsets, 3u);
  EXPECT_EQ(i.yaml,
            "# yaml-language-server: $schema=../schemas/plan.schema.json\n"
            "# Imported by offsetctl import from saved/orders.csv.\n"
            "# Each partition goes to the offset the CSV gives it; offsetctl plan shows what that changes.\n"
            "apiVersion: offsetctl/v1\n"
            "kind: OffsetPlan\n"
            "name: import-orders-csv\n"
            "description: \"Imported by offsetctl import from saved/orders.csv (kafka-consumer-groups' offsets CSV, 3 "
            "offsets)\"\n"
            "instance: ckafka-test\n"
            "region: ap-guangzhou\n"
            "groups:\n"
            "  - group: billing\n"
            "    topics:\n"
            "      - topic: orders\n"
            "        offsets: {0: 500, 1: 720}\n"
            "      - topic: audit\n"
            "        offsets: {0: 50}\n");
  LoadResult loaded = load_plan_text(i.yaml, "plan.yaml");
  EXPECT_TRUE(loaded.ok());
}

TEST(ImportCsv, GroupColumnFileKeepsGroupsInTheirOrder) {
  ImportResult r = import_offsets_csv("g2,orders,0,5\ng1,orders,0,6\ng2,orders,1,7\n", import_request());
  ASSERT_TRUE(r.imported);
  ASSERT_EQ(r.imported->plan.groups.size(), 2u);
  EXPECT_EQ(r.imported->plan.groups[0].group, "g2");
  EXPECT_EQ(std::get<ExplicitOffsets>(r.imported->plan.groups[0].topics[0].spec).by_partition.size(), 2u);
  EXPECT_EQ(r.imported->plan.groups[1].group, "g1");
}

TEST(ImportCsv, AGroupColumnWithGroupIsRefused) {
  ImportResult r = import_offsets_csv("\ng2,orders,0,5\n", import_request("billing"));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].format(),
            "saved/orders.csv:2:1: error: this file has a group column (group,topic,partition,offset) and --group "
            "billing was given too: drop --group, the file names its groups\ng2,orders,0,5\n^\n");
}

TEST(ImportCsv, NoGroupColumnNeedsGroup) {
  ImportResult r = import_offsets_csv("orders,0,5\n", import_request());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].format(),
            "saved/orders.csv: error: a topic,partition,offset file does not name its group: give it with --group (as "
            "kafka-consumer-groups --from-file takes it from --group)\n");
}

TEST(ImportCsv, WhatThePlanCannotHoldIsRefusedBeforeWriting) {
  std::string text;
  for (int g = 0; g < 10001; ++g) text += "g" + std::to_string(g) + ",t,0,1\n";
  ImportResult r = import_offsets_csv(text, import_request());
  ASSERT_FALSE(r.imported);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].message.rfind("the plan it makes would not be valid: ", 0), 0u) << r.errors[0].message;
}

}  // namespace
}  // namespace offsetctl::plan
