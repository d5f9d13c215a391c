#include "audit/git.h"

#include <sys/stat.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <sstream>

#include "util/files.h"

namespace offsetctl::audit {
namespace {

constexpr uint64_t kMaxSmallFile = 4096;
constexpr uint64_t kMaxPackedRefs = 16ull << 20;

std::optional<std::string> read_small(const std::string& path, uint64_t cap = kMaxSmallFile) {
  auto text = util::read_file(path, cap);
  if (!text) return std::nullopt;
  std::string s = *text;
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

bool is_dir(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool is_object_id(const std::string& s) {
  if (s.size() != 40 && s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// A ref name from HEAD must stay inside the git folder.
bool is_safe_ref(const std::string& ref) {
  if (ref.rfind("refs/", 0) != 0) return false;
  std::istringstream parts(ref);
  std::string part;
  while (std::getline(parts, part, '/'))
    if (part.empty() || part == "." || part == "..") return false;
  return true;
}

std::string resolve_relative(const std::string& base, const std::string& path) {
  return !path.empty() && path.front() == '/' ? path : base + "/" + path;
}

std::optional<std::string> packed_ref(const std::string& common_dir, const std::string& ref) {
  auto packed = util::read_file(common_dir + "/packed-refs", kMaxPackedRefs);
  if (!packed) return std::nullopt;
  std::istringstream lines(*packed);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#' || line[0] == '^') continue;
    auto space = line.find(' ');
    if (space == std::string::npos) continue;
    if (line.substr(space + 1) == ref && is_object_id(line.substr(0, space))) return line.substr(0, space);
  }
  return std::nullopt;
}

std::optional<std::string> resolve_head(const std::string& git_dir) {
  std::string common_dir = git_dir;
  if (auto common = read_small(git_dir + "/commondir")) common_dir = resolve_relative(git_dir, *common);
  auto content = read_small(git_dir + "/HEAD");
  for (int depth = 0; content && depth < 5; ++depth) {
    if (is_object_id(*content)) return *content;
    if (content->rfind("ref: ", 0) != 0) return std::nullopt;
    std::string ref = content->substr(5);
    if (!is_safe_ref(ref)) return std::nullopt;
    content = read_small(git_dir + "/" + ref);
    if (!content) content = read_small(common_dir + "/" + ref);
    if (!content) return packed_ref(common_dir, ref);
  }
  return std::nullopt;
}

}  // namespace

std::optional<GitCheckout> find_git_checkout(const std::string& path) {
  char resolved[PATH_MAX];
  if (!::realpath(path.c_str(), resolved)) return std::nullopt;
  std::string dir = resolved;
  // realpath() gives an absolute path: its parent is the part before the last '/', or "/".
  auto parent = [](std::string& d) { d.resize(std::max<size_t>(d.rfind('/'), 1)); };
  if (!is_dir(dir)) parent(dir);
  for (;;) {
    std::string dot_git = dir;
    if (dot_git.back() != '/') dot_git.push_back('/');
    dot_git.append(".git");
    std::optional<std::string> git_dir;
    if (is_dir(dot_git)) {
      git_dir = dot_git;
    } else if (is_file(dot_git)) {  // "gitdir: ../.git/worktrees/x" in linked work trees and submodules
      auto text = read_small(dot_git);
      if (text && text->rfind("gitdir: ", 0) == 0) git_dir = resolve_relative(dir, text->substr(8));
    }
    if (git_dir) return GitCheckout{dir, resolve_head(*git_dir)};
    if (dir == "/") return std::nullopt;
    parent(dir);
  }
}

}  // namespace offsetctl::audit
