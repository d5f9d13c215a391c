#include "cli/version.h"

namespace offsetctl::cli {

std::string version_text() {
  std::string type = *build_info::kType != '\0' ? build_info::kType : "unspecified";
  return std::string("offsetctl ") + build_info::kVersion + " (commit " + build_info::kCommit + ", " + type +
         " build)";
}

}  // namespace offsetctl::cli
