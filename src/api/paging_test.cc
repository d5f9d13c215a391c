#include "api/paging.h"

#include <gtest/gtest.h>

#include <functional>

namespace offsetctl::api {
namespace {

// Answers DescribeGroupOffsets and DescribeTopicSyncReplica from functions, counting calls.
class FakeCkafka final : public CkafkaApi {
 public:
  std::function<GroupOffsetResponse(const DescribeGroupOffsetsRequest&)> offsets;
  std::function<TopicInSyncReplicaResult(const DescribeTopicSyncReplicaRequest&)> replicas;
  std::function<GroupResponse(const DescribeGroupRequest&)> groups;
  std::vector<int64_t> offsets_asked, limits_asked;

  ApiResult<GroupOffsetResponse> describe_group_offsets(const DescribeGroupOffsetsRequest& r) override {
    offsets_asked.push_back(r.Offset);
    limits_asked.push_back(r.Limit);
    return Answer<GroupOffsetResponse>{offsets(r), "rid-" + std::to_string(r.Offset)};
  }
  ApiResult<TopicInSyncReplicaResult> describe_topic_sync_replica(const DescribeTopicSyncReplicaRequest& r) override {
    offsets_asked.push_back(r.Offset);
    return Answer<TopicInSyncReplicaResult>{replicas(r), "rid-" + std::to_string(r.Offset)};
  }
  ApiResult<std::vector<GroupInfoResponse>> describe_group_info(const DescribeGroupInfoRequest&) override {
    return unused<std::vector<GroupInfoResponse>>();
  }
  ApiResult<ConsumerGroupResponse> describe_consumer_group(const DescribeConsumerGroupRequest&) override {
    return unused<ConsumerGroupResponse>();
  }
  ApiResult<GroupResponse> describe_group(const DescribeGroupRequest& r) override {
    offsets_asked.push_back(r.Offset);
    return Answer<GroupResponse>{groups(r), "rid-" + std::to_string(r.Offset)};
  }
  ApiResult<std::vector<ConsumerRecord>> fetch_message_list_by_timestamp(
      const FetchMessageListByTimestampRequest&) override {
    return unused<std::vector<ConsumerRecord>>();
  }
  ApiResult<JgwOperateResponse> batch_modify_group_offsets(const BatchModifyGroupOffsetsRequest&) override {
    return unused<JgwOperateResponse>();
  }
  ApiResult<JgwOperateResponse> modify_group_offsets(const ModifyGroupOffsetsRequest&) override {
    return unused<JgwOperateResponse>();
  }

 private:
  template <class T>
  ApiResult<T> unused() {
    ADD_FAILURE() << "not expected";
    return fail(ApiFailure{});
  }
};

// `n` topics t0..t(n-1), served honestly `limit` at a time.
GroupOffsetResponse honest_page(int64_t n, const DescribeGroupOffsetsRequest& r) {
  GroupOffsetResponse page;
  page.TotalCount = n;
  for (int64_t i = r.Offset; i < std::min(n, r.Offset + r.Limit); ++i) {
    page.TopicList.push_back({"t" + std::to_string(i), {GroupOffsetPartition{0, i, "", 0, 100, 100 - i}}});
  }
  return page;
}

TEST(Paging, ReadsEveryPageOfGroupOffsetsFiftyTopicsAtATime) {
  FakeCkafka api;
  api.offsets = [](const DescribeGroupOffsetsRequest& r) { return honest_page(120, r); };
  auto all = describe_all_group_offsets(api, {"ckafka-1", "g", {}, std::nullopt, 0, 10});
  ASSERT_TRUE(all.ok()) << all.error().describe();
  EXPECT_EQ(all->result.TotalCount, 120);
  ASSERT_EQ(all->result.TopicList.size(), 120u);
  EXPECT_EQ(all->result.TopicList[119].Topic, "t119");
  EXPECT_EQ(api.offsets_asked, (std::vector<int64_t>{0, 50, 100}));
  EXPECT_EQ(api.limits_asked, (std::vector<int64_t>{50, 50, 50}));
  EXPECT_EQ(all->request_id, "rid-100");
}

TEST(Paging, OnePageWhenEverythingFits) {
  FakeCkafka api;
  api.offsets = [](const DescribeGroupOffsetsRequest& r) { return honest_page(50, r); };
  auto all = describe_all_group_offsets(api, {"ckafka-1", "g", {}, std::nullopt, 0, 50});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(api.offsets_asked.size(), 1u);
  api.offsets_asked.clear();
  api.offsets = [](const DescribeGroupOffsetsRequest& r) { return honest_page(0, r); };
  all = describe_all_group_offsets(api, {"ckafka-1", "g", {}, std::nullopt, 0, 50});
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->result.TopicList.empty());
  EXPECT_EQ(api.offsets_asked.size(), 1u);
}

TEST(Paging, AShortPageIsFollowedFromWhereItEnded) {
  FakeCkafka api;
  api.offsets = [](const DescribeGroupOffsetsRequest& r) {
    DescribeGroupOffsetsRequest shorter = r;
    shorter.Limit = 30;  // a server that serves fewer than asked
    return honest_page(70, shorter);
  };
  auto all = describe_all_group_offsets(api, {"ckafka-1", "g", {}, std::nullopt, 0, 50});
  ASSERT_TRUE(all.ok()) << all.error().describe();
  EXPECT_EQ(all->result.TopicList.size(), 70u);
  EXPECT_EQ(api.offsets_asked, (std::vector<int64_t>{0, 30, 60}));
}

TEST(Paging, APageThatComesBackEmptyTooEarlyIsABadAnswer) {
  FakeCkafka api;
  api.offsets = [](const DescribeGroupOffsetsRequest& r) {
    GroupOffsetResponse p = honest_page(120, r);
    if (r.Offset >= 50) p.TopicList.clear();  // claims 120, serves 50
    return p;
  };
  auto all = describe_all_group_offsets(api, {"ckafka-1", "g", {}, std::nullopt, 0, 50});
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().kind, ApiFailure::Kind::BadAnswer);
  EXPECT_EQ(all.error().describe(),
            "DescribeGroupOffsets failed: BadAnswer: the pages do not add up: the page at Offset 50 came back empty "
            "although TotalCount is 120 (RequestId rid-50)");
  EXPECT_EQ(api.offsets_asked.size(), 2u);
}

