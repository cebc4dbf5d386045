// Test support (header-only, used by server/*_test.cc): a CloudPeek server
// started in-process on a free port with a temporary data directory, pointed at
// fakeaws through AWS_ENDPOINT_URL, and a small HTTP client with a cookie jar
// that speaks to it over real TCP.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "checks/check.h"
#include "server/app.h"
#include "server/http_server.h"
#include "store/sqlite_store.h"
#include "store/store.h"
#include "tests/integration/fakeaws_process.h"

namespace cloudpeek::server::testing {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kAuditorKey = "AKIAFAKEAUDITOR00001";
constexpr const char* kAuditorSecret = "fakeSecretAuditor/000000000000000000000001";
constexpr const char* kLimitedKey = "AKIAFAKELIMITED00001";
constexpr const char* kLimitedSecret = "fakeSecretLimited/000000000000000000000001";
constexpr const char* kAdminPassword = "correct horse battery staple";

inline std::string insecure_scenario() { return std::string(CLOUDPEEK_FAKEAWS) + "/scenarios/insecure"; }

struct HttpReply {
  unsigned status = 0;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string body;
  json j() const { return json::parse(body, nullptr, false); }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// One request per connection; keeps cookies; sends the CSRF token it last saw.
class Client {
 public:
  explicit Client(unsigned short port) : port_(port) {}

  HttpReply raw(const std::string& method, const std::string& target, const std::string& body = "",
                std::vector<std::pair<std::string, std::string>> extra = {}) {
    namespace beast = boost::beast;
    namespace http = beast::http;
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket sock(ioc);
    sock.connect({boost::asio::ip::make_address("127.0.0.1"), port_});
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    if (req.method() == http::verb::unknown) req.method_string(method);
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
    std::string cookie;
    for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
    if (!cookie.empty()) req.set(http::field::cookie, cookie);
    if (!body.empty()) req.set(http::field::content_type, "application/json");
    for (const auto& [k, v] : extra) req.set(k, v);
    req.body() = body;
    req.prepare_payload();
    http::write(sock, req);
    beast::flat_buffer buf;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 << 20);
    if (method == "HEAD") parser.skip(true);
    beast::error_code ec;
    http::read(sock, buf, parser, ec);
    HttpReply r;
    if (ec && !parser.is_header_done()) {
      r.status = 0;
      r.body = "client: no response: " + ec.message();
      return r;
    }
    auto& res = parser.get();
    r.status = res.result_int();
    for (const auto& f : res) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers.emplace(name, std::string(f.value()));
      if (name == "set-cookie") remember_cookie(std::string(f.value()));
    }
    r.body = res.body();
    return r;
  }

  HttpReply get(const std::string& target) { return raw("GET", target); }
  HttpReply send(const std::string& method, const std::string& target, const json& body = json::object(),
                 std::vector<std::pair<std::string, std::string>> extra = {}) {
    if (!csrf_.empty()) extra.emplace_back("X-CSRF-Token", csrf_);
    auto r = raw(method, target, body.is_null() ? "" : body.dump(), extra);
    auto j = r.j();
    if (j.is_object() && j.contains("csrf_token") && j["csrf_token"].is_string()) csrf_ = j["csrf_token"];
    return r;
  }
  // GET /api/v1/session (or /setup) and keep the CSRF token from it.
  void fetch_csrf(const std::string& target = "/api/v1/session") {
    auto r = get(target);
    auto j = r.j();
    if (j.is_object() && j.contains("csrf_token")) csrf_ = j["csrf_token"];
  }
  const std::string& csrf() const { return csrf_; }
  void set_csrf(std::string t) { csrf_ = std::move(t); }
  std::map<std::string, std::string>& cookies() { return cookies_; }

 private:
  void remember_cookie(const std::string& header) {
    auto eq = header.find('=');
    auto semi = header.find(';');
    if (eq == std::string::npos) return;
    std::string name = header.substr(0, eq);
    std::string value = header.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    if (header.find("Max-Age=0") != std::string::npos || value.empty())
      cookies_.erase(name);
    else
      cookies_[name] = value;
  }

