#include "report/step_summary.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "util/plural.h"

namespace offsetctl::report {
namespace {

// Byte offsets of the lines that open a group's section.
std::vector<size_t> group_starts(std::string_view md) {
  std::vector<size_t> out;
  for (size_t pos = 0; pos < md.size();) {
    if (md.compare(pos, 8, "<details") == 0) out.push_back(pos);
    size_t nl = md.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return out;
}

}  // namespace

std::string fit_step_summary(std::string_view markdown, size_t room, std::string_view where) {
  if (markdown.size() <= room) return std::string(markdown);
  const std::vector<size_t> starts = group_starts(markdown);
  const auto note = [&](size_t left_out) {
    return "\n> **" + util::plural(left_out, "group", "groups") +
           " left out** to stay under the job summary's size limit: " + std::string(where) + "\n";
  };
  // The longest prefix that ends where a group starts, with its note, within room.
  for (size_t i = starts.size(); i-- > 0;) {
    std::string tail = note(starts.size() - i);
    if (starts[i] + tail.size() <= room) return std::string(markdown.substr(0, starts[i])) + tail;
  }
  std::string only = note(starts.size());
  only.erase(0, 1);
  return only.size() <= room ? only : std::string();
}

AppendResult append_step_summary(const std::string& path, std::string_view markdown, std::string_view where,
                                 size_t limit) {
  AppendResult r;
  std::error_code ec;
  const auto used = std::filesystem::exists(path, ec) ? std::filesystem::file_size(path, ec) : 0;
  const size_t room = ec || used + 1 >= limit ? 0 : limit - static_cast<size_t>(used) - 1;
  std::string text = fit_step_summary(markdown, room, where);
  r.cut = text.size() != markdown.size();
  if (text.empty()) return r;
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << text << "\n";
  out.flush();
  if (!out) {
    r.ok = false;
    r.error = "could not write the job summary " + path + ": " + std::strerror(errno);
  }
  return r;
}

}  // namespace offsetctl::report
