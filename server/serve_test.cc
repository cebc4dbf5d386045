// `cloudpeek serve` as a child process: prints the URL and the one-time setup
// link, serves the API, and on SIGTERM stops gracefully — a running scan ends
// "interrupted: server shut down", the database closes cleanly, the exit code
// is 0 — with no secret in its output or its database file.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "server/test_server.h"
#include "store/sqlite_store.h"

namespace cloudpeek::server::testing {
namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ServeProcess {
 public:
  ServeProcess(const fs::path& dir, const std::string& endpoint, std::vector<std::string> extra_args = {},
               fs::path data_dir = {})
      : dir_(dir) {
    if (data_dir.empty()) data_dir = dir / "data";
    fs::create_directories(dir / "web");
    std::ofstream(dir / "web" / "index.html") << "<!doctype html><title>CloudPeek</title>";
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      int err = open((dir / "stderr.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(err, 2);
      close(out[0]);
      setenv("AWS_ENDPOINT_URL", endpoint.c_str(), 1);
      setenv("AWS_MAX_ATTEMPTS", "2", 1);
      unsetenv("CLOUDPEEK_MASTER_KEY");
      std::string bin = std::string(CLOUDPEEK_BINARY_DIR) + "/cli/cloudpeek";
      std::string data = data_dir.string(), web = (dir / "web").string();
      std::vector<std::string> args = {bin, "serve", "--listen", "127.0.0.1:0", "--data-dir", data, "--web-dir", web};
      args.insert(args.end(), extra_args.begin(), extra_args.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(bin.c_str(), argv.data());
      _exit(127);
    }
    close(out[1]);
    out_ = fdopen(out[0], "r");
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_) fclose(out_);
  }
  // Next stdout line (blocking).
  std::string line() {
    char buf[4096];
    if (!fgets(buf, sizeof buf, out_)) return {};
    std::string s(buf);
    stdout_ += s;
    return s;
  }
  int terminate_and_wait() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    char buf[4096];
    while (fgets(buf, sizeof buf, out_)) stdout_ += buf;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  std::string stderr_text() const { return read_file(dir_ / "stderr.log"); }
  const std::string& stdout_text() const { return stdout_; }

 private:
  fs::path dir_;
  pid_t pid_ = -1;
  FILE* out_ = nullptr;
  bool exited_ = false;
  std::string stdout_;
};

TEST(Serve, PrintsTheSetupLinkServesAndShutsDownGracefullyOnSigterm) {
  cloudpeek::testing::FakeAws fake(insecure_scenario());
  fs::path dir = fs::temp_directory_path() / ("cloudpeek-serve-test-" + std::to_string(getpid()));
  fs::remove_all(dir);
  unsigned short port = 0;
  std::string setup_token;
  {
    ServeProcess p(dir, fake.url());
    for (int i = 0; i < 10 && setup_token.empty(); ++i) {  // the link comes before "Ctrl-C to stop"
      std::string l = p.line();
      std::smatch m;
      if (std::regex_search(l, m, std::regex(R"(running at http://127\.0\.0\.1:(\d+)/)"))) port = std::stoi(m[1]);
      if (std::regex_search(l, m, std::regex(R"(/setup\?token=([A-Za-z0-9_\-]+))"))) setup_token = m[1];
    }
    ASSERT_NE(port, 0) << p.stdout_text() << p.stderr_text();
    ASSERT_FALSE(setup_token.empty()) << p.stdout_text();

    Client c(port);
    auto page = c.get("/setup?token=" + setup_token);
    EXPECT_EQ(page.status, 200u);
    EXPECT_NE(page.body.find("CloudPeek"), std::string::npos);
    c.fetch_csrf("/api/v1/setup");
    ASSERT_EQ(c.send("POST", "/api/v1/setup",
                     {{"token", setup_token}, {"username", "admin"}, {"password", kAdminPassword}})
                  .status,
              201u);
    auto created = c.send("POST", "/api/v1/providers",
                          {{"label", "prod"}, {"access_key_id", kAuditorKey}, {"secret_access_key", kAuditorSecret}});
    ASSERT_EQ(created.status, 201u) << created.body;
    fake.set_faults(R"({"latency_ms": 300})");
    auto scan = c.send("POST", "/api/v1/scans", {{"provider_id", created.j()["id"]}});
    ASSERT_EQ(scan.status, 202u);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));

    EXPECT_EQ(p.terminate_and_wait(), 0) << p.stderr_text();
    std::string err = p.stderr_text();
    EXPECT_NE(err.find("SIGTERM received"), std::string::npos) << err;
    EXPECT_NE(err.find("interrupted: server shut down"), std::string::npos) << err;
    EXPECT_NE(err.find("POST /api/v1/providers 201"), std::string::npos) << err;
    for (const std::string& secret : {std::string(kAuditorSecret), std::string(kAdminPassword)}) {
      EXPECT_EQ(err.find(secret), std::string::npos);
      EXPECT_EQ(p.stdout_text().find(secret), std::string::npos);
    }
  }
  // The database opens cleanly and holds the interrupted scan; no plaintext secret in its files.
  {
    auto db = store::open_store_in_data_dir(dir / "data");
    auto scans = db->list_scans(std::nullopt, {1, 10});
    ASSERT_EQ(scans.total, 1);
    EXPECT_EQ(scans.items[0].status, store::ScanStatus::kInterrupted);
    EXPECT_EQ(scans.items[0].reason.value_or(""), "interrupted: server shut down");
  }
  for (const auto& e : fs::directory_iterator(dir / "data")) {
    std::string bytes = read_file(e.path());
    EXPECT_EQ(bytes.find(kAuditorSecret), std::string::npos) << e.path();
    EXPECT_EQ(bytes.find(kAdminPassword), std::string::npos) << e.path();
  }
  // A second start: no setup link any more (an admin exists).
  {
    ServeProcess p(dir, fake.url());
    std::string all;
    for (int i = 0; i < 10 && all.find("Ctrl-C") == std::string::npos; ++i) all += p.line();
    EXPECT_EQ(all.find("setup?token="), std::string::npos) << all;
    EXPECT_EQ(p.terminate_and_wait(), 0);
  }
  fs::remove_all(dir);
}

