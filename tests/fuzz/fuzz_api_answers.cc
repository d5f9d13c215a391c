// Every answer parser of the API client, on arbitrary bytes. The first byte
// picks the action; the rest is the HTTP body, interpreted as the client does
// (api::interpret_answer, then the action's strict parser). The paged actions
// also go through the paging helpers, with the body split into pages at each
// 0xFF byte (never valid in JSON text): they must end, with every page or a
// BadAnswer, however the pages contradict each other.

#include <string>
#include <string_view>
#include <vector>

#include "api/caller.h"
#include "api/ckafka_codec.h"
#include "api/dts_codec.h"
#include "api/paging.h"
#include "fuzz_check.h"

namespace offsetctl::fuzz {
namespace {

using nlohmann::json;

constexpr const char* kUrl = "http://127.0.0.1:1/";

// The client's typed_call without the network: body -> Response -> typed answer.
template <class T, class Parse>
api::ApiResult<T> answer(const std::string& action, const std::string& body, Parse parse) {
  api::ApiResult<json> raw = api::interpret_answer(action, kUrl, 200, body);
  if (!raw) return fail(std::move(raw).error());
  Result<T> parsed = parse(raw->result);
  if (!parsed) {
    api::ApiFailure f;
    f.kind = api::ApiFailure::Kind::BadAnswer;
    f.action = action;
    f.code = "BadAnswer";
    f.message = parsed.error().message;
    f.request_id = raw->request_id;
    return fail(std::move(f));
  }
  return api::Answer<T>{std::move(*parsed), std::move(raw->request_id)};
}

template <class T>
void check(const api::ApiResult<T>& r) {
  if (r) {
    FUZZ_CHECK(!r->request_id.empty(), "an answer accepted without a RequestId");
    return;
  }
  const api::ApiFailure& f = r.error();
  FUZZ_CHECK(!f.describe().empty() && !f.code.empty(), "a failure without a code: " + f.describe());
}

// Pages served in order; past the last one, the last one again (a server stuck on a page).
class Pages {
 public:
  explicit Pages(std::string_view body) {
    size_t start = 0;
    for (size_t i = 0; i <= body.size(); ++i) {
      if (i == body.size() || static_cast<unsigned char>(body[i]) == 0xFF) {
        pages_.emplace_back(body.substr(start, i - start));
        start = i + 1;
      }
    }
  }
  const std::string& next() {
    // Paging that never ends is the bug this catches (a fixed TotalCount bounds the pages).
    FUZZ_CHECK(++calls_ < 100000, "paging did not stop after 100000 calls");
    return pages_[std::min(calls_ - 1, pages_.size() - 1)];
  }

 private:
  std::vector<std::string> pages_;
  size_t calls_ = 0;
};

api::ApiFailure not_fuzzed(const char* action) {
  api::ApiFailure f;
  f.kind = api::ApiFailure::Kind::Config;
  f.action = action;
  f.code = "NotFuzzed";
  return f;
}

class PagedCkafka final : public api::CkafkaApi {
 public:
  explicit PagedCkafka(Pages& pages) : pages_(pages) {}
  api::ApiResult<api::GroupOffsetResponse> describe_group_offsets(const api::DescribeGroupOffsetsRequest&) override {
    return answer<api::GroupOffsetResponse>("DescribeGroupOffsets", pages_.next(), api::parse_describe_group_offsets);
  }
  api::ApiResult<api::TopicInSyncReplicaResult> describe_topic_sync_replica(
      const api::DescribeTopicSyncReplicaRequest&) override {
    return answer<api::TopicInSyncReplicaResult>("DescribeTopicSyncReplica", pages_.next(),
                                                 api::parse_describe_topic_sync_replica);
  }
  api::ApiResult<std::vector<api::GroupInfoResponse>> describe_group_info(const api::DescribeGroupInfoRequest&) override {
    return fail(not_fuzzed("DescribeGroupInfo"));
  }
  api::ApiResult<api::ConsumerGroupResponse> describe_consumer_group(const api::DescribeConsumerGroupRequest&) override {
    return fail(not_fuzzed("DescribeConsumerGroup"));
  }
  api::ApiResult<api::GroupResponse> describe_group(const api::DescribeGroupRequest&) override {
    return fail(not_fuzzed("DescribeGroup"));
  }
  api::ApiResult<std::vector<api::ConsumerRecord>> fetch_message_list_by_timestamp(
      const api::FetchMessageListByTimestampRequest&) override {
    return fail(not_fuzzed("FetchMessageListByTimestamp"));
  }
  api::ApiResult<api::JgwOperateResponse> batch_modify_group_offsets(const api::BatchModifyGroupOffsetsRequest&) override {
    return fail(not_fuzzed("BatchModifyGroupOffsets"));
  }
  api::ApiResult<api::JgwOperateResponse> modify_group_offsets(const api::ModifyGroupOffsetsRequest&) override {
    return fail(not_fuzzed("ModifyGroupOffsets"));
  }

