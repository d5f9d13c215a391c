#pragma once
// Shell completion scripts made from a command line's model (clidoc/model.h): the commands
// and subcommands, every flag, the choices of a flag that has them, files for path arguments
// and *.json for saved plans. Nothing is listed by hand, so a new command or flag completes
// as soon as it is declared.

#include <optional>
#include <string>

#include "clidoc/model.h"

namespace offsetctl::clidoc {

// The script for "bash" (needs Debian's bash-completion), "zsh" or "fish"; nullopt for another shell.
std::optional<std::string> completion_script(const std::string& shell, const Command& root);

std::string bash_completion(const Command& root);
std::string zsh_completion(const Command& root);
std::string fish_completion(const Command& root);

}  // namespace offsetctl::clidoc
