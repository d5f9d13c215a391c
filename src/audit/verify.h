#pragma once
// `offsetctl audit verify`: checks an audit log end to end: every record's
// shape (schemas/audit.schema.json), seq continuity, the prev_hash links, each
// hash, the canonical form and the run structure. Reports the first bad line.
// A record cut short by a crash (at the end, or inside the file followed by a
// new run) is reported as such, not as tampering. Safe on arbitrary bytes.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace offsetctl::audit {

class AuditSchema;

struct VerifyReport {
  bool ok = false;
  size_t records = 0;   // valid records (before the first bad line, if any)
  size_t runs = 0;      // run_started records among them
  size_t lines = 0;     // lines read
  size_t bad_line = 0;  // the first bad line (1-based); 0 when ok or when the file cannot be read
  std::string error;    // why it is bad, e.g. "hash mismatch: the record was changed after it was written"
  bool truncated_tail = false;  // the last line is a record cut short by a crash
  size_t truncated_line = 0;
  std::vector<size_t> interrupted_lines;  // records cut short inside the file, each followed by a new run
  int64_t last_seq = 0;
  std::string last_hash;  // of the last valid record: note it elsewhere to detect a removed tail
  std::string last_run_id;

  // "FILE: 12 records in 2 runs, chain intact." (plus notes), or "FILE:7: error: why".
  std::string summary(const std::string& path) const;
  nlohmann::json to_json(const std::string& path) const;
};

// Called with each record that passed every check, in file order.
using RecordVisitor = std::function<void(size_t line, const nlohmann::json& record)>;

VerifyReport verify_audit_log(const std::string& path, const RecordVisitor& visit = {});
// The same over bytes in memory (tests, fuzzing).
VerifyReport verify_audit_bytes(std::string_view bytes, const RecordVisitor& visit = {});
// With a schema compiled once by the caller, for many calls (a fuzzer): compiling
// it costs more than checking a small log. Not thread-safe (see AuditSchema).
VerifyReport verify_audit_bytes(std::string_view bytes, const AuditSchema& schema);

}  // namespace offsetctl::audit
