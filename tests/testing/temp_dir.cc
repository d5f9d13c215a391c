#include "testing/temp_dir.h"

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace offsetctl::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/offsetctl-test-XXXXXX";
  if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  root_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(root_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& contents) const {
  std::filesystem::path p = path(name);
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << contents;
  return p.string();
}

std::string source_dir() {
  const char* d = std::getenv("OFFSETCTL_SOURCE_DIR");
  return d ? d : OFFSETCTL_DEFAULT_SOURCE_DIR;
}

std::string build_dir() {
  const char* d = std::getenv("OFFSETCTL_BUILD_DIR");
  return d ? d : OFFSETCTL_DEFAULT_BUILD_DIR;
}

}  // namespace offsetctl::testing
