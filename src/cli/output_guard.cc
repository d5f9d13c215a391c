#include "cli/output_guard.h"

#include <filesystem>
#include <fstream>

#include "report/saved_plan.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

namespace fs = std::filesystem;

// The first bytes of a file, enough to tell a saved plan from a plan file.
std::string head_of(const std::string& path, size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  std::string text(bytes, '\0');
  in.read(text.data(), static_cast<std::streamsize>(bytes));
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

bool is_saved_plan(const std::string& path) {
  auto text = util::read_file(path, report::kMaxSavedPlanBytes);
  if (!text) return false;
  size_t first = text->find_first_not_of(" \t\r\n");
  return first != std::string::npos && (*text)[first] == '{' &&
         text->find("\"format_version\"") != std::string::npos && text->find("\"checksum\"") != std::string::npos;
}

// A YAML plan file names its apiVersion at the start of a line.
bool is_plan_file(const std::string& path) {
  const std::string text = head_of(path, 1 << 20);
  if (!text.empty() && text.find_first_not_of(" \t\r\n") != std::string::npos &&
      text[text.find_first_not_of(" \t\r\n")] == '{') {
    return false;  // JSON: a saved plan or something else
  }
  for (size_t at = text.find("apiVersion:"); at != std::string::npos; at = text.find("apiVersion:", at + 1)) {
    if (at == 0 || text[at - 1] == '\n') return true;
  }
  return false;
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec) && !ec;
}

// Is `out` one of the files (or folders) the command reads?
bool is_input(const fs::path& out, const std::vector<std::string>& inputs) {
  for (const auto& in : inputs) {
    if (same_file(out, in)) return true;
  }
  return false;
}

}  // namespace

bool looks_like_saved_plan(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  char c = 0;
  while (in.get(c)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{';
  }
  return false;
}

Status<> refuse_saved_plans(const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    if (looks_like_saved_plan(p)) {
      return fail(p + " is a saved plan (offsetctl plan --out), not a plan file: look at it with 'offsetctl show " +
                  p + "', apply it with 'offsetctl apply " + p + "'");
    }
  }
  return Ok{};
}

Status<> check_output_file(const std::string& path, const std::string& flag, OutputKind kind,
                           const std::vector<std::string>& inputs) {
  const std::string what = kind == OutputKind::SavedPlan ? "a saved plan" : "a plan file";
  fs::path folder = fs::path(path).parent_path();
  std::error_code ec;
  if (!folder.empty() && !fs::is_directory(folder, ec)) {
    return fail(flag + " " + path + ": the folder " + folder.string() + " does not exist; create it first");
  }
  if (!fs::exists(path, ec)) return Ok{};
  if (is_input(path, inputs)) {
    return fail(flag + " " + path + ": that file is one this command reads; write " + what +
                " to another file");
  }
  if (fs::is_directory(path, ec)) {
    return fail(flag + " " + path + ": that is a folder; name a file to write " + what + " to");
  }
  const bool right_kind = kind == OutputKind::SavedPlan ? is_saved_plan(path) : is_plan_file(path);
  if (!right_kind) {
    return fail(flag + " " + path + ": the file exists and is not " + what +
                ", so it is left alone; choose another name, or remove it first");
  }
  return Ok{};
}

Status<> check_output_folder(const std::string& dir, const std::string& flag, const std::string& what,
                             const std::vector<std::string>& inputs) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    return fail(flag + " " + dir + ": that is a file; name a folder for " + what);
  }
  for (const auto& in : inputs) {
    fs::path folder = fs::path(in).parent_path();
    if (folder.empty()) folder = ".";
    if (same_file(dir, in) || same_file(dir, folder)) {
      return fail(flag + " " + dir + ": the folder holds the plan files this command reads (" + in +
                  "); write " + what + " to a folder of its own");
    }
  }
  return Ok{};
}

}  // namespace offsetctl::cli
