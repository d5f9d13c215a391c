#include "executor/apply_markdown.h"

#include <gtest/gtest.h>

namespace offsetctl::executor {
namespace {

PartitionOutcome outcome(const std::string& group, const std::string& topic, int32_t partition, PartitionStatus s) {
  PartitionOutcome p;
  p.instance = "ckafka-demo";
  p.group = group;
  p.topic = topic;
  p.partition = partition;
  p.before = 9200;
  p.target = 9100;
  p.after = s == PartitionStatus::Verified ? std::optional<int64_t>(9100) : std::optional<int64_t>(9200);
  p.status = s;
  return p;
}

TEST(ApplyMarkdown, GroupsThatFailedAreOpenAndTheOthersCollapsed) {
  ApplyResult r;
  r.run_id = "20261205T190000Z-ab12";
  r.partitions = {outcome("billing", "pay|ments", 0, PartitionStatus::Verified),
                  outcome("orders", "orders", 0, PartitionStatus::Verified),
                  outcome("orders", "orders", 1, PartitionStatus::Failed),
                  outcome("quiet", "orders", 0, PartitionStatus::Unchanged)};
  r.partitions[2].error_code = "FailedOperation";
  r.partitions[2].error_message = "the group is <active>";
  r.partitions[2].request_id = "req-1";
  const std::string md = render_apply_markdown(r);
  EXPECT_EQ(md.rfind("### offsetctl apply\n\n**Apply: 2 changed and verified, 1 failed, 1 unchanged.** Run "
                     "`20261205T190000Z-ab12`.\n\n> [!WARNING]\n",
                     0),
            0u)
      << md;
  EXPECT_NE(md.find("<details><summary>billing on ckafka-demo: 1 changed, 0 failed, 0 unchanged</summary>"),
            std::string::npos);
  EXPECT_NE(md.find("| pay\\|ments | 0 | 9200 | 9100 | 9100 | verified |  |"), std::string::npos) << md;
  EXPECT_NE(md.find("<details open><summary>orders on ckafka-demo: 1 changed, 1 failed, 0 unchanged</summary>"),
            std::string::npos);
  EXPECT_NE(md.find("| orders | 1 | 9200 | 9100 | 9200 | **failed** | FailedOperation: the group is &lt;active&gt; "
                    "(RequestId req-1) |"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("quiet"), std::string::npos);  // nothing to do there
}

TEST(ApplyMarkdown, ARefusalSaysNothingChangedAndWhy) {
  ApplyResult r;
  r.refusal = "the plan is stale: run offsetctl plan again";
  r.drift.push_back({"ckafka-demo", "orders", "orders", 1, "orders/orders[1]: committed offset is 1800, the plan saw 1720"});
  EXPECT_EQ(render_apply_markdown(r),
            "### offsetctl apply\n\n> [!CAUTION]\n> **Refused, nothing was changed:** the plan is stale: run offsetctl "
            "plan again\n> - orders/orders\\[1\\]: committed offset is 1800, the plan saw 1720\n\n");
}

}  // namespace
}  // namespace offsetctl::executor
