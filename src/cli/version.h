#pragma once
// What `offsetctl --version` says: the version (the Debian package's too), the git commit
// the program was built from and CMake's build type, all recorded at build time.

#include <string>

namespace offsetctl::cli {

// "offsetctl 0.1.0 (commit 1a2b3c4d5e6f, RelWithDebInfo build)"
std::string version_text();

namespace build_info {
// Defined in the build tree's build_info.cc (cmake/BuildInfo.cmake).
extern const char* const kVersion;
extern const char* const kCommit;  // "unknown" when built outside a git checkout
extern const char* const kType;
}  // namespace build_info

}  // namespace offsetctl::cli
