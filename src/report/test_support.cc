#include "report/test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "testing/json_schema.h"
#include "testing/temp_dir.h"

namespace offsetctl::report::test {

using planner::Action;
using planner::GroupReport;
using planner::Member;
using planner::PartitionChange;
using planner::PlanResult;

namespace {

PartitionChange change(const std::string& instance, const std::string& group, const std::string& topic,
                       int32_t partition, std::optional<int64_t> current, std::optional<int64_t> target,
                       std::optional<int64_t> begin, std::optional<int64_t> end, Action action,
                       const std::string& spec, const std::string& reason = "") {
  PartitionChange c;
  c.instance = instance;
  c.group = group;
  c.topic = topic;
  c.partition = partition;
  c.current = current;
  c.target = target;
  c.begin_offset = begin;
  c.end_offset = end;
  c.action = action;
  c.spec = spec;
  c.reason = reason;
  return c;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

void recount(PlanResult& result) {
  result.summary = {};
  for (const auto& c : result.changes) {
    switch (c.action) {
      case Action::Change: ++result.summary.to_change; break;
      case Action::Noop: ++result.summary.unchanged; break;
      case Action::Blocked: ++result.summary.blocked; break;
      case Action::Invalid: ++result.summary.invalid; break;
    }
  }
}

PlanResult sample_result() {
  const std::string gz = "ckafka-7x2k9q";
  const std::string sh = "ckafka-9m4p2w";
  PlanResult r;
  r.planned_at_ms = kPlannedAt;
  auto add = [&](PartitionChange c) {
    r.changes.push_back(std::move(c));
    return &r.changes.back();
  };

  // An Empty group: explicit offsets, clamping at both ends, apply-time targets.
  const std::string orders = "orders-consumer";
  const std::string latest_at_apply = "to: latest (resolved at apply)";
  add(change(gz, orders, "audit-log", 0, 700, 900, std::nullopt, 900, Action::Change, latest_at_apply))
      ->apply_timestamp = -1;
  add(change(gz, orders, "audit-log", 1, std::nullopt, 880, std::nullopt, 880, Action::Change, latest_at_apply))
      ->apply_timestamp = -1;
  add(change(gz, orders, "clicks", 0, 52000, 51234, std::nullopt, 60000, Action::Change,
             "datetime: 2026-11-20T00:00:00+08:00 (resolved at apply)"))
      ->apply_timestamp = 1795104000000;
  add(change(gz, orders, "orders", 0, 1500, 1400, 1000, 2000, Action::Change, "offsets"));
  add(change(gz, orders, "orders", 1, std::nullopt, 1200, 1000, 2000, Action::Change, "offsets"));
  add(change(gz, orders, "orders", 2, 1800, 1800, 1000, 2000, Action::Noop, "offsets"));
  add(change(gz, orders, "orders", 10, 2048, 1024, 1000, 2100, Action::Change, "offsets"));
  add(change(gz, orders, "refunds", 0, 3000, 2500, 2500, 4000, Action::Change, "shift: -5000",
             "3000 - 5000 = -2000 is before the earliest offset 2500: clamped to it, as Kafka's --shift-by does"));
  add(change(gz, orders, "returns", 0, 3600, 4000, 2500, 4000, Action::Change, "shift: +5000",
             "3600 + 5000 = 8600 is past the log end offset 4000: clamped to it, as Kafka's --shift-by does"));
  add(change(gz, orders, "status", 0, std::nullopt, std::nullopt, 0, 70, Action::Noop, "to: current",
             "nothing is committed on this partition; to: current leaves it so"));

  // An active group: everything blocked, members named.
  const std::string payments = "payments-consumer";
  const std::string stable =
      "group is Stable with 2 members (consumer-1@10.0.0.12, consumer-2@10.0.0.13); Kafka refuses an outside "
      "reset of an active group: stop the consumers first";
  add(change(gz, payments, "payments", 0, 980, 0, 0, 1000, Action::Blocked, "to: earliest", stable));
  add(change(gz, payments, "payments", 1, 1010, 0, 0, 1010, Action::Blocked, "to: earliest", stable));

  // A Dead group on another instance, with invalid targets and a name that needs escaping.
  const std::string legacy = "legacy|sync <v2>";
  add(change(sh, legacy, "ghost-topic", planner::kEveryPartition, std::nullopt, std::nullopt, std::nullopt,
             std::nullopt, Action::Invalid, "to: earliest",
             "topic 'ghost-topic' does not exist on instance ckafka-9m4p2w; did you mean 'host-topic'?"));
  add(change(sh, legacy, "inventory", 0, 4200, 9000, 100, 5000, Action::Invalid, "offsets",
             "offset 9000 is past the log end offset 5000; choose an offset within [100, 5000], or set the plan's "
             "policy outOfRange: clamp"));
  add(change(sh, legacy, "inventory", 1, 4900, 100, 100, 5000, Action::Invalid, "offsets",
             "moves back 4800 messages (from 4900 to 100), more than the policy's maxRewind of 1000; raise "
             "maxRewind or choose a closer target"));
  add(change(sh, legacy, "inventory", 7, std::nullopt, 300, std::nullopt, std::nullopt, Action::Invalid, "offsets",
             "partition 7 does not exist: topic 'inventory' has partitions 0-1; remove it from the entry"));
  add(change(sh, legacy, "stock", 0, 10, 10, 0, 10, Action::Noop, "to: current"));

  GroupReport g1;
  g1.instance = gz;
  g1.group = orders;
  g1.region = "ap-guangzhou";
  g1.plan_name = "replay-orders";
  g1.state = "Empty";
  GroupReport g2;
  g2.instance = gz;
  g2.group = payments;
  g2.region = "ap-guangzhou";
  g2.plan_name = "replay-payments";
  g2.state = "Stable";
  Member m1;
  m1.member_id = "consumer-1-7d1c2a4e";
  m1.client_id = "consumer-1";
  m1.client_host = "/10.0.0.12";
  m1.assignment = {{"payments", {0}}};
  Member m2;
  m2.member_id = "consumer-2-99aa1f03";
  m2.client_id = "consumer-2";
  m2.client_host = "/10.0.0.13";
  m2.assignment = {{"payments", {1}}, {"refunds", {0, 1, 2, 5}}};
  g2.members = {m1, m2};
  GroupReport g3;
  g3.instance = sh;
  g3.group = legacy;
  g3.region = "ap-shanghai";
  g3.plan_name = "fix-inventory";
  g3.state = "Dead";
  r.groups = {g1, g2, g3};
  recount(r);
  return r;
}

PlanResult large_result(size_t groups, size_t topics, size_t partitions) {
  PlanResult r;
  r.planned_at_ms = kPlannedAt;
  r.changes.reserve(groups * topics * partitions);
  for (size_t g = 0; g < groups; ++g) {
    GroupReport report;
    report.instance = "ckafka-" + std::to_string(100000 + g % 7);
    report.group = "group-" + std::to_string(10000 + g);
    report.region = "ap-guangzhou";
    report.plan_name = "plan-" + std::to_string(g % 13);
    report.state = g % 17 == 5 ? "Stable" : "Empty";
    const bool blocked = report.state == "Stable";
    if (blocked) {
      Member m;
      m.member_id = "consumer-" + std::to_string(g);
      m.client_id = "app";
      m.client_host = "/10.0.0.1";
      report.members.push_back(m);
    }
    for (size_t t = 0; t < topics; ++t) {
      const std::string topic = "topic-" + std::to_string(1000 + t);
      for (size_t p = 0; p < partitions; ++p) {
        PartitionChange c;
        c.instance = report.instance;
        c.group = report.group;
        c.topic = topic;
        c.partition = static_cast<int32_t>(p);
        c.current = static_cast<int64_t>(100000 + p * 37);
        c.begin_offset = 1000;
        c.end_offset = static_cast<int64_t>(200000 + p);
        c.target = static_cast<int64_t>(90000 + p * 31);
        c.spec = "shift: -10000";
        c.action = Action::Change;
        if (blocked) {
          c.action = Action::Blocked;
          c.reason = "the group is Stable with 1 member";
        } else if (p % 10 == 3) {
          c.action = Action::Noop;
          c.target = c.current;
        } else if (p % 50 == 7) {
          c.action = Action::Invalid;
          c.reason = "moves back 10000 messages, more than maxRewind 5000";
        }
        r.changes.push_back(std::move(c));
      }
    }
    r.groups.push_back(std::move(report));
  }
  recount(r);
  return r;
}

void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = testing::source_dir() + "/src/report/testdata/" + name;
  const char* update = std::getenv("OFFSETCTL_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  const std::string expected = read_all(path);
  ASSERT_FALSE(expected.empty()) << path << " is missing or empty; run with OFFSETCTL_UPDATE_GOLDEN=1 to write it";
  EXPECT_EQ(actual, expected) << "differs from " << path
                              << "; if the change is intended, run the test with OFFSETCTL_UPDATE_GOLDEN=1";
}

std::string schema_errors(const std::string& schema, const std::string& json) {
  return testing::schema_errors(schema, json);
}

}  // namespace offsetctl::report::test
