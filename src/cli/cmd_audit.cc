// offsetctl audit verify FILE [--format json]: checks an audit log's hash chain
// and every record in it; reports the first bad line. offsetctl audit list FILE
// [--format json]: one line per run (docs/audit-log.md).
#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>

#include "audit/runs.h"
#include "audit/verify.h"
#include "cli/commands.h"
#include "cli/flags_format.h"

namespace offsetctl::cli {

Command audit_command() {
  return {
      "audit",
      "Work with the audit log: 'audit verify FILE' checks its hash chain and every record, 'audit list FILE' "
      "lists its runs",
      [](CLI::App& sub) -> Runner {
        sub.require_subcommand(0, 1);
        CLI::App* verify = sub.add_subcommand(
            "verify",
            "Check an audit log: the hash chain and every record; exit 0 when it holds, 1 otherwise");
        auto file = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>();
        verify->add_option("file", *file, "The audit log (JSON Lines), e.g. offsetctl-audit.jsonl")
            ->required()
            ->type_name("FILE");
        add_format_flag(*verify, *format, {"text", "json"}, true);
        CLI::App* list = sub.add_subcommand(
            "list",
            "List the runs of an audit log: ID, start and end, actor, plan files, counts changed / unchanged / "
            "failed, outcome");
        auto list_file = std::make_shared<std::string>();
        auto list_format = std::make_shared<std::string>();
        list->add_option("file", *list_file, "The audit log (JSON Lines), e.g. offsetctl-audit.jsonl")
            ->required()
            ->type_name("FILE");
        add_format_flag(*list, *list_format, {"text", "json"});
        return [file, format, verify, list, list_file, list_format](Context& ctx) -> Result<int> {
          if (list->parsed()) {
            audit::RunList runs = audit::list_runs(*list_file);
            if (*list_format == "json") {
              ctx.out << audit::run_list_json(runs, *list_file)
                             .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                      << "\n";
            } else {
              ctx.out << audit::render_run_list(runs, *list_file);
            }
            return runs.verify.ok ? 0 : 1;
          }
          if (!verify->parsed()) {
            return fail("'offsetctl audit' needs a subcommand: 'offsetctl audit verify FILE' checks an audit log, "
                        "'offsetctl audit list FILE' lists its runs");
          }
          audit::VerifyReport report = audit::verify_audit_log(*file);
          if (*format == "json") {
            ctx.out << report.to_json(*file).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                    << "\n";
          } else {
            ctx.out << report.summary(*file) << "\n";
          }
          return report.ok ? 0 : 1;
        };
      }};
}

}  // namespace offsetctl::cli
