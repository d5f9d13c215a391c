#pragma once
// GitHub Actions workflow commands: "::error file=F,line=L,col=C,title=T::message".
// The runner parses them from a step's output, so text that reaches one must be
// escaped the way actions/toolkit does, or a ':' or ',' in a path cuts the command.

#include <string>
#include <string_view>

namespace offsetctl::util {

enum class AnnotationLevel { Error, Warning, Notice };

struct Annotation {
  AnnotationLevel level = AnnotationLevel::Error;
  std::string file;  // relative to the repository root (GITHUB_WORKSPACE); empty: not on a file
  int line = 0;      // 1-based; 0: none
  int col = 0;       // 1-based; 0: none
  std::string title;
  std::string message;
};

// The message part: '%', '\r' and '\n' escaped.
std::string github_escape_data(std::string_view s);

// A property value: the data escapes, and ':' and ',' as well.
std::string github_escape_property(std::string_view s);

// One workflow command line, ending in '\n'.
std::string github_annotation(const Annotation& a);

// `path` relative to `workspace` when it lies inside it (both made absolute and
// normal first), else `path` unchanged. An empty workspace changes nothing.
std::string relative_to_workspace(const std::string& path, const std::string& workspace);

}  // namespace offsetctl::util
