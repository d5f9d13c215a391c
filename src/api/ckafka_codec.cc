#include "api/ckafka_codec.h"

#include "util/json_object.h"

namespace offsetctl::api {
namespace {

using nlohmann::json;
using util::JsonErrors;
using util::ObjReader;

template <class T>
Result<T> done(T value, const JsonErrors& errors) {
  if (!errors.ok()) return fail(errors.message());
  return value;
}

json string_array(const std::vector<std::string>& v) { return json(v); }

}  // namespace

json to_json(const DescribeGroupOffsetsRequest& r) {
  json j = {{"InstanceId", r.InstanceId}, {"Group", r.Group}, {"Offset", r.Offset}, {"Limit", r.Limit}};
  if (!r.Topics.empty()) j["Topics"] = string_array(r.Topics);
  if (r.SearchWord) j["SearchWord"] = *r.SearchWord;
  return j;
}

json to_json(const DescribeGroupInfoRequest& r) {
  return {{"InstanceId", r.InstanceId}, {"GroupList", string_array(r.GroupList)}};
}

json to_json(const DescribeConsumerGroupRequest& r) {
  json j = {{"InstanceId", r.InstanceId}, {"Limit", r.Limit}, {"Offset", r.Offset}};
  if (r.GroupName) j["GroupName"] = *r.GroupName;
  if (r.TopicName) j["TopicName"] = *r.TopicName;
  return j;
}

json to_json(const DescribeTopicSyncReplicaRequest& r) {
  json j = {{"InstanceId", r.InstanceId}, {"TopicName", r.TopicName}, {"Offset", r.Offset}, {"Limit", r.Limit}};
  if (r.OutOfSyncReplicaOnly) j["OutOfSyncReplicaOnly"] = *r.OutOfSyncReplicaOnly;
  return j;
}

json to_json(const FetchMessageListByTimestampRequest& r) {
  return {{"InstanceId", r.InstanceId},
          {"Topic", r.Topic},
          {"Partition", r.Partition},
          {"StartTime", r.StartTime},
          {"SinglePartitionRecordNumber", r.SinglePartitionRecordNumber}};
}

json to_json(const BatchModifyGroupOffsetsRequest& r) {
  json parts = json::array();
  for (const auto& p : r.Partitions) parts.push_back({{"Partition", p.Partition}, {"Offset", p.Offset}});
  json j = {{"GroupName", r.GroupName}, {"InstanceId", r.InstanceId}, {"Partitions", std::move(parts)}};
  if (!r.TopicName.empty()) j["TopicName"] = string_array(r.TopicName);
  return j;
}

json to_json(const ModifyGroupOffsetsRequest& r) {
  json j = {{"InstanceId", r.InstanceId}, {"Group", r.Group}, {"Strategy", r.Strategy},
            {"Topics", string_array(r.Topics)}};
  if (r.Shift) j["Shift"] = *r.Shift;
  if (r.ShiftTimestamp) j["ShiftTimestamp"] = *r.ShiftTimestamp;
  if (r.Offset) j["Offset"] = *r.Offset;
  if (!r.Partitions.empty()) j["Partitions"] = r.Partitions;
  return j;
}

Result<GroupOffsetResponse> parse_describe_group_offsets(const json& response) {
  JsonErrors errors;
  GroupOffsetResponse out;
  ObjReader resp(response, "Response", errors);
  resp.req_obj("Result", [&](ObjReader& result) {
    out.TotalCount = result.req_int("TotalCount", 0);
    result.req_array("TopicList", [&](const json& t, const std::string& path) {
      ObjReader topic(t, path, errors);
      GroupOffsetTopic ot;
      ot.Topic = topic.req_str("Topic");
      topic.req_array("Partitions", [&](const json& p, const std::string& ppath) {
        ObjReader part(p, ppath, errors);
        GroupOffsetPartition op;
        op.Partition = part.req_int("Partition", 0);
        op.Offset = part.req_int("Offset", -1);  // -1: nothing committed
        op.Metadata = part.opt_str("Metadata");
        op.ErrorCode = part.opt_int("ErrorCode").value_or(0);
        op.LogEndOffset = part.req_int("LogEndOffset", 0);
        op.Lag = part.opt_int("Lag").value_or(0);
        ot.Partitions.push_back(std::move(op));
      });
      out.TopicList.push_back(std::move(ot));
    });
  });
  return done(std::move(out), errors);
}

Result<std::vector<GroupInfoResponse>> parse_describe_group_info(const json& response) {
  JsonErrors errors;
  std::vector<GroupInfoResponse> out;
  ObjReader resp(response, "Response", errors);
  resp.req_array("Result", [&](const json& g, const std::string& path) {
    ObjReader group(g, path, errors);
    GroupInfoResponse gi;
    gi.ErrorCode = group.opt_str("ErrorCode");
    gi.State = group.req_str("State");
    gi.ProtocolType = group.opt_str("ProtocolType");
    gi.Protocol = group.opt_str("Protocol");
    gi.Group = group.req_str("Group");
    group.opt_array("Members", [&](const json& m, const std::string& mpath) {
      ObjReader member(m, mpath, errors);
      GroupInfoMember gm;
      gm.MemberId = member.req_str("MemberId");
      gm.ClientId = member.opt_str("ClientId");
      gm.ClientHost = member.opt_str("ClientHost");
      member.opt_obj("Assignment", [&](ObjReader& a) {
        gm.Assignment.Version = a.opt_int("Version").value_or(0);
        a.opt_array("Topics", [&](const json& t, const std::string& tpath) {
          ObjReader topic(t, tpath, errors);
          GroupInfoTopic gt;
          gt.Topic = topic.req_str("Topic");
          topic.opt_array("Partitions", [&](const json& p, const std::string& ppath) {
            gt.Partitions.push_back(topic.int_at(p, ppath, 0));
          });
          gm.Assignment.Topics.push_back(std::move(gt));
        });
      });
      gi.Members.push_back(std::move(gm));
    });
    out.push_back(std::move(gi));
  });
  return done(std::move(out), errors);
}

Result<ConsumerGroupResponse> parse_describe_consumer_group(const json& response) {
  JsonErrors errors;
  ConsumerGroupResponse out;
  ObjReader resp(response, "Response", errors);
  resp.req_obj("Result", [&](ObjReader& result) {
    out.TotalCount = result.req_int("TotalCount", 0);
    result.opt_array("TopicList", [&](const json& t, const std::string& path) {
      ObjReader topic(t, path, errors);
      out.TopicList.push_back({topic.req_str("TopicName"), topic.opt_str("TopicId")});
    });
    result.req_array("GroupList", [&](const json& g, const std::string& path) {
      ObjReader group(g, path, errors);
      ConsumerGroup cg;
      cg.ConsumerGroupName = group.req_str("ConsumerGroupName");
      group.opt_array("SubscribedInfo", [&](const json& s, const std::string& spath) {
        ObjReader sub(s, spath, errors);
        SubscribedInfo info;
        info.TopicName = sub.req_str("TopicName");
        info.TopicId = sub.opt_str("TopicId");
        sub.opt_array("Partition", [&](const json& p, const std::string& ppath) {
          info.Partition.push_back(sub.int_at(p, ppath, 0));
        });
        sub.opt_array("PartitionOffset", [&](const json& o, const std::string& opath) {
          ObjReader po(o, opath, errors);
          info.PartitionOffset.push_back({po.req_digits("Partition"), po.req_str("Offset")});
        });
        cg.SubscribedInfo.push_back(std::move(info));
      });
      out.GroupList.push_back(std::move(cg));
    });
  });
  return done(std::move(out), errors);
}

Result<TopicInSyncReplicaResult> parse_describe_topic_sync_replica(const json& response) {
  JsonErrors errors;
  TopicInSyncReplicaResult out;
  ObjReader resp(response, "Response", errors);
  resp.req_obj("Result", [&](ObjReader& result) {
    out.TotalCount = result.req_int("TotalCount", 0);
    result.req_array("TopicInSyncReplicaList", [&](const json& r, const std::string& path) {
      ObjReader rep(r, path, errors);
      TopicInSyncReplicaInfo info;
      info.Partition = rep.req_digits("Partition");
      info.Leader = rep.opt_int("Leader").value_or(0);
      info.Replica = rep.opt_str("Replica");
      info.InSyncReplica = rep.opt_str("InSyncReplica");
      info.BeginOffset = rep.req_int("BeginOffset", 0);
      info.EndOffset = rep.req_int("EndOffset", 0);
      if (errors.ok() && info.EndOffset < info.BeginOffset) {
        errors.add(path + ".EndOffset is " + std::to_string(info.EndOffset) + ", below BeginOffset " +
                   std::to_string(info.BeginOffset));
      }
      info.MessageCount = rep.opt_int("MessageCount").value_or(0);
      info.OutOfSyncReplica = rep.opt_str("OutOfSyncReplica");
      out.TopicInSyncReplicaList.push_back(std::move(info));
    });
  });
  return done(std::move(out), errors);
}

Result<std::vector<ConsumerRecord>> parse_fetch_message_list_by_timestamp(const json& response) {
  JsonErrors errors;
  std::vector<ConsumerRecord> out;
  ObjReader resp(response, "Response", errors);
  resp.req_array("Result", [&](const json& r, const std::string& path) {
    ObjReader rec(r, path, errors);
    ConsumerRecord c;
    c.Topic = rec.req_str("Topic");
    c.Partition = rec.req_int("Partition", 0);
    c.Offset = rec.req_int("Offset", 0);
    c.Key = rec.opt_str("Key");
    c.Value = rec.opt_str("Value");
    c.Timestamp = rec.req_int("Timestamp", 0);
    out.push_back(std::move(c));
  });
  return done(std::move(out), errors);
}

Result<JgwOperateResponse> parse_jgw_operate_response(const json& response) {
  JsonErrors errors;
  JgwOperateResponse out;
  ObjReader resp(response, "Response", errors);
  resp.req_obj("Result", [&](ObjReader& result) {
    out.ReturnCode = result.req_str("ReturnCode");
    out.ReturnMessage = result.opt_str("ReturnMessage");
    result.opt_obj("Data", [&](ObjReader& data) { out.FlowId = data.opt_int("FlowId").value_or(0); });
  });
  return done(std::move(out), errors);
}

}  // namespace offsetctl::api
