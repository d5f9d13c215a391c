// offsetctl rollback [--audit-log FILE] [--run RUN_ID] --out PLAN.yaml: writes a
// plan file that sets the offsets a run changed back to their values before it
// (docs/audit-log.md). It changes nothing itself: the plan is reviewed and
// applied like any other.
#include <memory>
#include <optional>
#include <ostream>
#include <set>

#include "cli/commands.h"
#include "engine/rollback.h"
#include "util/plural.h"

namespace offsetctl::cli {
namespace {

using util::plural;

struct RollbackFlags {
  std::string audit_log = "./offsetctl-audit.jsonl";  // where apply writes it by default
  std::string run;
  std::string out;
};

}  // namespace

Command rollback_command() {
  return {
      "rollback",
      "Write a plan that restores the offsets a run changed (from the audit log); review and apply it",
      [](CLI::App& sub) -> Runner {
        auto o = std::make_shared<RollbackFlags>();
        sub.add_option("--audit-log", o->audit_log, "The audit log to read")
            ->type_name("FILE")
            ->capture_default_str();
        sub.add_option("--run", o->run, "The run to roll back (default: the latest run that changed offsets)")
            ->type_name("RUN_ID");
        sub.add_option("--out", o->out, "Write the rollback plan to this file")
            ->required()
            ->type_name("PLAN.yaml");
        return [o](Context& ctx) -> Result<int> {
          engine::RollbackRequest request{o->audit_log, std::nullopt, o->out};
          if (!o->run.empty()) request.run = o->run;
          auto rb = engine::rollback(request);
          if (!rb) return fail(rb.error());
          for (const auto& p : rb->not_restorable) {
            ctx.err << "offsetctl: warning: " << p.instance << "/" << p.group << "/" << p.topic << "["
                    << p.partition << "] had no committed offset before run " << rb->run_id
                    << " and cannot be set back to nothing; it is left out of " << o->out << "\n";
          }
          for (const auto& p : rb->dts_not_restorable) {
            ctx.err << "offsetctl: warning: " << p.instance << "/" << p.group << "/" << p.topic << "["
                    << p.partition << "] belongs to a DTS subscription group, which cannot be set to a given "
                    << "offset; it is left out of " << o->out << "\n";
          }
          if (rb->truncated_tail) {
            ctx.err << "offsetctl: warning: " << o->audit_log
                    << " ends with a record cut short by an interrupted run (see offsetctl audit verify)\n";
          }
          std::set<std::string> groups;
          for (const auto& p : rb->restored) groups.insert(p.instance + "/" + p.group);
          ctx.out << "Wrote " << o->out << ": restores "
                  << plural(rb->restored.size(), "partition", "partitions") << " in "
                  << plural(groups.size(), "group", "groups") << " to their committed offsets before run "
                  << rb->run_id << " (started " << rb->started_at << ").\n"
                  << "Review it with 'offsetctl plan " << o->out << "', then apply it.\n";
          return 0;
        };
      }};
}

}  // namespace offsetctl::cli
