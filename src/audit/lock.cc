#include "audit/lock.h"

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "util/time.h"

namespace offsetctl::audit {

std::optional<long> flock_holder_pid(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::nullopt;
  char id[64];
  std::snprintf(id, sizeof id, "%02x:%02x:%llu", ::major(st.st_dev), ::minor(st.st_dev),
                static_cast<unsigned long long>(st.st_ino));
  std::ifstream locks("/proc/locks");
  std::string line;
  // "1: FLOCK  ADVISORY  WRITE 12345 08:01:1234567 0 EOF"; waiters have "->" after the number.
  while (std::getline(locks, line)) {
    std::istringstream words(line);
    std::string number, kind, mode, access, pid, file;
    words >> number >> kind;
    if (kind != "FLOCK") continue;
    words >> mode >> access >> pid >> file;
    if (file != id) continue;
    try {
      return std::stol(pid);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<int64_t> process_start_ms(long pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  std::getline(stat, text);  // one line
  // "pid (comm) state ppid ...": comm may hold spaces and parentheses; fields resume after the last ')'.
  auto close = text.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(text.substr(close + 1));
  std::string field;
  unsigned long long start_ticks = 0;
  for (int i = 3; i <= 22 && fields >> field; ++i) {
    if (i == 22) start_ticks = std::strtoull(field.c_str(), nullptr, 10);
  }
  if (start_ticks == 0) return std::nullopt;
  std::ifstream proc_stat("/proc/stat");
  std::string line;
  long long boot_s = 0;
  while (std::getline(proc_stat, line)) {
    if (line.rfind("btime ", 0) == 0) boot_s = std::atoll(line.c_str() + 6);
  }
  const long ticks = ::sysconf(_SC_CLK_TCK);
  if (boot_s <= 0 || ticks <= 0) return std::nullopt;
  return boot_s * 1000 + static_cast<int64_t>(start_ticks) * 1000 / ticks;
}

std::string describe_holder(std::optional<long> pid) {
  if (!pid) return "";
  std::string out = " (pid " + std::to_string(*pid);
  if (auto started = process_start_ms(*pid)) out += ", started " + util::format_rfc3339_ms(*started);
  return out + ")";
}

std::string format_wait(int ms) {
  if (ms < 1000) return std::to_string(ms) + " ms";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", ms / 1000.0);
  return text;
}

Status<> lock_audit_file(int fd, const std::string& path, int timeout_ms) {
  using Steady = std::chrono::steady_clock;
  const auto deadline = Steady::now() + std::chrono::milliseconds(timeout_ms);
  bool announced = false;
  for (;;) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return Ok{};
    int err = errno;
    if (err == EINTR) continue;
    if (err != EWOULDBLOCK) {
      return fail("cannot lock audit log " + path + ": " + std::strerror(err));
    }
    auto now = Steady::now();
    if (now >= deadline) break;
    if (!announced) {
      auto pid = flock_holder_pid(fd);
      spdlog::warn("audit log {} is in use by another run{}; waiting up to {} for it", path,
                   pid ? " (pid " + std::to_string(*pid) + ")" : "", format_wait(timeout_ms));
      announced = true;
    }
    std::this_thread::sleep_for(std::min<Steady::duration>(std::chrono::milliseconds(50), deadline - now));
  }
  const std::string holder = describe_holder(flock_holder_pid(fd));
  if (timeout_ms <= 0) {
    return fail("audit log " + path + " is locked by another offsetctl run" + holder +
                ": two runs must not write one audit log at once. Let that run finish and run this command "
                "again, or wait for it with --lock-timeout (e.g. --lock-timeout 1m); the lock goes away by itself "
                "when that process ends.");
  }
  return fail("audit log " + path + " is locked by another offsetctl run" + holder + " and was still locked after " +
              format_wait(timeout_ms) +
              ". Two runs must not write one audit log at the same time: let that run finish, then run "
              "this command again (the lock goes away by itself when that process ends).");
}

}  // namespace offsetctl::audit
