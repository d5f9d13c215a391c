// offsetctl audit verify FILE [--json]: checks an audit log's hash chain and
// every record in it; reports the first bad line (docs/audit-log.md).
#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>

#include "audit/verify.h"
#include "cli/commands.h"

namespace offsetctl::cli {

Command audit_command() {
  return {
      "audit", "Work with the audit log: 'audit verify FILE' checks its hash chain and every record",
      [](CLI::App& sub) -> Runner {
        sub.require_subcommand(0, 1);
        CLI::App* verify = sub.add_subcommand(
            "verify",
            "Check an audit log: the hash chain and every record; exit 0 when it holds, 1 otherwise");
        auto file = std::make_shared<std::string>();
        auto json = std::make_shared<bool>(false);
        verify->add_option("file", *file, "The audit log (JSON Lines), e.g. offsetctl-audit.jsonl")
            ->required()
            ->type_name("FILE");
        verify->add_flag(
            "--json", *json,
            "Print the result as JSON (ok, records, runs, error line and message, truncated tail, "
            "last hash)");
        return [file, json, verify](Context& ctx) -> Result<int> {
          if (!verify->parsed()) {
            return fail(
                "'offsetctl audit' needs a subcommand: 'offsetctl audit verify FILE' checks an audit log");
          }
          audit::VerifyReport report = audit::verify_audit_log(*file);
          if (*json) {
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
