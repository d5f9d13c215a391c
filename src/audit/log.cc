#include "audit/log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>

#include "audit/fields.h"
#include "audit/lock.h"
#include "audit/record.h"
#include "audit/tail.h"
#include "util/time.h"

namespace offsetctl::audit {
namespace {

constexpr const char* kReserved[] = {"seq", "time", "run_id", "type", "prev_hash", "hash"};

std::string parent_dir(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// The new file's name must survive a crash too, not only its bytes.
void sync_parent_dir(const std::string& path) {
  int dir = ::open(parent_dir(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return;
  ::fsync(dir);
  ::close(dir);
}

Result<int> open_file(const std::string& path, bool& created) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
      created = true;
      ::fchmod(fd, 0600);  // whatever the umask
      sync_parent_dir(path);
      return fd;
    }
    if (errno != EEXIST) break;
    fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CLOEXEC);
    if (fd >= 0) {
      created = false;
      return fd;
    }
    if (errno != ENOENT) break;  // removed in between: try creating it again
  }
  int err = errno;
  std::string hint = err == EACCES || err == EPERM ? " (check the permissions of the file and its folder)"
                     : err == ENOENT               ? " (its folder does not exist)"
                     : err == EISDIR               ? " (give the path of a file)"
                                                   : "";
  return fail("cannot open audit log " + path + ": " + std::strerror(err) + hint);
}

}  // namespace

Result<std::unique_ptr<AuditLog>> AuditLog::open(const std::string& path, const std::string& run_id,
                                                 const util::Clock& clock, int lock_timeout_ms) {
  if (!is_valid_run_id(run_id)) {
    return fail("invalid run id '" + run_id + "' (expected run-YYYYMMDDTHHMMSSZ-<hex>, see make_run_id)");
  }
  std::unique_ptr<AuditLog> log(new AuditLog());
  log->path_ = path;
  log->run_id_ = run_id;
  log->clock_ = &clock;
  auto fd = open_file(path, log->created_);
  if (!fd) return fail(fd.error());
  log->fd_ = *fd;

  struct stat st {};
  if (::fstat(log->fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    return fail("audit log " + path + " is not a regular file; give --audit-log a file path");
  }
  if (!log->created_ && (st.st_mode & 077) != 0) {
    spdlog::warn("audit log {} can be read by other users (mode {:04o}); 'chmod 600 {}' keeps it private",
                 path, st.st_mode & 07777, path);
  }
  if (auto locked = lock_audit_file(log->fd_, path, lock_timeout_ms); !locked) return fail(locked.error());

  // Read only once the lock is held: another run may have appended while we waited.
  auto tail = read_audit_tail(log->fd_, path, log->schema_);
  if (!tail) return fail(tail.error());
  log->last_seq_ = tail->last_seq;
  log->last_hash_ = tail->last_hash;
  log->needs_newline_ = !tail->ends_with_newline;
  log->truncated_line_ = tail->torn_line;
  return log;
}

AuditLog::~AuditLog() {
  if (fd_ >= 0) ::close(fd_);
}

int64_t AuditLog::last_seq() const {
  std::lock_guard lock(mu_);
  return last_seq_;
}

std::string AuditLog::last_hash() const {
  std::lock_guard lock(mu_);
  return last_hash_;
}

size_t AuditLog::fsync_count() const {
  std::lock_guard lock(mu_);
  return fsyncs_;
}

namespace {

// What append checks against the schema: the record, but of a compact change record's rows
// only the first. The rows of one record are built alike from typed fields (compact.cc);
// checking each of them cost a sixth of a million-partition apply. `audit verify` checks all.
nlohmann::json schema_probe(const nlohmann::json& record) {
  auto rows = record.find("partitions");
  if (rows == record.end() || !rows->is_array() || rows->size() <= 1) return record;
  nlohmann::json probe = nlohmann::json::object();
  for (auto it = record.begin(); it != record.end(); ++it) {
    if (it.key() != "partitions") probe[it.key()] = it.value();
  }
  probe["partitions"] = nlohmann::json::array({rows->front()});
  return probe;
}

}  // namespace

Status<> AuditLog::append(const std::string& type, nlohmann::json fields, bool fsync) {
  std::lock_guard lock(mu_);
  if (!broken_.empty()) return fail(broken_);
  if (!is_record_type(type)) return fail("audit log " + path_ + ": unknown record type '" + type + "'");
  if (!started_ && type != kRunStarted) {
    return fail("audit log " + path_ + ": a run's first record must be run_started, not " + type);
  }
  if (started_ && type == kRunStarted) {
    return fail("audit log " + path_ + ": run " + run_id_ + " has already started");
  }
  if (finished_) return fail("audit log " + path_ + ": run " + run_id_ + " has already finished");
  if (fields.is_null()) fields = nlohmann::json::object();
  if (!fields.is_object()) return fail("audit log " + path_ + ": the fields of a record must be an object");
  for (const char* key : kReserved) {
    if (fields.contains(key)) {
      return fail("audit log " + path_ + ": field '" + key + "' is set by the audit log itself");
    }
  }

  nlohmann::json record = std::move(fields);
  record["seq"] = last_seq_ + 1;
  record["time"] = util::format_rfc3339_ms(clock_->now_ms());
  record["run_id"] = run_id_;
  record["type"] = type;
  record["prev_hash"] = last_hash_;
  // Invalid UTF-8 becomes U+FFFD here, once, so the hash covers what the file holds. Text that is
  // valid UTF-8 (all but hostile input) is dumped once and hashed as it is, without parsing it back.
  std::string unhashed;
  try {
    unhashed = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::type_error&) {
    unhashed = canonical_json(record);
    record = nlohmann::json::parse(unhashed);
  }
  std::string hash = record_hash_of_text(last_hash_, unhashed);
  record["hash"] = hash;
  if (auto why = schema_.check(schema_probe(record))) {
    return fail("audit log " + path_ + ": refusing an invalid " + type + " record: " + *why);
  }
  std::string line = canonical_json(record);
  if (line.size() > kMaxRecordBytes) {
    return fail("audit log " + path_ + ": a " + type + " record of " + std::to_string(line.size()) +
                " bytes is over the limit of " + std::to_string(kMaxRecordBytes));
  }
  line.push_back('\n');
  if (needs_newline_) line.insert(line.begin(), '\n');  // end the torn line a crash left behind
  if (auto written = write_line(line, fsync); !written) {
    broken_ = written.error().message + "; the audit log accepts no further records in this run";
    return written;
  }
  needs_newline_ = false;
  if (fsync) ++fsyncs_;
  last_seq_ += 1;
  last_hash_ = std::move(hash);
  if (type == kRunStarted) started_ = true;
  if (type == kRunFinished) finished_ = true;
  return Ok{};
}

Status<> AuditLog::write_line(const std::string& line, bool fsync) {
  // One write(2) for the whole line; a short write (a full disk, a signal) continues it.
  size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write to audit log " + path_ + ": " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  if (fsync && ::fdatasync(fd_) != 0) {
    return fail("cannot flush audit log " + path_ + " to disk: " + std::strerror(errno));
  }
  return Ok{};
}

}  // namespace offsetctl::audit
