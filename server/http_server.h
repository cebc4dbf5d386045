// HttpServer: Boost.Beast HTTP/1.1 over TCP. Connections are read and written
// asynchronously on a few I/O threads; handlers run on a worker pool (they may
// block on the database or on AWS). Every response gets the security headers;
// every request one access-log line (method, path without the query, status,
// duration) — never bodies, cookies or query strings, which can carry tokens.
#pragma once

#include <atomic>
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
  size_t body_limit = 1 << 20;
};

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

  struct Impl;  // public so the connection class in http_server.cc can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace cloudpeek::server
