#pragma once
// Bounds on what a plan file may hold. A plan comes from a pull request, a
// pipeline or an attacker; these keep loading fast and memory bounded whatever
// the input. The numbers are documented in docs/plan-format.md.

#include <cstddef>

namespace offsetctl::plan::limits {

inline constexpr int kMaxDepth = 64;                   // nesting of mappings and lists
inline constexpr size_t kMaxListItems = 100000;       // items in one list or mapping
inline constexpr size_t kMaxNodesPerFile = 2000000;   // every value in one file
inline constexpr size_t kMaxDocumentsPerFile = 1000;  // plans in one file
inline constexpr size_t kMaxKeyBytes = 1024;          // one mapping key
inline constexpr size_t kMaxScalarBytes = 1024;       // one value (names, numbers, times)
inline constexpr size_t kMaxTextBytes = 4096;         // one free-text value (description)
inline constexpr size_t kMaxErrorsPerFile = 200;      // then the rest are counted, not shown
inline constexpr size_t kMaxFiles = 10000;            // plan files in one run

}  // namespace offsetctl::plan::limits
