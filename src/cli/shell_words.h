#pragma once
// shell_words: a command line written back for the user to run: each word quoted for a
// POSIX shell when it needs it, secrets given as flags replaced by the
// environment variable that holds them.

#include <string>
#include <vector>

namespace offsetctl::cli {

// "offsetctl apply 'my plans/a.yaml' --auto-approve" from the words after "offsetctl".
std::string shell_command(const std::vector<std::string>& args);

// `word` quoted for a POSIX shell when it needs it.
std::string shell_quote(const std::string& word);

}  // namespace offsetctl::cli
