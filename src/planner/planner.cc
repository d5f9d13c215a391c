#include "planner/planner.h"

#include <algorithm>
#include <deque>
#include <type_traits>

#include "planner/needs.h"
#include "planner/offset_resolver.h"
#include "util/time.h"

namespace offsetctl::planner {
namespace {

// One topic entry of one group of one plan, in the order the result needs.
struct Entry {
  const plan::OffsetPlan* plan;
  const plan::GroupSpec* group;
  const plan::TopicSpec* topic;
  size_t seq;  // position in the files, so equal keys keep the order they were written in
};

bool entry_less(const Entry& a, const Entry& b) {
  if (int c = a.plan->instance.compare(b.plan->instance)) return c < 0;
  if (int c = a.group->group.compare(b.group->group)) return c < 0;
  if (int c = a.topic->topic.compare(b.topic->topic)) return c < 0;
  return a.seq < b.seq;
}

bool same_group(const Entry& a, const Entry& b) {
  return a.plan->instance == b.plan->instance && a.group->group == b.group->group;
}

// Two entries of one group naming the same partition would fight over it:
// both are invalid. `origin[i]` is where row from + i was written.
void mark_duplicates(std::vector<PartitionChange>& rows, size_t from, const std::vector<std::string>& origin) {
  std::vector<size_t> order(rows.size() - from);
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return rows[from + a].partition < rows[from + b].partition; });
  std::vector<PartitionChange> sorted;
  sorted.reserve(order.size());
  for (size_t i : order) sorted.push_back(std::move(rows[from + i]));
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i + 1;
    while (j < sorted.size() && sorted[j].partition == sorted[i].partition) ++j;
    if (j - i > 1) {
      std::string where;
      for (size_t k = i; k < j; ++k) where += (k > i ? ", " : "") + origin[order[k]];
      std::string what = sorted[i].partition == kEveryPartition ? "topic" : "partition";
      for (size_t k = i; k < j; ++k) {
        sorted[k].action = Action::Invalid;
        sorted[k].reason = what + " named by " + std::to_string(j - i) + " entries of this group (" + where +
                           "); keep one entry per partition";
      }
    }
    i = j;
  }
  std::move(sorted.begin(), sorted.end(), rows.begin() + static_cast<std::ptrdiff_t>(from));
}

GroupReport group_report(const std::vector<Entry>& entries, size_t from, size_t to, const GroupContext& ctx,
                         const PlanOptions& options) {
  GroupReport g;
  g.instance = ctx.instance;
  g.group = ctx.group;
  size_t first = from;  // the plan written first names the region
  for (size_t i = from; i < to; ++i) {
    if (entries[i].seq < entries[first].seq) first = i;
  }
  g.region = entries[first].plan->region.value_or(options.default_region);
  std::vector<std::pair<size_t, const std::string*>> names;  // in file order
  for (size_t i = from; i < to; ++i) names.emplace_back(entries[i].seq, &entries[i].plan->name);
  std::sort(names.begin(), names.end());
  std::vector<const std::string*> seen;
  for (const auto& [seq, name] : names) {
    if (std::find_if(seen.begin(), seen.end(), [&](const std::string* s) { return *s == *name; }) != seen.end()) {
      continue;
    }
    seen.push_back(name);
    g.plan_name += (g.plan_name.empty() ? "" : ", ") + *name;
  }
  if (ctx.group_live) {
    g.state = ctx.group_live->state;
    g.members = ctx.group_live->members;
  } else {
    g.state = "Dead";
  }
  return g;
}

// The topic of the row that says a topics: all entry selects nothing (no topic name has '*').
const char* const kNothingSelected = "*";

PartitionChange nothing_selected(const plan::TopicSpec& t, const GroupContext& ctx) {
  PartitionChange c;
  c.instance = ctx.instance;
  c.group = ctx.group;
  c.topic = kNothingSelected;
  c.partition = kEveryPartition;
  c.spec = describe_spec(t.spec) + " (topics: all)";
  c.action = Action::Invalid;
  c.reason = "group '" + std::string(ctx.group) + "' has no committed offsets on instance " +
             std::string(ctx.instance) + (t.except_topics.empty() ? "" : " beyond its exceptTopics") +
             ", so 'topics: all' selects nothing; name the topics instead, or check the group's name";
  return c;
}

}  // namespace

std::optional<int64_t> spec_time_ms(const plan::Spec& spec, int64_t now_ms) {
  if (const auto* d = std::get_if<plan::Datetime>(&spec)) return d->epoch_ms;
  if (const auto* d = std::get_if<plan::Duration>(&spec)) return now_ms - d->ms;
  return std::nullopt;
}