TEST(Paging, ATotalCountThatLiesIsABadAnswerNeverAnEndlessLoop) {
  FakeCkafka api;
  int64_t grows = 60;
  api.offsets = [&](const DescribeGroupOffsetsRequest& r) {
    GroupOffsetResponse p = honest_page(grows, r);
    grows += 50;  // every page promises more
    return p;
  };
  auto all = describe_all_group_offsets(api, {"ckafka-1", "g", {}, std::nullopt, 0, 50});
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().message,
            "the pages do not add up: TotalCount was 60 on the first page and 110 at Offset 50 (did it change while "
            "being read? try again)");
}

TEST(Paging, MoreItemsThanPromisedOrThanTheLimitAreBadAnswers) {
  FakeCkafka api;
  api.offsets = [](const DescribeGroupOffsetsRequest& r) {
    GroupOffsetResponse p = honest_page(100, r);
    p.TotalCount = 30;
    return p;
  };
  auto all = describe_all_group_offsets(api, {"ckafka-1", "g", {}, std::nullopt, 0, 50});
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().message, "the pages do not add up: the page at Offset 0 has 50 items, beyond TotalCount 30");

  api.offsets = [](const DescribeGroupOffsetsRequest& r) {
    DescribeGroupOffsetsRequest more = r;
    more.Limit = 80;
    return honest_page(100, more);
  };
  all = describe_all_group_offsets(api, {"ckafka-1", "g", {}, std::nullopt, 0, 50});
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().message, "the pages do not add up: the page at Offset 0 has 80 items, more than the Limit of 50");
}

TEST(Paging, ATopicServedTwiceIsABadAnswer) {
  FakeCkafka api;
  api.offsets = [](const DescribeGroupOffsetsRequest& r) {
    DescribeGroupOffsetsRequest again = r;
    again.Offset = 0;  // ignores the Offset: the first page each time
    GroupOffsetResponse p = honest_page(100, again);
    return p;
  };
  auto all = describe_all_group_offsets(api, {"ckafka-1", "g", {}, std::nullopt, 0, 50});
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().message, "the pages do not add up: 'topic t0' came back on two pages");
}

