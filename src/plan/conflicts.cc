#include "plan/conflicts.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "plan/text.h"

namespace offsetctl::plan {
namespace {

std::string where(const SourceLoc& l) {
  return printable(l.file, 4096) + ":" + std::to_string(l.line) + ":" + std::to_string(l.col);
}

std::string q(const std::string& s) { return "'" + printable(s, 60) + "'"; }

// The partitions an entry claims: a list, or every partition (nullopt).
struct Claim {
  std::string key;    // who the partitions belong to, as one string
  std::string label;  // "topic 'orders' of group 'orders-consumer' on instance ckafka-demo"
  std::optional<std::vector<int32_t>> partitions;
  SourceLoc loc;
};

std::string partition_list(const std::vector<int32_t>& ps) {
  std::string out;
  for (size_t i = 0; i < ps.size() && i < 10; ++i) out += (i ? ", " : "") + std::to_string(ps[i]);
  if (ps.size() > 10) out += ", ... (" + std::to_string(ps.size()) + " in all)";
  return out;
}

class Ledger {
 public:
  explicit Ledger(std::vector<Conflict>& out) : out_(out) {}

  void add(const Claim& c) {
    Owner& owner = owners_[c.key];
    const std::string rule = ": each partition may have one target";
    if (owner.whole) {
      out_.push_back({c.loc, c.label + " is already declared at " + where(*owner.whole) +
                                 " for every partition (that entry has no 'partitions')" + rule});
      return;
    }
    if (!c.partitions) {
      if (!owner.by_partition.empty()) {
        out_.push_back({c.loc, c.label + " is already declared at " + where(owner.first) +
                                   "; this entry has no 'partitions', so it covers every partition" + rule});
        return;
      }
      owner.whole = c.loc;
      return;
    }
    // Overlaps, grouped by the earlier entry they collide with.
    std::map<std::pair<int, int>, std::pair<SourceLoc, std::vector<int32_t>>> clashes;
    for (int32_t p : *c.partitions) {
      auto it = owner.by_partition.find(p);
      if (it == owner.by_partition.end()) continue;
      auto& slot = clashes[{it->second.line, it->second.col}];
      slot.first = it->second;
      slot.second.push_back(p);
    }
    for (const auto& [pos, clash] : clashes) {
      const auto& [loc, ps] = clash;
      out_.push_back({c.loc, std::string(ps.size() == 1 ? "partition " : "partitions ") + partition_list(ps) +
                                 " of " + c.label + (ps.size() == 1 ? " is" : " are") + " already declared at " +
                                 where(loc) + rule});
    }
    if (owner.by_partition.empty()) owner.first = c.loc;
    for (int32_t p : *c.partitions) owner.by_partition.emplace(p, c.loc);
  }

 private:
  struct Owner {
    std::optional<SourceLoc> whole;
    std::unordered_map<int32_t, SourceLoc> by_partition;
    SourceLoc first;
  };
  std::unordered_map<std::string, Owner> owners_;
  std::vector<Conflict>& out_;
};

// Keys joined with a byte no name may hold.
std::string join(std::initializer_list<const std::string*> parts) {
  std::string k;
  for (const std::string* p : parts) k += *p + '\x1f';
  return k;
}

}  // namespace

std::vector<Conflict> find_conflicts(const std::vector<const OffsetPlan*>& offset_plans,
                                     const std::vector<const DtsOffsetPlan*>& dts_plans) {
  std::vector<Conflict> out;
  std::unordered_map<std::string, SourceLoc> names;
  const auto check_name = [&](const std::string& name, const SourceLoc& loc) {
    if (name.empty()) return;
    auto [it, inserted] = names.emplace(name, loc);
    if (!inserted) {
      out.push_back({loc, "plan name " + q(name) + " is already used at " + where(it->second) +
                              ": give each plan its own name"});
    }
  };
  // topics: all claims every topic of its group but the excepted ones, which
  // are unknown until plan time: any other entry of the group must be excepted.
  struct AllTopics {
    const TopicSpec* entry;
  };
  std::unordered_map<std::string, AllTopics> all_topics;
  for (const OffsetPlan* plan : offset_plans) {
    for (const GroupSpec& g : plan->groups) {
      for (const TopicSpec& t : g.topics) {
        if (!t.all_topics) continue;
        auto [it, fresh] = all_topics.emplace(join({&plan->instance, &g.group}), AllTopics{&t});
        if (!fresh) {
          out.push_back({t.loc, "group " + q(g.group) + " on instance " + q(plan->instance) +
                                    " already has 'topics: all' at " + where(it->second.entry->loc) +
                                    ": each partition may have one target"});
        }
      }
    }
  }
  Ledger ckafka(out);
  for (const OffsetPlan* plan : offset_plans) {
    check_name(plan->name, plan->name_loc);
    for (const GroupSpec& g : plan->groups) {
      for (const TopicSpec& t : g.topics) {
        if (t.all_topics) continue;
        if (auto it = all_topics.find(join({&plan->instance, &g.group})); it != all_topics.end()) {
          const auto& except = it->second.entry->except_topics;
          if (std::find(except.begin(), except.end(), t.topic) == except.end()) {
            out.push_back({t.loc, "topic " + q(t.topic) + " of group " + q(g.group) + " on instance " +
                                      q(plan->instance) + " is already covered by 'topics: all' at " +
                                      where(it->second.entry->loc) +
                                      ": add it to that entry's 'exceptTopics' to give it a target of its own"});
            continue;
          }
        }
        Claim c;
        c.key = join({&plan->instance, &g.group, &t.topic});
        c.label = "topic " + q(t.topic) + " of group " + q(g.group) + " on instance " + q(plan->instance);
        if (const auto* explicit_offsets = std::get_if<ExplicitOffsets>(&t.spec)) {
          std::vector<int32_t> ps;
          for (const auto& [p, o] : explicit_offsets->by_partition) ps.push_back(p);
          c.partitions = std::move(ps);
        } else {
          c.partitions = t.partitions;
        }
        c.loc = t.loc;
        ckafka.add(c);
      }
    }
  }
  Ledger dts(out);
  for (const DtsOffsetPlan* plan : dts_plans) {
    check_name(plan->name, plan->name_loc);
    for (const DtsGroupSpec& g : plan->groups) {
      Claim c;
      c.key = join({&plan->subscribe_id, &g.group, &g.topic});
      c.label = "topic " + q(g.topic) + " of group " + q(g.group) + " in subscription " + q(plan->subscribe_id);
      c.partitions = g.partitions;
      c.loc = g.loc;
      dts.add(c);
    }
  }
  return out;
}

}  // namespace offsetctl::plan
