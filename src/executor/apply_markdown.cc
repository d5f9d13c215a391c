#include "executor/apply_markdown.h"

#include <vector>

#include "executor/apply_report.h"
#include "report/markdown.h"
#include "util/plural.h"

namespace offsetctl::executor {
namespace {

using report::markdown_escape;

std::string markdown_offset(const std::optional<int64_t>& o) { return o ? std::to_string(*o) : "-"; }

const char* markdown_result(PartitionStatus s) {
  switch (s) {
    case PartitionStatus::Verified: return "verified";
    case PartitionStatus::Failed: return "**failed**";
    case PartitionStatus::NotVerified: return "**not verified**";
    case PartitionStatus::Unchanged: return "unchanged";
    case PartitionStatus::Skipped: return "**skipped**";
  }
  return "";
}

std::string markdown_detail(const PartitionOutcome& p) {
  std::string d = p.error_code;
  if (!p.error_message.empty()) d += (d.empty() ? "" : ": ") + p.error_message;
  if (d.empty()) d = p.note;
  if (!p.request_id.empty()) d += (d.empty() ? "" : " ") + std::string("(RequestId ") + p.request_id + ")";
  return d;
}

void render_markdown_group(std::string& out, const ApplyResult& r, size_t begin, size_t end) {
  const PartitionOutcome& first = r.partitions[begin];
  size_t changed = 0, failed = 0, unchanged = 0;
  for (size_t i = begin; i < end; ++i) {
    switch (r.partitions[i].status) {
      case PartitionStatus::Verified: ++changed; break;
      case PartitionStatus::Unchanged: ++unchanged; break;
      default: ++failed; break;
    }
  }
  if (changed + failed == 0) return;  // nothing to do in this group: counted in the summary only
  out += failed > 0 ? "<details open>" : "<details>";
  out += "<summary>" + report::html_escape(first.group) + " on " + report::html_escape(first.instance) + ": " +
         std::to_string(changed) + " changed, " + std::to_string(failed) + " failed, " +
         std::to_string(unchanged) + " unchanged</summary>\n\n";
  out += "| topic | partition | before | target | after | result | detail |\n|---|--:|--:|--:|--:|---|---|\n";
  for (size_t i = begin; i < end; ++i) {
    const PartitionOutcome& p = r.partitions[i];
    if (p.status == PartitionStatus::Unchanged) continue;
    out += "| " + markdown_escape(p.topic) + " | " + std::to_string(p.partition) + " | " + markdown_offset(p.before) +
           " | " + markdown_offset(p.target) + " | " + markdown_offset(p.after) + " | " + markdown_result(p.status) + " | " +
           markdown_escape(markdown_detail(p)) + " |\n";
  }
  out += "\n</details>\n\n";
}

}  // namespace

std::string render_apply_markdown(const ApplyResult& r) {
  std::string out = "### offsetctl apply";
  if (r.dry_run) out += " (dry run)";
  out += "\n\n";
  if (r.refused()) {
    out += "> [!CAUTION]\n> **Refused, nothing was changed:** " + markdown_escape(r.refusal) + "\n";
    for (const auto& line : r.refusal_details) out += "> - " + markdown_escape(line) + "\n";
    for (const auto& d : r.drift) out += "> - " + markdown_escape(d.message) + "\n";
    return out + "\n";
  }
  out += "**" + markdown_escape(apply_summary_line(r)) + "**";
  if (!r.run_id.empty()) out += " Run `" + markdown_escape(r.run_id) + "`.";
  out += "\n\n";
  if (r.exit_code() != 0) {
    out += "> [!WARNING]\n> Some changes failed or could not be verified: run the same apply again to retry "
           "them; what is done already is left alone.\n";
    for (const auto& p : r.problems) out += "> - " + markdown_escape(p) + "\n";
    out += "\n";
  }
  for (size_t begin = 0; begin < r.partitions.size();) {
    size_t end = begin;
    while (end < r.partitions.size() && r.partitions[end].group == r.partitions[begin].group &&
           r.partitions[end].instance == r.partitions[begin].instance) {
      ++end;
    }
    render_markdown_group(out, r, begin, end);
    begin = end;
  }
  return out;
}

}  // namespace offsetctl::executor
