// HttpServer: Boost.Beast HTTP/1.1 over TCP. Connections are read and written
// asynchronously on a few I/O threads; handlers run on a worker pool (they may
// block on the database or on AWS). Every response gets the security headers;
// every request one access-log line (method, path without the query, status,
// duration) — never bodies, cookies or query strings, which can carry tokens.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "aws/core/result.h"
#include "server/http_types.h"

namespace cloudpeek::server {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (see HttpServer::port())
  int io_threads = 2;
  int worker_threads = 8;
  // Responses that wait on AWS (Response::later) run here, never on the workers.
  int slow_threads = 16;
  size_t body_limit = 1 << 20;
  // Open connections at most, overall and per client address; 0: derived from
  // the descriptor limit (see connection_limits()). Beyond them an idle
  // connection is closed to make room, or the newcomer gets 503 at once.
  size_t max_connections = 0;
  size_t max_connections_per_address = 0;
  std::chrono::seconds idle_timeout{30};
  std::chrono::seconds idle_timeout_under_pressure{5};  // above 3/4 of max_connections
};

// What the server counts, for tests and the log.
struct HttpServerStats {
  size_t open_connections = 0;
  size_t accepted = 0;
  size_t refused_busy = 0;     // answered 503: no room even after closing idle connections
  size_t idle_closed = 0;      // idle connections closed to make room
  size_t accept_errors = 0;    // failed accept() calls (EMFILE...), each followed by a pause
};

// max_connections and per-address limits from the process's descriptor limit
// when the options leave them 0: a quarter of the descriptors go to other
// work (database, AWS connections), at most 4096 connections, a quarter of
// them per address and never fewer than 8.
std::pair<size_t, size_t> connection_limits(const HttpServerOptions& options);

// Raises the soft descriptor limit to the hard one (RLIMIT_NOFILE); returns
// the soft limit in force afterwards.
size_t raise_descriptor_limit();

using Handler = std::function<Response(const Request&)>;
using AccessLog = std::function<void(const std::string& line)>;

class HttpServer {
 public:
  HttpServer(HttpServerOptions options, Handler handler, AccessLog log);
  ~HttpServer();

  // Binds and starts serving on background threads.
  Status start();
  unsigned short port() const;
  // Stops accepting, ends streams and idle connections, waits for handlers
  // in progress, joins the threads. Idempotent.
  void stop();
  bool stopping() const;
  HttpServerStats stats() const;

  struct Impl;  // public so the connection class in http_server.cc can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace cloudpeek::server
