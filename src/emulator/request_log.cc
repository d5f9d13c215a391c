#include "emulator/request_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace offsetctl::emulator {

Result<std::unique_ptr<RequestLog>> RequestLog::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return fail(path + ": cannot write the request log: " + std::strerror(errno));
  return std::unique_ptr<RequestLog>(new RequestLog(fd));
}

RequestLog::~RequestLog() { ::close(fd_); }

void RequestLog::write(const nlohmann::ordered_json& entry) {
  std::string line = entry.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  std::lock_guard<std::mutex> lock(mu_);
  size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // a full disk must not take the emulator down
    done += static_cast<size_t>(n);
  }
}

}  // namespace offsetctl::emulator
