#include "testing/sdk_models.h"

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>

#include "testing/temp_dir.h"

namespace offsetctl::testing {
namespace {

using nlohmann::json;

struct ServiceModels {
  const char* service;
  const char* file;  // inside the package
};
constexpr ServiceModels kModelFiles[] = {
    {"ckafka", "tencentcloud/services/ckafka/v20190819/ckafka_models.d.ts"},
    {"dts", "tencentcloud/services/dts/v20211206/dts_models.d.ts"},
};

// The generated files have one shape: `export interface Name {`, then per field a
// `/** ... */` comment and `    Name?: Type;`, then `}` alone on a line.
std::map<std::string, SdkInterface> parse_models(std::istream& in) {
  static const std::regex interface_start(R"(^export interface (\w+) \{$)");
  static const std::regex field_line(R"(^    (\w+)(\??): (.+);$)");
  std::map<std::string, SdkInterface> out;
  SdkInterface* current = nullptr;
  bool in_comment = false;
  std::string comment;
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (in_comment) {
      comment += line;
      if (line.find("*/") != std::string::npos) in_comment = false;
      continue;
    }
    if (line.find("/**") != std::string::npos) {
      comment = line;
      in_comment = line.find("*/") == std::string::npos;
      continue;
    }
    if (std::regex_match(line, m, interface_start)) {
      current = &out[m[1]];
      current->name = m[1];
    } else if (line == "}") {
      current = nullptr;
    } else if (current && std::regex_match(line, m, field_line)) {
      SdkField f;
      f.type = m[3];
      f.optional = m[2] == "?";
      // "注意：此字段可能返回 null，表示取不到有效值。" (note: this field may be null)
      f.nullable = comment.find("返回 null") != std::string::npos || comment.find("返回null") != std::string::npos;
      current->fields.emplace_back(m[1], std::move(f));
      comment.clear();
    }
  }
  return out;
}

const char* type_of(const json& v) {
  switch (v.type()) {
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::null: return "null";
    default: return "something else";
  }
}

class Checker {
 public:
  Checker(const std::map<std::string, SdkInterface>& models, SdkDirection direction)
      : models_(models), direction_(direction) {}

  void object(const std::string& name, const json& v, const std::string& path) {
    auto it = models_.find(name);
    if (it == models_.end()) {
      problems.push_back(path + ": the SDK has no model " + name);
      return;
    }
    if (!v.is_object()) {
      problems.push_back(path + " is " + type_of(v) + ", the model " + name + " is an object");
      return;
    }
    const SdkInterface& model = it->second;
    for (const auto& [field, value] : v.items()) {
      const SdkField* f = model.find(field);
      if (!f) {
        problems.push_back(path + "." + field + " is not a field of " + name);
        continue;
      }
      if (value.is_null()) {
        if (direction_ == SdkDirection::Request && !f->optional) {
          problems.push_back(path + "." + field + " is null, but " + name + " requires it");
        } else if (direction_ == SdkDirection::Answer && !f->nullable) {
          problems.push_back(path + "." + field + " is null, and " + name + " does not say it may be");
        }
        continue;
      }
      typed(f->type, value, path + "." + field);
    }
    if (direction_ == SdkDirection::Request) {
      for (const auto& [field, f] : model.fields) {
        if (!f.optional && !v.contains(field)) problems.push_back(path + "." + field + " is missing, " + name + " requires it");
      }
    }
  }

  void typed(const std::string& type, const json& v, const std::string& path) {
    auto expect = [&](bool ok, const char* what) {
      if (!ok) problems.push_back(path + " is " + type_of(v) + ", the model says " + what + " (" + type + ")");
    };
    if (type == "string") return expect(v.is_string(), "a string");
    if (type == "number" || type == "number | bigint") return expect(v.is_number(), "a number");
    if (type == "boolean") return expect(v.is_boolean(), "a boolean");
    if (type.rfind("Array<", 0) == 0 && type.back() == '>') {
      expect(v.is_array(), "an array");
      if (!v.is_array()) return;
      const std::string element = type.substr(6, type.size() - 7);
      for (size_t i = 0; i < v.size(); ++i) {
        if (v[i].is_null()) {
          problems.push_back(path + "[" + std::to_string(i) + "] is null inside an array");
        } else {
          typed(element, v[i], path + "[" + std::to_string(i) + "]");
        }
      }
      return;
    }
    if (type == "any") return;
    object(type, v, path);
  }

