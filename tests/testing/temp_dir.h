#pragma once
// A fresh directory per test, removed afterwards.

#include <string>

namespace offsetctl::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& root() const { return root_; }
  std::string path(const std::string& name) const { return root_ + "/" + name; }
  // Writes `contents` to root/name (creating parent folders) and returns the path.
  std::string write(const std::string& name, const std::string& contents) const;

 private:
  std::string root_;
};

// The source tree (for schemas and examples) and the build tree (for the programs).
std::string source_dir();
std::string build_dir();

}  // namespace offsetctl::testing