unsigned short port_of(ServeProcess& p) {
  for (int i = 0; i < 10; ++i) {
    std::smatch m;
    std::string l = p.line();
    if (std::regex_search(l, m, std::regex(R"(running at http://127\.0\.0\.1:(\d+)/)"))) return std::stoi(m[1]);
  }
  return 0;
}

// Issue 8: a second server on the same data directory started, marked the
// first one's running scan interrupted, and that scan's results were refused.
// The second now stops before touching the data, naming the first.
TEST(Serve, SecondServerOnTheSameDataDirectoryIsRefused) {
  fs::path dir = fs::temp_directory_path() / ("cloudpeek-serve-lock-test-" + std::to_string(getpid()));
  fs::remove_all(dir);
  {
    ServeProcess first(dir / "first", "http://127.0.0.1:9");
    unsigned short port = port_of(first);
    ASSERT_NE(port, 0) << first.stdout_text() << first.stderr_text();
    ServeProcess second(dir / "second", "http://127.0.0.1:9", {}, dir / "first" / "data");
    while (!second.line().empty()) {
    }  // until it exits
    EXPECT_EQ(second.terminate_and_wait(), 1);
    std::string err = second.stderr_text();
    EXPECT_NE(err.find("is in use by another CloudPeek server (pid "), std::string::npos) << err;
    EXPECT_NE(err.find("cloudpeek serve at http://127.0.0.1:" + std::to_string(port) + "/)"), std::string::npos)
        << err;
    EXPECT_EQ(second.stdout_text().find("running at"), std::string::npos) << second.stdout_text();
    EXPECT_EQ(Client(port).get("/api/v1/setup").status, 200u) << "the first server is undisturbed";
    EXPECT_EQ(first.terminate_and_wait(), 0) << first.stderr_text();
    // Stopped: the directory is free again.
    ServeProcess third(dir / "third", "http://127.0.0.1:9", {}, dir / "first" / "data");
    EXPECT_NE(port_of(third), 0) << third.stderr_text();
    EXPECT_EQ(third.terminate_and_wait(), 0) << third.stderr_text();
  }
  fs::remove_all(dir);
}