  std::vector<std::string> problems;

 private:
  const std::map<std::string, SdkInterface>& models_;
  SdkDirection direction_;
};

}  // namespace

const SdkField* SdkInterface::find(const std::string& field) const {
  for (const auto& [field_name, f] : fields) {
    if (field_name == field) return &f;
  }
  return nullptr;
}

std::unique_ptr<SdkModels> SdkModels::load(const std::string& package_dir, std::string& error) {
  auto models = std::make_unique<SdkModels>();
  for (const ServiceModels& s : kModelFiles) {
    const std::string path = package_dir + "/" + s.file;
    std::ifstream in(path);
    if (!in) {
      error = path + " cannot be read";
      return nullptr;
    }
    models->services_[s.service] = parse_models(in);
    if (models->services_[s.service].empty()) {
      error = path + " holds no `export interface` the model reader understands";
      return nullptr;
    }
  }
  return models;
}

std::unique_ptr<SdkModels> SdkModels::from_text(const std::map<std::string, std::string>& texts) {
  auto models = std::make_unique<SdkModels>();
  for (const auto& [service, text] : texts) {
    std::istringstream in(text);
    models->services_[service] = parse_models(in);
  }
  return models;
}

const SdkInterface* SdkModels::find(const std::string& service, const std::string& interface) const {
  auto s = services_.find(service);
  if (s == services_.end()) return nullptr;
  auto i = s->second.find(interface);
  return i == s->second.end() ? nullptr : &i->second;
}

std::vector<std::string> SdkModels::check(const std::string& service, const std::string& interface,
                                          const json& value, SdkDirection direction, const std::string& path) const {
  auto s = services_.find(service);
  if (s == services_.end()) return {path + ": no models of service " + service};
  Checker checker(s->second, direction);
  checker.object(interface, value, path);
  return checker.problems;
}

size_t SdkModels::size() const {
  size_t n = 0;
  for (const auto& [service, interfaces] : services_) n += interfaces.size();
  return n;
}

// Installed by scripts/deps (npm ci of tests/node), into the checkout's .cache/.
std::string node_sdk_dir() {
  if (const char* dir = std::getenv("OFFSETCTL_NODE_SDK_DIR"); dir && *dir) return dir;
  return source_dir() + "/.cache/node/node_modules/" + kNodeSdkPackage;
}

const SdkModels* installed_sdk_models(std::string* why) {
  static std::once_flag once;
  static std::unique_ptr<SdkModels> models;
  static std::string error;
  std::call_once(once, [] {
    const std::string dir = node_sdk_dir();
    models = SdkModels::load(dir, error);
    if (!models) {
      error = "the official Tencent Cloud Node SDK is not installed (" + error +
              "); run scripts/deps (it installs tests/node's tools into .cache/node), or set OFFSETCTL_NODE_SDK_DIR";
    }
  });
  if (why) *why = error;
  return models.get();
}

std::vector<std::string> check_request_log(const SdkModels& models, const std::string& log_path) {
  std::vector<std::string> problems;
  std::ifstream in(log_path);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    json entry = json::parse(line, nullptr, false);
    if (entry.is_discarded() || !entry.is_object()) continue;
    const json& service = entry["service"];
    const json& action = entry["action"];
    const json& request = entry["request"];
    if (!service.is_string() || !action.is_string() || request.is_null()) continue;
    const std::string where = log_path + ":" + std::to_string(n) + ": " + action.get<std::string>() + " request";
    for (auto& p : models.check(service.get<std::string>(), action.get<std::string>() + "Request", request,
                                SdkDirection::Request, "request")) {
      problems.push_back(where + ": " + p);
    }
  }
  return problems;
}

}  // namespace offsetctl::testing
