#pragma once
// "did you mean" suggestions for misspelt keys, commands and flags.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace offsetctl::util {

// Edit distance (insert, delete, replace, swap two neighbours), case-sensitive.
size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate when it is close enough to be a likely typo
// (at most a third of the word's length, and at least 1 edit).
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

}  // namespace offsetctl::util
