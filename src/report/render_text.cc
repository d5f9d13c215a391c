// The terminal rendering: kafka-consumer-groups' dry-run table per group.
#include <array>

#include "report/plan_view.h"
#include "report/render.h"
#include "report/table.h"
#include "util/plural.h"
#include "util/time.h"

namespace offsetctl::report {

using planner::Action;
using planner::PartitionChange;

namespace {

enum Col { kTopic, kPartition, kCurrent, kTarget, kDelta, kLagAfter, kAction, kAsked, kNote, kColumns };

std::vector<Column> change_columns() {
  return {{"TOPIC", Align::Left},  {"PARTITION", Align::Right}, {"CURRENT", Align::Right},
          {"TARGET", Align::Right}, {"DELTA", Align::Right},     {"LAG AFTER", Align::Right},
          {"ACTION", Align::Left},  {"ASKED", Align::Left},      {"NOTE", Align::Left}};
}

std::string_view row_style(const PartitionChange& c, bool color) {
  if (!color) return {};
  switch (c.action) {
    case Action::Change: return c.skipped() > 0 ? ansi::kRed : ansi::kYellow;
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

  // Skipped messages are never read by the group: data loss, said in words.
  if (s.counts.skipped > 0) {
    if (options.color) out.append(ansi::kRed);
    out.append("  Skips ");
    out.append(with_thousands(s.counts.skipped));
    out.append(s.counts.skipped == 1 ? " message" : " messages");
    out.append(": the group will never read ");
    out.append(s.counts.skipped == 1 ? "it" : "them");
    if (options.color) out.append(ansi::kReset);
    out.push_back('\n');
  }
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
  if (!s.has_asked) table.hide_column(kAsked);

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
    append_delta_cell(cells, c);
    cut[kLagAfter] = cells.size();
    append_offset(cells, c.lag_after(), preview);
    cut[kAction] = cells.size();
    cells.append(action_text(c));
    cut[kAsked] = cells.size();
    cells.append(terminal_safe(asked_cell(result, i), storage));
    cut[kNote] = cells.size();
    if (s.has_note) {
      storage.clear();
      append_note(storage, c);
      cells.append(terminal_safe(storage, safe));
    }
    cut[kColumns] = cells.size();
    for (size_t k = 0; k < kColumns; ++k) views[k] = std::string_view(cells).substr(cut[k], cut[k + 1] - cut[k]);
    table.add_row(views, row_style(c, options.color));
  }
  table.render(out, "  ");
  if (s.has_preview) {
    out.append("  ");
    out.append(kPreviewLegend);
    out.push_back('\n');
  }
}


// Which plans, and when the cluster was read: what the numbers below are as of.
void render_context(std::string& out, const planner::PlanResult& result) {
  for (const auto& p : result.plans) {
    out.append("Plan ");
    append_safe(out, p.name);
    out.append(" (");
    append_safe(out, p.file);
    out.push_back(':');
    append_int(out, p.line);
    out.push_back(')');
    if (!p.description.empty()) {
      out.append(": ");
      std::string one_line = p.description;
      for (char& ch : one_line) {
        if (ch == '\n' || ch == '\r') ch = ' ';
      }
      while (!one_line.empty() && one_line.back() == ' ') one_line.pop_back();
      append_safe(out, one_line);
    }
    out.push_back('\n');
  }
  out.append("Live state read at ");
  out.append(util::format_rfc3339_ms(result.planned_at_ms));
  out.append("\n\n");
}

}  // namespace

std::string apply_command(const SavedPlanRef& saved) {
  const bool plain = !saved.path.empty() && saved.path.find_first_not_of(
                                                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-+=:,@") ==
                                                std::string::npos;
  if (plain) return "offsetctl apply " + saved.path;
  std::string quoted = "'";
  for (char ch : saved.path) {
    if (ch == '\'') {
      quoted.append("'\\''");
    } else {
      quoted.push_back(ch);
    }
  }
  return "offsetctl apply " + quoted + "'";
}

std::string left_out_text(const SavedPlanRef& saved) {
  if (saved.left_out == 0) return {};
  return ", without the " + util::plural(saved.left_out, "blocked or invalid partition", "blocked or invalid partitions") +
         " above";
}

std::string render_text(const planner::PlanResult& result, const TextOptions& options) {
  std::string out;
  out.reserve(256 + result.changes.size() * 72);
  render_context(out, result);
  for (const GroupSection& s : group_sections(result)) {
    render_header(out, s, options);
    render_changes(out, result, s, options);
    out.push_back('\n');
  }
  if (!result.targets.empty()) out.append(restricted_line(result.targets) + "\n");
  out.append(summary_line(result.summary));
  out.push_back('\n');
  if (const auto& saved = options.context.saved) {
    out.append("Saved as ");
    append_safe(out, saved->path);
    out.append(" (");
    out.append(saved->checksum);
    out.append(")");
    out.append(left_out_text(*saved));
    out.append("; apply it with: ");
    append_safe(out, apply_command(*saved));
    out.push_back('\n');
  }
  return out;
}

}  // namespace offsetctl::report
