#include "cli/ci_env.h"

#include <cstdlib>

namespace offsetctl::cli {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

plan::GithubOptions github_options(const std::string& command, const std::vector<std::string>& paths) {
  plan::GithubOptions o;
  o.workspace = env("GITHUB_WORKSPACE");
  o.rerun = "offsetctl " + command;
  for (const auto& p : paths) o.rerun += " " + p;
  return o;
}

std::optional<std::string> step_summary_path(const std::string& flag) {
  if (!flag.empty()) return flag;
  std::string path = env("GITHUB_STEP_SUMMARY");
  if (path.empty()) return std::nullopt;
  return path;
}

}  // namespace offsetctl::cli