 private:
  Pages& pages_;
};

class PagedDts final : public api::DtsApi {
 public:
  explicit PagedDts(Pages& pages) : pages_(pages) {}
  api::ApiResult<api::DescribeConsumerGroupsResponse> describe_consumer_groups(
      const api::DescribeConsumerGroupsRequest&) override {
    return answer<api::DescribeConsumerGroupsResponse>("DescribeConsumerGroups", pages_.next(),
                                                       api::parse_describe_consumer_groups);
  }
  api::ApiResult<std::vector<api::OffsetTimeMap>> describe_offset_by_time(const api::DescribeOffsetByTimeRequest&) override {
    return fail(not_fuzzed("DescribeOffsetByTime"));
  }
  api::ApiResult<Ok> reset_consumer_group_offset(const api::ResetConsumerGroupOffsetRequest&) override {
    return fail(not_fuzzed("ResetConsumerGroupOffset"));
  }

 private:
  Pages& pages_;
};

// A complete read from Offset 0 holds exactly TotalCount items.
template <class T, class Items>
void check_all_pages(const api::ApiResult<T>& r, Items items) {
  check(r);
  if (r) FUZZ_CHECK(static_cast<int64_t>(items(r->result)) == r->result.TotalCount,
                    "every page read, but the items do not add up to TotalCount");
}

}  // namespace

int fuzz_api_answers(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t selector = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string body(rest);
  switch (selector % 13) {
    case 0: check(answer<api::GroupOffsetResponse>("DescribeGroupOffsets", body, api::parse_describe_group_offsets)); break;
    case 1: check(answer<std::vector<api::GroupInfoResponse>>("DescribeGroupInfo", body, api::parse_describe_group_info)); break;
    case 2: check(answer<api::ConsumerGroupResponse>("DescribeConsumerGroup", body, api::parse_describe_consumer_group)); break;
    case 3: check(answer<api::TopicInSyncReplicaResult>("DescribeTopicSyncReplica", body, api::parse_describe_topic_sync_replica)); break;
    case 4: check(answer<std::vector<api::ConsumerRecord>>("FetchMessageListByTimestamp", body, api::parse_fetch_message_list_by_timestamp)); break;
    case 5: check(answer<api::JgwOperateResponse>("BatchModifyGroupOffsets", body, api::parse_jgw_operate_response)); break;
    case 6: check(answer<api::JgwOperateResponse>("ModifyGroupOffsets", body, api::parse_jgw_operate_response)); break;
    case 7: check(answer<api::DescribeConsumerGroupsResponse>("DescribeConsumerGroups", body, api::parse_describe_consumer_groups)); break;
    case 8: check(answer<std::vector<api::OffsetTimeMap>>("DescribeOffsetByTime", body, api::parse_describe_offset_by_time)); break;
    case 9: check(api::interpret_answer("ResetConsumerGroupOffset", kUrl, 200, body)); break;
    case 10: {
      Pages pages(rest);
      PagedCkafka api(pages);
      check_all_pages(api::describe_all_group_offsets(api, {}),
                      [](const api::GroupOffsetResponse& r) { return r.TopicList.size(); });
      break;
    }
    case 11: {
      Pages pages(rest);
      PagedCkafka api(pages);
      check_all_pages(api::describe_all_topic_sync_replica(api, {}),
                      [](const api::TopicInSyncReplicaResult& r) { return r.TopicInSyncReplicaList.size(); });
      break;
    }
    default: {
      Pages pages(rest);
      PagedDts api(pages);
      check_all_pages(api::describe_all_consumer_groups(api, {}),
                      [](const api::DescribeConsumerGroupsResponse& r) { return r.Items.size(); });
      break;
    }
  }
  return 0;
}

}  // namespace offsetctl::fuzz

OFFSETCTL_FUZZ_ENTRY(fuzz_api_answers)
