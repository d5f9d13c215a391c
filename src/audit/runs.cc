#include "audit/runs.h"

#include <algorithm>

#include "util/plural.h"

namespace offsetctl::audit {
namespace {

std::string string_or(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "alice@build-7", or the CI system when the job ran there ("alice (github-actions)").
std::string actor_text(const nlohmann::json& actor) {
  std::string out = string_or(actor, "user");
  const std::string host = string_or(actor, "host");
  if (!host.empty()) out += (out.empty() ? "" : "@") + host;
  auto ci = actor.find("ci");
  if (ci != actor.end() && ci->is_object()) out += " (" + string_or(*ci, "system") + ")";
  return out;
}

std::string outcome_of(const RunListing& r, bool finished, int64_t exit_code) {
  if (!finished) return "interrupted";
  if (exit_code == 0) return "succeeded";
  if (r.partitions == 0 && !r.reason.empty()) return "refused";
  return "failed";
}

// Pads `text` to `width` columns (the fields are ASCII: IDs, times, counts, names).
void cell(std::string& out, const std::string& text, size_t width) {
  out += text;
  if (text.size() < width) out.append(width - text.size(), ' ');
  out += "  ";
}

}  // namespace

RunList list_runs(const std::string& path) {
  RunList list;
  bool finished = false;
  int64_t exit_code = 0;
  auto close = [&] {
    if (list.runs.empty()) return;
    RunListing& r = list.runs.back();
    r.outcome = outcome_of(r, finished, exit_code);
  };
  list.verify = verify_audit_log(path, [&](size_t, const nlohmann::json& rec) {
    const std::string type = string_or(rec, "type");
    if (type == "run_started") {
      close();
      RunListing r;
      r.run_id = string_or(rec, "run_id");
      r.started_at = string_or(rec, "time");
      if (auto a = rec.find("actor"); a != rec.end() && a->is_object()) r.actor = actor_text(*a);
      if (auto names = rec.find("plans"); names != rec.end() && names->is_array()) {
        for (const auto& n : *names) {
          if (n.is_string()) r.plans.push_back(n.get<std::string>());
        }
      }
      if (auto files = rec.find("plan_files"); files != rec.end() && files->is_array()) {
        for (const auto& f : *files) r.plan_files.push_back(string_or(f, "path"));
      }
      if (auto saved = rec.find("saved_plan"); saved != rec.end() && saved->is_object()) {
        r.saved_plan = string_or(*saved, "path");
      }
      r.region = string_or(rec, "region");
      list.runs.push_back(std::move(r));
      finished = false;
      exit_code = 0;
      return;
    }
    if (list.runs.empty()) return;
    RunListing& r = list.runs.back();
    if (type == "change_intent") {
      ++r.partitions;
    } else if (type == "run_finished") {
      finished = true;
      r.finished_at = string_or(rec, "time");
      exit_code = rec.value("exit_code", 0);
      r.reason = string_or(rec, "reason");
      if (auto c = rec.find("counts"); c != rec.end() && c->is_object()) {
        r.changed = c->value("changed", int64_t{0});
        r.unchanged = c->value("unchanged", int64_t{0});
        r.failed = c->value("failed", int64_t{0});
      }
    }
  });
  close();
  return list;
}

std::string render_run_list(const RunList& list, const std::string& path) {
  std::string out;
  if (!list.runs.empty()) {
    size_t id_width = 3;
    size_t actor_width = 5;
    for (const auto& r : list.runs) {
      id_width = std::max(id_width, r.run_id.size());
      actor_width = std::max(actor_width, r.actor.size());
    }
    const size_t time_width = 24;  // 2026-11-23T13:00:00.000Z
    cell(out, "RUN", id_width);
    cell(out, "STARTED", time_width);
    cell(out, "ENDED", time_width);
    cell(out, "ACTOR", actor_width);
    out += "CHANGED  UNCHANGED  FAILED  OUTCOME      PLANS\n";
    for (const auto& r : list.runs) {
      cell(out, r.run_id, id_width);
      cell(out, r.started_at, time_width);
      cell(out, r.finished_at.empty() ? "-" : r.finished_at, time_width);
      cell(out, r.actor.empty() ? "-" : r.actor, actor_width);
      cell(out, std::to_string(r.changed), 7);
      cell(out, std::to_string(r.unchanged), 9);
      cell(out, std::to_string(r.failed), 6);
      cell(out, r.outcome, 11);
      std::string plans;
      for (size_t i = 0; i < r.plans.size(); ++i) plans += (i ? ", " : "") + r.plans[i];
      if (!r.plans.empty()) plans += " in ";
      if (!r.saved_plan.empty()) plans += r.saved_plan + " (saved plan of ";
      for (size_t i = 0; i < r.plan_files.size(); ++i) plans += (i ? ", " : "") + r.plan_files[i];
      if (r.plan_files.empty()) plans += "no plan file";
      if (!r.saved_plan.empty()) plans += ")";
      out += plans;
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += "\n";
    }
  }
  if (list.verify.ok) {
    out += path + ": " + util::plural(list.runs.size(), "run", "runs") + ", chain intact.\n";
  } else {
    out += list.verify.summary(path) + "\n";
  }
  return out;
}

nlohmann::json run_list_json(const RunList& list, const std::string& path) {
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& r : list.runs) {
    auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
    runs.push_back({{"run_id", r.run_id},
                    {"started_at", r.started_at},
                    {"finished_at", or_null(r.finished_at)},
                    {"actor", or_null(r.actor)},
                    {"plans", r.plans},
                    {"plan_files", r.plan_files},
                    {"saved_plan", or_null(r.saved_plan)},
                    {"region", or_null(r.region)},
                    {"counts", {{"changed", r.changed}, {"unchanged", r.unchanged}, {"failed", r.failed}}},
                    {"outcome", r.outcome},
                    {"reason", or_null(r.reason)}});
  }
  nlohmann::json error = nullptr;
  if (!list.verify.ok) error = {{"line", list.verify.bad_line}, {"message", list.verify.error}};
  return {{"file", path}, {"ok", list.verify.ok}, {"error", error}, {"runs", std::move(runs)}};
}

}  // namespace offsetctl::audit
