#include "report/plan_view.h"

#include <algorithm>
#include <map>
#include <string>
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
    s.counts.add(c);
    if (!s.has_note && has_note(c)) s.has_note = true;
    if (!c.spec.empty()) s.has_asked = true;
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

std::string with_thousands(int64_t n) {
  const uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  const std::string digits = std::to_string(magnitude);
  std::string out = n < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string moved_text(const planner::PlanSummary& s) {
  std::string out;
  const bool both = s.replayed > 0 && s.skipped > 0;
  if (s.replayed > 0) out.append("replays " + with_thousands(s.replayed) + " messages");
  if (s.skipped > 0) {
    out.append(out.empty() ? "" : ", ");
    out.append("skips " + with_thousands(s.skipped) + (both ? "" : " messages"));
  }
  if (s.first_commits > 0) {
    out.append(out.empty() ? "" : ", ");
    append_int(out, static_cast<int64_t>(s.first_commits));
    out.append(s.first_commits == 1 ? " first commit" : " first commits");
  }
  return out;
}

std::string restricted_line(const std::vector<std::string>& targets) {
  std::string out = "Restricted by --target to ";
  for (size_t i = 0; i < targets.size(); ++i) out.append((i ? ", " : "") + targets[i]);
  return out + ": the plans' other groups were left out.";
}

std::string summary_line(const planner::PlanSummary& s) {
  std::string out = "Plan: ";
  append_int(out, static_cast<int64_t>(s.to_change));
  out.append(" to change");
  if (std::string moved = moved_text(s); !moved.empty()) out.append(" (" + moved + ")");
  out.append(", ");
  append_int(out, static_cast<int64_t>(s.unchanged));
  out.append(" unchanged, ");
  append_int(out, static_cast<int64_t>(s.blocked));
  out.append(" blocked, ");
  append_int(out, static_cast<int64_t>(s.invalid));
  out.append(" invalid.");
  return out;
}

std::vector<std::string> plan_names(const planner::GroupReport& g) {
  std::vector<std::string> names;
  std::string_view rest = g.plan_name;
  while (!rest.empty()) {
    const size_t comma = rest.find(", ");
    names.emplace_back(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
  }
  return names;
}

std::string plans_label(const planner::GroupReport& g) {
  const size_t n = plan_names(g).size();
  if (n <= 1) return "plan " + g.plan_name;
  return std::to_string(n) + " plans";
}

std::string action_text(const planner::PartitionChange& c) {
  std::string out = action_label(c.action);
  if (c.skipped() > 0) out.append(" (skip)");
  return out;
}

void append_delta_cell(std::string& out, const planner::PartitionChange& c) {
  if (!c.current && c.target && (c.action == Action::Change || c.action == Action::Blocked)) {
    out.append("first commit");
    return;
  }
  append_delta(out, c.delta(), c.apply_timestamp.has_value());
}

std::string_view asked_cell(const planner::PlanResult& result, size_t i) {
  const auto& c = result.changes[i];
  if (i > 0) {
    const auto& p = result.changes[i - 1];
    if (p.instance == c.instance && p.group == c.group && p.topic == c.topic && p.spec == c.spec) return {};
  }
  return c.spec;
}

bool is_dts_row(const planner::PartitionChange& c) { return c.spec.rfind("dts: ", 0) == 0; }

std::string apply_time_anchor(int64_t apply_timestamp, bool dts) {
  if (apply_timestamp == -2) return "earliest";
  if (apply_timestamp == -1) return "latest";
  if (dts) return "the offset nearest before " + util::format_rfc3339_ms(apply_timestamp);
  return "first offset at or after " + util::format_rfc3339_ms(apply_timestamp);
}

namespace {

std::string_view row_reason(const planner::PartitionChange& c) {
  return c.action == Action::Blocked ? std::string_view() : std::string_view(c.reason);
}

// The offsets a target may take, for an invalid row whose reason does not
// already say them: "valid range [100, 5000]".
std::string valid_range(const planner::PartitionChange& c) {
  if (c.action != Action::Invalid || !c.begin_offset || !c.end_offset) return {};
  std::string range = "[";
  append_int(range, *c.begin_offset);
  range.append(", ");
  append_int(range, *c.end_offset);
  range.push_back(']');
  if (c.reason.find(range) != std::string::npos) return {};
  return "valid range " + range;
}

}  // namespace

bool has_note(const planner::PartitionChange& c) {
  return !row_reason(c).empty() || c.apply_timestamp.has_value() || !valid_range(c).empty();
}

void append_note(std::string& out, const planner::PartitionChange& c) {
  const size_t start = out.size();
  auto sep = [&] {
    if (out.size() > start) out.append("; ");
  };
  out.append(row_reason(c));
  if (std::string range = valid_range(c); !range.empty()) {
    sep();
    out.append(range);
  }
  if (c.apply_timestamp) {
    sep();
    out.append(is_dts_row(c) ? "resolved by DTS at apply time: " : "resolved at apply time: ");
    out.append(apply_time_anchor(*c.apply_timestamp, is_dts_row(c)));
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
