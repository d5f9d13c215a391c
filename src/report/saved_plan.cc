// Writing saved plans. The layout is part of the format: keys sorted, changes
// grouped in runs of one topic of one group, one partition per line.
#include <algorithm>
#include <functional>

#include "report/change_fields.h"
#include "report/json_writer.h"
#include "report/plan_view.h"
#include "report/saved_plan.h"
#include "util/crypto.h"
#include "util/files.h"
#include "util/time.h"

namespace offsetctl::report {

namespace {

void write_partition(JsonWriter& w, const planner::PartitionChange& c) {
  w.begin_object(true);
  for (const auto& field : kSavedChangeFields) write_change_field(w, field, c);
  w.end_object();
}

// `after_row` runs after each partition: the text can be handed on in pieces.
void write_changes(JsonWriter& w, const std::vector<planner::PartitionChange>& changes,
                   const std::function<void()>& after_row) {
  w.key("changes").begin_array();
  for (size_t i = 0; i < changes.size();) {
    const auto& first = changes[i];
    size_t j = i;
    while (j < changes.size() && changes[j].instance == first.instance && changes[j].group == first.group &&
           changes[j].topic == first.topic) {
      ++j;
    }
    w.begin_object();
    w.member("group", first.group);
    w.member("instance", first.instance);
    w.key("partitions").begin_array();
    for (size_t k = i; k < j; ++k) {
      write_partition(w, changes[k]);
      after_row();
    }
    w.end_array();
    w.member("topic", first.topic);
    w.end_object();
    i = j;
  }
  w.end_array();
}

void write_canonical_member(JsonWriter& w, const planner::Member& m) {
  w.begin_object(true);
  w.key("assignment").begin_object();
  for (const auto& [topic, partitions] : m.assignment) {
    w.key(topic).begin_array();
    for (int32_t p : partitions) w.integer(p);
    w.end_array();
  }
  w.end_object();
  w.member("client_host", m.client_host);
  w.member("client_id", m.client_id);
  w.member("member_id", m.member_id);
  w.end_object();
}

void write_groups(JsonWriter& w, const std::vector<planner::GroupReport>& groups) {
  w.key("groups").begin_array();
  for (const auto& g : groups) {
    w.begin_object(true);
    w.member("group", g.group);
    w.member("instance", g.instance);
    w.key("members").begin_array();
    for (const auto& m : g.members) write_canonical_member(w, m);
    w.end_array();
    w.member("plan", g.plan_name);
    w.member("region", g.region);
    w.member("state", g.state);
    w.end_object();
  }
  w.end_array();
}

void write_plans(JsonWriter& w, const std::vector<planner::PlanSource>& plans) {
  w.key("plans").begin_array();
  for (const auto& p : plans) {
    w.begin_object(true);
    w.member("description", p.description);
    w.member("file", p.file);
    w.member("line", p.line);
    w.member("name", p.name);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

std::string redact_endpoint(std::string_view endpoint) {
  const size_t scheme = endpoint.find("://");
  const size_t host_start = scheme == std::string_view::npos ? 0 : scheme + 3;
  size_t host_end = endpoint.find_first_of("/?#", host_start);
  if (host_end == std::string_view::npos) host_end = endpoint.size();
  const size_t at = endpoint.substr(host_start, host_end - host_start).rfind('@');
  if (at == std::string_view::npos) return std::string(endpoint);
  return std::string(endpoint.substr(0, host_start)) + std::string(endpoint.substr(host_start + at + 1));
}

namespace detail {

size_t write_unsigned_saved_plan(const SavedPlan& plan, std::string& out, const Drain& drain) {
  JsonWriter w(out);
  size_t drained = 0;
  auto flush = [&](size_t at_least) {
    if (!drain || out.size() < at_least) return;
    drain(out);
    drained += out.size();
    out.clear();
  };
  w.begin_object();
  write_changes(w, plan.result.changes, [&] { flush(kDrainBytes); });
  const size_t checksum_at = drained + out.size();  // "checksum" sorts right after "changes"
  w.member("created_at", util::format_rfc3339_ms(plan.created_at_ms));
  w.member("endpoint", redact_endpoint(plan.endpoint));

  std::vector<const PlanFileHash*> files;
  files.reserve(plan.files.size());
  for (const auto& f : plan.files) files.push_back(&f);
  std::stable_sort(files.begin(), files.end(),
                   [](const PlanFileHash* a, const PlanFileHash* b) { return a->path < b->path; });
  w.key("files").begin_array();
  for (const PlanFileHash* f : files) {
    w.begin_object(true);
    w.member("path", f->path);
    w.member("sha256", f->sha256);
    w.end_object();
  }
  w.end_array();

  w.member("format_version", kSavedPlanFormatVersion);
  write_groups(w, plan.result.groups);
  w.member("kind", "saved-plan");
  w.member("planned_at", util::format_rfc3339_ms(plan.result.planned_at_ms));
  // "plans" and "targets" are left out when empty, as plans saved before them have neither: their checksums
  // (over this canonical layout) still hold.
  if (!plan.result.plans.empty()) write_plans(w, plan.result.plans);
  w.member("region", plan.region);
  const auto& s = plan.result.summary;
  w.key("summary").begin_object(true);
  w.member("blocked", s.blocked);
  w.member("invalid", s.invalid);
  w.member("to_change", s.to_change);
  w.member("unchanged", s.unchanged);
  w.end_object();
  if (!plan.result.targets.empty()) {
    w.key("targets").begin_array();
    for (const auto& t : plan.result.targets) w.string(t);
    w.end_array();
  }
  w.member("tool_version", plan.tool_version);
  w.end_object();
  out.push_back('\n');
  flush(0);
  return checksum_at;
}

std::string saved_plan_unsigned_json(const SavedPlan& plan, size_t& checksum_at) {
  std::string out;
  out.reserve(1024 + plan.result.groups.size() * 200 + plan.result.changes.size() * 200);
  checksum_at = write_unsigned_saved_plan(plan, out, nullptr);
  return out;
}

std::string saved_plan_unsigned_sha256(const SavedPlan& plan) {
  util::Sha256 hash;
  std::string buffer;
  buffer.reserve(kDrainBytes + 4096);
  write_unsigned_saved_plan(plan, buffer, [&](std::string_view piece) { hash.update(piece); });
  return hash.hex_digest();
}

}  // namespace detail

namespace {

std::string checksum_member(std::string_view unsigned_json) {
  return ",\n  \"checksum\": \"sha256:" + util::sha256_hex(unsigned_json) + "\"";
}

}  // namespace

Status<> write_saved_plan(const std::string& path, const SavedPlan& plan, std::string* checksum) {
  // Written around the checksum member rather than with it inserted: no second copy of a text
  // that holds ~180 bytes per partition.
  size_t at = 0;
  const std::string body = detail::saved_plan_unsigned_json(plan, at);
  const std::string member = checksum_member(body);
  const std::string_view text(body);
  auto written = util::write_file_atomic(path, std::vector<std::string_view>{text.substr(0, at), member, text.substr(at)});
  if (!written) return fail("could not save the plan: " + written.error().message);
  if (checksum) *checksum = saved_plan_checksum(member);
  return Ok{};
}

Result<SavedPlan> read_saved_plan(const std::string& path, std::string* sha256, std::string* checksum) {
  auto text = util::read_file(path, kMaxSavedPlanBytes);
  if (!text) return fail("saved plan " + text.error().message);
  if (sha256) *sha256 = util::sha256_hex(*text);
  return parse_saved_plan(*text, path, checksum);
}

std::string saved_plan_to_json(const SavedPlan& plan) {
  size_t at = 0;
  std::string body = detail::saved_plan_unsigned_json(plan, at);
  body.insert(at, checksum_member(body));
  return body;
}

}  // namespace offsetctl::report

namespace offsetctl::report {

std::string saved_plan_checksum(std::string_view json) {
  constexpr std::string_view kKey = "\"checksum\": \"";
  const size_t at = json.find(kKey);
  if (at == std::string_view::npos) return {};
  const size_t from = at + kKey.size();
  const size_t end = json.find('"', from);
  if (end == std::string_view::npos) return {};
  return std::string(json.substr(from, end - from));
}

}  // namespace offsetctl::report
