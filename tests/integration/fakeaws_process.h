// FakeAws: runs tests/fakeaws/server.py for one test (or fixture) and talks to
// its control API. Integration tests point CloudPeek at url() through
// AWS_ENDPOINT_URL and steer failures with set_faults().
//
// It uses libcurl directly, not CloudPeek's transport, so a bug in the code
// under test cannot hide itself by also breaking the harness.
#pragma once

#include <string>
#include <sys/types.h>

namespace cloudpeek::testing {

class FakeAws {
 public:
  // Starts the server on a free 127.0.0.1 port with the given scenario file
  // and waits until it answers; throws std::runtime_error if it cannot.
  explicit FakeAws(std::string scenario = default_scenario());
  ~FakeAws();  // stops the process (SIGTERM, then SIGKILL) and removes its files
  FakeAws(const FakeAws&) = delete;
  FakeAws& operator=(const FakeAws&) = delete;

  // The tests/fakeaws directory, and its scenarios/basic.json.
  static std::string directory();
  static std::string default_scenario();

  const std::string& url() const { return url_; }  // "http://127.0.0.1:PORT"
  int port() const { return port_; }

  // Replaces the fault document (see tests/fakeaws/faults.py), e.g.
  // R"({"seed": 1, "throttle_rate": 0.3, "service": "ec2"})". Throws on 4xx.
  void set_faults(const std::string& json);
  // Clears faults and the request log; forget_credentials also drops the
  // credentials issued at run time (AssumeRole, GetSessionToken, SSO).
  void reset(bool forget_credentials = false);
  // JSON text {"requests": [...]} of what the server received, without secrets.
  std::string requests();

  // Any control call: method "GET"/"POST", path under /__fakeaws/ ("health").
  // Returns the body; throws std::runtime_error unless the status is 2xx.
  std::string control(const std::string& method, const std::string& path, const std::string& body = "");

  // The server's stderr (one line per request); useful in failure messages.
  std::string log() const;

 private:
  void stop();

  std::string dir_;
  std::string url_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace cloudpeek::testing
