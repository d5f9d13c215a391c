#include "executor/dry_run_dts.h"

#include <gtest/gtest.h>

#include "api/paging.h"
#include "executor/dry_run.h"
#include "planner/dts_test_support.h"

namespace offsetctl::executor {
namespace {

class DryRunDts : public planner::testing::DtsEmulated {
 protected:
  // grp-1's committed offsets as the client reads them.
  std::map<int64_t, int64_t> read(api::DtsApi& api) {
    api::DescribeConsumerGroupsRequest req;
    req.SubscribeId = "subs-635ns8r71g";
    auto groups = api::describe_all_consumer_groups(api, req);
    EXPECT_TRUE(groups.ok()) << (groups.ok() ? "" : groups.error().message);
    std::map<int64_t, int64_t> out;
    if (!groups.ok()) return out;
    for (const auto& g : groups->result.Items) {
      if (g.ConsumerGroupName != planner::dts_full_group_name("subs-635ns8r71g", "grp-1")) continue;
      for (const auto& s : g.StateOfPartition) out[s.PartitionNo] = s.ConsumerGroupOffset;
    }
    return out;
  }
  api::ResetConsumerGroupOffsetRequest reset(const std::string& mode) {
    api::ResetConsumerGroupOffsetRequest req;
    req.SubscribeId = "subs-635ns8r71g";
    req.TopicName = "account-subs-635ns8r71g-1";
    req.ConsumerGroupName = "grp-1";
    req.PartitionNos = {0, 1};
    req.ResetMode = mode;
    return req;
  }
};

TEST_F(DryRunDts, AResetIsKeptBackAndShownInLaterReads) {
  start();
  auto real = dts();
  ASSERT_TRUE(real);
  const auto before = read(*real);
  ASSERT_EQ(before.size(), 4u);
  DryRunDtsApi dry(real);
  auto answer = dry.reset_consumer_group_offset(reset("earliest"));
  ASSERT_TRUE(answer.ok());
  EXPECT_EQ(answer->request_id, kDryRunRequestId);
  EXPECT_EQ(dry.writes(), 1u);

  // earliest: what DescribeOffsetByTime gives for the epoch, on the reset partitions only.
  api::DescribeOffsetByTimeRequest probe;
  probe.SubscribeId = "subs-635ns8r71g";
  probe.Time = planner::dts_datetime(planner::kDtsEarliestProbeMs);
  auto first = real->describe_offset_by_time(probe);
  ASSERT_TRUE(first.ok());
  std::map<int64_t, int64_t> earliest;
  for (const auto& item : first->result) earliest[item.PartitionNo] = item.Offset;
  auto shown = read(dry);
  EXPECT_EQ(shown.at(0), earliest.at(0));
  EXPECT_EQ(shown.at(1), earliest.at(1));
  EXPECT_EQ(shown.at(2), before.at(2));
  EXPECT_EQ(shown.at(3), before.at(3));
  EXPECT_EQ(read(*real), before);  // nothing was sent
}

TEST_F(DryRunDts, LatestIsTheLogEnd) {
  start();
  auto real = dts();
  ASSERT_TRUE(real);
  DryRunDtsApi dry(real);
  ASSERT_TRUE(dry.reset_consumer_group_offset(reset("latest")).ok());
  api::DescribeConsumerGroupsRequest req;
  req.SubscribeId = "subs-635ns8r71g";
  auto groups = api::describe_all_consumer_groups(dry, req);
  ASSERT_TRUE(groups.ok());
  bool seen = false;
  for (const auto& g : groups->result.Items) {
    if (g.ConsumerGroupName != planner::dts_full_group_name("subs-635ns8r71g", "grp-1")) continue;
    for (const auto& s : g.StateOfPartition) {
      if (s.PartitionNo > 1) continue;
      seen = true;
      EXPECT_EQ(s.ConsumerGroupLag, 0) << s.PartitionNo;
    }
  }
  EXPECT_TRUE(seen);
}

}  // namespace
}  // namespace offsetctl::executor
