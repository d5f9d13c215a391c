// The read-only CKafka actions.

#include <set>

#include "emulator/actions.h"
#include "emulator/ckafka_common.h"

namespace offsetctl::emulator {
namespace {

using nlohmann::json;

const Group* find_group(const Instance& in, const std::string& name) {
  auto it = in.groups.find(name);
  return it == in.groups.end() ? nullptr : &it->second;
}

// One topic of DescribeGroupOffsets, written straight as text: a page can hold 50 topics
// of thousands of partitions, and a JSON tree of them costs more than the rest of the call.
void append_topic_offsets(std::string& out, const Topic& topic, const Group* group, bool thin) {
  const std::map<int32_t, int64_t>* committed = nullptr;
  if (group) {
    auto it = group->offsets.find(topic.name);
    if (it != group->offsets.end()) committed = &it->second;
  }
  out += "{\"Topic\":" + json_string(topic.name) + ",\"Partitions\":[";
  bool first = true;
  for (const auto& [id, log] : topic.partitions) {
    int64_t offset = -1;
    if (committed) {
      auto c = committed->find(id);
      if (c != committed->end()) offset = c->second;
    }
    int64_t lag = offset < 0 ? 0 : std::max<int64_t>(0, log.end - offset);
    out += first ? "{" : ",{";
    first = false;
    out += "\"Partition\":" + std::to_string(id) + ",\"Offset\":" + std::to_string(offset);
    if (!thin) {
      out += ",\"Metadata\":\"\",\"ErrorCode\":0,\"LogEndOffset\":" + std::to_string(log.end) +
             ",\"Lag\":" + std::to_string(lag);
    }
    out += "}";
  }
  out += "]}";
}

}  // namespace

ActionResult describe_group_offsets(const json& params, ActionContext& ctx) {
  Params p(params, {"InstanceId", "Group", "Topics", "SearchWord", "Offset", "Limit"});
  std::string id = p.string("InstanceId", true);
  std::string group_name = p.string("Group", true);
  std::vector<std::string> wanted = p.string_list("Topics", false);
  std::string search = p.string("SearchWord", false);
  Page page = read_page(p, 50, 50);
  page_error(page, p);
  if (auto e = p.error()) return fail(*e);
  auto in = find_instance_or_error(ctx, id);
  if (!in) return fail(in.error());
  const Group* group = find_group(**in, group_name);

  // With a Topics filter: every requested topic that exists (unknown ones are left out; with
  // --uncommitted-topics omit, those the group has nothing committed on too); without: the
  // topics the group has committed offsets on. Sorted by name, so pages are stable.
  std::set<std::string> names;
  if (!wanted.empty()) {
    const bool omit = ctx.state.uncommitted_topics == UncommittedTopics::Omit;
    for (const auto& t : wanted) {
      const bool committed = group && group->offsets.count(t) && !group->offsets.at(t).empty();
      if ((*in)->topics.count(t) && (committed || !omit)) names.insert(t);
    }
  } else if (group) {
    for (const auto& [t, offs] : group->offsets) {
      if (!offs.empty()) names.insert(t);
    }
  }
  std::vector<const Topic*> matching;
  for (const auto& name : names) {
    if (fuzzy_match(name, search)) matching.push_back(&(*in)->topics.at(name));
  }
  auto [first, last] = page_range(page, matching.size());
  Answer answer;
  answer.raw = "\"Result\":{\"TotalCount\":" + std::to_string(matching.size()) + ",\"TopicList\":[";
  for (size_t i = first; i < last; ++i) {
    if (i > first) answer.raw += ",";
    append_topic_offsets(answer.raw, *matching[i], group, ctx.state.thin_answers);
  }
  answer.raw += "]}";
  return answer;
}

ActionResult describe_group_info(const json& params, ActionContext& ctx) {
  Params p(params, {"InstanceId", "GroupList"});
  std::string id = p.string("InstanceId", true);
  std::vector<std::string> names = p.string_list("GroupList", true);
  if (!p.error() && names.empty())
    p.fail(invalid_parameter_value("The parameter `GroupList` must not be empty."));
  if (!p.error() && names.size() > 100) {
    p.fail(invalid_parameter_value("The parameter `GroupList` names " + std::to_string(names.size()) +
                                   " groups; at most 100 are allowed per call."));
  }
  if (auto e = p.error()) return fail(*e);
  auto in = find_instance_or_error(ctx, id);
  if (!in) return fail(in.error());

  json result = json::array();
  for (const auto& name : names) {
    const Group* g = find_group(**in, name);
    std::string state = g ? g->state : "Dead";
    json members = json::array();
    if (g) {
      for (const Member& m : g->members) {
        json topics = json::array();
        for (const auto& [topic, parts] : m.partitions)
          topics.push_back({{"Topic", topic}, {"Partitions", parts}});
        members.push_back({{"MemberId", m.member_id},
                           {"ClientId", m.client_id},
                           {"ClientHost", m.client_host},
                           {"Assignment", {{"Version", 0}, {"Topics", std::move(topics)}}}});
      }
    }
    if (ctx.state.thin_answers) {
      json entry = {{"State", state}, {"Group", name}};
      if (!members.empty()) entry["Members"] = std::move(members);
      result.push_back(std::move(entry));
      continue;
    }
    result.push_back({{"ErrorCode", "0"},
                      {"State", state},
                      {"ProtocolType", state == "Dead" ? "" : "consumer"},
                      {"Protocol", members.empty() ? "" : "range"},
                      {"Members", std::move(members)},
                      {"Group", name}});
  }
  return json{{"Result", std::move(result)}};
}

ActionResult describe_consumer_group(const json& params, ActionContext& ctx) {
  Params p(params, {"InstanceId", "GroupName", "TopicName", "Limit", "Offset"});
  std::string id = p.string("InstanceId", true);
  auto group_name = p.opt_string("GroupName");
  auto topic_name = p.opt_string("TopicName");
  Page page = read_page(p, 50, 50);
  page_error(page, p);
  if (auto e = p.error()) return fail(*e);
  auto in = find_instance_or_error(ctx, id);
  if (!in) return fail(in.error());

  auto uses_topic = [](const Group& g, const std::string& t) {
    if (g.offsets.count(t)) return true;
    for (const Member& m : g.members) {
      if (m.partitions.count(t)) return true;
    }
    return false;
  };
  std::vector<const Group*> groups;
  for (const auto& [name, g] : (*in)->groups) {
    if (g.state == "Dead") continue;  // a Dead group does not exist for Kafka
    if (group_name && name != *group_name) continue;
    if (topic_name && !uses_topic(g, *topic_name)) continue;
    groups.push_back(&g);
  }
  auto [first, last] = page_range(page, groups.size());
  json group_list = json::array(), groups_for_monitor = json::array();
  std::set<std::string> topics;
  for (size_t i = first; i < last; ++i) {
    const Group& g = *groups[i];
    json subscribed = json::array();
    for (const auto& [topic, offs] : g.offsets) {
      json ids = json::array(), offsets = json::array();
      for (const auto& [part, off] : offs) {
        ids.push_back(part);
        offsets.push_back({{"Partition", std::to_string(part)}, {"Offset", off}});
      }
      subscribed.push_back({{"TopicName", topic},
                            {"Partition", std::move(ids)},
                            {"PartitionOffset", std::move(offsets)},
                            {"TopicId", topic_id((*in)->id, topic)}});
      topics.insert(topic);
    }
    group_list.push_back({{"ConsumerGroupName", g.name}, {"SubscribedInfo", std::move(subscribed)}});
    groups_for_monitor.push_back({{"GroupName", g.name}});
  }
  json topic_list = json::array(), partitions = json::array();
  std::set<int32_t> partition_ids;
  for (const auto& t : topics) {
    topic_list.push_back({{"TopicName", t}, {"TopicId", topic_id((*in)->id, t)}});
    for (const auto& [pid, log] : (*in)->topics.at(t).partitions) partition_ids.insert(pid);
  }
  for (int32_t pid : partition_ids) partitions.push_back({{"PartitionId", pid}});
  return json{{"Result",
               {{"TotalCount", groups.size()},
                {"TopicList", topic_list},
                {"GroupList", std::move(group_list)},
                {"TotalPartition", partition_ids.size()},
                {"PartitionListForMonitor", std::move(partitions)},
                {"TotalTopic", topics.size()},
                {"TopicListForMonitor", topic_list},
                {"GroupListForMonitor", std::move(groups_for_monitor)}}}};
}

// The groups of an instance, as Kafka lists them (a Dead group does not exist): by name,
// paged, filtered by a substring (SearchWord) and by state (Filters GroupState Empty/Stable).
ActionResult describe_group(const json& params, ActionContext& ctx) {
  Params p(params, {"InstanceId", "SearchWord", "Offset", "Limit", "Filters"});
  std::string id = p.string("InstanceId", true);
  std::string search = p.string("SearchWord", false);
  Page page = read_page(p, 20, 50);
  page_error(page, p);
  const json* filters = p.object_list("Filters", false);
  std::set<std::string> states;
  for (size_t i = 0; filters && i < filters->size() && !p.error(); ++i) {
    Params filter((*filters)[i], {"Name", "Values"}, "Filters." + std::to_string(i) + ".");
    std::string name = filter.string("Name", true);
    std::vector<std::string> values = filter.string_list("Values", true);
    if (auto e = filter.error()) {
      p.fail(*e);
      break;
    }
    if (name != "GroupState") {
      p.fail(invalid_parameter_value("The filter `" + name + "` is not supported; only GroupState is."));
    }
    for (const auto& v : values) {
      if (v != "Empty" && v != "Stable") {
        p.fail(invalid_parameter_value("GroupState filters take Empty or Stable, not `" + v + "`."));
      }
      states.insert(v);
    }
  }
  if (auto e = p.error()) return fail(*e);
  auto in = find_instance_or_error(ctx, id);
  if (!in) return fail(in.error());
  std::vector<const Group*> groups;
  for (const auto& [name, g] : (*in)->groups) {
    if (g.state == "Dead") continue;
    if (!fuzzy_match(name, search)) continue;
    if (!states.empty() && !states.count(g.state)) continue;
    groups.push_back(&g);
  }
  auto [first, last] = page_range(page, groups.size());
  json list = json::array();
  if (ctx.state.thin_answers) {
    for (size_t i = first; i < last; ++i) list.push_back({{"Group", groups[i]->name}});
    return json{{"Result", {{"TotalCount", groups.size()}, {"GroupList", std::move(list)}}}};
  }
  for (size_t i = first; i < last; ++i) list.push_back({{"Group", groups[i]->name}, {"Protocol", "consumer"}});
  return json{{"Result", {{"TotalCount", groups.size()}, {"GroupList", std::move(list)}, {"GroupCountQuota", 10000}}}};
}

ActionResult describe_topic_sync_replica(const json& params, ActionContext& ctx) {
  Params p(params, {"InstanceId", "TopicName", "Offset", "Limit", "OutOfSyncReplicaOnly"});
  std::string id = p.string("InstanceId", true);
  std::string topic_name = p.string("TopicName", true);
  Page page = read_page(p, 20, 100);
  bool out_of_sync_only = p.opt_bool("OutOfSyncReplicaOnly").value_or(false);
  page_error(page, p);
  if (auto e = p.error()) return fail(*e);
  auto in = find_instance_or_error(ctx, id);
  if (!in) return fail(in.error());
  auto topic = find_topic_or_error(**in, topic_name);
  if (!topic) return fail(topic.error());

  // Every replica is in sync here: three brokers, the leader rotating with the partition.
  std::vector<const PartitionLog*> logs;
  if (!out_of_sync_only) {
    for (const auto& [pid, log] : (*topic)->partitions) logs.push_back(&log);
  }
  auto [first, last] = page_range(page, logs.size());
  json list = json::array();
  for (size_t i = first; i < last; ++i) {
    const PartitionLog& log = *logs[i];
    if (ctx.state.thin_answers) {
      list.push_back({{"Partition", std::to_string(log.partition)}, {"BeginOffset", log.begin}, {"EndOffset", log.end}});
      continue;
    }
    int leader = log.partition % 3;
    std::string replicas = std::to_string(leader) + "," + std::to_string((leader + 1) % 3) + "," +
                           std::to_string((leader + 2) % 3);
    list.push_back({{"Partition", std::to_string(log.partition)},
                    {"Leader", leader},
                    {"Replica", replicas},
                    {"InSyncReplica", replicas},
                    {"BeginOffset", log.begin},
                    {"EndOffset", log.end},
                    {"MessageCount", log.end - log.begin},
                    {"OutOfSyncReplica", ""}});
  }
  return json{{"Result", {{"TotalCount", logs.size()}, {"TopicInSyncReplicaList", std::move(list)}}}};
}

ActionResult fetch_message_list_by_timestamp(const json& params, ActionContext& ctx) {
  Params p(params, {"InstanceId", "Topic", "Partition", "StartTime", "SinglePartitionRecordNumber"});
  std::string id = p.string("InstanceId", true);
  std::string topic_name = p.string("Topic", true);
  int64_t partition = p.integer("Partition", true);
  int64_t start = p.integer("StartTime", true);
  int64_t count = p.integer("SinglePartitionRecordNumber", false, 20);
  if (!p.error() && start < 0)
    p.fail(invalid_parameter_value("The parameter `StartTime` must be 0 or more (ms)."));
  if (!p.error() && (count < 1 || count > 20)) {
    p.fail(invalid_parameter_value("The parameter `SinglePartitionRecordNumber` must be between 1 and 20."));
  }
  if (auto e = p.error()) return fail(*e);
  auto in = find_instance_or_error(ctx, id);
  if (!in) return fail(in.error());
  auto topic = find_topic_or_error(**in, topic_name);
  if (!topic) return fail(topic.error());
  auto log = find_partition_or_error(**topic, partition);
  if (!log) return fail(log.error());

  json records = json::array();
  for (int64_t o = first_offset_at_or_after(**log, start); o < (*log)->end && count > 0; ++o, --count) {
    records.push_back({{"Topic", topic_name},
                       {"Partition", partition},
                       {"Offset", o},
                       {"Key", nullptr},  // the service answers without message contents
                       {"Value", nullptr},
                       {"Timestamp", timestamp_at(**log, o)},
                       {"Headers", nullptr}});
  }
  return json{{"Result", std::move(records)}};
}

}  // namespace offsetctl::emulator
