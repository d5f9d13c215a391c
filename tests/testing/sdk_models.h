#pragma once
// The official Tencent Cloud Node SDK's models (its .d.ts type definitions of
// CKafka 2019-08-19 and DTS 2021-12-06) read as data, and a check of a JSON
// request or answer against them: every field's name, nesting and type
// (number vs string, array vs object), required request fields, and null only
// where the model says the field may be null. The judge of both offsetctl's
// client and ckafka-emulator: neither wrote these files.
//
// scripts/deps installs the SDK for tests only (docs/emulator.md); without it
// the checks are skipped with a message saying so.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace offsetctl::testing {

// The npm package scripts/deps installs (the version is pinned there).
inline constexpr const char* kNodeSdkPackage = "tencentcloud-sdk-nodejs";

struct SdkField {
  std::string type;       // "string", "number", "boolean", "Array<T>", or an interface's name
  bool optional = false;  // `Name?:` in the model
  bool nullable = false;  // its comment says the field may be null
};

struct SdkInterface {
  std::string name;
  std::vector<std::pair<std::string, SdkField>> fields;
  const SdkField* find(const std::string& field) const;
};

enum class SdkDirection { Request, Answer };

class SdkModels {
 public:
  // Reads both services' models from the package folder (.../node_modules/tencentcloud-sdk-nodejs);
  // null with `error` set when a file is missing or holds no interfaces.
  static std::unique_ptr<SdkModels> load(const std::string& package_dir, std::string& error);
  // The same from .d.ts texts, per service (the checker's own tests).
  static std::unique_ptr<SdkModels> from_text(const std::map<std::string, std::string>& texts);

  // "ckafka" or "dts"; null when the model has no such interface.
  const SdkInterface* find(const std::string& service, const std::string& interface) const;

  // Every way `value` at `path` differs from `interface`, one message each; empty when it fits.
  // Requests must carry every required field; in answers (every field optional in the Node
  // models) a field's presence is not checked, only its name and type.
  std::vector<std::string> check(const std::string& service, const std::string& interface,
                                 const nlohmann::json& value, SdkDirection direction,
                                 const std::string& path) const;

  size_t size() const;  // interfaces read, over both services

 private:
  std::map<std::string, std::map<std::string, SdkInterface>> services_;
};

// The SDK's package folder: $OFFSETCTL_NODE_SDK_DIR when set, else where scripts/deps installs it
// (${XDG_CACHE_HOME:-$HOME/.cache}/offsetctl/node-sdk/node_modules/tencentcloud-sdk-nodejs).
std::string node_sdk_dir();

// The models of node_sdk_dir(), loaded once per process; null when the SDK is not installed
// (`why` says what is missing and how to install it).
const SdkModels* installed_sdk_models(std::string* why = nullptr);

// Checks every request body of an emulator request log (one JSON line per request) against its
// action's `<Action>Request` model; one message per problem, naming the line.
std::vector<std::string> check_request_log(const SdkModels& models, const std::string& log_path);

}  // namespace offsetctl::testing
