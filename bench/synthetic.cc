#include "synthetic.h"

#include "planner/planner.h"

namespace offsetctl::bench {
namespace {

// Mixed shapes: which groups are blocked and which partitions are invalid.
bool blocked_group(const Shape& s, size_t g) { return s.mixed && g % 25 == 7; }
bool invalid_partition(const Shape& s, size_t g, size_t t, size_t p) {
  return s.mixed && (g * 131 + t * 17 + p * 7) % 997 == 0;
}

bool moves(const Shape& s, size_t g, size_t t, size_t p) {
  return static_cast<double>((g * 131 + t * 17 + p * 7) % 1000) < s.change_share * 1000;
}

}  // namespace

int64_t committed_offset(size_t g, size_t t, size_t p) {
  return static_cast<int64_t>(100'000 + (g * 7919 + t * 104729 + p * 31) % 400'000);
}

int64_t target_offset(const Shape& s, size_t g, size_t t, size_t p) {
  if (invalid_partition(s, g, t, p)) return kLogEnd + 5;
  if (!moves(s, g, t, p)) return committed_offset(g, t, p);
  // In [500000, 900000): never the committed offset, and a different set per topic.
  return static_cast<int64_t>(500'000 + (g * 1009 + t * 101 + p) % 400'000);
}

std::string group_name(size_t g) { return "group-" + std::to_string(g); }
std::string topic_name(size_t t) { return "topic-" + std::to_string(t); }

std::string plan_yaml(const Shape& s, size_t first, size_t count, const std::string& plan_name) {
  std::string out = "apiVersion: offsetctl/v1\nkind: OffsetPlan\nname: " + plan_name +
                    "\ninstance: " + kInstance + "\nregion: " + kRegion +
                    "\npolicy:\n  maxRewind: " + std::to_string(kLogEnd) +
                    "\n  maxSkip: " + std::to_string(kLogEnd) + "\ngroups:\n";
  for (size_t g = first; g < first + count && g < s.groups; ++g) {
    out += "  - group: " + group_name(g) + "\n    topics:\n";
    for (size_t t = 0; t < s.topics; ++t) {
      out += "      - topic: " + topic_name(t) + "\n        offsets: {";
      for (size_t p = 0; p < s.partitions; ++p) {
        out += (p ? ", " : "") + std::to_string(p) + ": " + std::to_string(target_offset(s, g, t, p));
      }
      out += "}\n";
    }
  }
  return out;
}

plan::PlanSet plan_set(const Shape& s, size_t files) {
  plan::PlanSet set;
  const size_t per_file = (s.groups + files - 1) / files;
  for (size_t f = 0; f * per_file < s.groups; ++f) {
    plan::PlanFile& file = set.files.emplace_back();
    file.path = "plans/plan-" + std::to_string(f) + ".yaml";
    file.sha256 = std::string(64, '0');
    plan::OffsetPlan& p = file.offset_plans.emplace_back();
    p.name = "bench-" + std::to_string(f);
    p.instance = kInstance;
    p.region = kRegion;
    p.policy.max_rewind = kLogEnd;
    p.policy.max_skip = kLogEnd;
    p.loc = {file.path, 1, 1};
    p.name_loc = {file.path, 3, 7};
    int line = 10;
    for (size_t g = f * per_file; g < (f + 1) * per_file && g < s.groups; ++g) {
      plan::GroupSpec& gs = p.groups.emplace_back();
      gs.group = group_name(g);
      gs.loc = {file.path, line++, 5};
      for (size_t t = 0; t < s.topics; ++t) {
        plan::TopicSpec& ts = gs.topics.emplace_back();
        ts.topic = topic_name(t);
        plan::ExplicitOffsets offsets;
        for (size_t p2 = 0; p2 < s.partitions; ++p2) {
          offsets.by_partition.emplace(static_cast<int32_t>(p2), target_offset(s, g, t, p2));
        }
        ts.spec = std::move(offsets);
        ts.loc = {file.path, line++, 9};
        ts.spec_loc = {file.path, line++, 9};
      }
    }
  }
  return set;
}

planner::LiveState live_state(const Shape& s) {
  planner::LiveState live;
  planner::InstanceLive& in = live.instances[kInstance];
  in.region = kRegion;
  for (size_t t = 0; t < s.topics; ++t) {
    planner::TopicLive& topic = in.topics[topic_name(t)];
    for (size_t p = 0; p < s.partitions; ++p) {
      topic.partitions[static_cast<int32_t>(p)] = planner::PartitionBounds{0, kLogEnd};
    }
  }
  for (size_t g = 0; g < s.groups; ++g) {
    planner::GroupLive& group = in.groups[group_name(g)];
    group.state = "Empty";
    if (blocked_group(s, g)) {
      group.state = "Stable";
      for (int m = 1; m <= 2; ++m) {
        planner::Member member;
        member.member_id = "consumer-" + std::to_string(m) + "-7d1c2a4e";
        member.client_id = "consumer-" + std::to_string(m);
        member.client_host = "/10.0.0." + std::to_string(m);
        member.assignment[topic_name(0)] = {static_cast<int32_t>(m - 1)};
        group.members.push_back(std::move(member));
      }
    }
    for (size_t t = 0; t < s.topics; ++t) {
      auto& committed = group.committed[topic_name(t)];
      for (size_t p = 0; p < s.partitions; ++p) {
        committed[static_cast<int32_t>(p)] = committed_offset(g, t, p);
      }
    }
  }
  return live;
}

planner::PlanResult plan_result(const Shape& s) {
  return planner::make_plan(plan_set(s, 1), live_state(s), planner::PlanOptions{kPlanNowMs, kRegion});
}

}  // namespace offsetctl::bench
