#include "plan/discover.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "plan/limits.h"

namespace offsetctl::plan {
namespace {

namespace fs = std::filesystem;

bool is_plan_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return (ext == ".yaml" || ext == ".yml") && p.filename().string()[0] != '.';
}

Diagnostic path_error(const std::string& path, std::string message) {
  Diagnostic d;
  d.file = path;
  d.message = std::move(message);
  return d;
}

// Plan files under `dir`, sorted; a file that cannot be read is still listed
// (reading it reports why), a folder that cannot be opened is reported here.
std::vector<std::string> walk(const std::string& dir, std::vector<Diagnostic>& errors) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
  if (ec) {
    errors.push_back(path_error(dir, "cannot read the folder: " + ec.message()));
    return found;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      errors.push_back(path_error(it->path().string(), "cannot read the folder: " + ec.message()));
      break;
    }
    const fs::path& p = it->path();
    std::error_code type_ec;
    if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
      if (p.filename().string()[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (!is_plan_name(p)) continue;
    found.push_back(p.string());
    if (found.size() > limits::kMaxFiles) break;
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

Discovered discover_plan_files(const std::vector<std::string>& paths) {
  Discovered out;
  std::set<std::string> seen;
  const auto add = [&](const std::string& file) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(file, ec);
    if (seen.insert(ec ? file : canonical.string()).second) out.files.push_back(file);
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (fs::is_directory(st)) {
      std::vector<std::string> files = walk(path, out.errors);
      if (files.empty()) {
        out.errors.push_back(path_error(path, "no plan files (*.yaml, *.yml) in this folder"));
      }
      for (const auto& f : files) add(f);
    } else if (fs::exists(st) || fs::is_symlink(fs::symlink_status(path, ec))) {
      add(path);  // any name: the user chose it; reading reports a file that is not one
    } else {
      out.errors.push_back(path_error(path, "no such file or folder"));
    }
    if (out.files.size() > limits::kMaxFiles) {
      out.errors.push_back(path_error(path, "more than " + std::to_string(limits::kMaxFiles) +
                                                " plan files: give fewer paths"));
      out.files.resize(limits::kMaxFiles);
      break;
    }
  }
  return out;
}

}  // namespace offsetctl::plan
