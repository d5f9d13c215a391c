#pragma once
// What the bash and zsh scripts share: the model as shell `case` tables that say, for a
// command path ("" for the program, "audit verify"), its subcommands, its flags, what a
// flag's value is and what its Nth argument is.

#include <string>
#include <vector>

#include "clidoc/model.h"

namespace offsetctl::clidoc {

// The command's path as the scripts key it: "" for the program, "audit verify".
std::string command_path(const Command& command);

// 'text' quoted for a POSIX shell.
std::string sh_quote(const std::string& text);

// "none", "text", "file", "json", "dir", or "choice A B C".
std::string kind_word(const Option& option);

// The flags a command accepts: its own, then its parents' (CLI11 passes them up).
std::vector<const Option*> accepted_flags(const Command& root, const Command& command);

// The functions _P_subcommands, _P_described, _P_flags, _P_value and _P_argument for
// program P, in POSIX shell (bash and zsh read them alike).
std::string sh_tables(const Command& root);

// The program's name as a shell function name ("ckafka-emulator" -> "ckafka_emulator").
std::string function_name(const std::string& program);

}  // namespace offsetctl::clidoc
