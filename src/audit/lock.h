#pragma once
// The audit log's lock: an exclusive flock(2) on the open file, held for the
// whole run and released by the kernel when the process ends, even when killed,
// so a crash never leaves a stale lock.

#include <cstdint>
#include <optional>
#include <string>

#include "util/result.h"

namespace offsetctl::audit {

// Takes the lock on `fd`, waiting at most timeout_ms (0: try once). The error
// says who holds it, when the kernel tells (/proc/locks), and what to do.
Status<> lock_audit_file(int fd, const std::string& path, int timeout_ms);

// The process holding a flock on the file open as `fd`, from /proc/locks.
std::optional<long> flock_holder_pid(int fd);

// When process `pid` started (ms since the epoch), from /proc; nullopt when unknown.
std::optional<int64_t> process_start_ms(long pid);

// "10 s", "1.5 s", "200 ms".
std::string format_wait(int ms);

}  // namespace offsetctl::audit
