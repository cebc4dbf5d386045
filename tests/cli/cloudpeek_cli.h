// CloudpeekCli: runs the built `cloudpeek` binary as a user would, in a clean
// environment: HOME is a fresh temporary directory, AWS_ENDPOINT_URL points at
// the given endpoint (fakeaws), and no AWS_* variable of the test's own
// environment reaches it.
#pragma once

#include <string>
#include <vector>

#include "tests/cli/run_process.h"

namespace cloudpeek::testing {

class CloudpeekCli {
 public:
  explicit CloudpeekCli(std::string endpoint_url);
  ~CloudpeekCli();  // removes HOME
  CloudpeekCli(const CloudpeekCli&) = delete;
  CloudpeekCli& operator=(const CloudpeekCli&) = delete;

  static std::string binary();

  // `cloudpeek args...`; extra_env entries are "NAME=value".
  ProcessResult run(const std::vector<std::string>& args, const std::string& stdin_text = "",
                    const std::vector<std::string>& extra_env = {}) const;

  // Writes HOME/rel (mode 0600, parent directories created) and returns its path.
  std::string write_file(const std::string& rel, const std::string& text) const;
  const std::string& home() const { return home_; }

  std::string endpoint_url;

 private:
  std::string home_;
};

// A 127.0.0.1 URL on which nothing listens (the port was just bound and released).
std::string closed_port_url();

}  // namespace cloudpeek::testing