  unsigned short port_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

// The server, in-process, with fakeaws. One per test (cheap: fakeaws starts in
// well under a second, the database is a new file).
class TestServer {
 public:
  explicit TestServer(const std::string& scenario = insecure_scenario()) : fake_(scenario) {
    dir_ = fs::temp_directory_path() / ("cloudpeek-server-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter()++));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "web" / "assets");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>CloudPeek</title><div id=app></div>"
                                                  "<script type=module src=/assets/app.js></script>";
    std::ofstream(dir_ / "web" / "assets" / "app.js") << "console.log('cloudpeek');";
    std::ofstream(dir_ / "web" / "assets" / "app.css") << "body{}";
    std::ofstream(dir_ / "secret-outside.txt") << "outside the web root";
    ::setenv("AWS_ENDPOINT_URL", fake_.url().c_str(), 1);
    ::setenv("AWS_MAX_ATTEMPTS", "2", 1);
    ::setenv("AWS_REGION", "us-east-1", 1);
    ::unsetenv("CLOUDPEEK_MASTER_KEY");
    ::unsetenv("AWS_PROFILE");
    db_ = store::open_store_in_data_dir(dir_ / "data");
    std::vector<CheckMetadata> catalog;
    for (const auto* c : checks::all_checks()) catalog.push_back(c->meta);
    db_->sync_check_catalog(catalog);
    AppOptions o;
    o.web_dir = dir_ / "web";
    auto transport = std::make_shared<Transport>(CredentialTester::transport_options());
    app_ = std::make_unique<App>(*db_, o, std::make_shared<CredentialTester>(transport),
                                 [this](const std::string& line) { log(line); });
    HttpServerOptions h;
    h.host = "127.0.0.1";
    h.port = 0;
    http_ = std::make_unique<HttpServer>(h, [this](const Request& r) { return app_->handle(r); },
                                         [this](const std::string& line) { log(line); });
    auto st = http_->start();
    if (!st) throw std::runtime_error(st.error().message);
    base_ = "http://127.0.0.1:" + std::to_string(http_->port());
    app_->auth().set_allowed_origins({base_, "http://localhost:" + std::to_string(http_->port())});
    setup_token_ = app_->auth().prepare_setup().value_or("");
  }

  ~TestServer() {
    http_->stop();
    app_.reset();
    db_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  unsigned short port() const { return http_->port(); }
  const std::string& base() const { return base_; }
  App& app() { return *app_; }
  store::Store& db() { return *db_; }
  cloudpeek::testing::FakeAws& fake() { return fake_; }
  const fs::path& dir() const { return dir_; }
  const std::string& setup_token() const { return setup_token_; }
  Client client() { return Client(port()); }

  std::string log_text() {
    std::lock_guard lock(mu_);
    std::string all;
    for (const auto& l : log_) all += l + "\n";
    return all;
  }

  // A client signed in as the admin (created through the setup flow).
  Client admin() {
    Client c = client();
    c.fetch_csrf("/api/v1/setup");
    if (app_->auth().needs_setup()) {
      auto r = c.send("POST", "/api/v1/setup",
                      {{"token", setup_token_}, {"username", "admin"}, {"password", kAdminPassword}});
      EXPECT_EQ(r.status, 201u) << r.body;
    } else {
      auto r = c.send("POST", "/api/v1/login", {{"username", "admin"}, {"password", kAdminPassword}});
      EXPECT_EQ(r.status, 200u) << r.body;
    }
    return c;
  }

  // Saves the auditor's credentials as a provider; returns its id.
  std::string add_provider(Client& c, const std::string& label = "prod", json extra = json::object()) {
    json body = {{"label", label}, {"access_key_id", kAuditorKey}, {"secret_access_key", kAuditorSecret}};
    body.update(extra);
    auto r = c.send("POST", "/api/v1/providers", body);
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.j().value("id", "");
  }

  // Polls GET /scans/{id} until it is no longer queued/running.
  json wait_scan(Client& c, const std::string& id, std::chrono::seconds limit = std::chrono::seconds(120)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    json s;
    while (std::chrono::steady_clock::now() < deadline) {
      s = c.get("/api/v1/scans/" + id).j();
      std::string st = s.value("status", "");
      if (st != "queued" && st != "running") return s;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "scan " << id << " did not finish: " << s.dump();
    return s;
  }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  void log(const std::string& line) {
    std::lock_guard lock(mu_);
    log_.push_back(line);
  }

  cloudpeek::testing::FakeAws fake_;
  fs::path dir_;
  std::unique_ptr<store::Store> db_;
  std::unique_ptr<App> app_;
  std::unique_ptr<HttpServer> http_;
  std::string base_;
  std::string setup_token_;
  std::mutex mu_;
  std::vector<std::string> log_;
};

}  // namespace cloudpeek::server::testing
