#pragma once
// One factory per subcommand, each defined in its own cmd_<name>.cc.

#include "cli/command.h"

namespace offsetctl::cli {

Command validate_command();
Command plan_command();
Command export_command();
Command import_command();
Command apply_command();
Command audit_command();
Command rollback_command();
Command completion_command();

}  // namespace offsetctl::cli
