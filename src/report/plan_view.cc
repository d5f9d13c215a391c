#include "report/plan_view.h"

#include <algorithm>
#include <map>
#include <utility>

#include "planner/offset_resolver.h"
#include "report/table.h"
#include "util/time.h"

namespace offsetctl::report {

using planner::Action;

const char* action_label(Action a) {
  switch (a) {
    case Action::Change: return "change";
    case Action::Noop: return "noop";
    case Action::Blocked: return "blocked";
    case Action::Invalid: return "invalid";
  }
  return "invalid";
}

namespace {

void count(planner::PlanSummary& s, Action a) {
  switch (a) {
    case Action::Change: ++s.to_change; break;
    case Action::Noop: ++s.unchanged; break;
    case Action::Blocked: ++s.blocked; break;
    case Action::Invalid: ++s.invalid; break;
  }
}

}  // namespace

std::vector<GroupSection> group_sections(const planner::PlanResult& result) {
  std::vector<GroupSection> sections;
  const auto& changes = result.changes;
  for (size_t i = 0; i < changes.size(); ++i) {
    const auto& c = changes[i];
    if (sections.empty() || sections.back().instance != c.instance || sections.back().group != c.group) {
      GroupSection s;
      s.instance = c.instance;
      s.group = c.group;
      s.begin = i;
      sections.push_back(s);
    }
    GroupSection& s = sections.back();
    s.end = i + 1;
    count(s.counts, c.action);
    if (!s.has_note && has_note(c)) s.has_note = true;
    if (c.apply_timestamp) s.has_preview = true;
    if (c.action == Action::Blocked && !c.reason.empty() &&
        std::find(s.blocked_reasons.begin(), s.blocked_reasons.end(), c.reason) == s.blocked_reasons.end()) {
      s.blocked_reasons.push_back(c.reason);
    }
  }

  std::map<std::pair<std::string_view, std::string_view>, const planner::GroupReport*> reports;
  for (const auto& g : result.groups) reports.emplace(std::pair<std::string_view, std::string_view>(g.instance, g.group), &g);
  bool reordered = false;
  for (GroupSection& s : sections) {
    auto it = reports.find({s.instance, s.group});
    if (it == reports.end()) continue;
    s.report = it->second;
    it->second = nullptr;  // used
  }
  for (const auto& g : result.groups) {
    auto it = reports.find({g.instance, g.group});
    if (it == reports.end() || it->second == nullptr) continue;
    GroupSection s;
    s.instance = g.instance;
    s.group = g.group;
    s.report = &g;
    s.begin = s.end = changes.size();
    sections.push_back(s);
    it->second = nullptr;
    reordered = true;
  }
  if (reordered) {
    std::stable_sort(sections.begin(), sections.end(), [](const GroupSection& a, const GroupSection& b) {
      return std::tie(a.instance, a.group) < std::tie(b.instance, b.group);
    });
  }
  return sections;
}

std::string restricted_line(const std::vector<std::string>& targets) {
  std::string out = "Restricted by --target to ";
  for (size_t i = 0; i < targets.size(); ++i) out.append((i ? ", " : "") + targets[i]);
  return out + ": the plans' other groups were left out.";
}

std::string summary_line(const planner::PlanSummary& s) {
  std::string out = "Plan: ";
  append_int(out, static_cast<int64_t>(s.to_change));
  out.append(" to change, ");
  append_int(out, static_cast<int64_t>(s.unchanged));
  out.append(" unchanged, ");
  append_int(out, static_cast<int64_t>(s.blocked));
  out.append(" blocked, ");
  append_int(out, static_cast<int64_t>(s.invalid));
  out.append(" invalid.");
  return out;
}

std::string apply_time_anchor(int64_t apply_timestamp) {
  if (apply_timestamp == -2) return "earliest";
  if (apply_timestamp == -1) return "latest";
  return "first offset at " + util::format_rfc3339_ms(apply_timestamp);
}

namespace {

std::string_view row_reason(const planner::PartitionChange& c) {
  return c.action == Action::Blocked ? std::string_view() : std::string_view(c.reason);
}

}  // namespace

bool has_note(const planner::PartitionChange& c) { return !row_reason(c).empty() || c.apply_timestamp.has_value(); }

void append_note(std::string& out, const planner::PartitionChange& c) {
  const std::string_view reason = row_reason(c);
  out.append(reason);
  if (c.apply_timestamp) {
    if (!reason.empty()) out.append("; ");
    out.append("resolved at apply time: ");
    out.append(apply_time_anchor(*c.apply_timestamp));
  }
}

void append_partition(std::string& out, int32_t partition) {
  if (partition == planner::kEveryPartition) {
    out.append("all");
  } else {
    append_int(out, partition);
  }
}

void append_offset(std::string& out, const std::optional<int64_t>& v, bool preview) {
  if (!v) {
    out.push_back('-');
    return;
  }
  if (preview) out.push_back('~');
  append_int(out, *v);
}

void append_delta(std::string& out, const std::optional<int64_t>& v, bool preview) {
  if (!v) {
    out.push_back('-');
    return;
  }
  if (preview) out.push_back('~');
  append_int(out, *v, /*plus=*/true);
}

std::string assignment_text(const planner::Member& m) {
  std::string out;
  for (const auto& [topic, partitions] : m.assignment) {
    if (!out.empty()) out.push_back(',');
    out.append(topic);
    out.push_back('(');
    out.append(format_partition_list(partitions));
    out.push_back(')');
  }
  return out;
}

std::string member_line(const planner::Member& m) {
  std::string out = planner::member_address(m.client_id, m.member_id, m.client_host);
  if (out.empty()) out = "(no member id)";
  std::string details;
  auto add = [&](std::string_view label, const std::string& value) {
    if (value.empty()) return;
    if (!details.empty()) details.append(", ");
    details.append(label);
    details.append(value);
  };
  if (!m.client_id.empty()) add("member ", m.member_id);  // else the address is the member ID
  add("assigned ", assignment_text(m));
  if (!details.empty()) out.append(" (" + details + ")");
  return out;
}

}  // namespace offsetctl::report
