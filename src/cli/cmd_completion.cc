// offsetctl completion bash|zsh|fish: prints a completion script for the shell, made
// from the command table and the flags each command declares (clidoc), so it offers
// every command and flag that exists and nothing else.
#include <ostream>

#include "clidoc/completion.h"
#include "cli/command_line.h"
#include "cli/commands.h"

namespace offsetctl::cli {

Command completion_command() {
  return {"completion", "Print the shell completion script for bash, zsh or fish",
          [](CLI::App& sub) -> Runner {
            auto shell = std::make_shared<std::string>();
            sub.add_option("shell", *shell, "The shell: bash, zsh or fish")
                ->required()
                ->check(one_of({"bash", "zsh", "fish"}))
                ->type_name("SHELL");
            const CLI::App* root = sub.get_parent();
            return [shell, root](Context& ctx) -> Result<int> {
              auto script = clidoc::completion_script(*shell, clidoc::describe(*root));
              if (!script) return fail("no completion for shell '" + *shell + "'; use bash, zsh or fish");
              ctx.out << *script;
              return 0;
            };
          }};
}

}  // namespace offsetctl::cli
