// The terminal rendering: kafka-consumer-groups' dry-run table per group.
#include <array>

#include "report/plan_view.h"
#include "report/render.h"
#include "report/table.h"

namespace offsetctl::report {

using planner::Action;
using planner::PartitionChange;

namespace {

enum Col { kTopic, kPartition, kCurrent, kTarget, kDelta, kLagAfter, kAction, kNote, kColumns };

std::vector<Column> change_columns() {
  return {{"TOPIC", Align::Left},     {"PARTITION", Align::Right}, {"CURRENT", Align::Right},
          {"TARGET", Align::Right},   {"DELTA", Align::Right},     {"LAG AFTER", Align::Right},
          {"ACTION", Align::Left},    {"NOTE", Align::Left}};
}

std::string_view row_style(Action a, bool color) {
  if (!color) return {};
  switch (a) {
    case Action::Change: return ansi::kYellow;
    case Action::Noop: return ansi::kDim;
    case Action::Blocked:
    case Action::Invalid: return ansi::kRed;
  }
  return {};
}

void append_safe(std::string& out, std::string_view s) {
  std::string storage;
  out.append(terminal_safe(s, storage));
}

void render_header(std::string& out, const GroupSection& s, const TextOptions& options) {
  if (options.color) out.append(ansi::kBold);
  out.append("Group ");
  append_safe(out, s.group);
  out.append(" (");
  append_group_facts(out, s, append_safe);
  out.push_back(')');
  if (options.color) out.append(ansi::kReset);
  out.push_back('\n');

  if (s.report != nullptr && !s.report->warning.empty()) {
    out.append("  Warning: ");
    append_safe(out, s.report->warning);
    out.push_back('\n');
  }
  // An active group is why partitions are blocked: say so once, and name who holds it.
  for (std::string_view reason : s.blocked_reasons) {
    out.append("  Blocked: ");
    append_safe(out, reason);
    out.push_back('\n');
  }
  if (s.counts.blocked == 0 || s.report == nullptr) return;
  const auto& members = s.report->members;
  if (members.empty()) {
    out.append("  Members: none reported\n");
    return;
  }
  out.append("  Members (");
  append_int(out, static_cast<int64_t>(members.size()));
  out.append("):\n");
  for (const auto& m : members) {
    out.append("    ");
    append_safe(out, member_line(m));
    out.push_back('\n');
  }
}

void render_changes(std::string& out, const planner::PlanResult& result, const GroupSection& s,
                    const TextOptions& options) {
  if (s.begin == s.end) {
    out.append("  (no partitions)\n");
    return;
  }
  TextTable table(change_columns());
  table.reserve(s.end - s.begin);
  if (!s.has_note) table.hide_column(kNote);

  std::string cells;  // this row's cells back to back
  std::string storage;
  std::string safe;
  std::array<size_t, kColumns + 1> cut{};
  std::vector<std::string_view> views(kColumns);
  for (size_t i = s.begin; i < s.end; ++i) {
    const PartitionChange& c = result.changes[i];
    const bool preview = c.apply_timestamp.has_value();
    cells.clear();
    cut[kTopic] = 0;
    cells.append(terminal_safe(c.topic, storage));
    cut[kPartition] = cells.size();
    append_partition(cells, c.partition);
    cut[kCurrent] = cells.size();
    append_offset(cells, c.current);
    cut[kTarget] = cells.size();
    append_offset(cells, c.target, preview);
    cut[kDelta] = cells.size();
    append_delta(cells, c.delta(), preview);
    cut[kLagAfter] = cells.size();
    append_offset(cells, c.lag_after(), preview);
    cut[kAction] = cells.size();
    cells.append(action_label(c.action));
    cut[kNote] = cells.size();
    if (s.has_note) {
      storage.clear();
      append_note(storage, c);
      cells.append(terminal_safe(storage, safe));
    }
    cut[kColumns] = cells.size();
    for (size_t k = 0; k < kColumns; ++k) views[k] = std::string_view(cells).substr(cut[k], cut[k + 1] - cut[k]);
    table.add_row(views, row_style(c.action, options.color));
  }
  table.render(out, "  ");
  if (s.has_preview) {
    out.append("  ");
    out.append(kPreviewLegend);
    out.push_back('\n');
  }
}

}  // namespace

std::string render_text(const planner::PlanResult& result, const TextOptions& options) {
  std::string out;
  out.reserve(256 + result.changes.size() * 72);
  for (const GroupSection& s : group_sections(result)) {
    render_header(out, s, options);
    render_changes(out, result, s, options);
    out.push_back('\n');
  }
  if (!result.targets.empty()) out.append(restricted_line(result.targets) + "\n");
  out.append(summary_line(result.summary));
  out.push_back('\n');
  return out;
}

}  // namespace offsetctl::report
