#pragma once
// Runs a program of the build tree as a user would, capturing what it prints.

#include <map>
#include <string>
#include <vector>

namespace offsetctl::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when it did not exit normally
  int signal = 0;      // the signal that ended it, if any
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::map<std::string, std::string> env;  // added to (or replacing) the inherited environment
  std::vector<std::string> unset_env;      // removed from it
  std::string stdin_data;
  std::string cwd;
  int timeout_ms = 60000;  // then SIGKILL
};

// argv[0] is a path; "offsetctl" and "ckafka-emulator" are looked up in the build tree.
ProcessResult run_process(std::vector<std::string> argv, const ProcessOptions& options = {});

// The path of a program in the build tree.
std::string program_path(const std::string& name);

}  // namespace offsetctl::testing
