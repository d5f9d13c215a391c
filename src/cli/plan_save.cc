#include "cli/plan_save.h"

#include <ostream>
#include <set>
#include <utility>

#include "util/plural.h"

namespace offsetctl::cli {
namespace {

// The rows a saved plan cannot carry: apply refuses a plan with any of them.
bool can_be_saved(const planner::PartitionChange& c) {
  return c.action == planner::Action::Change || c.action == planner::Action::Noop;
}

// "ckafka-demo/billing/orders[3]".
std::string partition_label(const planner::PartitionChange& c) {
  std::string p = c.partition == planner::kEveryPartition ? "*" : std::to_string(c.partition);
  return c.instance + "/" + c.group + "/" + c.topic + "[" + p + "]";
}

// What --allow-partial keeps: the applicable rows and their groups.
planner::PlanResult only_applicable(const planner::PlanResult& all) {
  planner::PlanResult result;
  std::set<std::pair<std::string_view, std::string_view>> used;
  for (const auto& c : all.changes) {
    if (!can_be_saved(c)) continue;
    result.changes.push_back(c);
    used.emplace(c.instance, c.group);
  }
  for (const auto& g : all.groups) {
    if (used.count({g.instance, g.group}) > 0) result.groups.push_back(g);
  }
  result.summary = all.summary;
  result.summary.blocked = 0;
  result.summary.invalid = 0;
  result.planned_at_ms = all.planned_at_ms;
  result.plans = all.plans;
  result.targets = all.targets;
  return result;
}

// "2 partitions are blocked and 1 is invalid".
std::string unappliable_text(const planner::PlanSummary& s) {
  std::string out;
  if (s.blocked > 0) out = util::plural(s.blocked, "partition is", "partitions are") + " blocked";
  if (s.invalid > 0) {
    if (!out.empty()) out += " and " + std::to_string(s.invalid) + (s.invalid == 1 ? " is" : " are");
    else out = util::plural(s.invalid, "partition is", "partitions are");
    out += " invalid";
  }
  return out;
}

// At most this many left-out partitions are listed one per line.
constexpr size_t kLeftOutListed = 20;

}  // namespace

Result<report::SavedPlanRef> save_plan(const report::SavedPlan& saved, const std::string& out, bool allow_partial,
                                       std::ostream& err) {
  const planner::PlanSummary summary = saved.result.summary;
  const bool partial = summary.blocked > 0 || summary.invalid > 0;
  const size_t applicable = summary.to_change + summary.unchanged;
  if (partial && !allow_partial) {
    return fail("nothing was saved to " + out + ": " + unappliable_text(summary) +
                " (see the report), and apply would refuse the plan; fix them and plan again, or add "
                "--allow-partial to save only the " +
                util::plural(applicable, "partition", "partitions") + " that can be applied");
  }
  if (partial && applicable == 0) {
    return fail("nothing was saved to " + out + ": " + unappliable_text(summary) +
                " and nothing is left to apply; fix them and plan again");
  }
  std::string checksum;
  if (!partial) {
    if (auto w = report::write_saved_plan(out, saved, &checksum); !w) return fail(std::move(w).error());
    return report::SavedPlanRef{out, std::move(checksum)};
  }
  report::SavedPlan kept{only_applicable(saved.result), saved.files, saved.endpoint, saved.region,
                         saved.created_at_ms, saved.tool_version};
  if (auto w = report::write_saved_plan(out, kept, &checksum); !w) return fail(std::move(w).error());
  std::vector<std::string> left_out;
  for (const auto& c : saved.result.changes) {
    if (!can_be_saved(c)) {
      left_out.push_back(partition_label(c) + " (" + planner::action_name(c.action) +
                         (c.reason.empty() ? "" : ": " + c.reason) + ")");
    }
  }
  err << "Left out of " << out << " because they cannot be applied (" << unappliable_text(summary) << "):\n";
  for (size_t i = 0; i < left_out.size() && i < kLeftOutListed; ++i) err << "  " << left_out[i] << "\n";
  if (left_out.size() > kLeftOutListed) err << "  ... and " << left_out.size() - kLeftOutListed << " more\n";
  return report::SavedPlanRef{out, std::move(checksum), left_out.size()};
}

}  // namespace offsetctl::cli
