// The pull-request comment: problems first, then one collapsible table per
// group, kept under the forges' comment size limit.
#include <algorithm>

#include "report/comment_split.h"
#include "report/markdown.h"
#include "report/plan_view.h"
#include "report/render.h"
#include "report/table.h"
#include "util/crypto.h"
#include "util/time.h"

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
  if (std::string moved = moved_text(c); !moved.empty() && c.to_change > 0) out.append(" (" + moved + ")");
  add(c.unchanged, "unchanged");
  add(c.blocked, "blocked");
  add(c.invalid, "invalid");
  return out.empty() ? "no partitions" : out;
}

// Lines of a block quote, each kept while the block stays within `budget`;
// what did not fit is counted.
class QuoteList {
 public:
  QuoteList(std::string& out, size_t budget) : out_(out), budget_(out.size() + budget) {}
  void emit(const std::string& line, size_t items) {
    if (full_ || out_.size() + line.size() > budget_) {
      full_ = true;
      return;
    }
    out_.append(line);
    listed_ += items;
  }
  size_t listed() const { return listed_; }

  // "> - …and 3 more topics; ..." when fewer than `total` were listed.
  void close(size_t total, const char* one, const char* many) {
    if (listed_ >= total) return;
    out_.append("> - …and ");
    append_count(out_, total - listed_, one, many);
    out_.append("; `offsetctl plan --format json` lists every one.\n");
  }

 private:
  std::string& out_;
  size_t budget_;
  size_t listed_ = 0;
  bool full_ = false;
};

// Skips are data loss: one "> - " line per group and topic that skips, first.
std::string caution_block(const PlanResult& result, const std::vector<GroupSection>& sections) {
  const int64_t skipped = result.summary.skipped;
  if (skipped <= 0) return {};
  std::string out = "> [!CAUTION]\n> **Skips ";
  out.append(with_thousands(skipped));
  out.append(skipped == 1 ? " message" : " messages");
  out.append(":** the groups below will never read ");
  out.append(skipped == 1 ? "it" : "them");
  out.append(" (their committed offsets move forward past unread messages).\n");
  size_t topics = 0;
  QuoteList list(out, kWarningBudget);
  for (const GroupSection& s : sections) {
    if (s.counts.skipped == 0) continue;
    for (size_t i = s.begin; i < s.end;) {
      const std::string& topic = result.changes[i].topic;
      int64_t n = 0;
      std::vector<int32_t> partitions;
      size_t j = i;
      for (; j < s.end && result.changes[j].topic == topic; ++j) {
        if (result.changes[j].skipped() == 0) continue;
        n = planner::add_saturating(n, result.changes[j].skipped());
        partitions.push_back(result.changes[j].partition);
      }
      i = j;
      if (n == 0) continue;
      ++topics;
      std::string line = "> - group **";
      md(line, s.group);
      line.append("** on ");
      md(line, s.instance);
      line.append(", topic **");
      md(line, topic);
      line.append("**: skips ");
      line.append(with_thousands(n));
      line.append(n == 1 ? " message" : " messages");
      line.append(partitions.size() == 1 ? " (partition " : " (partitions ");
      line.append(format_partition_list(partitions));
      line.append(")\n");
      list.emit(line, 1);
    }
  }
  list.close(topics, "more topic", "more topics");
  out.push_back('\n');
  return out;
}

// The groups' own warnings ("new group: ..."): said whatever else the plan holds,
// within the same budget as the other blocks.
std::string group_warnings(const std::vector<GroupSection>& sections) {
  size_t warned = 0;
  for (const GroupSection& s : sections) warned += s.report != nullptr && !s.report->warning.empty();
  if (warned == 0) return {};
  std::string out = "> [!NOTE]\n";
  QuoteList list(out, kWarningBudget);
  for (const GroupSection& s : sections) {
    if (s.report == nullptr || s.report->warning.empty()) continue;
    std::string line = "> - ";
    md(line, s.report->warning);
    line.push_back('\n');
    list.emit(line, 1);
  }
  list.close(warned, "more warning", "more warnings");
  return out + "\n";
}

// One "> - " line per blocked group and per run of invalid partitions of a
// topic that share a reason.
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

std::vector<Column> table_columns(bool asked, bool note) {
  std::vector<Column> columns = {{"Topic", Align::Left},  {"Partition", Align::Right}, {"Current", Align::Right},
                                 {"Target", Align::Right}, {"Delta", Align::Right},     {"Lag after", Align::Right},
                                 {"Action", Align::Left}};
  if (asked) columns.push_back({"Asked", Align::Left});
  if (note) columns.push_back({"Note", Align::Left});
  return columns;
}

// `text` as a code span, or escaped text when it holds a backtick (a span
// could not hold it without breaking out).
void append_code(std::string& out, std::string_view text) {
  if (text.find('`') != std::string_view::npos || text.find('\n') != std::string_view::npos) {
    md(out, text);
    return;
  }
  out.push_back('`');
  out.append(clip(text));
  out.push_back('`');
}

// Plans shown by name, file and description; past this many, counted.
constexpr size_t kListedPlans = 20;

