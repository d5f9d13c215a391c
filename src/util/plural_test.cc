#include "util/plural.h"

#include <gtest/gtest.h>

namespace offsetctl::util {
namespace {

TEST(Plural, OneIsSingularEverythingElsePlural) {
  EXPECT_EQ(plural(1, "file", "files"), "1 file");
  EXPECT_EQ(plural(0, "file", "files"), "0 files");
  EXPECT_EQ(plural(2, "entry", "entries"), "2 entries");
}

}  // namespace
}  // namespace offsetctl::util