std::string describe_spec(const plan::Spec& spec) {
  return std::visit(
      [](const auto& s) -> std::string {
        using T = std::decay_t<decltype(s)>;
        const std::string at_apply = " (resolved at apply)";
        if constexpr (std::is_same_v<T, plan::ExplicitOffsets>) {
          return "offsets";
        } else if constexpr (std::is_same_v<T, plan::SingleOffset>) {
          return "offset: " + std::to_string(s.offset);
        } else if constexpr (std::is_same_v<T, plan::ToAnchor>) {
          std::string anchor = s.anchor == plan::Anchor::Earliest ? "earliest"
                               : s.anchor == plan::Anchor::Latest ? "latest"
                                                                  : "current";
          bool apply = s.resolve_at == plan::ResolveAt::Apply && s.anchor != plan::Anchor::Current;
          return "to: " + anchor + (apply ? at_apply : "");
        } else if constexpr (std::is_same_v<T, plan::Shift>) {
          return "shift: " + std::string(s.by > 0 ? "+" : "") + std::to_string(s.by);
        } else if constexpr (std::is_same_v<T, plan::Datetime>) {
          std::string text = s.text.empty() ? util::format_rfc3339_ms(s.epoch_ms) : s.text;
          return "datetime: " + text + (s.resolve_at == plan::ResolveAt::Apply ? at_apply : "");
        } else if constexpr (std::is_same_v<T, plan::Duration>) {
          return "duration: " + (s.text.empty() ? std::to_string(s.ms) + " ms" : s.text);
        } else {
          return "from group " + s.group + (s.instance.empty() ? "" : " on instance " + s.instance);
        }
      },
      spec);
}

PlanResult make_plan(const plan::PlanSet& plans, const LiveState& live, const PlanOptions& options) {
  std::vector<Entry> entries;
  std::deque<plan::TopicSpec> expanded;  // topics: all, one entry per topic it selects (stable addresses)
  size_t seq = 0;
  for (const auto& file : plans.files) {
    for (const auto& p : file.offset_plans) {
      for (const auto& g : p.groups) {
        for (const auto& t : g.topics) {
          if (!t.all_topics) {
            entries.push_back({&p, &g, &t, seq++});
            continue;
          }
          const GroupLive* group_live = nullptr;
          if (auto in = live.instances.find(p.instance); in != live.instances.end()) {
            if (auto gl = in->second.groups.find(g.group); gl != in->second.groups.end()) group_live = &gl->second;
          }
          auto selected = committed_selection(t.except_topics, group_live);
          if (selected.empty()) selected.emplace_back(kNothingSelected, std::vector<int32_t>{});
          for (auto& [topic, partitions] : selected) {
            plan::TopicSpec& one = expanded.emplace_back(t);
            one.topic = std::move(topic);
            if (!partitions.empty()) one.partitions = std::move(partitions);
            entries.push_back({&p, &g, &one, seq});
          }
          ++seq;
        }
      }
    }
  }
  std::sort(entries.begin(), entries.end(), entry_less);

  // Find each group's live state once, and count the rows to allocate once.
  struct GroupRun {
    size_t from, to;
    GroupContext ctx;
  };
  std::vector<GroupRun> runs;
  size_t rows = 0;
  for (size_t i = 0; i < entries.size();) {
    size_t j = i + 1;
    while (j < entries.size() && same_group(entries[i], entries[j])) ++j;
    GroupRun run{i, j, {}};
    run.ctx.instance = entries[i].plan->instance;
    run.ctx.live = &live;
    run.ctx.group = entries[i].group->group;
    if (auto inst = live.instances.find(entries[i].plan->instance); inst != live.instances.end()) {
      run.ctx.instance_live = &inst->second;
      if (auto g = inst->second.groups.find(entries[i].group->group); g != inst->second.groups.end()) {
        run.ctx.group_live = &g->second;
        run.ctx.blocked_reason = blocked_reason(g->second);
      }
    }
    for (size_t k = i; k < j; ++k) rows += offset_entry_rows(*entries[k].topic, run.ctx);
    runs.push_back(std::move(run));
    i = j;
  }

  PlanResult result;
  result.planned_at_ms = options.now_ms;
  result.changes.reserve(rows);
  result.groups.reserve(runs.size());
  for (const GroupRun& run : runs) {
    for (size_t i = run.from; i < run.to;) {
      size_t j = i + 1;
      while (j < run.to && entries[j].topic->topic == entries[i].topic->topic) ++j;
      size_t start = result.changes.size();
      std::vector<std::string> origin;  // only when several entries share the topic
      for (size_t k = i; k < j; ++k) {
        const plan::TopicSpec& t = *entries[k].topic;
        if (t.all_topics && t.topic == kNothingSelected) {
          result.changes.push_back(nothing_selected(t, run.ctx));
        } else {
          resolve_offset_entry(*entries[k].plan, t, run.ctx, options, result.changes);
        }
        if (j - i > 1) origin.resize(result.changes.size() - start, format_loc(entries[k].topic->loc));
      }
      if (j - i > 1) mark_duplicates(result.changes, start, origin);
      i = j;
    }
    result.groups.push_back(group_report(entries, run.from, run.to, run.ctx, options));
  }

  for (const PartitionChange& c : result.changes) {
    switch (c.action) {
      case Action::Change:
        ++result.summary.to_change;
        break;
      case Action::Noop:
        ++result.summary.unchanged;
        break;
      case Action::Blocked:
        ++result.summary.blocked;
        break;
      case Action::Invalid:
        ++result.summary.invalid;
        break;
    }
  }
  return result;
}

}  // namespace offsetctl::planner
