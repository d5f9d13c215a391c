// The JSON report (schemas/report.schema.json): one record per line, so that
// jq, grep and diff all work on it.
#include "report/change_fields.h"
#include "report/json_writer.h"
#include "report/plan_view.h"
#include "report/render.h"
#include "util/time.h"

namespace offsetctl::report {

namespace {

void write_member(JsonWriter& w, const planner::Member& m) {
  w.begin_object(true);
  w.member("member_id", m.member_id);
  w.key("client_id").string_or_null(m.client_id);
  w.key("client_host").string_or_null(m.client_host);
  w.key("assignment").begin_object();
  for (const auto& [topic, partitions] : m.assignment) {
    w.key(topic).begin_array();
    for (int32_t p : partitions) w.integer(p);
    w.end_array();
  }
  w.end_object();
  w.end_object();
}

void write_group(JsonWriter& w, const planner::GroupReport& g) {
  w.begin_object(true);
  w.member("instance", g.instance);
  w.member("group", g.group);
  w.key("region").string_or_null(g.region);
  w.key("plan").string_or_null(g.plan_name);
  w.key("state").string_or_null(g.state);
  w.key("members").begin_array();
  for (const auto& m : g.members) write_member(w, m);
  w.end_array();
  w.end_object();
}

void write_change(JsonWriter& w, const planner::PartitionChange& c) {
  w.begin_object(true);
  for (const auto& field : planner::kChangeFields) write_change_field(w, field, c);
  w.end_object();
}

}  // namespace

std::string render_json(const planner::PlanResult& result) {
  std::string out;
  out.reserve(1024 + result.groups.size() * 160 + result.changes.size() * 360);
  JsonWriter w(out);
  w.begin_object();
  w.member("format_version", kReportFormatVersion);
  w.member("kind", "plan-report");
  w.member("planned_at", util::format_rfc3339_ms(result.planned_at_ms));
  w.key("summary").begin_object(true);
  w.member("to_change", result.summary.to_change);
  w.member("unchanged", result.summary.unchanged);
  w.member("blocked", result.summary.blocked);
  w.member("invalid", result.summary.invalid);
  w.end_object();
  w.key("groups").begin_array();
  for (const auto& g : result.groups) write_group(w, g);
  w.end_array();
  w.key("changes").begin_array();
  for (const auto& c : result.changes) write_change(w, c);
  w.end_array();
  w.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace offsetctl::report
