#include "executor/rollback.h"

#include <sys/stat.h>

#include <map>
#include <tuple>

#include "audit/compact.h"
#include "audit/record.h"
#include "audit/verify.h"
#include "plan/writer.h"
#include "util/did_you_mean.h"
#include "util/files.h"

namespace offsetctl::executor {
namespace {

using Key = std::tuple<std::string, std::string, std::string, int32_t>;  // instance, group, topic, partition

struct PartitionState {
  std::optional<int64_t> before;
  bool have_before = false;
  bool intent = false;
  bool result = false;
  bool changed = false;  // a result says it succeeded or is at its target
  bool dts = false;      // changed with ResetConsumerGroupOffset
  bool included() const { return changed || (intent && !result); }
};

struct RunData {
  std::string run_id;
  std::string started_at;
  std::optional<std::string> user;
  std::optional<std::string> region;
  std::string finish_reason;
  std::string plan_files;  // run_started's plan_files, as written: the runs of one apply share them
  std::map<Key, PartitionState> partitions;

  bool changed_anything() const {
    for (const auto& [key, state] : partitions)
      if (state.included()) return true;
    return false;
  }
  // Changed DTS subscription groups only, which a plan cannot set back.
  bool dts_only() const {
    bool any = false;
    for (const auto& [key, state] : partitions) {
      if (!state.included()) continue;
      if (!state.dts) return false;
      any = true;
    }
    return any;
  }
};

constexpr size_t kMaxListed = 50;  // partitions listed one per line in the file's header

const char* kNothingCommitted =
    "nothing was committed before the run, and an offset cannot be set back to nothing";
const char* kDtsGroup =
    "DTS subscription groups: ResetConsumerGroupOffset resets to earliest, latest or a datetime, never to a "
    "given offset";

std::string label(const RollbackPartition& p) {
  return p.instance + "/" + p.group + "/" + p.topic + "[" + std::to_string(p.partition) + "]";
}

bool looks_like_region(const std::string& s) {
  // ^[a-z]+(-[a-z0-9]+)+$, as the plan schema wants
  size_t i = 0;
  while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
  if (i == 0 || i == s.size()) return false;
  size_t parts = 0;
  while (i < s.size()) {
    if (s[i++] != '-') return false;
    size_t start = i;
    while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9'))) ++i;
    if (i == start) return false;
    ++parts;
  }
  return parts > 0 && s.size() <= 64;
}

// Plan names are letters, digits and '-': the run ID stays as written ("rollback-run-20261123T125501Z-1a2b3c").
std::string plan_name(const std::string& run_id, const std::string& instance, bool per_instance) {
  std::string name = "rollback-" + run_id + (per_instance ? "-" + instance : "");
  for (char& c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) c = '-';
  }
  return name.substr(0, 128);
}

// Reads the whole log through the verifier, one run at a time, keeping the
// wanted run (or the latest that changed anything) and the ids of every run.
// An apply of a plan with both kinds writes its DTS run right after its CKafka
// one, from the same plan files: without --run that DTS run is passed over, as
// only the CKafka one can be set back. A DTS run of other plan files is not.
class Collector {
 public:
  explicit Collector(const std::optional<std::string>& wanted) : wanted_(wanted) {}

  void visit(const nlohmann::json& r) {
    const std::string& type = r["type"].get_ref<const std::string&>();
    if (type == audit::kRunStarted) {
      close_run();
      current_ = RunData{};
      current_.run_id = r["run_id"].get<std::string>();
      current_.started_at = r["time"].get<std::string>();
      if (r["actor"]["user"].is_string()) current_.user = r["actor"]["user"].get<std::string>();
      current_.region = r["region"].get<std::string>();
      if (auto files = r.find("plan_files"); files != r.end()) current_.plan_files = files->dump();
      all_runs_.push_back(current_.run_id);
      return;
    }
    if (type == audit::kRunFinished) {
      if (r.contains("reason")) current_.finish_reason = r["reason"].get<std::string>();
      return;
    }
    audit::for_each_change(r, [&](const audit::RecordedChange& c) { visit_change(type, c); });
  }

