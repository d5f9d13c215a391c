#pragma once
// Hashes and MACs over OpenSSL, as lower-case hex or raw bytes.

#include <memory>
#include <string>
#include <string_view>

namespace offsetctl::util {

std::string sha256_raw(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string hmac_sha256_raw(std::string_view key, std::string_view data);
std::string hex(std::string_view bytes);

// SHA-256 over data that arrives in pieces, so that a text of hundreds of
// megabytes (a saved plan) is hashed as it is produced, never held whole.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view data);
  std::string hex_digest();  // of everything given so far; ends the hash

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

}  // namespace offsetctl::util
