#include <gtest/gtest.h>

#include <algorithm>

#include "report/saved_plan.h"
#include "report/test_support.h"

namespace offsetctl::report {
namespace {

std::string sample_json() {
  SavedPlan plan;
  plan.result = test::sample_result();
  plan.files = {{"plans/orders.yaml", std::string(64, 'a')}};
  plan.endpoint = "https://ckafka.tencentcloudapi.com";
  plan.region = "ap-guangzhou";
  plan.created_at_ms = test::kPlannedAt;
  plan.tool_version = "0.1.0";
  return saved_plan_to_json(plan);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// "line:col" of the first `needle` in `text` (1-based, ASCII text).
std::string pos_of(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  const size_t line_start = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
  return std::to_string(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1) + ":" +
         std::to_string(at - line_start + 1);
}

std::string error_of(const std::string& json) {
  auto r = parse_saved_plan(json, "plan.json");
  return r.ok() ? "(parsed)" : r.error().message;
}

TEST(ParseSavedPlan, AcceptsWhatWasWritten) {
  auto r = parse_saved_plan(sample_json(), "plan.json");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->result.changes.size(), test::sample_result().changes.size());
  EXPECT_EQ(r->result.changes[12].partition, planner::kEveryPartition);
}

// A million rows name a few thousand groups: the rows of a name hold one copy of it.
TEST(ParseSavedPlan, RowsThatNameTheSameGroupOrTopicShareOneCopy) {
  auto r = parse_saved_plan(sample_json(), "plan.json");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto& rows = r->result.changes;
  size_t same_group = 0, same_topic = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].group == rows[i - 1].group) {
      ++same_group;
      EXPECT_TRUE(rows[i].group.shares_with(rows[i - 1].group)) << i;
      EXPECT_TRUE(rows[i].instance.shares_with(rows[i - 1].instance)) << i;
    }
    if (rows[i].group == rows[i - 1].group && rows[i].topic == rows[i - 1].topic) {
      ++same_topic;
      EXPECT_TRUE(rows[i].topic.shares_with(rows[i - 1].topic)) << i;
    }
  }
  EXPECT_GT(same_group, same_topic);  // the sample has groups of several topics
  EXPECT_GT(same_topic, 0u);
}

TEST(ParseSavedPlan, WhitespaceDoesNotMatter) {
  std::string json = sample_json();
  std::string spaced;
  for (char c : json) {
    spaced += c;
    if (c == '\n') spaced += "\t \r\n";
  }
  EXPECT_EQ(error_of(spaced), "(parsed)");
}

TEST(ParseSavedPlan, TruncatedFile) {
  const std::string json = sample_json();
  EXPECT_EQ(error_of(json.substr(0, 300)).substr(0, 20), "saved plan plan.json");
  const std::string cut = json.substr(0, json.size() / 2);
  const std::string e = error_of(cut);
  EXPECT_NE(e.find(": the file ends in the middle of the JSON document (is it truncated?); make a new saved plan "
                   "with `offsetctl plan --out FILE`"),
            std::string::npos)
      << e;
  EXPECT_EQ(error_of(""), "saved plan plan.json:1:1: the file is empty; make a new saved plan with `offsetctl plan --out FILE`");
}

TEST(ParseSavedPlan, HandEditedValueFailsTheChecksum) {
  const std::string json = replaced(sample_json(), "\"current\": 1500, \"end_offset\": 2000, \"partition\": 0",
                                    "\"current\": 1499, \"end_offset\": 2000, \"partition\": 0");
  EXPECT_EQ(error_of(json),
            "saved plan plan.json: its checksum does not match its contents: the file was changed after `offsetctl "
            "plan --out` wrote it. Saved plans must not be edited; make a new saved plan with `offsetctl plan --out "
            "FILE`");
}

TEST(ParseSavedPlan, UnknownMissingAndRepeatedFields) {
  const std::string json = sample_json();
  std::string edited = replaced(json, "\"tool_version\"", "\"tool_versio\"");
  EXPECT_EQ(error_of(edited), "saved plan plan.json:" + pos_of(edited, "\"tool_versio\"") +
                                  ": tool_versio: unknown field; make a new saved plan with `offsetctl plan --out FILE`");
  edited = replaced(json, "\"target\": 1400}", "\"target\": 1400, \"extra\": 1}");
  EXPECT_EQ(error_of(edited), "saved plan plan.json:" + pos_of(edited, "\"extra\"") +
                                  ": changes[2].partitions[0].extra: unknown field; make a new saved plan with "
                                  "`offsetctl plan --out FILE`");
  edited = replaced(json, "\"action\": \"change\", \"apply_timestamp\": -1, ", "");
  EXPECT_EQ(error_of(edited), "saved plan plan.json:" + pos_of(edited, "{\"begin_offset\"") +
                                  ": changes[0].partitions[0]: missing field \"action\"; make a new saved plan with "
                                  "`offsetctl plan --out FILE`");
  EXPECT_NE(error_of(replaced(json, "\"region\": \"ap-guangzhou\",\n", "\"region\": \"x\",\n  \"region\": \"y\",\n"))
                .find("region: a field that appears twice;"),
            std::string::npos);
}

