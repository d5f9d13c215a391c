#include "audit/schema.h"

#include <gtest/gtest.h>

#include "audit/test_support.h"

namespace offsetctl::audit {
namespace {

using namespace audit::test;

nlohmann::json chained(nlohmann::json record) { return nlohmann::json::parse(chain({std::move(record)})[0]); }

TEST(AuditSchema, AcceptsEveryRecordTypeTheBuildersMake) {
  AuditSchema schema;
  EXPECT_EQ(schema.check(chained(started(kRun1))), std::nullopt);
  EXPECT_EQ(schema.check(chained(intent(kRun1, 0, 1720, 1500))), std::nullopt);
  EXPECT_EQ(schema.check(chained(intent(kRun1, 0, std::nullopt, 1500))), std::nullopt);
  EXPECT_EQ(schema.check(chained(result(kRun1, 0, 1720, 1500))), std::nullopt);
  EXPECT_EQ(schema.check(chained(result(kRun1, 0, 1720, 1500, "InternalError"))), std::nullopt);
  EXPECT_EQ(schema.check(chained(finished(kRun1))), std::nullopt);
}

TEST(AuditSchema, AcceptsACiActorAndARepository) {
  AuditSchema schema;
  RunStartedInfo info = sample_run_info();
  info.actor = detect_actor({{"GITLAB_CI", "true"}, {"CI_JOB_ID", "7"}, {"USER", "ci"}});
  info.actor.uid = 1000;
  info.actor.host = "runner-1";
  info.repository = GitCheckout{"/srv/plans", std::nullopt};
  info.saved_plan = FileHash{"plan.json", std::string(64, 'f')};
  nlohmann::json r = run_started_fields(info);
  r["type"] = "run_started";
  r["run_id"] = kRun1;
  EXPECT_EQ(schema.check(chained(r)), std::nullopt);
}

TEST(AuditSchema, NamesAMissingField) {
  AuditSchema schema;
  auto r = chained(intent(kRun1, 0, 1720, 1500));
  r.erase("target");
  EXPECT_EQ(schema.check(r), "missing field 'target'");
  r = chained(started(kRun1));
  r["actor"].erase("ci");
  EXPECT_EQ(schema.check(r), "missing field 'actor.ci'");
}

TEST(AuditSchema, NamesAnUnknownField) {
  AuditSchema schema;
  auto r = chained(finished(kRun1));
  r["note"] = "x";
  EXPECT_EQ(schema.check(r), "unknown field 'note'");
}

TEST(AuditSchema, NamesAFieldOfTheWrongTypeOrFormat) {
  AuditSchema schema;
  auto r = chained(intent(kRun1, 0, 1720, 1500));
  r["partition"] = "0";
  EXPECT_EQ(schema.check(r), "field 'partition': wrong type");
  r = chained(intent(kRun1, 0, 1720, 1500));
  r["before"] = "1720";
  EXPECT_EQ(schema.check(r), "field 'before': wrong type");
  r = chained(intent(kRun1, 0, 1720, 1500));
  r["time"] = "2026-11-23 12:00:00";
  EXPECT_EQ(schema.check(r), "field 'time': not in the expected format");
  r = chained(intent(kRun1, 0, 1720, 1500));
  r["action"] = "SetGroupOffsets";
  EXPECT_EQ(schema.check(r), "field 'action': not one of the allowed values");
  r = chained(started(kRun1));
  r["plan_files"][0]["sha256"] = "xyz";
  EXPECT_EQ(schema.check(r), "field 'plan_files[0].sha256': not in the expected format");
}

TEST(AuditSchema, NamesAnUnknownType) {
  AuditSchema schema;
  auto r = chained(finished(kRun1));
  r["type"] = "run_paused";
  EXPECT_EQ(
      schema.check(r),
      "field 'type': unknown record type 'run_paused' (expected run_started, change_intent, change_result "
      "or run_finished)");
  r.erase("type");
  EXPECT_EQ(schema.check(r), "missing field 'type'");
  EXPECT_EQ(schema.check(nlohmann::json::array()), "not a JSON object");
}

}  // namespace
}  // namespace offsetctl::audit
