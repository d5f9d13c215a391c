#include "util/crypto.h"

#include <gtest/gtest.h>

namespace offsetctl::util {

TEST(Crypto, Sha256OfEmptyString) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Crypto, HmacSha256MatchesRfc4231Case2) {
  EXPECT_EQ(hex(hmac_sha256_raw("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, Sha256InPiecesEqualsSha256OfTheWhole) {
  const std::string text = "The quick brown fox jumps over the lazy dog, " + std::string(100000, 'x');
  Sha256 pieces;
  for (size_t at = 0; at < text.size(); at += 4093) pieces.update(std::string_view(text).substr(at, 4093));
  EXPECT_EQ(pieces.hex_digest(), sha256_hex(text));

  Sha256 nothing;
  EXPECT_EQ(nothing.hex_digest(), sha256_hex(""));
}

TEST(Crypto, HexIsLowerCase) { EXPECT_EQ(hex(std::string("\x00\xab\xff", 3)), "00abff"); }

}  // namespace offsetctl::util
