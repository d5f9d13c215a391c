#include "cli/commands.h"

namespace offsetctl::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      validate_command(),
      plan_command(),
      export_command(),
      import_command(),
      apply_command(),
      audit_command(),
      rollback_command(),
      completion_command(),
  };
  return table;
}

}  // namespace offsetctl::cli