// What the reviewer judges the change by: which plans asked for it, what they
// say they are for, when the cluster was read, and how to apply exactly this.
std::string context_block(const PlanResult& result, const ReportContext& context) {
  std::string out;
  for (size_t i = 0; i < result.plans.size() && i < kListedPlans; ++i) {
    const auto& p = result.plans[i];
    out.append("- Plan **");
    md(out, p.name);
    out.append("** (");
    std::string where = p.file + ":" + std::to_string(p.line);
    append_code(out, where);
    out.push_back(')');
    if (!p.description.empty()) {
      out.append(": ");
      md(out, p.description);
    }
    out.push_back('\n');
  }
  if (result.plans.size() > kListedPlans) {
    out.append("- …and ");
    append_count(out, result.plans.size() - kListedPlans, "more plan", "more plans");
    out.push_back('\n');
  }
  out.append("- Live state read at ");
  out.append(util::format_rfc3339_ms(result.planned_at_ms));
  out.append(" (UTC)\n");
  if (const auto& saved = context.saved) {
    out.append("- Saved plan ");
    append_code(out, saved->path);
    out.append(" (");
    append_code(out, saved->checksum);
    out.append(")");
    out.append(left_out_text(*saved));
    out.append("; apply exactly this with ");
    append_code(out, apply_command(*saved));
    out.push_back('\n');
  }
  out.push_back('\n');
  return out;
}

bool needs_attention(const GroupSection& s) {
  return s.counts.skipped > 0 || s.counts.blocked > 0 || s.counts.invalid > 0;
}

void render_group(std::string& out, const PlanResult& result, const GroupSection& s, bool open) {
  out.append(open ? "<details open><summary><b>" : "<details><summary><b>");
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
    MarkdownTable table(out, table_columns(s.has_asked, s.has_note));
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
      append_delta_cell(cell, c);
      table.cell_raw(cell);
      cell.clear();
      append_offset(cell, c.lag_after(), preview);
      table.cell_raw(cell);
      const bool loud = c.action == Action::Blocked || c.action == Action::Invalid || c.skipped() > 0;
      cell.clear();
      if (loud) cell.append("**");
      cell.append(action_text(c));
      if (loud) cell.append("**");
      table.cell_raw(cell);
      if (s.has_asked) table.cell(clip(asked_cell(result, i)));
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

// The comment without its marker; `limit` cuts it at a group boundary
// (SIZE_MAX: never), `whole_parts` is what the cut line offers instead.
std::string markdown_body(const PlanResult& result, const MarkdownOptions& options, size_t limit,
                          size_t whole_parts) {
  // `limit` leaves room for the marker; the reader is told the forge's limit.
  const std::vector<GroupSection> sections = group_sections(result);
  std::string out;
  out.reserve(std::min<size_t>(limit, 1024 + result.changes.size() * 80));
  out.append("**");
  out.append(summary_line(result.summary));
  out.append("**\n\n");
  if (!result.targets.empty()) out.append("> " + restricted_line(result.targets) + "\n\n");
  out.append(caution_block(result, sections));
  out.append(warning_block(result, sections));
  out.append(group_warnings(sections));
  out.append(context_block(result, options.context));

  const bool all_open = result.changes.size() <= kOpenAllRows;
  std::string part;
  size_t shown = 0;
  for (; shown < sections.size(); ++shown) {
    part.clear();
    render_group(part, result, sections[shown], all_open || needs_attention(sections[shown]));
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
    out.append(with_thousands(static_cast<int64_t>(options.limit)));
    out.append(" characters. `offsetctl plan --format markdown --comment-dir DIR` writes all of it as ");
    append_count(out, whole_parts, "comment", "comments");
    out.append(" (`DIR/comment-1.md`, …); `--format text` or `--format json` shows every partition.\n");
  }
  // Trailing blank lines are noise in a comment.
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

CommentSplit split_of(const PlanResult& result, const MarkdownOptions& options) {
  CommentSplit split;
  split.limit = options.limit;
  split.id = comment_marker_id(result);
  return split;
}

}  // namespace

std::string comment_marker_id(const PlanResult& result) {
  std::vector<std::string> names;
  for (const auto& p : result.plans) names.push_back(p.name);
  if (names.empty()) {
    for (const auto& g : result.groups) names.push_back(g.instance + "/" + g.group);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  if (names.size() == 1 && !names[0].empty() && names[0].size() <= 100 &&
      names[0].find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
          std::string::npos &&
      names[0].find("--") == std::string::npos) {
    return names[0];
  }
  std::string joined;
  for (const auto& n : names) joined.append(n).push_back('\n');
  return util::sha256_hex(joined).substr(0, 12);
}

std::vector<std::string> render_markdown_parts(const PlanResult& result, const MarkdownOptions& options) {
  return split_comment(markdown_body(result, options, SIZE_MAX, 1), split_of(result, options));
}

std::string render_markdown(const PlanResult& result) { return render_markdown(result, MarkdownOptions{}); }

std::string render_markdown(const PlanResult& result, size_t limit) {
  MarkdownOptions options;
  options.limit = limit;
  return render_markdown(result, options);
}

std::string render_markdown(const PlanResult& result, const MarkdownOptions& options) {
  const CommentSplit split = split_of(result, options);
  const std::string marker = comment_marker(split, 1, 1);
  const size_t room = options.limit > marker.size() ? options.limit - marker.size() : 0;
  std::string body = markdown_body(result, options, room, 1);
  if (body.find("\n**Cut short:** ") != std::string::npos) {
    // Say how many comments the whole report takes.
    const size_t parts = render_markdown_parts(result, options).size();
    body = markdown_body(result, options, room, parts);
  }
  return marker + body;
}

}  // namespace offsetctl::report
