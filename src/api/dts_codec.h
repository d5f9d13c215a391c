#pragma once
// The DTS actions' JSON: requests with the API's field names, strict parsing of
// the "Response" object (DTS answers carry their fields directly in Response).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/types.h"
#include "util/result.h"

namespace offsetctl::api {

// The API's maximum page size for DescribeConsumerGroups.
inline constexpr int64_t kMaxDescribeConsumerGroupsLimit = 10;

nlohmann::json to_json(const DescribeConsumerGroupsRequest&);
nlohmann::json to_json(const DescribeOffsetByTimeRequest&);
nlohmann::json to_json(const ResetConsumerGroupOffsetRequest&);

Result<DescribeConsumerGroupsResponse> parse_describe_consumer_groups(const nlohmann::json& response);
Result<std::vector<OffsetTimeMap>> parse_describe_offset_by_time(const nlohmann::json& response);

}  // namespace offsetctl::api
