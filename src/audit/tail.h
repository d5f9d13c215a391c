#pragma once
// Where an existing audit log ends: the last complete record, whose seq and
// hash the next run continues from, and whether a crash left a record cut
// short after it (which stays in the file, untouched).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "util/result.h"

namespace offsetctl::audit {

class AuditSchema;

struct AuditTail {
  int64_t last_seq = 0;   // 0: no record yet
  std::string last_hash;  // 64 zeros when there is no record yet
  size_t last_record_line = 0;
  size_t lines = 0;                 // lines in the file, counting an unfinished last one
  std::optional<size_t> torn_line;  // the last line is a record cut short by a crash
  bool ends_with_newline = true;    // false: the next write must start a new line first
};

// Reads the file open as `fd` (from the start, in bounded memory). Fails when
// the last record is damaged or is not a record, naming the line; `path` is
// for messages only.
Result<AuditTail> read_audit_tail(int fd, const std::string& path, const AuditSchema& schema);

}  // namespace offsetctl::audit
