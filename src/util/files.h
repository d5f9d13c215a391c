#pragma once
// Reading and writing files with the guarantees the tool promises:
// bounded reads, and writes that are all or nothing (temp file, fsync, rename).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace offsetctl::util {

inline constexpr uint64_t kMaxInputBytes = 16ull << 20;  // 16 MiB

// Reads a whole file; fails (without reading it) when larger than max_bytes.
Result<std::string> read_file(const std::string& path, uint64_t max_bytes = kMaxInputBytes);

// Writes `contents` to `path` atomically: a crash leaves the old file or the new, never half.
// `mode` applies when the file is created.
Status<> write_file_atomic(const std::string& path, std::string_view contents,
                           unsigned mode = 0644);
// The same for contents given in pieces, written one after the other (a large
// text with something inserted in its middle, without copying it).
Status<> write_file_atomic(const std::string& path, const std::vector<std::string_view>& pieces,
                           unsigned mode = 0644);

}  // namespace offsetctl::util
