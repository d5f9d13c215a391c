#include "util/github.h"

#include <filesystem>

namespace offsetctl::util {
namespace {

const char* level_name(AnnotationLevel l) {
  switch (l) {
    case AnnotationLevel::Warning: return "warning";
    case AnnotationLevel::Notice: return "notice";
    case AnnotationLevel::Error: break;
  }
  return "error";
}

std::string escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string github_escape_data(std::string_view s) { return escape(s, false); }

std::string github_escape_property(std::string_view s) { return escape(s, true); }

std::string github_annotation(const Annotation& a) {
  std::string props;
  const auto add = [&props](const char* key, const std::string& value) {
    props += (props.empty() ? " " : ",") + std::string(key) + "=" + github_escape_property(value);
  };
  if (!a.file.empty()) {
    add("file", a.file);
    if (a.line > 0) add("line", std::to_string(a.line));
    if (a.line > 0 && a.col > 0) add("col", std::to_string(a.col));
  }
  if (!a.title.empty()) add("title", a.title);
  return "::" + std::string(level_name(a.level)) + props + "::" + github_escape_data(a.message) + "\n";
}

std::string relative_to_workspace(const std::string& path, const std::string& workspace) {
  namespace fs = std::filesystem;
  if (workspace.empty() || path.empty()) return path;
  std::error_code ec;
  const fs::path abs = fs::absolute(path, ec).lexically_normal();
  if (ec) return path;
  const fs::path root = fs::absolute(workspace, ec).lexically_normal();
  if (ec) return path;
  const fs::path rel = abs.lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return path;
  return rel.generic_string();
}

}  // namespace offsetctl::util
