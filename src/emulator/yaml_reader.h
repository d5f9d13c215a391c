#pragma once
// Strict reading of the state file's YAML: every problem becomes one message
// "file:line:col: what" (the first one found), unknown keys get a "did you mean".

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

namespace offsetctl::emulator {

class YamlReader {
 public:
  explicit YamlReader(std::string name) : name_(std::move(name)) {}

  bool ok() const { return !error_; }
  const std::optional<std::string>& error() const { return error_; }

  // Records the first error, located at `node`; always returns false.
  bool fail(const YAML::Node& node, const std::string& message);
  // Records an error with no position (an empty file).
  bool fail(const std::string& message);
  std::string where(const YAML::Node& node) const;

  // `node` must be a mapping whose keys are all in `allowed`, each once.
  bool expect_map(const YAML::Node& node, const char* what, std::initializer_list<const char*> allowed);
  bool expect_list(const YAML::Node& node, const char* what);

  // A scalar under `key`: absent leaves `out` unchanged (and fails when required).
  bool read_string(const YAML::Node& map, const char* key, std::string& out, bool required);
  bool read_int(const YAML::Node& map, const char* key, int64_t& out, bool required, int64_t min,
                int64_t max);
  // A scalar node itself as an integer in [min, max]; `what` names it in messages.
  bool scalar_int(const YAML::Node& node, const std::string& what, int64_t& out, int64_t min, int64_t max);

 private:
  std::string name_;
  std::optional<std::string> error_;
};

}  // namespace offsetctl::emulator
