#include "executor/apply_report.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "report/json_writer.h"
#include "report/table.h"
#include "util/plural.h"
#include "util/time.h"

namespace offsetctl::executor {

namespace {

using util::plural;

using report::Align;
using report::JsonWriter;
using report::TextTable;
using report::terminal_safe;
namespace ansi = report::ansi;

// The partitions of one group: [begin, end) of ApplyResult::partitions.
struct GroupRange {
  size_t begin = 0;
  size_t end = 0;
};

std::vector<GroupRange> group_ranges(const std::vector<PartitionOutcome>& ps) {
  std::vector<GroupRange> out;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (out.empty() || ps[i].group != ps[out.back().begin].group ||
        ps[i].instance != ps[out.back().begin].instance) {
      out.push_back({i, i});
    }
    out.back().end = i + 1;
  }
  return out;
}

std::string offset_cell(const std::optional<int64_t>& o) { return o ? std::to_string(*o) : "-"; }

// Where a target resolved at apply time points: "earliest", "latest" or the instant.
std::string apply_target(int64_t ts) {
  if (ts == -2) return "earliest";
  if (ts == -1) return "latest";
  return util::format_rfc3339_ms(ts);
}

std::string target_cell(const PartitionOutcome& p) {
  if (p.apply_timestamp) return apply_target(*p.apply_timestamp) + " (at apply)";
  return offset_cell(p.target);
}

const char* result_cell(PartitionStatus s) {
  switch (s) {
    case PartitionStatus::Verified: return "verified";
    case PartitionStatus::Failed: return "failed";
    case PartitionStatus::NotVerified: return "not verified";
    case PartitionStatus::Unchanged: return "unchanged";
    case PartitionStatus::Skipped: return "skipped";
  }
  return "";
}

std::string detail_cell(const PartitionOutcome& p) {
  if (!p.error_code.empty() || !p.error_message.empty()) {
    std::string d = p.error_code;
    if (!p.error_message.empty()) d += (d.empty() ? "" : ": ") + p.error_message;
    return d;
  }
  return p.note;
}

std::string_view row_style(PartitionStatus s, bool color) {
  if (!color) return {};
  switch (s) {
    case PartitionStatus::Verified: return ansi::kGreen;
    case PartitionStatus::Unchanged: return ansi::kDim;
    default: return ansi::kRed;
  }
}

std::string safe(std::string_view s) {
  std::string storage;
  return std::string(terminal_safe(s, storage));
}

// "2 changed and verified, 1 failed, 3 unchanged" (a dry run: "2 would change").
std::string group_counts(const ApplyResult& r, const GroupRange& g) {
  size_t changed = 0, failed = 0, unchanged = 0;
  for (size_t i = g.begin; i < g.end; ++i) {
    switch (r.partitions[i].status) {
      case PartitionStatus::Verified: ++changed; break;
      case PartitionStatus::Unchanged: ++unchanged; break;
      default: ++failed; break;
    }
  }
  std::vector<std::string> parts;
  if (changed > 0) parts.push_back(std::to_string(changed) + (r.dry_run ? " would change" : " changed and verified"));
  if (failed > 0) parts.push_back(std::to_string(failed) + " failed");
  if (unchanged > 0) parts.push_back(std::to_string(unchanged) + " unchanged");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

void render_group(std::string& out, const ApplyResult& r, const GroupRange& g, const ApplyTextOptions& options) {
  const PartitionOutcome& first = r.partitions[g.begin];
  size_t noop = 0, at_target = 0;
  TextTable table({{"TOPIC", Align::Left},
                   {"PARTITION", Align::Right},
                   {"BEFORE", Align::Right},
                   {"TARGET", Align::Right},
                   {"AFTER", Align::Right},
                   {"RESULT", Align::Left},
                   {"REQUEST ID", Align::Left},
                   {"DETAIL", Align::Left}});
  for (size_t i = g.begin; i < g.end; ++i) {
    const PartitionOutcome& p = r.partitions[i];
    if (p.status == PartitionStatus::Unchanged) {
      ++(p.already_at_target ? at_target : noop);
      continue;
    }
    if (p.status == PartitionStatus::Verified && !options.every_partition) continue;
    std::string topic = safe(p.topic), partition = std::to_string(p.partition), before = offset_cell(p.before),
                target = target_cell(p), after = offset_cell(p.after), request = safe(p.request_id),
                detail = safe(detail_cell(p));
    table.add_row({topic, partition, before, target, after, result_cell(p.status), request, detail},
                  row_style(p.status, options.color));
  }
  if (options.color) out.append(ansi::kBold);
  out.append("Group " + safe(first.group) + " (instance " + safe(first.instance) + ")");
  if (!options.every_partition) out.append(": " + group_counts(r, g));
  if (options.color) out.append(ansi::kReset);
  out.push_back('\n');
  if (table.rows() > 0) {
    if (table.column_empty(6)) table.hide_column(6);
    if (table.column_empty(7)) table.hide_column(7);
    // A row whose last cells are empty would end in padding: trim it.
    std::string rendered;
    table.render(rendered, "  ");
    size_t start = 0;
    while (start < rendered.size()) {
      size_t nl = rendered.find('\n', start);
      if (nl == std::string::npos) nl = rendered.size();
      size_t end = nl;
      while (end > start && rendered[end - 1] == ' ') --end;
      out.append(rendered, start, end - start);
      out.push_back('\n');
      start = nl + 1;
    }
  }
  if (!options.every_partition) return;
  if (noop > 0) out.append("  " + plural(noop, "partition", "partitions") + " unchanged (nothing to do)\n");
  if (at_target > 0) {
    out.append("  " + plural(at_target, "partition", "partitions") + " unchanged (already at " +
               (at_target == 1 ? "its target" : "their targets") + ")\n");
  }
}

void partition_json(JsonWriter& w, const PartitionOutcome& p) {
  w.begin_object(true);
  w.member("partition", p.partition);
  w.member("status", std::string_view(executor::status_name(p.status)));
  w.member("before", p.before);
  w.member("target", p.target);
  w.member("after", p.after);
  if (p.apply_timestamp) w.member("apply_timestamp", p.apply_timestamp);
  w.key("action").string_or_null(p.action);
  w.key("request_id").string_or_null(p.request_id);
  w.key("error_code").string_or_null(p.error_code);
  w.key("error_message").string_or_null(p.error_message);
  w.key("note").string_or_null(p.note);
  w.end_object();
}

// One list of the group ("succ", "failed", "unchanged"): per topic, its partitions.
template <class Pred>
void topic_list_json(JsonWriter& w, const char* name, const ApplyResult& r, const GroupRange& g, Pred keep) {
  w.key(name).begin_array();
  size_t i = g.begin;
  while (i < g.end) {
    size_t j = i;
    while (j < g.end && r.partitions[j].topic == r.partitions[i].topic) ++j;
    bool any = false;
    for (size_t k = i; k < j && !any; ++k) any = keep(r.partitions[k]);
    if (any) {
      w.begin_object();
      w.member("topic", r.partitions[i].topic);
      w.key("partitions").begin_array();
      for (size_t k = i; k < j; ++k)
        if (keep(r.partitions[k])) partition_json(w, r.partitions[k]);
      w.end_array();
      w.end_object();
    }
    i = j;
  }
  w.end_array();
}

}  // namespace

std::string apply_summary_line(const ApplyResult& r) {
  executor::ApplySummary s = r.summary();
  if (r.dry_run) {
    return "Dry run: " + std::to_string(s.changed) + " would change, " + std::to_string(s.failed) + " failed, " +
           std::to_string(s.unchanged) + " unchanged.";
  }
  return "Apply: " + std::to_string(s.changed) + " changed and verified, " + std::to_string(s.failed) +
         " failed, " + std::to_string(s.unchanged) + " unchanged.";
}

std::string describe_refusal(const ApplyResult& r) {
  if (!r.refused()) return "";
  std::string out = r.refusal + " (nothing was changed)";
  for (const auto& line : r.refusal_details) out += "\n  " + safe(line);
  for (const auto& d : r.drift) out += "\n  " + safe(d.message);
  return out;
}

std::string render_apply_text(const ApplyResult& r, const ApplyTextOptions& options) {
  std::string out;
  if (r.refused()) {
    out = describe_refusal(r) + "\n";
    return out;
  }
  std::string runs = "Run " + safe(r.run_id);
  if (r.run_ids.size() > 1) {
    runs = "Runs ";
    for (size_t i = 0; i < r.run_ids.size(); ++i) runs += (i ? " and " : "") + safe(r.run_ids[i]);
  }
  out.append(r.dry_run ? "Dry run (nothing is sent, nothing is written)" : runs);
  out.append(" against " + safe(r.endpoint));
  if (!r.region.empty()) out.append(" (" + safe(r.region) + ")");
  out.append("\n");
  // Every partition: a block per group. Else a line per group, and a blank line around each table.
  bool after_table = true;
  bool hidden = false;
  for (const GroupRange& g : group_ranges(r.partitions)) {
    const size_t before = out.size();
    if (options.every_partition || after_table) out.push_back('\n');
    render_group(out, r, g, options);
    after_table = std::count(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(), '\n') > 2;
    for (size_t i = g.begin; i < g.end && !hidden; ++i) hidden = r.partitions[i].status == PartitionStatus::Verified;
  }
  if (hidden && !options.every_partition) {
    out.append(r.dry_run ? "\nPartitions that would change are counted, not listed: -v lists them.\n"
                         : "\nPartitions changed and verified are counted, not listed: -v lists them.\n");
  }
  if (!r.problems.empty()) out.push_back('\n');
  for (const auto& p : r.problems) out.append("warning: " + safe(p) + "\n");
  out.push_back('\n');
  const bool clean = r.exit_code() == 0;
  if (options.color) out.append(clean ? ansi::kGreen : ansi::kRed);
  out.append(apply_summary_line(r));
  if (options.color) out.append(ansi::kReset);
  out.push_back('\n');
  return out;
}

std::string render_apply_json(const ApplyResult& r) {
  std::string out;
  JsonWriter w(out);
  executor::ApplySummary s = r.summary();
  w.begin_object();
  w.member("format_version", 1);
  w.member("run_id", r.run_id);
  w.key("run_ids").begin_array(true);
  if (r.run_ids.empty()) {
    w.string(r.run_id);
  } else {
    for (const auto& id : r.run_ids) w.string(id);
  }
  w.end_array();
  w.member("endpoint", r.endpoint);
  w.member("region", r.region);
  w.member("dry_run", r.dry_run);
  w.member("exit_code", r.exit_code());
  w.key("summary").begin_object(true);
  w.member("changed", s.changed).member("failed", s.failed).member("unchanged", s.unchanged);
  w.end_object();
  w.key("calls").begin_object(true);
  w.member("BatchModifyGroupOffsets", r.batch_calls).member("ModifyGroupOffsets", r.modify_calls);
  if (r.reset_calls > 0) w.member("ResetConsumerGroupOffset", r.reset_calls);
  w.end_object();
  w.key("refusal").string_or_null(r.refusal);
  w.key("refusal_details").begin_array();
  for (const auto& d : r.refusal_details) w.string(d);
  w.end_array();
  w.key("drift").begin_array();
  for (const auto& d : r.drift) {
    w.begin_object(true);
    w.member("instance", d.instance).member("group", d.group);
    w.key("topic").string_or_null(d.topic);
    w.key("partition").integer_or_null(d.partition ? std::optional<int64_t>(*d.partition) : std::nullopt);
    w.member("message", d.message);
    w.end_object();
  }
  w.end_array();
  w.key("problems").begin_array();
  for (const auto& p : r.problems) w.string(p);
  w.end_array();
  w.key("groups").begin_array();
  for (const GroupRange& g : group_ranges(r.partitions)) {
    w.begin_object();
    w.member("instance", r.partitions[g.begin].instance);
    w.member("group", r.partitions[g.begin].group);
    topic_list_json(w, "succ", r, g, [](const PartitionOutcome& p) { return p.status == PartitionStatus::Verified; });
    topic_list_json(w, "failed", r, g, [](const PartitionOutcome& p) {
      return p.status != PartitionStatus::Verified && p.status != PartitionStatus::Unchanged;
    });
    topic_list_json(w, "unchanged", r, g,
                    [](const PartitionOutcome& p) { return p.status == PartitionStatus::Unchanged; });
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace offsetctl::executor
