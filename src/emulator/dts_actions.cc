// DTS 2021-12-06: the consumer groups of a data subscription.

#include <optional>

#include "emulator/actions.h"
#include "emulator/ckafka_common.h"
#include "emulator/dts_time.h"

namespace offsetctl::emulator {
namespace {

using nlohmann::json;

Result<Subscription*, ApiError> find_subscription_or_error(ActionContext& ctx, const std::string& id) {
  Subscription* sub = ctx.state.find_subscription(id, ctx.region);
  if (!sub) {
    return fail(ApiError{"ResourceNotFound",
                         "The subscription `" + id + "` does not exist in region " + ctx.region + "."});
  }
  return sub;
}

std::string full_group_name(const Subscription& sub, const std::string& name) {
  return "consumer-grp-" + sub.id + "-" + name;
}

// A group by its short name or its full name consumer-grp-<SubscribeId>-<name>.
DtsGroup* find_group(Subscription& sub, const std::string& name) {
  auto it = sub.groups.find(name);
  if (it != sub.groups.end()) return &it->second;
  std::string prefix = "consumer-grp-" + sub.id + "-";
  if (name.rfind(prefix, 0) == 0) {
    it = sub.groups.find(name.substr(prefix.size()));
    if (it != sub.groups.end()) return &it->second;
  }
  return nullptr;
}

json group_item(const Subscription& sub, const DtsGroup& g, int64_t now_ms) {
  json partitions = json::array();
  for (const auto& [pid, log] : sub.topic.partitions) {
    auto it = g.offsets.find(pid);
    int64_t offset = it == g.offsets.end() ? -1 : it->second;
    int64_t lag = offset < 0 ? 0 : std::max<int64_t>(0, log.end - offset);
    // Latency: how far behind the newest message the next one to consume is, in seconds.
    int64_t latency =
        lag > 0 ? std::max<int64_t>(0, (now_ms - timestamp_at(log, std::max(offset, log.begin))) / 1000) : 0;
    partitions.push_back({{"PartitionNo", pid},
                          {"ConsumerGroupOffset", offset},
                          {"ConsumerGroupLag", lag},
                          {"Latency", latency}});
  }
  json assignment = json::array();
  for (const DtsMember& m : g.members)
    assignment.push_back({{"ClientId", m.client_id}, {"PartitionNo", m.partitions}});
  return {{"ConsumerGroupName", full_group_name(sub, g.name)},
          {"Account", "account-" + sub.id + "-" + g.name},
          {"Description", g.description},
          {"ConsumerGroupState", g.state},
          {"StateOfPartition", std::move(partitions)},
          {"PartitionAssignment", std::move(assignment)}};
}

}  // namespace

ActionResult describe_consumer_groups(const json& params, ActionContext& ctx) {
  Params p(params, {"SubscribeId", "Offset", "Limit"});
  std::string id = p.string("SubscribeId", true);
  Page page = read_page(p, 10, 100);
  page_error(page, p);
  if (auto e = p.error()) return fail(*e);
  auto sub = find_subscription_or_error(ctx, id);
  if (!sub) return fail(sub.error());
  auto [first, last] = page_range(page, (*sub)->groups.size());
  json items = json::array();
  size_t i = 0;
  for (const auto& [name, g] : (*sub)->groups) {
    if (i >= first && i < last) items.push_back(group_item(**sub, g, ctx.now_ms));
    ++i;
  }
  return json{{"TotalCount", (*sub)->groups.size()}, {"Items", std::move(items)}};
}

ActionResult describe_offset_by_time(const json& params, ActionContext& ctx) {
  Params p(params, {"SubscribeId", "Time"});
  std::string id = p.string("SubscribeId", true);
  std::string time = p.string("Time", true);
  std::optional<int64_t> at;
  if (!p.error()) {
    at = parse_dts_datetime(time);
    if (!at) {
      p.fail(invalid_parameter_value("The parameter `Time` must be `Y-m-d h:m:s` (Beijing time), RFC 3339 or "
                                     "empty, not `" + time + "`."));
    }
  }
  if (auto e = p.error()) return fail(*e);
  auto sub = find_subscription_or_error(ctx, id);
  if (!sub) return fail(sub.error());
  json items = json::array();
  for (const auto& [pid, log] : (*sub)->topic.partitions) {
    items.push_back({{"PartitionNo", pid}, {"Offset", last_offset_at_or_before(log, *at)}});
  }
  return json{{"Items", std::move(items)}};
}

ActionResult reset_consumer_group_offset(const json& params, ActionContext& ctx) {
  Params p(params,
           {"SubscribeId", "TopicName", "ConsumerGroupName", "PartitionNos", "ResetMode", "ResetDatetime"});
  std::string id = p.string("SubscribeId", true);
  std::string topic = p.string("TopicName", true);
  std::string group_name = p.string("ConsumerGroupName", true);
  std::vector<int64_t> partitions = p.integer_list("PartitionNos", true, true);
  std::string mode = p.string("ResetMode", true);
  std::optional<std::string> datetime = p.opt_string("ResetDatetime");
  int64_t at = 0;  // no ResetDatetime: time 0, the same as earliest (as documented)
  if (!p.error()) {
    if (partitions.empty()) {
      p.fail(invalid_parameter_value("The parameter `PartitionNos` must not be empty."));
    } else if (mode != "earliest" && mode != "latest" && mode != "datetime") {
      p.fail(invalid_parameter_value("The parameter `ResetMode` must be earliest, latest or datetime, not `" +
                                     mode + "`."));
    } else if (mode == "datetime" && datetime) {
      auto parsed = parse_dts_datetime(*datetime);
      if (!parsed) {
        p.fail(invalid_parameter_value("The parameter `ResetDatetime` must be `Y-m-d h:m:s` (Beijing time), "
                                       "RFC 3339 or empty, not `" + *datetime + "`."));
      }
      at = parsed.value_or(0);
    }
  }
  if (auto e = p.error()) return fail(*e);
  auto sub = find_subscription_or_error(ctx, id);
  if (!sub) return fail(sub.error());
  if (topic != (*sub)->topic.name) {
    return fail(invalid_parameter_value("The topic `" + topic + "` is not the topic of subscription " + id +
                                        " (" + (*sub)->topic.name + ")."));
  }
  DtsGroup* group = find_group(**sub, group_name);
  if (!group) {
    return fail(ApiError{"ResourceNotFound", "The consumer group `" + group_name +
                                                 "` does not exist in subscription " + id + "."});
  }
  std::vector<std::pair<int32_t, int64_t>> targets;
  for (int64_t pid : partitions) {
    auto log = find_partition_or_error((*sub)->topic, pid);
    if (!log) return fail(log.error());
    int64_t target = mode == "earliest" ? (*log)->begin
                     : mode == "latest" ? (*log)->end
                                        : last_offset_at_or_before(**log, at);
    targets.emplace_back((*log)->partition, target);
  }
  // As the real API: on a group that is not Dead or Empty the reset silently does nothing.
  if (!accepts_offset_change(group->state)) return json::object();
  for (const auto& [pid, target] : targets) group->offsets[pid] = target;
  if (group->state == "Dead") group->state = "Empty";
  return json::object();
}

}  // namespace offsetctl::emulator
