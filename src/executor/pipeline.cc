#include "executor/pipeline.h"

#include <malloc.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "executor/drift.h"

namespace offsetctl::executor {

bool GuardedSink::intents(const std::vector<audit::ChangeFields>& fields) {
  std::lock_guard lock(mu_);
  if (broken_) return false;
  return check(sink_.change_intents(fields));
}

void GuardedSink::results(const std::vector<std::pair<audit::ChangeFields, audit::ChangeOutcome>>& results) {
  std::lock_guard lock(mu_);
  if (broken_) return;
  check(sink_.change_results(results));
}

std::vector<std::string> GuardedSink::problems() const {
  std::lock_guard lock(mu_);
  return problems_;
}

bool GuardedSink::check(const Status<>& s) {
  if (s.ok()) return true;
  broken_ = true;
  problems_.push_back("the audit log could not be written: " + s.error().message + "; no further change was sent");
  return false;
}

Outcomes::Outcomes(const std::vector<planner::PartitionChange>& changes, ApplyProgress* progress)
    : of(changes.size()), filled(changes.size(), 0), progress_(progress) {
  if (!progress_) return;
  group_of_.resize(changes.size());
  std::vector<size_t> left;
  for (size_t i = 0; i < changes.size(); ++i) {
    const planner::PartitionChange& c = changes[i];
    if (i == 0 || c.group != changes[i - 1].group || c.instance != changes[i - 1].instance) left.push_back(0);
    group_of_[i] = kNotCounted;
    if (c.action != planner::Action::Change) continue;
    group_of_[i] = static_cast<uint32_t>(left.size() - 1);
    ++left.back();
  }
  left_ = std::make_unique<std::atomic<size_t>[]>(left.size());
  for (size_t g = 0; g < left.size(); ++g) left_[g] = left[g];
}

void Outcomes::counted(size_t i) {
  if (group_of_[i] == kNotCounted) return;
  ++progress_->partitions_done;
  if (--left_[group_of_[i]] == 0) ++progress_->groups_done;
}

audit::ChangeFields audit_fields(const planner::PartitionChange& c, const std::string& action, int64_t call,
                          bool preview_target) {
  audit::ChangeFields f;
  f.instance = c.instance;
  f.group = c.group;
  f.topic = c.topic;
  f.partition = c.partition;
  f.before = c.current;
  if (!c.apply_timestamp || preview_target) f.target = c.target;
  f.action = action;
  f.call = call;
  f.apply_timestamp = c.apply_timestamp;
  return f;
}

namespace {

audit::RunCounts counts_of(const ApplyResult& r) {
  ApplySummary s = r.summary();
  audit::RunCounts c;
  c.changed = static_cast<int64_t>(s.changed);
  c.failed = static_cast<int64_t>(s.failed);
  c.unchanged = static_cast<int64_t>(s.unchanged);
  c.calls = static_cast<int64_t>(r.batch_calls + r.modify_calls + r.reset_calls);
  return c;
}

// Ends the run in the audit log; a failure there is one more problem of the run.
void finish(ApplyResult& r, audit::AuditSink& sink, const std::string& reason) {
  auto s = sink.run_finished(counts_of(r), r.exit_code(), reason);
  if (!s.ok()) r.problems.push_back("the audit log could not be written: " + s.error().message);
}

Result<ApplyResult> refuse(ApplyResult r, audit::AuditSink& sink, std::string headline, std::vector<std::string> details) {
  r.refusal = std::move(headline);
  r.refusal_details = std::move(details);
  r.partitions.clear();
  finish(r, sink, r.refusal);
  return r;
}

// The regions the plan's groups name, when it has no default one: "ap-guangzhou",
// or "ap-guangzhou, ap-shanghai" for several (the report says where it ran).
std::string plan_regions(const report::SavedPlan& plan) {
  std::set<std::string> regions;
  for (const auto& g : plan.result.groups)
    if (!g.region.empty()) regions.insert(g.region);
  std::string out;
  for (const auto& r : regions) out += (out.empty() ? "" : ", ") + r;
  return out;
}

}  // namespace

Result<ApplyResult> run_apply(const report::SavedPlan& plan, ApplyBackend& backend, audit::AuditSink& audit,
                              const ApplyOptions& options) {
  const std::vector<planner::PartitionChange>& changes = plan.result.changes;
  ApplyResult r;
  r.run_id = options.run_id;
  r.endpoint = plan.endpoint;
  r.region = plan.region.empty() ? plan_regions(plan) : plan.region;
  r.dry_run = options.dry_run;

  if (options.progress) options.progress->phase = ApplyProgress::Phase::Checking;
  if (auto s = backend.connect(plan); !s.ok()) return fail(s.error());
  if (auto s = audit.run_started(options.run); !s.ok()) {
    return fail("the audit log could not be written: " + s.error().message + "; nothing was changed");
  }

  // 1. Pre-flight.
  std::vector<std::string> changed_files = changed_plan_files(plan.files);
  if (!changed_files.empty()) return refuse(std::move(r), audit, kStalePlan, std::move(changed_files));
  std::vector<std::string> bad = unappliable_entries(changes);
  if (!bad.empty()) {
    return refuse(std::move(r), audit,
                  "the plan cannot be applied as a whole: fix what is blocked or invalid, then plan again",
                  std::move(bad));
  }

  // 2. Drift check.
  LiveCheck live = backend.check_live(changes, options.max_in_flight);
  if (!live.unread.empty()) return refuse(std::move(r), audit, backend.unread_headline(), std::move(live.unread));
  if (!live.drift.empty()) {
    r.drift = std::move(live.drift);
    return refuse(std::move(r), audit, kStalePlan, {});
  }
  // The drift check's maps (~70 MB at a million partitions) were freed in the middle of the heap,
  // where glibc keeps them: hand them back before a million outcomes are allocated.
  malloc_trim(0);
  // One slot per change (a million partitions: no second copy).
  if (options.progress) options.progress->phase = ApplyProgress::Phase::Writing;
  Outcomes outcomes(changes, options.progress);
  std::vector<bool> done(changes.size(), false);
  for (auto& [i, o] : live.done) {
    done[i] = true;
    outcomes.set(i, std::move(o));
  }
  live.done = {};

  // 3 and 4. The calls, then the read-back.
  GuardedSink sink(audit);
  CallCounts calls;
  calls.progress = options.progress;
  backend.write_and_verify(changes, done, sink, outcomes, calls, options.max_in_flight);
  r.batch_calls = calls.batch.load();
  r.modify_calls = calls.modify.load();
  r.reset_calls = calls.reset.load();
  r.problems = sink.problems();

  for (size_t i = 0; i < changes.size(); ++i) {
    if (!outcomes.filled[i]) outcomes.of[i] = backend.noop(changes[i]);
  }
  r.partitions = std::move(outcomes.of);
  // The saved plan is sorted already; the report relies on it, so be sure. Checked first: sorting
  // a million outcomes takes a buffer of half a million more.
  auto before = [](const PartitionOutcome& a, const PartitionOutcome& b) {
    return std::tie(a.instance, a.group, a.topic, a.partition) < std::tie(b.instance, b.group, b.topic, b.partition);
  };
  if (!std::is_sorted(r.partitions.begin(), r.partitions.end(), before)) {
    std::stable_sort(r.partitions.begin(), r.partitions.end(), before);
  }
  finish(r, audit, r.problems.empty() ? "" : r.problems.front());
  return r;
}

}  // namespace offsetctl::executor
