#pragma once
// A program of the build tree running in the background: spawned with its
// output in files, then waited for or killed. The crash test kills offsetctl
// mid-apply with it; the emulator runs beside the tests with it.

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace offsetctl::hardening {

struct ChildOptions {
  std::map<std::string, std::string> env;  // added to (or replacing) the inherited environment
  std::vector<std::string> unset_env;
  std::string cwd;
  std::string out_path;  // standard output goes here (empty: /dev/null)
  std::string err_path;  // standard error goes here (empty: /dev/null)
};

struct ExitStatus {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
};

class Child {
 public:
  // argv[0]: "offsetctl", "ckafka-emulator" (looked up in the build tree) or a path.
  Child(std::vector<std::string> argv, const ChildOptions& options);
  ~Child();  // SIGKILLs and reaps a child still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  bool started() const { return pid_ > 0; }
  void signal(int sig) const;
  // Waits for the exit; SIGKILLs after timeout_ms.
  ExitStatus wait(int timeout_ms = 120000);
  bool exited() const { return reaped_; }

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  ExitStatus status_;
};

// Reads a whole file ("" when it is missing).
std::string slurp(const std::string& path);

}  // namespace offsetctl::hardening
