#include "report/saved_plan.h"
#include "util/crypto.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/test_support.h"
#include "testing/temp_dir.h"
#include "util/files.h"

namespace offsetctl::report {
namespace {

SavedPlan sample_saved_plan() {
  SavedPlan plan;
  plan.result = test::sample_result();
  plan.result.targets = {"ckafka-7x2k9q/orders-consumer", "payments-consumer"};
  plan.files = {{"plans/payments.yaml", std::string(64, 'b')}, {"plans/orders.yaml", std::string(64, 'a')}};
  plan.endpoint = "https://ckafka.tencentcloudapi.com";
  plan.region = "ap-guangzhou";
  plan.created_at_ms = test::kPlannedAt + 1234;
  plan.tool_version = "0.1.0";
  return plan;
}

void expect_same_result(const planner::PlanResult& a, const planner::PlanResult& b) {
  EXPECT_EQ(a.planned_at_ms, b.planned_at_ms);
  EXPECT_EQ(a.summary.to_change, b.summary.to_change);
  EXPECT_EQ(a.summary.unchanged, b.summary.unchanged);
  EXPECT_EQ(a.summary.blocked, b.summary.blocked);
  EXPECT_EQ(a.summary.invalid, b.summary.invalid);
  // Not stored: counted again from the changes.
  const planner::PlanSummary moved = planner::summarize(a.changes);
  EXPECT_EQ(moved.replayed, b.summary.replayed);
  EXPECT_EQ(moved.skipped, b.summary.skipped);
  EXPECT_EQ(moved.first_commits, b.summary.first_commits);
  ASSERT_EQ(a.changes.size(), b.changes.size());
  for (size_t i = 0; i < a.changes.size(); ++i) {
    const auto& x = a.changes[i];
    const auto& y = b.changes[i];
    SCOPED_TRACE("change " + std::to_string(i));
    EXPECT_EQ(x.instance, y.instance);
    EXPECT_EQ(x.group, y.group);
    EXPECT_EQ(x.topic, y.topic);
    EXPECT_EQ(x.partition, y.partition);
    EXPECT_EQ(x.current, y.current);
    EXPECT_EQ(x.target, y.target);
    EXPECT_EQ(x.begin_offset, y.begin_offset);
    EXPECT_EQ(x.end_offset, y.end_offset);
    EXPECT_EQ(x.action, y.action);
    EXPECT_EQ(x.reason, y.reason);
    EXPECT_EQ(x.spec, y.spec);
    EXPECT_EQ(x.apply_timestamp, y.apply_timestamp);
  }
  ASSERT_EQ(a.plans.size(), b.plans.size());
  for (size_t i = 0; i < a.plans.size(); ++i) {
    EXPECT_EQ(a.plans[i].name, b.plans[i].name);
    EXPECT_EQ(a.plans[i].description, b.plans[i].description);
    EXPECT_EQ(a.plans[i].file, b.plans[i].file);
    EXPECT_EQ(a.plans[i].line, b.plans[i].line);
  }
  EXPECT_EQ(a.targets, b.targets);
  ASSERT_EQ(a.groups.size(), b.groups.size());
  for (size_t i = 0; i < a.groups.size(); ++i) {
    const auto& x = a.groups[i];
    const auto& y = b.groups[i];
    EXPECT_EQ(x.instance, y.instance);
    EXPECT_EQ(x.group, y.group);
    EXPECT_EQ(x.region, y.region);
    EXPECT_EQ(x.plan_name, y.plan_name);
    EXPECT_EQ(x.state, y.state);
    ASSERT_EQ(x.members.size(), y.members.size());
    for (size_t k = 0; k < x.members.size(); ++k) {
      EXPECT_EQ(x.members[k].member_id, y.members[k].member_id);
      EXPECT_EQ(x.members[k].client_id, y.members[k].client_id);
      EXPECT_EQ(x.members[k].client_host, y.members[k].client_host);
      EXPECT_EQ(x.members[k].assignment, y.members[k].assignment);
    }
  }
}

TEST(SavedPlan, Golden) { test::expect_golden("saved-plan.json", saved_plan_to_json(sample_saved_plan())); }

TEST(SavedPlan, MatchesTheSchema) {
  EXPECT_EQ(test::schema_errors("saved-plan.schema.json", saved_plan_to_json(sample_saved_plan())), "");
  SavedPlan big;
  big.result = test::large_result(10, 3, 7);
  EXPECT_EQ(test::schema_errors("saved-plan.schema.json", saved_plan_to_json(big)), "");
  EXPECT_EQ(test::schema_errors("saved-plan.schema.json", saved_plan_to_json(SavedPlan{})), "");
}

TEST(SavedPlan, RoundTrips) {
  const SavedPlan plan = sample_saved_plan();
  const std::string json = saved_plan_to_json(plan);
  auto back = parse_saved_plan(json, "plan.json");
  ASSERT_TRUE(back.ok()) << back.error().message;
  expect_same_result(plan.result, back->result);
  EXPECT_GT(back->result.summary.skipped, 0);  // the sample skips, so the recount is seen
  ASSERT_EQ(back->files.size(), 2u);
  EXPECT_EQ(back->files[0].path, "plans/orders.yaml");  // sorted by path
  EXPECT_EQ(back->files[0].sha256, std::string(64, 'a'));
  EXPECT_EQ(back->files[1].path, "plans/payments.yaml");
  EXPECT_EQ(back->endpoint, plan.endpoint);
  EXPECT_EQ(back->region, plan.region);
  EXPECT_EQ(back->created_at_ms, plan.created_at_ms);
  EXPECT_EQ(back->tool_version, plan.tool_version);
  // Writing what was read gives the same bytes.
  EXPECT_EQ(saved_plan_to_json(*back), json);
}

// Plans saved before the review report have no "plans" and no "targets": they are still read.
TEST(SavedPlan, APlanSavedBeforeThePlansAndTargetsFieldsIsRead) {
  SavedPlan plan = sample_saved_plan();
  std::string json = saved_plan_to_json(plan);
  const auto cut = [&json](const std::string& from, const std::string& to) {
    const size_t a = json.find(from);
    ASSERT_NE(a, std::string::npos) << from;
    const size_t b = json.find(to, a);
    ASSERT_NE(b, std::string::npos) << to;
    json.erase(a, b - a);
  };
  cut("  \"plans\": [", "  \"region\":");
  cut("  \"targets\": [", "  \"tool_version\":");
  // Signed again the way the writer signs: over the document without its checksum member.
  const std::string member = ",\n  \"checksum\": \"sha256:" + std::string(64, '0') + "\"";
  const size_t at = json.find(",\n  \"checksum\": ");
  ASSERT_NE(at, std::string::npos);
  json.erase(at, member.size());
  json.insert(at, ",\n  \"checksum\": \"sha256:" + util::sha256_hex(json) + "\"");
  auto back = parse_saved_plan(json, "old.json");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(back->result.plans.empty());
  EXPECT_TRUE(back->result.targets.empty());
  EXPECT_EQ(back->result.changes.size(), plan.result.changes.size());
}

TEST(SavedPlan, RoundTripsALargePlanAndOddNames) {
  SavedPlan plan;
  plan.result = test::large_result(30, 4, 20);
  plan.result.changes[5].topic = "t\"\\\n\x01\xc3\xa9\xf0\x9f\x98\x80";
  plan.result.changes[5].reason = "tab\there";
  plan.result.changes[6].current = INT64_MIN;
  plan.result.changes[6].target = INT64_MAX;
  const std::string json = saved_plan_to_json(plan);
  auto back = parse_saved_plan(json, "big.json");
  ASSERT_TRUE(back.ok()) << back.error().message;
  expect_same_result(plan.result, back->result);
  EXPECT_EQ(saved_plan_to_json(*back), json);
}

TEST(SavedPlan, IsDeterministicAndIndependentOfFileOrder) {
  SavedPlan a = sample_saved_plan();
  SavedPlan b = sample_saved_plan();
  std::swap(b.files[0], b.files[1]);
  EXPECT_EQ(saved_plan_to_json(a), saved_plan_to_json(b));
}

TEST(SavedPlan, SortedKeysAndOnePartitionPerLine) {
  const std::string json = saved_plan_to_json(sample_saved_plan());
  // nlohmann orders object keys; dumping what we wrote reproduces our key order.
  const auto doc = nlohmann::json::parse(json);
  std::vector<std::string> keys;
  for (const auto& [k, v] : doc.items()) keys.push_back(k);
  std::vector<std::string> written;
  for (size_t at = json.find("\n  \""); at != std::string::npos; at = json.find("\n  \"", at + 1)) {
    written.push_back(json.substr(at + 4, json.find('"', at + 4) - at - 4));
  }
  EXPECT_EQ(written, keys);
  EXPECT_NE(json.find("\n        {\"action\": \"change\", \"apply_timestamp\": null, \"begin_offset\": 1000, "
                      "\"current\": 1500, \"end_offset\": 2000, \"partition\": 0, \"reason\": null, "
                      "\"spec\": \"offsets\", \"target\": 1400},\n"),
            std::string::npos);
}

TEST(SavedPlan, NeverHoldsCredentialsFromTheEndpoint) {
  SavedPlan plan = sample_saved_plan();
  plan.endpoint = "https://AKIDEXAMPLE:secretEXAMPLE@ckafka.example.com:8443/path?x=1";
  const std::string json = saved_plan_to_json(plan);
  EXPECT_EQ(json.find("secretEXAMPLE"), std::string::npos);
  EXPECT_EQ(json.find("AKIDEXAMPLE"), std::string::npos);
  EXPECT_NE(json.find("\"endpoint\": \"https://ckafka.example.com:8443/path?x=1\""), std::string::npos);
}

TEST(SavedPlanFile, WritesAndReadsBack) {
  testing::TempDir dir;
  const std::string path = dir.path("plan.json");
  std::string written;
  ASSERT_TRUE(write_saved_plan(path, sample_saved_plan(), &written).ok());
  std::string sha256, checksum;
  auto back = read_saved_plan(path, &sha256, &checksum);
  ASSERT_TRUE(back.ok()) << back.error().message;
  expect_same_result(sample_saved_plan().result, back->result);
  // The checksum the writer quoted is the one the reader verified, and the one in the file.
  const std::string text = *util::read_file(path);
  EXPECT_EQ(checksum, written);
  EXPECT_EQ(checksum, saved_plan_checksum(text));
  EXPECT_EQ(text, saved_plan_to_json(sample_saved_plan()));
  EXPECT_EQ(sha256, util::sha256_hex(text));
}

TEST(SavedPlanFile, ErrorsNameTheFile) {
  testing::TempDir dir;
  const std::string missing = dir.path("missing.json");
  auto r = read_saved_plan(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "saved plan " + missing + ": cannot read: No such file or directory");
  auto w = write_saved_plan(dir.path("no/such/dir/plan.json"), sample_saved_plan());
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().message.rfind("could not save the plan: ", 0), 0u) << w.error().message;
}

TEST(RedactEndpoint, DropsUserInfoOnly) {
  EXPECT_EQ(redact_endpoint("https://ckafka.tencentcloudapi.com"), "https://ckafka.tencentcloudapi.com");
  EXPECT_EQ(redact_endpoint("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
  EXPECT_EQ(redact_endpoint("https://u:p@host/x"), "https://host/x");
  EXPECT_EQ(redact_endpoint("https://u:p@w@host"), "https://host");
  EXPECT_EQ(redact_endpoint("user@host"), "host");
  EXPECT_EQ(redact_endpoint("https://host/a@b"), "https://host/a@b");
  EXPECT_EQ(redact_endpoint(""), "");
}

}  // namespace
}  // namespace offsetctl::report