  // One partition of a change record, of either format.
  void visit_change(const std::string& type, const audit::RecordedChange& c) {
    Key key{c.change.instance, c.change.group, c.change.topic, c.change.partition};
    PartitionState& state = current_.partitions[key];
    if (!state.have_before && c.has_before_target) {
      state.before = c.change.before;
      state.have_before = true;
    }
    if (c.change.action == "ResetConsumerGroupOffset") state.dts = true;
    if (type == audit::kChangeIntent) state.intent = true;
    if (type == audit::kChangeResult) {
      state.result = true;
      if (!c.outcome->error_code || c.outcome->verified) state.changed = true;
    }
  }

  void close_run() {
    if (current_.run_id.empty()) return;
    bool changed = current_.changed_anything();
    if (changed) runs_with_changes_.push_back(current_.run_id);
    const bool dts_half = !wanted_ && current_.dts_only() && chosen_ && passed_over_.empty() &&
                          !current_.plan_files.empty() && current_.plan_files == chosen_->plan_files;
    if (dts_half) {
      passed_over_.push_back(current_.run_id);
    } else if (wanted_ ? current_.run_id == *wanted_ : changed) {
      chosen_ = std::move(current_);
      passed_over_.clear();
    }
    current_ = RunData{};
  }

  const std::optional<std::string>& wanted_;
  RunData current_;
  std::optional<RunData> chosen_;
  std::vector<std::string> passed_over_;  // the DTS run of the chosen run's apply
  std::vector<std::string> all_runs_;
  std::vector<std::string> runs_with_changes_;
};

std::string latest_first(const std::vector<std::string>& runs) {
  std::string text;
  size_t shown = 0;
  for (auto it = runs.rbegin(); it != runs.rend() && shown < 5; ++it, ++shown)
    text += (shown ? ", " : "") + *it;
  if (runs.size() > 5) text += ", ...";
  return text;
}

std::vector<std::string> header_lines(const Rollback& rb, const std::string& audit_path) {
  std::vector<std::string> h;
  h.push_back("Rollback of run " + rb.run_id + ", started " + rb.started_at + " by " +
              (rb.user ? *rb.user : std::string("an unknown user")) + " (audit log " + audit_path + ").");
  h.push_back("Each partition below goes back to the committed offset it had before that run.");
  if (!rb.passed_over.empty()) {
    const std::string& runs = rb.passed_over.front();
    h.push_back("Run " + runs + ", of the same apply, changed DTS subscription groups only, which a plan cannot set "
                "back.");
  }
  h.push_back("Review it like any plan (offsetctl validate, offsetctl plan), then apply it.");
  size_t unknown = 0;
  for (const auto& p : rb.restored) unknown += p.outcome_unknown ? 1 : 0;
  if (unknown > 0) {
    h.push_back(std::to_string(unknown) + (unknown == 1 ? " partition" : " partitions") +
                " whose change was interrupted (a change_intent without a change_result) "
                "included: where nothing changed, the plan shows a no-op.");
  }
  auto list = [&](const std::vector<RollbackPartition>& ps, const char* why) {
    if (ps.empty()) return;
    h.push_back(std::string("Not restored: ") + why + ":");
    for (size_t i = 0; i < ps.size() && i < kMaxListed; ++i) h.push_back("  " + label(ps[i]));
    if (ps.size() > kMaxListed) h.push_back("  ... and " + std::to_string(ps.size() - kMaxListed) + " more");
  };
  list(rb.not_restorable, kNothingCommitted);
  list(rb.dts_not_restorable, kDtsGroup);
  if (rb.truncated_tail) {
    h.push_back(
        "The audit log ends with a record cut short by an interrupted run (a crash); the chain before it "
        "holds.");
  }
  return h;
}

}  // namespace

