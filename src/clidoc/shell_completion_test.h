#pragma once
// Completes a command line in a real shell with a completion script, as a user pressing
// TAB would: bash with Debian's bash-completion, fish with its `complete -C`.

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "testing/process.h"

namespace offsetctl::clidoc::testing {

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  std::sort(out.begin(), out.end());
  return out;
}

// The words bash offers for `line` (the cursor at its end), in folder `cwd`.
inline std::vector<std::string> bash_complete(const std::string& script, const std::string& program,
                                              const std::string& line, const std::string& cwd) {
  std::string shell =
      "source /usr/share/bash-completion/bash_completion || exit 3\n"
      "source \"$1\" || exit 4\n"
      "COMP_LINE=$3; COMP_POINT=${#COMP_LINE}\n"
      "read -ra COMP_WORDS <<< \"$COMP_LINE\"\n"
      "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
      "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
      "spec=$(complete -p \"$2\") || exit 5\n"
      "fn=${spec#*-F }; fn=${fn%% *}\n"
      "\"$fn\" \"$2\" \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
      "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
  offsetctl::testing::ProcessOptions options;
  options.cwd = cwd;
  auto r = offsetctl::testing::run_process({"/bin/bash", "--norc", "--noprofile", "-c", shell, "bash", script, program, line},
                                           options);
  if (r.exit_code != 0) return {"bash failed (" + std::to_string(r.exit_code) + "): " + r.err};
  return lines_of(r.out);
}

// The words fish offers for `line` (without their descriptions), in folder `cwd`.
inline std::vector<std::string> fish_complete(const std::string& script, const std::string& line,
                                              const std::string& cwd) {
  offsetctl::testing::ProcessOptions options;
  options.cwd = cwd;
  options.env = {{"HOME", cwd}, {"XDG_CONFIG_HOME", cwd + "/.config"}, {"XDG_DATA_HOME", cwd + "/.data"}};
  auto r = offsetctl::testing::run_process(
      {"/usr/bin/fish", "--no-config", "-c", "source $argv[1]; and complete -C $argv[2]", script, line}, options);
  if (r.exit_code != 0) return {"fish failed (" + std::to_string(r.exit_code) + "): " + r.err};
  std::vector<std::string> out;
  for (auto& l : lines_of(r.out)) out.push_back(l.substr(0, l.find('\t')));
  return out;
}

}  // namespace offsetctl::clidoc::testing
