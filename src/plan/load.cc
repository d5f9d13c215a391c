#include "plan/load.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "plan/conflicts.h"
#include "plan/discover.h"
#include "plan/load_file.h"
#include "util/files.h"
#include "util/parallel.h"

namespace offsetctl::plan {
namespace {

// util::read_file names the path in its messages; a Diagnostic names it already.
std::string without_path(const std::string& message, const std::string& path) {
  const std::string prefix = path + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

// One file read and loaded, or why it could not be read.
struct FileOutcome {
  std::optional<FileLoad> load;
  Diagnostic unreadable;
};

FileOutcome read_and_load(const std::string& path, SchemaChecker& checker) {
  FileOutcome out;
  std::error_code ec;
  auto st = std::filesystem::status(path, ec);
  out.unreadable.file = path;
  if (!ec && !std::filesystem::is_regular_file(st) && std::filesystem::exists(st)) {
    out.unreadable.message = "not a regular file: give plan files or folders";
  } else if (auto bytes = util::read_file(path)) {
    out.load = load_file_text(*bytes, path, checker);
  } else {
    out.unreadable.message = without_path(bytes.error().message, path);
    if (out.unreadable.message.find("more than the limit") != std::string::npos) {
      out.unreadable.message += " bytes: plan files are at most 16 MiB";
    }
  }
  return out;
}

// Every file loaded, in the order given. Files are independent until the rules that span
// them, so several are loaded at once, one per core: a folder of plans loads in about
// the time of its largest files rather than of all of them.
std::vector<FileOutcome> read_all(const std::vector<std::string>& paths) {
  std::vector<FileOutcome> outcomes(paths.size());
  const size_t workers = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), 8);
  util::parallel_for(paths.size(), workers, [&](size_t i) {
    SchemaChecker checker;  // one per file: valijson's regex cache must not be shared between threads
    outcomes[i] = read_and_load(paths[i], checker);
  });
  return outcomes;
}

struct Loader {
  SchemaChecker checker;
  LoadResult result;
  std::vector<FileLoad> loads;

  void add(FileLoad load) {
    result.files.push_back(load.file.path);
    for (auto& d : load.diagnostics) result.errors.push_back(std::move(d));
    load.diagnostics.clear();
    loads.push_back(std::move(load));
  }

  void add(FileOutcome outcome) {
    if (outcome.load) return add(std::move(*outcome.load));
    result.files.push_back(outcome.unreadable.file);
    result.errors.push_back(std::move(outcome.unreadable));
  }

  // The rules across files, then every diagnostic in file order.
  LoadResult finish() {
    std::vector<const OffsetPlan*> offset_plans;
    std::vector<const DtsOffsetPlan*> dts_plans;
    for (const auto& l : loads) {
      for (const auto& p : l.file.offset_plans) offset_plans.push_back(&p);
      for (const auto& p : l.file.dts_plans) dts_plans.push_back(&p);
    }
    std::map<std::string, const FileLoad*> by_path;
    for (const auto& l : loads) by_path.emplace(l.file.path, &l);
    for (const Conflict& c : find_conflicts(offset_plans, dts_plans)) {
      Diagnostic d;
      d.file = c.loc.file;
      d.line = c.loc.line;
      d.col = c.loc.col;
      d.message = c.message;
      if (auto it = by_path.find(c.loc.file); it != by_path.end())
        set_source_line(d, LineIndex(it->second->text).line(c.loc.line));
      result.errors.push_back(std::move(d));
    }
    // Paths in the order first named (files read, then paths that were not files).
    std::map<std::string, size_t> order;
    for (const auto& f : result.files) order.emplace(f, order.size());
    for (const auto& e : result.errors) order.emplace(e.file, order.size());
    std::stable_sort(result.errors.begin(), result.errors.end(), [&](const Diagnostic& a, const Diagnostic& b) {
      size_t fa = order[a.file], fb = order[b.file];
      if (fa != fb) return fa < fb;
      return a.line != b.line ? a.line < b.line : a.col < b.col;
    });
    std::set<std::string> bad;
    for (const auto& e : result.errors) bad.insert(e.file);
    for (auto& l : loads)
      if (!bad.count(l.file.path)) result.plans.files.push_back(std::move(l.file));
    result.files_read = result.files.size();
    return std::move(result);
  }
};

}  // namespace

size_t LoadResult::plan_count() const {
  size_t n = 0;
  for (const auto& f : plans.files) n += f.offset_plans.size() + f.dts_plans.size();
  return n;
}

size_t LoadResult::files_with_errors() const {
  std::set<std::string> bad;
  for (const auto& e : errors) bad.insert(e.file);
  return bad.size();
}

LoadResult load_plans(const std::vector<std::string>& paths) {
  Loader loader;
  Discovered found = discover_plan_files(paths);
  loader.result.errors = std::move(found.errors);
  for (auto& outcome : read_all(found.files)) loader.add(std::move(outcome));
  return loader.finish();
}

LoadResult load_plan_text(std::string_view text, const std::string& path) {
  Loader loader;
  loader.add(load_file_text(text, path, loader.checker));
  return loader.finish();
}

}  // namespace offsetctl::plan