TEST(ParseSavedPlan, WrongTypesAndValues) {
  const std::string json = sample_json();
  EXPECT_NE(error_of(replaced(json, "\"target\": 1400}", "\"target\": \"1400\"}"))
                .find("changes[2].partitions[0].target: expected an integer or null, found a string;"),
            std::string::npos);
  EXPECT_NE(error_of(replaced(json, "\"target\": 1400}", "\"target\": 1400.0}"))
                .find("changes[2].partitions[0].target: expected an integer, found a number with a fraction or "
                      "exponent;"),
            std::string::npos);
  EXPECT_NE(error_of(replaced(json, "{\"action\": \"change\", \"apply_timestamp\": null, \"begin_offset\": 1000",
                              "{\"action\": \"skip\", \"apply_timestamp\": null, \"begin_offset\": 1000"))
                .find("changes[2].partitions[0].action: unknown action \"skip\" (expected change, noop, blocked or "
                      "invalid);"),
            std::string::npos);
  EXPECT_NE(error_of(replaced(json, "\"partition\": 10,", "\"partition\": -3,"))
                .find("changes[2].partitions[3].partition: not a partition number;"),
            std::string::npos);
  EXPECT_NE(error_of(replaced(json, "\"partition\": 10,", "\"partition\": null,"))
                .find("changes[2].partitions[3]: partition null (every partition of an unknown topic) in a row that "
                      "is not invalid;"),
            std::string::npos);
  EXPECT_NE(error_of(replaced(json, "\"partition\": 10, \"reason\": null, \"spec\": \"offsets\", \"target\": 1024",
                              "\"partition\": 10, \"reason\": null, \"spec\": \"offsets\", \"target\": null"))
                .find("changes[2].partitions[3]: a change without a target;"),
            std::string::npos);
  EXPECT_NE(error_of(replaced(json, "\"created_at\": \"2026-11-23T12:00:00.000Z\"", "\"created_at\": \"yesterday\""))
                .find("created_at: \"yesterday\" is not an RFC 3339 date-time"),
            std::string::npos);
  EXPECT_NE(error_of(replaced(json, std::string(64, 'a'), std::string(63, 'a') + "A"))
                .find("files[0].sha256: \"" + std::string(63, 'a') + "A\" is not a sha256 (64 lower-case hex digits);"),
            std::string::npos);
  std::string edited = replaced(json, "\"region\": \"ap-guangzhou\",\n", "\"region\": [\"ap-guangzhou\"],\n");
  EXPECT_EQ(error_of(edited), "saved plan plan.json:" + pos_of(edited, "[\"ap-guangzhou\"]") +
                                  ": region: expected a string, found an array; make a new saved plan with `offsetctl "
                                  "plan --out FILE`");
  EXPECT_NE(error_of(replaced(json, "\"to_change\": 10", "\"to_change\": -10")).find("summary.to_change: a count cannot be negative;"),
            std::string::npos);
}

TEST(ParseSavedPlan, KindAndVersionComeFirst) {
  const std::string json = sample_json();
  // A newer format is refused for its version, even though it also has fields this version does not know.
  const std::string newer = replaced(replaced(json, "\"format_version\": 1", "\"format_version\": 2"),
                                     "\"kind\": \"saved-plan\"", "\"kind\": \"saved-plan\",\n  \"later\": true");
  const std::string e = error_of(newer);
  EXPECT_NE(e.find(": format_version 2 is not one this offsetctl reads (it reads format_version 1); make a new saved "
                   "plan with `offsetctl plan --out FILE`"),
            std::string::npos)
      << e;
  EXPECT_EQ(error_of("{\"format_version\": 1, \"kind\": \"plan-report\", \"changes\": []}"),
            "saved plan plan.json:1:1: this is a plan report (offsetctl plan --format json), not a saved plan; make a "
            "new saved plan with `offsetctl plan --out FILE`");
  EXPECT_EQ(error_of("{\"a\": 1}"),
            "saved plan plan.json:1:1: not a saved plan (it has no \"kind\": \"saved-plan\"); make a new saved plan "
            "with `offsetctl plan --out FILE`");
  EXPECT_EQ(error_of("apiVersion: offsetctl/v1\nkind: OffsetPlan\n"),
            "saved plan plan.json:1:1: not a saved plan: a saved plan is a JSON object; make a new saved plan with "
            "`offsetctl plan --out FILE`");
  EXPECT_EQ(error_of("{\"kind\": \"saved-plan\"}"),
            "saved plan plan.json:1:1: missing field \"format_version\"; make a new saved plan with `offsetctl plan "
            "--out FILE`");
}

TEST(ParseSavedPlan, EveryTruncationAndEveryChangedByteIsRefused) {
  SavedPlan plan;
  plan.result = test::large_result(1, 2, 2);
  plan.files = {{"p.yaml", std::string(64, 'c')}};
  const std::string json = saved_plan_to_json(plan);
  ASSERT_TRUE(parse_saved_plan(json, "p.json").ok());
  for (size_t n = 0; n + 1 < json.size(); ++n) {  // the last byte is the newline
    auto r = parse_saved_plan(std::string_view(json).substr(0, n), "p.json");
    ASSERT_FALSE(r.ok()) << "a saved plan cut after " << n << " bytes was accepted";
  }
  for (size_t i = 0; i < json.size(); ++i) {
    std::string edited = json;
    edited[i] = edited[i] == '7' ? '8' : '7';
    if (i + 1 == json.size()) continue;  // the final newline is whitespace
    auto r = parse_saved_plan(edited, "p.json");
    ASSERT_FALSE(r.ok()) << "byte " << i << " changed to '" << edited[i] << "' was accepted";
  }
}

TEST(ParseSavedPlan, SyntaxErrorsAnywhere) {
  const std::string json = sample_json();
  EXPECT_NE(error_of(json + "x").find(": unexpected text after the end of the JSON document;"), std::string::npos);
  EXPECT_NE(error_of(replaced(json, "\"tool_version\"", ",\"tool_version\"")).find("expected a field name"),
            std::string::npos);
}

}  // namespace
}  // namespace offsetctl::report
