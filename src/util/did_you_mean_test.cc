#include "util/did_you_mean.h"

#include <gtest/gtest.h>

namespace offsetctl::util {

TEST(DidYouMean, EditDistance) {
  EXPECT_EQ(edit_distance("offsets", "offsets"), 0u);
  EXPECT_EQ(edit_distance("ofsets", "offsets"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("plna", "plan"), 1u);  // two neighbours swapped
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);
}

TEST(DidYouMean, SuggestsCloseKey) {
  std::vector<std::string> keys = {"offsets", "offset", "to", "shift", "datetime", "duration"};
  EXPECT_EQ(closest_match("ofset", keys), "offset");
  EXPECT_EQ(closest_match("datetme", keys), "datetime");
  EXPECT_EQ(closest_match("planx", {"plan", "apply", "validate"}), "plan");
  EXPECT_EQ(closest_match("plna", {"plan", "apply", "validate"}), "plan");
  EXPECT_EQ(closest_match("verfy", {"verify", "list"}), "verify");
}

TEST(DidYouMean, NoSuggestionForUnrelatedWords) {
  EXPECT_EQ(closest_match("banana", {"plan", "apply", "validate"}), std::nullopt);
  EXPECT_EQ(closest_match("x", {"to", "plan"}), std::nullopt);
}

}  // namespace offsetctl::util
