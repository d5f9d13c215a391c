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

TEST(Crypto, HexIsLowerCase) { EXPECT_EQ(hex(std::string("\x00\xab\xff", 3)), "00abff"); }

}  // namespace offsetctl::util
