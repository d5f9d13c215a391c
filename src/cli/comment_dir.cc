#include "cli/comment_dir.h"

#include <filesystem>
#include <fstream>

#include "cli/output_guard.h"
#include "util/files.h"

namespace offsetctl::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMarker = "<!-- offsetctl ";

std::string part_path(const std::string& dir, size_t k) {
  return (fs::path(dir) / ("comment-" + std::to_string(k) + ".md")).string();
}

// "comment-12.md" -> 12; 0 for any other name.
size_t part_number(const std::string& name) {
  if (name.rfind("comment-", 0) != 0 || name.size() < 12 || name.compare(name.size() - 3, 3, ".md") != 0) return 0;
  const std::string number = name.substr(8, name.size() - 11);
  if (number.empty() || number.size() > 6 || number.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoul(number);
}

bool written_by_offsetctl(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(kMarker.size(), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  return in.gcount() == static_cast<std::streamsize>(kMarker.size()) && head == kMarker;
}

}  // namespace

Status<> check_comment_dir(const std::string& dir, const std::vector<std::string>& inputs) {
  if (auto s = check_output_folder(dir, "--comment-dir", "the comment's parts", inputs); !s) return s;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Ok{};
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (part_number(entry.path().filename().string()) == 0) continue;
    if (!written_by_offsetctl(entry.path())) {
      return fail("--comment-dir " + dir + ": " + entry.path().string() +
                  " is not a comment offsetctl wrote (it does not start with '<!-- offsetctl'), so it is left "
                  "alone; move it away or choose another folder");
    }
  }
  return Ok{};
}

Result<std::string> write_comment_parts(const std::string& dir, const std::vector<std::string>& parts) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) {
    return fail("--comment-dir " + dir + ": cannot create the folder" + (ec ? ": " + ec.message() : std::string()));
  }
  for (size_t k = 0; k < parts.size(); ++k) {
    if (auto w = util::write_file_atomic(part_path(dir, k + 1), parts[k]); !w) {
      return fail("--comment-dir: could not write " + part_path(dir, k + 1) + ": " + w.error().message);
    }
  }
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const size_t k = part_number(entry.path().filename().string());
    if (k > parts.size() && written_by_offsetctl(entry.path())) fs::remove(entry.path(), ec);
  }
  if (parts.size() == 1) return "Wrote the comment to " + part_path(dir, 1) + "\n";
  return "Wrote the comment in " + std::to_string(parts.size()) + " parts: " + part_path(dir, 1) + " to " +
         part_path(dir, parts.size()) + " (each under 65,000 characters; post them in order)\n";
}

}  // namespace offsetctl::cli
