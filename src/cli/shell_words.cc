#include "cli/shell_words.h"

#include <array>
#include <utility>

namespace offsetctl::cli {
namespace {

// Flags whose values must not be printed, and the variable that can hold each instead.
constexpr std::array<std::pair<const char*, const char*>, 3> kSecretFlags = {{
    {"--secret-id", "\"$TENCENTCLOUD_SECRET_ID\""},
    {"--secret-key", "\"$TENCENTCLOUD_SECRET_KEY\""},
    {"--session-token", "\"$TENCENTCLOUD_SESSION_TOKEN\""},
}};

const char* secret_variable(const std::string& flag) {
  for (const auto& [name, variable] : kSecretFlags) {
    if (flag == name) return variable;
  }
  return nullptr;
}

}  // namespace

std::string shell_quote(const std::string& word) {
  if (word.empty()) return "''";
  bool plain = true;
  for (char c : word) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == '=' || c == ',' ||
                      c == '@' || c == '+';
    if (!safe) plain = false;
  }
  if (plain) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string shell_command(const std::vector<std::string>& args) {
  std::string out = "offsetctl";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const size_t eq = a.find('=');
    if (const char* variable = secret_variable(a.substr(0, eq))) {
      out += " " + a.substr(0, eq) + " " + variable;
      if (eq == std::string::npos) ++i;  // the value is the next word
      continue;
    }
    out += " " + shell_quote(a);
  }
  return out;
}

}  // namespace offsetctl::cli
