#include "server/serve.h"

#include <fmt/format.h>
#include <signal.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <mutex>

#include "checks/check.h"
#include "server/app.h"
#include "server/http_server.h"
#include "server/url.h"
#include "store/data_dir.h"
#include "store/sqlite_store.h"

namespace cloudpeek::server {

std::optional<std::pair<std::string, unsigned short>> parse_listen(const std::string& listen) {
  std::string host, port;
  if (!listen.empty() && listen[0] == '[') {
    auto close = listen.find(']');
    if (close == std::string::npos || close + 1 >= listen.size() || listen[close + 1] != ':') return std::nullopt;
    host = listen.substr(1, close - 1);
    port = listen.substr(close + 2);
  } else {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) return std::nullopt;
    host = listen.substr(0, colon);
    port = listen.substr(colon + 1);
  }
  if (host.empty() || port.empty() || port.size() > 5) return std::nullopt;
  for (char c : port)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  int p = std::stoi(port);
  if (p > 65535) return std::nullopt;
  if (host == "localhost") host = "127.0.0.1";
  return std::make_pair(host, static_cast<unsigned short>(p));
}

namespace {

std::string url_host(const std::string& host) { return host.find(':') != std::string::npos ? "[" + host + "]" : host; }

std::string timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::filesystem::path default_web_dir() {
#ifdef CLOUDPEEK_DEFAULT_WEB_DIR
  if (std::filesystem::exists(CLOUDPEEK_DEFAULT_WEB_DIR)) return CLOUDPEEK_DEFAULT_WEB_DIR;
#endif
  return "web/dist";
}

}  // namespace

int run_serve(const ServeOptions& o, std::ostream& out, std::ostream& log_stream) {
  std::mutex log_mu;
  auto log = [&](const std::string& line) {
    std::lock_guard lock(log_mu);
    log_stream << timestamp() << " " << line << "\n" << std::flush;
  };
  auto listen = parse_listen(o.listen);
  if (!listen) {
    log_stream << "cloudpeek serve: --listen must be HOST:PORT (e.g. 127.0.0.1:8080), got \"" << o.listen << "\"\n";
    return 1;
  }

  // Signals are taken by sigwait below; block them before any thread starts
  // so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // Each connection is a descriptor: the soft limit (often 1024) is raised to
  // the hard one, and the server sizes its connection limits from it.
  size_t descriptors = raise_descriptor_limit();
  if (descriptors < 256)
    log(fmt::format("only {} file descriptors may be open (ulimit -n); connections are limited to match", descriptors));

  std::unique_ptr<store::DataDirLock> lock;  // before anything reads or changes the data
  std::unique_ptr<store::Store> db;
  std::filesystem::path data_dir;
  try {
    data_dir = store::resolve_data_dir(o.data_dir);
    store::ensure_data_dir(data_dir);
    lock = std::make_unique<store::DataDirLock>(data_dir, "cloudpeek serve --listen " + o.listen);
    db = store::open_store_in_data_dir(data_dir);
    std::vector<CheckMetadata> catalog;
    for (const auto* c : checks::all_checks()) catalog.push_back(c->meta);
    db->sync_check_catalog(catalog);
    // Scans the last run left running end interrupted, and those it left queued
    // are queued again in order, when the App starts (Scheduler::resume).
  } catch (const std::exception& e) {
    log_stream << "cloudpeek serve: cannot open the data directory " << data_dir.string() << ": " << e.what() << "\n";
    return 1;
  }

  AppOptions app_options;
  app_options.web_dir = o.web_dir.empty() ? default_web_dir() : o.web_dir;
  app_options.version = o.version;
  auto transport = std::make_shared<Transport>(CredentialTester::transport_options());
  int rc = 0;
  {
    App app(*db, app_options, std::make_shared<CredentialTester>(transport), log);
    // Host names this server answers to (DNS rebinding): its listen address,
    // loopback when it listens there, any IP literal when it listens on all
    // addresses, localhost, and the hosts of --public-origin.
    {
      const std::string& lh = listen->first;
      bool wildcard = lh == "0.0.0.0" || lh == "::";
      std::set<std::string> hosts;
      if (!wildcard) hosts.insert(url_host(lh));
      if (lh == "127.0.0.1" || lh == "::1") hosts.insert({"127.0.0.1", "[::1]"});
      for (const auto& p : o.public_origins) {
        auto start = p.find("://");
        auto authority = p.substr(start == std::string::npos ? 0 : start + 3);
        hosts.insert(authority.substr(0, authority.find('/')));
      }
      app.auth().set_allowed_hosts(hosts, wildcard);
    }
    HttpServerOptions hopts;
    hopts.host = listen->first;
    hopts.port = listen->second;
    HttpServer http(hopts, [&app](const Request& r) { return app.handle(r); }, log);
    if (auto st = http.start(); !st) {
      log_stream << "cloudpeek serve: " << st.error().message << " " << st.error().advice << "\n";
      return 1;
    }
    std::string base = fmt::format("http://{}:{}", url_host(listen->first), http.port());
    lock->describe("cloudpeek serve at " + base + "/");
    std::set<std::string> origins = {base};
    if (listen->first == "127.0.0.1" || listen->first == "::1") {
      origins.insert(fmt::format("http://localhost:{}", http.port()));
      origins.insert(fmt::format("http://127.0.0.1:{}", http.port()));
      origins.insert(fmt::format("http://[::1]:{}", http.port()));
    }
    for (const auto& p : o.public_origins) origins.insert(p);
    app.auth().set_allowed_origins(origins);
    app.scheduler().start_background(std::chrono::seconds(5));

    out << "CloudPeek is running at " << base << "/\n";
    out << "Data directory: " << data_dir.string() << "\n";
    if (!std::filesystem::exists(app_options.web_dir / "index.html"))
      out << "Note: no web UI at " << app_options.web_dir.string()
          << " (build it with `npm run build` in web/, or pass --web-dir); the API works without it.\n";
    if (auto token = app.auth().prepare_setup())
      out << "First run: create the admin account at " << base << "/setup?token=" << percent_encode(*token)
          << "\n  (this link works once)\n";
    out << "Ctrl-C (or SIGTERM) stops the server; running scans are marked interrupted.\n" << std::flush;

    int sig = 0;
    sigwait(&signals, &sig);
    log(fmt::format("{} received: shutting down", sig == SIGTERM ? "SIGTERM" : "SIGINT"));
    http.stop();                   // no new requests; open ones end
    app.scheduler().shutdown();    // running scans: interrupted, published
  }
  db.reset();  // the database closes cleanly, then the directory is free for the next server
  lock.reset();
  log("stopped");
  pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
  return rc;
}

}  // namespace cloudpeek::server
