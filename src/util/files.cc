#include "util/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace offsetctl::util {
namespace {

std::string errno_text() { return std::strerror(errno); }

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { if (fd_ >= 0) ::close(fd_); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { int fd = fd_; fd_ = -1; return fd; }

 private:
  int fd_;
};

}  // namespace

Result<std::string> read_file(const std::string& path, uint64_t max_bytes) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return fail(path + ": cannot read: " + errno_text());
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return fail(path + ": cannot read: " + errno_text());
  if (S_ISDIR(st.st_mode)) return fail(path + ": is a directory");
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return fail(path + ": file is " + std::to_string(st.st_size) + " bytes, more than the limit of " +
                std::to_string(max_bytes));
  }
  std::string data;
  // Sized once for a regular file: growing a string by doubling would hold up to
  // twice the file (a million-partition saved plan is ~170 MB).
  if (S_ISREG(st.st_mode)) data.reserve(static_cast<size_t>(st.st_size));
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(path + ": cannot read: " + errno_text());
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
    if (data.size() > max_bytes) {  // a file that grows, or a pipe
      return fail(path + ": more than the limit of " + std::to_string(max_bytes) + " bytes");
    }
  }
  return data;
}

Status<> write_file_atomic(const std::string& path, std::string_view contents, unsigned mode) {
  return write_file_atomic(path, std::vector<std::string_view>{contents}, mode);
}

Status<> write_file_atomic(const std::string& path, const std::vector<std::string_view>& pieces, unsigned mode) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  Fd fd(::mkstemp(tmpl.data()));
  if (fd.get() < 0) return fail(path + ": cannot write: " + errno_text());
  auto cleanup_fail = [&](const std::string& what) {
    std::string msg = path + ": " + what + ": " + errno_text();
    ::unlink(tmpl.c_str());
    return fail(msg);
  };
  // Keep the mode of a file we replace; new files get `mode`.
  struct stat st {};
  mode_t final_mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : mode;
  if (::fchmod(fd.get(), final_mode) != 0) return cleanup_fail("cannot set permissions");
  for (std::string_view contents : pieces) {
    size_t done = 0;
    while (done < contents.size()) {
      ssize_t n = ::write(fd.get(), contents.data() + done, contents.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        return cleanup_fail("cannot write");
      }
      done += static_cast<size_t>(n);
    }
  }
  if (::fsync(fd.get()) != 0) return cleanup_fail("cannot sync");
  if (::close(fd.release()) != 0) return cleanup_fail("cannot close");
  if (::rename(tmpl.c_str(), path.c_str()) != 0) return cleanup_fail("cannot rename into place");
  // Make the rename itself durable.
  Fd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dfd.get() >= 0) ::fsync(dfd.get());
  return Ok{};
}

}  // namespace offsetctl::util
