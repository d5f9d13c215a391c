#include "api/dts_codec.h"

#include "util/json_object.h"

namespace offsetctl::api {

using nlohmann::json;
using util::JsonErrors;
using util::ObjReader;

json to_json(const DescribeConsumerGroupsRequest& r) {
  return {{"SubscribeId", r.SubscribeId}, {"Offset", r.Offset}, {"Limit", r.Limit}};
}

json to_json(const DescribeOffsetByTimeRequest& r) { return {{"SubscribeId", r.SubscribeId}, {"Time", r.Time}}; }

json to_json(const ResetConsumerGroupOffsetRequest& r) {
  json j = {{"SubscribeId", r.SubscribeId},
            {"TopicName", r.TopicName},
            {"ConsumerGroupName", r.ConsumerGroupName},
            {"PartitionNos", r.PartitionNos},
            {"ResetMode", r.ResetMode}};
  if (r.ResetDatetime) j["ResetDatetime"] = *r.ResetDatetime;
  return j;
}

Result<DescribeConsumerGroupsResponse> parse_describe_consumer_groups(const json& response) {
  JsonErrors errors;
  DescribeConsumerGroupsResponse out;
  ObjReader resp(response, "Response", errors);
  out.TotalCount = resp.req_int("TotalCount", 0);
  resp.req_array("Items", [&](const json& g, const std::string& path) {
    ObjReader group(g, path, errors);
    DtsGroupInfo info;
    info.ConsumerGroupName = group.req_str("ConsumerGroupName");
    info.Description = group.opt_str("Description");
    info.ConsumerGroupState = group.req_str("ConsumerGroupState");
    group.opt_array("StateOfPartition", [&](const json& p, const std::string& ppath) {
      ObjReader part(p, ppath, errors);
      PartitionOffsetState s;
      s.PartitionNo = part.req_int("PartitionNo", 0);
      s.ConsumerGroupOffset = part.req_int("ConsumerGroupOffset", -1);
      s.ConsumerGroupLag = part.opt_int("ConsumerGroupLag").value_or(0);
      s.Latency = part.opt_int("Latency").value_or(0);
      info.StateOfPartition.push_back(s);
    });
    group.opt_array("PartitionAssignment", [&](const json& a, const std::string& apath) {
      ObjReader assign(a, apath, errors);
      PartitionAssignment pa;
      pa.ClientId = assign.opt_str("ClientId");
      assign.opt_array("PartitionNo", [&](const json& n, const std::string& npath) {
        pa.PartitionNo.push_back(assign.int_at(n, npath, 0));
      });
      info.PartitionAssignment.push_back(std::move(pa));
    });
    out.Items.push_back(std::move(info));
  });
  if (!errors.ok()) return fail(errors.message());
  return out;
}

Result<std::vector<OffsetTimeMap>> parse_describe_offset_by_time(const json& response) {
  JsonErrors errors;
  std::vector<OffsetTimeMap> out;
  ObjReader resp(response, "Response", errors);
  resp.req_array("Items", [&](const json& i, const std::string& path) {
    ObjReader item(i, path, errors);
    OffsetTimeMap m;
    m.PartitionNo = item.req_int("PartitionNo", 0);
    m.Offset = item.req_int("Offset", 0);
    out.push_back(m);
  });
  if (!errors.ok()) return fail(errors.message());
  return out;
}

}  // namespace offsetctl::api
