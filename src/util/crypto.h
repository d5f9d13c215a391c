#pragma once
// Hashes and MACs over OpenSSL, as lower-case hex or raw bytes.

#include <string>
#include <string_view>

namespace offsetctl::util {

std::string sha256_raw(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string hmac_sha256_raw(std::string_view key, std::string_view data);
std::string hex(std::string_view bytes);

}  // namespace offsetctl::util
