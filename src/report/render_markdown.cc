// The pull-request comment: problems first, then one collapsible table per
// group, kept under the forges' comment size limit.
#include "report/markdown.h"
#include "report/plan_view.h"
#include "report/render.h"
#include "report/table.h"

namespace offsetctl::report {

using planner::Action;
using planner::PartitionChange;
using planner::PlanResult;

namespace {

// The warning block lists problems up to this size; the rest is counted.
constexpr size_t kWarningBudget = 16000;
// Longest name or reason quoted in the warning block (a hostile or runaway
// value must not eat the whole comment).
constexpr size_t kClip = 400;
// Room kept for the line that says what was cut.
constexpr size_t kCutLineReserve = 400;

// `s` cut to at most `max` bytes at a code point boundary, with "…" when cut.
std::string clip(std::string_view s, size_t max = kClip) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  std::string out(s.substr(0, n));
  out.append("\xE2\x80\xA6");
  return out;
}

void md(std::string& out, std::string_view s) { append_markdown_escaped(out, clip(s)); }
void html(std::string& out, std::string_view s) { append_html_escaped(out, s); }

void append_count(std::string& out, size_t n, std::string_view one, std::string_view many) {
  append_int(out, static_cast<int64_t>(n));
  out.push_back(' ');
  out.append(n == 1 ? one : many);
}

// "3 to change, 1 unchanged, 2 blocked": the non-zero counts.
std::string counts_text(const planner::PlanSummary& c) {
  std::string out;
  auto add = [&](size_t n, std::string_view what) {
    if (n == 0) return;
    if (!out.empty()) out.append(", ");
    append_int(out, static_cast<int64_t>(n));
    out.push_back(' ');
    out.append(what);
  };
  add(c.to_change, "to change");
  add(c.unchanged, "unchanged");
  add(c.blocked, "blocked");
  add(c.invalid, "invalid");
  return out.empty() ? "no partitions" : out;
}

// One "> - " line per blocked group and per run of invalid partitions of a
// topic that share a reason.
// The groups' own warnings ("new group: ..."): said whatever else the plan holds.
std::string group_warnings(const std::vector<GroupSection>& sections) {
  std::string out;
  for (const GroupSection& s : sections) {
    if (s.report == nullptr || s.report->warning.empty()) continue;
    if (out.empty()) out = "> [!NOTE]\n";
    out.append("> - ");
    md(out, s.report->warning);
    out.push_back('\n');
  }
  return out.empty() ? out : out + "\n";
}

std::string warning_block(const PlanResult& result, const std::vector<GroupSection>& sections) {
  const size_t problems = result.summary.blocked + result.summary.invalid;
  if (problems == 0) return {};
  std::string out = "> [!WARNING]\n> **";
  append_count(out, problems, "partition", "partitions");
  out.append(" cannot be changed as planned:**\n");

  size_t listed = 0;  // partitions covered by the lines written
  bool full = false;
  auto emit = [&](const std::string& line, size_t partitions) {
    if (full || out.size() + line.size() > kWarningBudget) {
      full = true;
      return;
    }
    out.append(line);
    listed += partitions;
  };

  for (const GroupSection& s : sections) {
    if (s.counts.blocked > 0) {
      std::string line = "> - **blocked**: group ";
      md(line, s.group);
      line.append(" on ");
      md(line, s.instance);
      line.append(" (");
      append_count(line, s.counts.blocked, "partition", "partitions");
      line.append(")");
      std::string reason;  // the first blocked partition's reason speaks for the group
      for (size_t i = s.begin; i < s.end; ++i) {
        if (result.changes[i].action == Action::Blocked) {
          reason = result.changes[i].reason;
          break;
        }
      }
      if (!reason.empty()) {
        line.append(": ");
        md(line, reason);
      }
      line.push_back('\n');
      emit(line, s.counts.blocked);
    }
    for (size_t i = s.begin; i < s.end;) {
      const PartitionChange& c = result.changes[i];
      if (c.action != Action::Invalid) {
        ++i;
        continue;
      }
      std::vector<int32_t> partitions;
      size_t j = i;
      while (j < s.end && result.changes[j].action == Action::Invalid && result.changes[j].topic == c.topic &&
             result.changes[j].reason == c.reason) {
        partitions.push_back(result.changes[j].partition);
        ++j;
      }
      std::string line = "> - **invalid**: group ";
      md(line, s.group);
      line.append(" on ");
      md(line, s.instance);
      line.append(", topic ");
      md(line, c.topic);
      if (partitions.size() == 1 && partitions[0] == planner::kEveryPartition) {
        line.append(", every partition");
      } else {
        line.append(partitions.size() == 1 ? ", partition " : ", partitions ");
        line.append(format_partition_list(partitions));
      }
      if (!c.reason.empty()) {
        line.append(": ");
        md(line, c.reason);
      }
      line.push_back('\n');
      emit(line, partitions.size());
      i = j;
    }
  }
  if (listed < problems) {
    out.append("> - …and ");
    append_count(out, problems - listed, "more partition", "more partitions");
    out.append("; `offsetctl plan --format json` lists every one.\n");
  }
  out.push_back('\n');
  return out;
}

// 65000 -> "65,000"
std::string with_thousands(size_t n) {
  std::string digits;
  append_int(digits, static_cast<int64_t>(n));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::vector<Column> table_columns(bool note) {
  std::vector<Column> columns = {{"Topic", Align::Left},  {"Partition", Align::Right}, {"Current", Align::Right},
                                 {"Target", Align::Right}, {"Delta", Align::Right},     {"Lag after", Align::Right},
                                 {"Action", Align::Left}};
  if (note) columns.push_back({"Note", Align::Left});
  return columns;
}

void render_group(std::string& out, const PlanResult& result, const GroupSection& s) {
  out.append("<details><summary><b>");
  append_html_escaped(out, s.group);
  out.append("</b> (");
  append_group_facts(out, s, html);
  out.append("): ");
  out.append(counts_text(s.counts));
  out.append("</summary>\n\n");

  for (std::string_view reason : s.blocked_reasons) {
    out.append("**Blocked:** ");
    append_markdown_escaped(out, reason);
    out.append("\n\n");
  }
  if (s.counts.blocked > 0 && s.report != nullptr) {
    if (s.report->members.empty()) {
      out.append("Members: none reported.\n\n");
    } else {
      out.append("Members (");
      append_int(out, static_cast<int64_t>(s.report->members.size()));
      out.append("):\n");
      for (const auto& m : s.report->members) {
        out.append("- ");
        append_markdown_escaped(out, member_line(m));
        out.push_back('\n');
      }
      out.push_back('\n');
    }
  }

  if (s.begin == s.end) {
    out.append("No partitions.\n");
  } else {
    MarkdownTable table(out, table_columns(s.has_note));
    std::string cell;
    for (size_t i = s.begin; i < s.end; ++i) {
      const PartitionChange& c = result.changes[i];
      const bool preview = c.apply_timestamp.has_value();
      table.begin_row();
      table.cell(c.topic);
      cell.clear();
      append_partition(cell, c.partition);
      table.cell_raw(cell);
      cell.clear();
      append_offset(cell, c.current);
      table.cell_raw(cell);
      cell.clear();
      append_offset(cell, c.target, preview);
      table.cell_raw(cell);
      cell.clear();
      append_delta(cell, c.delta(), preview);
      table.cell_raw(cell);
      cell.clear();
      append_offset(cell, c.lag_after(), preview);
      table.cell_raw(cell);
      const bool problem = c.action == Action::Blocked || c.action == Action::Invalid;
      cell.clear();
      if (problem) cell.append("**");
      cell.append(action_label(c.action));
      if (problem) cell.append("**");
      table.cell_raw(cell);
      if (s.has_note) {
        cell.clear();
        append_note(cell, c);
        table.cell(cell);
      }
      table.end_row();
    }
    if (s.has_preview) {
      out.push_back('\n');
      out.append(kPreviewLegend);
      out.push_back('\n');
    }
  }
  out.append("\n</details>\n\n");
}

}  // namespace

std::string render_markdown(const PlanResult& result) { return render_markdown(result, kMarkdownLimit); }

std::string render_markdown(const PlanResult& result, size_t limit) {
  const std::vector<GroupSection> sections = group_sections(result);
  std::string out;
  out.reserve(std::min<size_t>(limit, 1024 + result.changes.size() * 64));
  out.append("**");
  out.append(summary_line(result.summary));
  out.append("**\n\n");
  if (!result.targets.empty()) out.append("> " + restricted_line(result.targets) + "\n\n");
  out.append(warning_block(result, sections));
  out.append(group_warnings(sections));

  std::string part;
  size_t shown = 0;
  for (; shown < sections.size(); ++shown) {
    part.clear();
    render_group(part, result, sections[shown]);
    const bool last = shown + 1 == sections.size();
    if (out.size() + part.size() + (last ? 0 : kCutLineReserve) > limit) break;
    out.append(part);
  }
  if (shown < sections.size()) {
    size_t partitions = 0;
    for (size_t k = shown; k < sections.size(); ++k) partitions += sections[k].end - sections[k].begin;
    out.append("**Cut short:** ");
    if (shown == 0) {
      append_count(out, sections.size(), "group", "groups");
    } else {
      append_count(out, sections.size() - shown, "more group", "more groups");
    }
    out.append(" (");
    append_count(out, partitions, "partition", "partitions");
    out.append(") left out to keep this comment under ");
    out.append(with_thousands(limit));
    out.append(" characters; `offsetctl plan --format text` or `--format json` shows every partition.\n");
  }
  // Trailing blank lines are noise in a comment.
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace offsetctl::report