Result<Rollback> build_rollback(const std::string& audit_path, const std::optional<std::string>& run_id) {
  Collector collector(run_id);
  audit::VerifyReport report =
      audit::verify_audit_log(audit_path, [&](size_t, const nlohmann::json& r) { collector.visit(r); });
  if (!report.ok) {
    if (report.bad_line == 0) return fail("audit log " + audit_path + ": " + report.error);
    return fail("audit log " + audit_path + " does not verify (line " + std::to_string(report.bad_line) +
                ": " + report.error +
                "); a rollback built from it could restore the wrong offsets. See 'offsetctl audit "
                "verify " +
                audit_path + "'.");
  }
  collector.close_run();

  if (!collector.chosen_) {
    if (!run_id)
      return fail("audit log " + audit_path + " records no run that changed offsets: nothing to roll back");
    std::string msg = "audit log " + audit_path + " has no run " + *run_id;
    if (auto close = util::closest_match(*run_id, collector.all_runs_))
      msg += "; did you mean " + *close + "?";
    else if (!collector.runs_with_changes_.empty())
      msg += "; runs that changed offsets, latest first: " + latest_first(collector.runs_with_changes_);
    else
      msg += "; it records no run that changed offsets";
    return fail(msg);
  }
  const RunData& run = *collector.chosen_;
  if (!run.changed_anything()) {
    return fail("run " + run.run_id + " changed no offsets" +
                (run.finish_reason.empty() ? "" : " (" + run.finish_reason + ")") +
                ", so there is nothing to roll back");
  }

  Rollback rb;
  rb.run_id = run.run_id;
  rb.passed_over = std::move(collector.passed_over_);
  rb.started_at = run.started_at;
  rb.user = run.user;
  rb.truncated_tail = report.truncated_tail;
  // instance -> group -> topic -> partition -> offset
  std::map<std::string, std::map<std::string, std::map<std::string, std::map<int32_t, int64_t>>>> targets;
  for (const auto& [key, state] : run.partitions) {
    if (!state.included()) continue;
    const auto& [instance, group, topic, partition] = key;
    RollbackPartition p{instance, group, topic, partition, state.before, state.intent && !state.result,
                        state.dts};
    if (state.dts) {
      rb.dts_not_restorable.push_back(p);
      continue;
    }
    if (!state.before) {
      rb.not_restorable.push_back(p);
      continue;
    }
    targets[instance][group][topic][partition] = *state.before;
    rb.restored.push_back(p);
  }
  if (rb.restored.empty()) {
    std::string why;
    auto add = [&](const std::vector<RollbackPartition>& ps, const char* what) {
      if (ps.empty()) return;
      std::string list;
      for (size_t i = 0; i < ps.size() && i < 10; ++i) list += (i ? ", " : "") + label(ps[i]);
      if (ps.size() > 10) list += ", ...";
      why += std::string(why.empty() ? "" : "; ") + what + " (" + list + ")";
    };
    add(rb.not_restorable, kNothingCommitted);
    add(rb.dts_not_restorable, kDtsGroup);
    return fail("run " + run.run_id + " changed nothing that a plan can set back: " + why +
                ". To undo it, write a plan that sets them where they should be (e.g. to: earliest, or a "
                "datetime).");
  }

  for (const auto& [instance, groups] : targets) {
    plan::OffsetPlan p;
    p.name = plan_name(run.run_id, instance, targets.size() > 1);
    p.description = "Sets the committed offsets that run " + run.run_id + " (started " + run.started_at +
                    ") changed back to their values before it.";
    p.instance = instance;
    if (run.region && looks_like_region(*run.region)) p.region = run.region;
    for (const auto& [group, topics] : groups) {
      plan::GroupSpec g;
      g.group = group;
      for (const auto& [topic, offsets] : topics) {
        plan::TopicSpec t;
        t.topic = topic;
        t.spec = plan::ExplicitOffsets{offsets};
        g.topics.push_back(std::move(t));
      }
      p.groups.push_back(std::move(g));
    }
    rb.plans.push_back(std::move(p));
  }
  plan::WriteOptions options;
  options.header = header_lines(rb, audit_path);
  rb.yaml = plan::write_plan_yaml(rb.plans, options);
  return rb;
}

Result<std::string> rollback_plan_yaml(const std::string& audit_path,
                                       const std::optional<std::string>& run_id) {
  auto rb = build_rollback(audit_path, run_id);
  if (!rb) return fail(rb.error());
  return std::move(rb->yaml);
}

Status<> write_rollback_plan(const std::string& out_path, const std::string& yaml,
                             const std::string& audit_path) {
  struct stat out {
  }, audit{};
  if (::stat(out_path.c_str(), &out) == 0) {
    if (S_ISDIR(out.st_mode))
      return fail(out_path + " is a folder; give --out the path of the plan file to write");
    if (::stat(audit_path.c_str(), &audit) == 0 && out.st_dev == audit.st_dev && out.st_ino == audit.st_ino) {
      return fail(out_path + " is the audit log itself; give --out another file for the rollback plan");
    }
  }
  return util::write_file_atomic(out_path, yaml, 0644);
}

}  // namespace offsetctl::executor
