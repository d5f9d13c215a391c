#pragma once
// The audit log writer: JSON Lines, append-only, hash-chained (docs/audit-log.md).
//
// open() creates the file with mode 0600 (an existing file keeps its mode),
// takes an exclusive lock for the life of the object (a second run waits up
// to lock_timeout_ms, then fails), and continues the chain from the file's
// last complete record. Each append() is one write(2) of one whole line, so a
// crash leaves at most one record cut short at the end, which the next run
// leaves in place (it starts a new line) and `offsetctl audit verify` accepts.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "audit/schema.h"
#include "util/clock.h"
#include "util/result.h"

namespace offsetctl::audit {

inline constexpr int kDefaultAuditLockTimeoutMs = 10000;

class AuditLog {
 public:
  // run_id: from make_run_id(). Fails with a message naming the file and what to do.
  static Result<std::unique_ptr<AuditLog>> open(const std::string& path, const std::string& run_id,
                                                const util::Clock& clock,
                                                int lock_timeout_ms = kDefaultAuditLockTimeoutMs);
  ~AuditLog();  // closes the file, which releases the lock
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Appends one record: `fields` (an object, see audit_fields.h for builders)
  // plus seq, time, run_id, type, prev_hash and hash. With fsync the record is
  // on disk when this returns: use it for every change_intent before the call it
  // announces (for a call covering many partitions, on the last one), and for
  // run_finished. A run's first record must be run_started; nothing follows its
  // run_finished. A record that does not match schemas/audit.schema.json is
  // refused (nothing written). After a failed write or fsync the log refuses
  // every further record: the caller must stop changing anything.
  // Thread-safe.
  Status<> append(const std::string& type, nlohmann::json fields, bool fsync);

  const std::string& path() const { return path_; }
  const std::string& run_id() const { return run_id_; }
  bool created() const { return created_; }  // the file did not exist before open()
  // Line number of a record cut short by an earlier crash at the end of the file,
  // found by open(); the chain continues from the record before it. open() says
  // nothing about it: the caller tells the user.
  std::optional<size_t> truncated_line() const { return truncated_line_; }
  int64_t last_seq() const;
  std::string last_hash() const;
  size_t fsync_count() const;  // appends that were flushed to disk

 private:
  AuditLog() = default;
  Status<> write_line(const std::string& line, bool fsync);

  std::string path_;
  std::string run_id_;
  const util::Clock* clock_ = nullptr;
  int fd_ = -1;
  bool created_ = false;
  std::optional<size_t> truncated_line_;

  mutable std::mutex mu_;
  AuditSchema schema_;
  int64_t last_seq_ = 0;
  std::string last_hash_;
  bool needs_newline_ = false;  // the file ends inside a torn line
  bool started_ = false;
  bool finished_ = false;
  size_t fsyncs_ = 0;
  std::string broken_;  // why the log refuses further records
};

}  // namespace offsetctl::audit
