// run_process: runs a program with exactly the given environment and stdin,
// and collects its stdout, stderr and exit code. fork/exec, no shell: nothing
// in argv or env is ever interpreted.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace cloudpeek::testing {

struct ProcessResult {
  int exit_code = -1;  // the exit status, or 128 + signal number
  bool timed_out = false;
  std::string out, err;
};

// env holds "NAME=value" entries and is the child's whole environment.
// Kills the child (SIGKILL) once `timeout` has passed.
ProcessResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                          const std::string& stdin_text = "",
                          std::chrono::milliseconds timeout = std::chrono::seconds(60));

}  // namespace cloudpeek::testing
