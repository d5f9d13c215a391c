#include "api/secret.h"

#include <openssl/crypto.h>

#include <nlohmann/json.hpp>
#include <ostream>

namespace offsetctl::api {

Secret::Secret(Secret&& other) noexcept : value_(other.value_) { other.wipe(); }

Secret& Secret::operator=(const Secret& other) {
  if (this != &other) {
    wipe();
    value_ = other.value_;
  }
  return *this;
}

Secret& Secret::operator=(Secret&& other) noexcept {
  if (this != &other) {
    wipe();
    value_ = other.value_;
    other.wipe();
  }
  return *this;
}

Secret::~Secret() { wipe(); }

void Secret::wipe() {
  // Moving a std::string may leave the bytes behind in a small-string buffer;
  // copy-then-wipe keeps exactly one live copy of the secret.
  if (!value_.empty()) OPENSSL_cleanse(value_.data(), value_.size());
  value_.clear();
}

std::ostream& operator<<(std::ostream& out, const Secret&) { return out << kRedacted; }

void to_json(nlohmann::json& j, const Secret&) { j = std::string(kRedacted); }

}  // namespace offsetctl::api