// DNS rebinding: the server answers to its own names (listen address,
// loopback, localhost, the --public-origin host) and refuses others with 421.
TEST(Serve, AnswersOnlyToItsOwnHostNames) {
  fs::path dir = fs::temp_directory_path() / ("cloudpeek-serve-host-test-" + std::to_string(getpid()));
  fs::remove_all(dir);
  {
    ServeProcess p(dir, "http://127.0.0.1:9", {"--public-origin", "https://CloudPeek.example.com"});
    unsigned short port = 0;
    for (int i = 0; i < 10 && port == 0; ++i) {
      std::smatch m;
      std::string l = p.line();
      if (std::regex_search(l, m, std::regex(R"(running at http://127\.0\.0\.1:(\d+)/)"))) port = std::stoi(m[1]);
    }
    ASSERT_NE(port, 0) << p.stdout_text() << p.stderr_text();
    Client c(port);
    std::string ps = ":" + std::to_string(port);
    for (const std::string& host : std::vector<std::string>{"127.0.0.1" + ps, "localhost" + ps, "[::1]" + ps, "cloudpeek.example.com"}) {
      auto r = c.raw("GET", "/api/v1/setup", "", {{"Host", host}});
      EXPECT_EQ(r.status, 200u) << host << " " << r.body;
    }
    for (const std::string& host : std::vector<std::string>{"rebind.attacker.example" + ps, "10.1.2.3" + ps, "example.com.cloudpeek.example.com"}) {
      auto r = c.raw("GET", "/api/v1/setup", "", {{"Host", host}});
      EXPECT_EQ(r.status, 421u) << host;
      EXPECT_EQ(r.j()["error"]["code"], "host") << r.body;
      EXPECT_NE(r.j()["error"]["advice"].get<std::string>().find("--public-origin"), std::string::npos);
      EXPECT_EQ(c.raw("GET", "/", "", {{"Host", host}}).status, 421u) << host;  // the UI too
    }
    // Issue 8: the session cookie was never Secure, even behind the https origin.
    // Through it (its Host, or the TLS proxy's X-Forwarded-Proto): Secure and HSTS.
    for (const auto& extra : std::vector<std::vector<std::pair<std::string, std::string>>>{
             {{"Host", "cloudpeek.example.com"}}, {{"Host", "127.0.0.1" + ps}, {"X-Forwarded-Proto", "https"}}}) {
      auto r = Client(port).raw("GET", "/api/v1/session", "", extra);
      EXPECT_EQ(r.status, 401u) << r.body;  // not signed in: the pre-session cookie and CSRF token
      EXPECT_NE(r.header("set-cookie").find("cloudpeek_pre="), std::string::npos) << r.header("set-cookie");
      EXPECT_NE(r.header("set-cookie").find("; Secure"), std::string::npos) << r.header("set-cookie");
      EXPECT_EQ(r.header("strict-transport-security"), "max-age=31536000");
    }
    {  // Plain http on the server's own address: the browser must keep the cookie, so not Secure.
      auto r = Client(port).raw("GET", "/api/v1/session", "", {{"Host", "127.0.0.1" + ps}});
      EXPECT_EQ(r.header("set-cookie").find("Secure"), std::string::npos) << r.header("set-cookie");
      EXPECT_EQ(r.header("strict-transport-security"), "");
    }
    EXPECT_EQ(p.terminate_and_wait(), 0) << p.stderr_text();
    EXPECT_NE(p.stderr_text().find("GET /api/v1/setup 421"), std::string::npos) << p.stderr_text();
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cloudpeek::server::testing
