#pragma once
// The git commit the plan files come from, for the run_started record. Read
// from the .git folder directly: no git process runs, so nothing a repository
// configures (hooks, fsmonitor, aliases) can run either.

#include <optional>
#include <string>

namespace offsetctl::audit {

struct GitCheckout {
  std::string root;                   // the work tree's top folder
  std::optional<std::string> commit;  // HEAD; nullopt when it cannot be resolved (no commit yet)
};

// The checkout containing `path` (a file or a folder), looking upwards; nullopt
// when it is not inside one. Handles linked work trees and submodules (.git as a
// file), symbolic HEAD, loose and packed refs, and a detached HEAD.
std::optional<GitCheckout> find_git_checkout(const std::string& path);

}  // namespace offsetctl::audit