TEST(Paging, AFailedPageEndsTheReadWithItsFailure) {
  class Failing final : public CkafkaApi {
   public:
    ApiResult<GroupOffsetResponse> describe_group_offsets(const DescribeGroupOffsetsRequest& r) override {
      if (r.Offset == 0) return Answer<GroupOffsetResponse>{honest_page(80, r), "rid"};
      ApiFailure f;
      f.kind = ApiFailure::Kind::Api;
      f.action = "DescribeGroupOffsets";
      f.code = "InvalidParameterValue.InstanceNotExist";
      f.message = "gone";
      return fail(f);
    }
    ApiResult<std::vector<GroupInfoResponse>> describe_group_info(const DescribeGroupInfoRequest&) override {
      return fail(ApiFailure{});
    }
    ApiResult<ConsumerGroupResponse> describe_consumer_group(const DescribeConsumerGroupRequest&) override {
      return fail(ApiFailure{});
    }
    ApiResult<GroupResponse> describe_group(const DescribeGroupRequest&) override {
      return fail(ApiFailure{});
    }
    ApiResult<TopicInSyncReplicaResult> describe_topic_sync_replica(const DescribeTopicSyncReplicaRequest&) override {
      return fail(ApiFailure{});
    }
    ApiResult<std::vector<ConsumerRecord>> fetch_message_list_by_timestamp(
        const FetchMessageListByTimestampRequest&) override {
      return fail(ApiFailure{});
    }
    ApiResult<JgwOperateResponse> batch_modify_group_offsets(const BatchModifyGroupOffsetsRequest&) override {
      return fail(ApiFailure{});
    }
    ApiResult<JgwOperateResponse> modify_group_offsets(const ModifyGroupOffsetsRequest&) override {
      return fail(ApiFailure{});
    }
  } api;
  auto all = describe_all_group_offsets(api, {"ckafka-1", "g", {}, std::nullopt, 0, 50});
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().code, "InvalidParameterValue.InstanceNotExist");
}

TEST(Paging, TopicSyncReplicaPagesByItsLimit) {
  FakeCkafka api;
  api.replicas = [](const DescribeTopicSyncReplicaRequest& r) {
    TopicInSyncReplicaResult page;
    page.TotalCount = 45;
    for (int64_t i = r.Offset; i < std::min<int64_t>(45, r.Offset + r.Limit); ++i) {
      TopicInSyncReplicaInfo info;
      info.Partition = std::to_string(i);
      info.BeginOffset = 0;
      info.EndOffset = 10;
      page.TopicInSyncReplicaList.push_back(info);
    }
    return page;
  };
  auto all = describe_all_topic_sync_replica(api, {"ckafka-1", "t", 0, 20, std::nullopt});
  ASSERT_TRUE(all.ok()) << all.error().describe();
  EXPECT_EQ(all->result.TopicInSyncReplicaList.size(), 45u);
  EXPECT_EQ(api.offsets_asked, (std::vector<int64_t>{0, 20, 40}));
}

class FakeDts final : public DtsApi {
 public:
  int64_t groups = 23;
  std::vector<int64_t> offsets_asked;
  ApiResult<DescribeConsumerGroupsResponse> describe_consumer_groups(const DescribeConsumerGroupsRequest& r) override {
    offsets_asked.push_back(r.Offset);
    DescribeConsumerGroupsResponse page;
    page.TotalCount = groups;
    for (int64_t i = r.Offset; i < std::min(groups, r.Offset + r.Limit); ++i) {
      DtsGroupInfo g;
      g.ConsumerGroupName = "consumer-grp-subs-1-g" + std::to_string(i);
      g.ConsumerGroupState = "Empty";
      page.Items.push_back(g);
    }
    return Answer<DescribeConsumerGroupsResponse>{page, "rid"};
  }
  ApiResult<std::vector<OffsetTimeMap>> describe_offset_by_time(const DescribeOffsetByTimeRequest&) override {
    return fail(ApiFailure{});
  }
  ApiResult<Ok> reset_consumer_group_offset(const ResetConsumerGroupOffsetRequest&) override {
    return fail(ApiFailure{});
  }
};

TEST(Paging, AnInstancesGroupsTwentyAtATime) {
  FakeCkafka api;
  api.groups = [](const DescribeGroupRequest& r) {
    EXPECT_EQ(r.Limit, 20);
    GroupResponse page;
    page.TotalCount = 45;
    page.GroupCountQuota = 1000;
    for (int64_t i = r.Offset; i < std::min<int64_t>(45, r.Offset + r.Limit); ++i) {
      page.GroupList.push_back({"group-" + std::to_string(i), "consumer"});
    }
    return page;
  };
  auto all = describe_all_groups(api, {"ckafka-1", std::nullopt, 0, 100});
  ASSERT_TRUE(all.ok()) << all.error().describe();
  EXPECT_EQ(api.offsets_asked, (std::vector<int64_t>{0, 20, 40}));
  ASSERT_EQ(all->result.GroupList.size(), 45u);
  EXPECT_EQ(all->result.GroupList[44].Group, "group-44");
}

TEST(Paging, DtsConsumerGroupsTenAtATime) {
  FakeDts api;
  auto all = describe_all_consumer_groups(api, {"subs-1", 0, 3});
  ASSERT_TRUE(all.ok()) << all.error().describe();
  EXPECT_EQ(all->result.Items.size(), 23u);
  EXPECT_EQ(all->result.TotalCount, 23);
  EXPECT_EQ(api.offsets_asked, (std::vector<int64_t>{0, 10, 20}));
}

}  // namespace
}  // namespace offsetctl::api
