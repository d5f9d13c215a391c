#include "clidoc/completion.h"

#include "clidoc/completion_data.h"

namespace offsetctl::clidoc {

std::optional<std::string> completion_script(const std::string& shell, const Command& root) {
  if (shell == "bash") return bash_completion(root);
  if (shell == "zsh") return zsh_completion(root);
  if (shell == "fish") return fish_completion(root);
  return std::nullopt;
}

}  // namespace offsetctl::clidoc
