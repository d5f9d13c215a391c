#include "api/paging.h"

#include <set>

#include "api/ckafka_codec.h"
#include "api/dts_codec.h"
#include "util/plural.h"

namespace offsetctl::api {
namespace {

ApiFailure bad_paging(const char* action, const std::string& request_id, std::string message) {
  ApiFailure f;
  f.kind = ApiFailure::Kind::BadAnswer;
  f.action = action;
  f.code = "BadAnswer";
  f.message = "the pages do not add up: " + std::move(message);
  f.request_id = request_id;
  f.http_status = 200;
  return f;
}

// The shared loop: `fetch(offset)` returns one page; `items(page)` its item list; `key(item)`
// an identity to catch an item served twice (empty: not checked).
template <class Resp, class Fetch, class Items, class Key>
ApiResult<Resp> all_pages(const char* action, int64_t start, int64_t limit, Fetch fetch, Items items, Key key) {
  Answer<Resp> all;
  std::set<std::string> seen;
  int64_t offset = start;
  int64_t total = -1;
  for (;;) {
    ApiResult<Resp> page = fetch(offset);
    if (!page) return page;
    Resp& p = page->result;
    const std::string& rid = page->request_id;
    auto& list = items(p);
    const int64_t n = static_cast<int64_t>(list.size());
    if (total < 0) {
      total = p.TotalCount;
    } else if (p.TotalCount != total) {
      return fail(bad_paging(action, rid, "TotalCount was " + std::to_string(total) + " on the first page and " +
                                              std::to_string(p.TotalCount) + " at Offset " + std::to_string(offset) +
                                              " (did it change while being read? try again)"));
    }
    if (n > limit) {
      return fail(bad_paging(action, rid, "the page at Offset " + std::to_string(offset) + " has " +
                                              std::to_string(n) + " items, more than the Limit of " +
                                              std::to_string(limit)));
    }
    if (offset + n > total) {
      return fail(bad_paging(action, rid, "the page at Offset " + std::to_string(offset) + " has " +
                                              util::plural(n, "item", "items") + ", beyond TotalCount " +
                                              std::to_string(total)));
    }
    if (n == 0 && offset < total) {
      return fail(bad_paging(action, rid, "the page at Offset " + std::to_string(offset) +
                                              " came back empty although TotalCount is " + std::to_string(total)));
    }
    for (auto& item : list) {
      std::string k = key(item);
      if (!k.empty() && !seen.insert(k).second) {
        return fail(bad_paging(action, rid, "'" + k + "' came back on two pages"));
      }
      items(all.result).push_back(std::move(item));
    }
    all.request_id = rid;
    offset += n;
    if (offset >= total) break;
  }
  all.result.TotalCount = total;
  return all;
}

}  // namespace

ApiResult<GroupOffsetResponse> describe_all_group_offsets(CkafkaApi& api, DescribeGroupOffsetsRequest request) {
  request.Limit = kMaxDescribeGroupOffsetsLimit;
  const int64_t start = request.Offset;
  return all_pages<GroupOffsetResponse>(
      "DescribeGroupOffsets", start, request.Limit,
      [&](int64_t offset) {
        request.Offset = offset;
        return api.describe_group_offsets(request);
      },
      [](GroupOffsetResponse& r) -> std::vector<GroupOffsetTopic>& { return r.TopicList; },
      [](const GroupOffsetTopic& t) { return "topic " + t.Topic; });
}

ApiResult<TopicInSyncReplicaResult> describe_all_topic_sync_replica(CkafkaApi& api,
                                                                    DescribeTopicSyncReplicaRequest request) {
  if (request.Limit < 1) request.Limit = 20;
  const int64_t start = request.Offset;
  return all_pages<TopicInSyncReplicaResult>(
      "DescribeTopicSyncReplica", start, request.Limit,
      [&](int64_t offset) {
        request.Offset = offset;
        return api.describe_topic_sync_replica(request);
      },
      [](TopicInSyncReplicaResult& r) -> std::vector<TopicInSyncReplicaInfo>& { return r.TopicInSyncReplicaList; },
      [](const TopicInSyncReplicaInfo& i) { return "partition " + i.Partition; });
}

ApiResult<GroupResponse> describe_all_groups(CkafkaApi& api, DescribeGroupRequest request) {
  request.Limit = kDescribeGroupLimit;
  const int64_t start = request.Offset;
  return all_pages<GroupResponse>(
      "DescribeGroup", start, request.Limit,
      [&](int64_t offset) {
        request.Offset = offset;
        return api.describe_group(request);
      },
      [](GroupResponse& r) -> std::vector<DescribeGroup>& { return r.GroupList; },
      [](const DescribeGroup& g) { return "group " + g.Group; });
}

ApiResult<DescribeConsumerGroupsResponse> describe_all_consumer_groups(DtsApi& api,
                                                                       DescribeConsumerGroupsRequest request) {
  request.Limit = kMaxDescribeConsumerGroupsLimit;
  const int64_t start = request.Offset;
  return all_pages<DescribeConsumerGroupsResponse>(
      "DescribeConsumerGroups", start, request.Limit,
      [&](int64_t offset) {
        request.Offset = offset;
        return api.describe_consumer_groups(request);
      },
      [](DescribeConsumerGroupsResponse& r) -> std::vector<DtsGroupInfo>& { return r.Items; },
      [](const DtsGroupInfo& g) { return "group " + g.ConsumerGroupName; });
}

}  // namespace offsetctl::api
