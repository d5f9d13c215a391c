#pragma once
// A secret (secret key, session token) that cannot be printed by accident:
// every printable form (ostream, fmt/spdlog, JSON) is "[redacted]", and the
// value is reachable only through reveal(), which the signer and the token
// header call and nothing else should.

#include <fmt/format.h>

#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace offsetctl::api {

inline constexpr std::string_view kRedacted = "[redacted]";

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}
  Secret(const Secret&) = default;
  Secret(Secret&& other) noexcept;
  Secret& operator=(const Secret&);
  Secret& operator=(Secret&& other) noexcept;
  ~Secret();  // wipes the bytes

  bool empty() const { return value_.empty(); }
  size_t size() const { return value_.size(); }
  const std::string& reveal() const { return value_; }

  friend bool operator==(const Secret& a, const Secret& b) { return a.value_ == b.value_; }

 private:
  void wipe();
  std::string value_;
};

std::ostream& operator<<(std::ostream& out, const Secret&);
void to_json(nlohmann::json& j, const Secret&);

}  // namespace offsetctl::api

template <>
struct fmt::formatter<offsetctl::api::Secret> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const offsetctl::api::Secret&, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(offsetctl::api::kRedacted, ctx);
  }
};
