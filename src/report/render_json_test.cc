#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/render.h"
#include "report/test_support.h"

namespace offsetctl::report {
namespace {

TEST(RenderJson, Golden) { test::expect_golden("plan.json", render_json(test::sample_result())); }

TEST(RenderJson, MatchesTheSchema) {
  EXPECT_EQ(test::schema_errors("report.schema.json", render_json(test::sample_result())), "");
  EXPECT_EQ(test::schema_errors("report.schema.json", render_json(test::large_result(20, 3, 10))), "");
  EXPECT_EQ(test::schema_errors("report.schema.json", render_json(planner::PlanResult{})), "");
}

TEST(RenderJson, SchemaRejectsWhatItShould) {
  auto doc = nlohmann::json::parse(render_json(test::sample_result()));
  doc["changes"][0]["extra"] = 1;
  EXPECT_NE(test::schema_errors("report.schema.json", doc.dump()), "");
  doc = nlohmann::json::parse(render_json(test::sample_result()));
  doc["changes"][0]["action"] = "skip";
  EXPECT_NE(test::schema_errors("report.schema.json", doc.dump()), "");
  doc = nlohmann::json::parse(render_json(test::sample_result()));
  doc.erase("summary");
  EXPECT_NE(test::schema_errors("report.schema.json", doc.dump()), "");
}

TEST(RenderJson, OneEntryPerPartitionWithEveryField) {
  const auto result = test::sample_result();
  const auto doc = nlohmann::json::parse(render_json(result));
  EXPECT_EQ(doc["format_version"], 1);
  EXPECT_EQ(doc["planned_at"], "2026-11-23T12:00:00.000Z");
  EXPECT_EQ(doc["format_minor"], 1);
  EXPECT_EQ(doc["summary"], nlohmann::json::parse(R"({"to_change": 10, "unchanged": 3, "blocked": 2, "invalid": 4,
      "replayed": 2390, "skipped": 5600, "first_commits": 3})"));
  EXPECT_EQ(doc["plans"][0], nlohmann::json::parse(R"({"name": "skip-billing", "description":
      "Billing skips the poisoned backlog of 11-20.\nApproved by **ops** <ops@example.com>",
      "file": "plans/billing.yaml", "line": 1})"));
  EXPECT_TRUE(doc["saved_plan"].is_null());
  EXPECT_EQ(doc["groups"][3]["plans"], nlohmann::json::parse(R"(["skip-billing", "replay-orders", "fix-inventory"])"));
  EXPECT_EQ(doc["groups"][3]["skipped"], 5000);
  EXPECT_EQ(doc["groups"][3]["first_commits"], 1);
  // An invalid row: the target as asked, no delta or lag computed from it.
  EXPECT_EQ(doc["changes"][13]["target"], 9000);
  EXPECT_TRUE(doc["changes"][13]["delta"].is_null());
  EXPECT_TRUE(doc["changes"][13]["lag_after"].is_null());
  ASSERT_EQ(doc["changes"].size(), result.changes.size());

  // orders/1: nothing committed yet.
  const auto& fresh = doc["changes"][4];
  EXPECT_EQ(fresh["topic"], "orders");
  EXPECT_EQ(fresh["partition"], 1);
  EXPECT_TRUE(fresh["current"].is_null());
  EXPECT_EQ(fresh["target"], 1200);
  EXPECT_TRUE(fresh["delta"].is_null());
  EXPECT_EQ(fresh["lag_after"], 800);

  // orders/0: replays 100 messages.
  const auto& replay = doc["changes"][3];
  EXPECT_EQ(replay, nlohmann::json::parse(R"({"instance": "ckafka-7x2k9q", "group": "orders-consumer",
      "topic": "orders", "partition": 0, "current": 1500, "target": 1400, "delta": -100, "replayed": 100,
      "skipped": 0, "first_commit": false, "lag_after": 600,
      "begin_offset": 1000, "end_offset": 2000, "action": "change", "reason": null, "spec": "offsets",
      "resolve_at": "plan", "apply_timestamp": null})"));

  // audit-log/0: resolved at apply time.
  EXPECT_EQ(doc["changes"][0]["resolve_at"], "apply");
  EXPECT_EQ(doc["changes"][0]["apply_timestamp"], -1);

  EXPECT_EQ(doc["groups"][1]["state"], "Stable");
  EXPECT_EQ(doc["groups"][1]["members"][1]["assignment"]["refunds"], nlohmann::json::parse("[0, 1, 2, 5]"));
}

TEST(RenderJson, OneChangePerLine) {
  const std::string json = render_json(test::large_result(2, 2, 5));
  size_t lines = 0;
  for (char c : json) lines += c == '\n';
  // The frame (braces, four header members, summary, "plans": [], saved_plan, two array
  // openings and closings: 11 lines), two group lines, twenty change lines.
  EXPECT_EQ(lines, 35u);
}

}  // namespace
}  // namespace offsetctl::report
