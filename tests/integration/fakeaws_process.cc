#include "tests/integration/fakeaws_process.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace cloudpeek::testing {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t append(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

struct Reply {
  long status = 0;
  std::string body;
  std::string error;
};

Reply http(const std::string& method, const std::string& url, const std::string& body) {
  Reply r;
  CURL* c = curl_easy_init();
  if (!c) {
    r.error = "curl_easy_init failed";
    return r;
  }
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  if (method != "GET") {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_NOPROXY, "*");  // never send loopback through a proxy
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) r.error = curl_easy_strerror(rc);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(c);
  return r;
}

}  // namespace

// Where server.py lives: $CLOUDPEEK_FAKEAWS, else the compile definition
// (set for test executables), else beside this file (the support library is
// compiled without the definition).
std::string FakeAws::directory() {
  if (const char* env = std::getenv("CLOUDPEEK_FAKEAWS"); env && *env) return env;
#ifdef CLOUDPEEK_FAKEAWS
  return CLOUDPEEK_FAKEAWS;
#else
  return (fs::path(__FILE__).parent_path().parent_path() / "fakeaws").string();
#endif
}

std::string FakeAws::default_scenario() { return directory() + "/scenarios/basic.json"; }

FakeAws::FakeAws(std::string scenario) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  char tmpl[] = "/tmp/fakeaws-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("fakeaws: mkdtemp failed");
  dir_ = tmpl;
  const std::string port_file = dir_ + "/port";
  const std::string log_file = dir_ + "/stderr.log";
  const std::string server = directory() + "/server.py";

  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fakeaws: fork failed");
  if (pid_ == 0) {
    // Child: stderr to the log file, then exec. Only async-signal-safe calls.
    int fd = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      dup2(fd, 2);
      dup2(fd, 1);
      close(fd);
    }
    const char* argv[] = {"/usr/bin/python3", server.c_str(), "--scenario", scenario.c_str(),
                          "--port",           "0",            "--port-file", port_file.c_str(), nullptr};
    execv(argv[0], const_cast<char* const*>(argv));
    _exit(127);
  }

  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + std::chrono::seconds(30);
  while (!fs::exists(port_file)) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("fakeaws exited at start: " + read_file(log_file));
    }
    if (clock::now() > deadline) {
      stop();
      throw std::runtime_error("fakeaws did not start within 30s: " + read_file(log_file));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  port_ = std::stoi(read_file(port_file));
  url_ = "http://127.0.0.1:" + std::to_string(port_);
  // The port file is written after bind+listen; one health call proves the
  // server loop is serving before a test starts.
  for (;;) {
    Reply r = http("GET", url_ + "/__fakeaws/health", "");
    if (r.status == 200) break;
    if (clock::now() > deadline) {
      stop();
      throw std::runtime_error("fakeaws not answering: " + r.error);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

FakeAws::~FakeAws() {
  stop();
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

void FakeAws::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  for (int i = 0; i < 100; ++i) {
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string FakeAws::control(const std::string& method, const std::string& path, const std::string& body) {
  Reply r = http(method, url_ + "/__fakeaws/" + path, body);
  if (!r.error.empty()) throw std::runtime_error("fakeaws control " + path + ": " + r.error);
  if (r.status < 200 || r.status >= 300)
    throw std::runtime_error("fakeaws control " + path + ": HTTP " + std::to_string(r.status) + " " + r.body);
  return r.body;
}

void FakeAws::set_faults(const std::string& json) { control("POST", "faults", json); }

void FakeAws::reset(bool forget_credentials) {
  control("POST", "reset", forget_credentials ? R"({"credentials": true})" : "{}");
}

std::string FakeAws::requests() { return control("GET", "requests"); }

std::string FakeAws::log() const { return read_file(dir_ + "/stderr.log"); }

}  // namespace cloudpeek::testing
