#include "emulator/yaml_reader.h"

#include <charconv>
#include <set>
#include <vector>

#include "util/did_you_mean.h"

namespace offsetctl::emulator {

std::string YamlReader::where(const YAML::Node& node) const {
  YAML::Mark mark = node.Mark();
  if (mark.line < 0) return name_;
  return name_ + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

bool YamlReader::fail(const YAML::Node& node, const std::string& message) {
  if (!error_) error_ = where(node) + ": " + message;
  return false;
}

bool YamlReader::fail(const std::string& message) {
  if (!error_) error_ = name_ + ": " + message;
  return false;
}

bool YamlReader::expect_map(const YAML::Node& node, const char* what,
                            std::initializer_list<const char*> allowed) {
  if (!node.IsMap()) return fail(node, std::string(what) + " must be a mapping of keys to values");
  std::vector<std::string> names(allowed.begin(), allowed.end());
  std::set<std::string> seen;
  for (const auto& kv : node) {
    if (!kv.first.IsScalar())
      return fail(kv.first, std::string("a key in ") + what + " must be a plain word");
    const std::string key = kv.first.Scalar();
    if (!seen.insert(key).second) return fail(kv.first, "duplicate key `" + key + "` in " + what);
    bool known = false;
    for (const auto& n : names) known = known || n == key;
    if (!known) {
      std::string msg = "unknown key `" + key + "` in " + what;
      if (auto m = util::closest_match(key, names)) msg += "; did you mean `" + *m + "`?";
      return fail(kv.first, msg);
    }
  }
  return true;
}

bool YamlReader::expect_list(const YAML::Node& node, const char* what) {
  if (!node.IsSequence()) return fail(node, std::string(what) + " must be a list");
  return true;
}

bool YamlReader::read_string(const YAML::Node& map, const char* key, std::string& out, bool required) {
  YAML::Node v = map[key];
  if (!v) return required ? fail(map, std::string("`") + key + "` is required here") : true;
  if (!v.IsScalar()) return fail(v, std::string("`") + key + "` must be a string");
  out = v.Scalar();
  return true;
}

bool YamlReader::read_int(const YAML::Node& map, const char* key, int64_t& out, bool required, int64_t min,
                          int64_t max) {
  YAML::Node v = map[key];
  if (!v) return required ? fail(map, std::string("`") + key + "` is required here") : true;
  return scalar_int(v, std::string("`") + key + "`", out, min, max);
}

bool YamlReader::scalar_int(const YAML::Node& node, const std::string& what, int64_t& out, int64_t min,
                            int64_t max) {
  if (!node.IsScalar()) return fail(node, what + " must be an integer");
  const std::string& text = node.Scalar();
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) return fail(node, what + " is out of range: " + text);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) {
    return fail(node, what + " must be an integer, not `" + text + "`");
  }
  if (value < min || value > max) {
    return fail(node, what + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
                          ", not " + text);
  }
  out = value;
  return true;
}

}  // namespace offsetctl::emulator
