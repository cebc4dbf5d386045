#include "server/http_server.h"

#include <array>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>

#include <sys/resource.h>
#include <sys/socket.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "server/json_response.h"
#include "server/security_headers.h"
#include "server/url.h"

namespace cloudpeek::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;


std::string Request::header(std::string_view name) const {
  auto it = raw->find(beast::string_view(name.data(), name.size()));
  return it == raw->end() ? std::string() : std::string(it->value());
}

std::string Request::cookie(std::string_view name) const {
  for (auto it = raw->find(http::field::cookie); it != raw->end() && it->name() == http::field::cookie; ++it) {
    std::string_view all(it->value().data(), it->value().size());
    while (!all.empty()) {
      auto semi = all.find(';');
      std::string_view pair = all.substr(0, semi);
      all = semi == std::string_view::npos ? std::string_view{} : all.substr(semi + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      auto eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    }
  }
  return {};
}

class Session;

struct HttpServer::Impl {
  HttpServerOptions options;
  Handler handler;
  AccessLog log;
  net::io_context ioc;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> guard;
  std::unique_ptr<tcp::acceptor> acceptor;
  net::thread_pool workers;
  net::thread_pool slow;  // Response::later: waits on AWS, off the workers
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  std::atomic<bool> stopped{false};
  unsigned short bound_port = 0;
  size_t max_connections = 0, max_per_address = 0;

  mutable std::mutex sessions_mu;
  std::set<std::shared_ptr<Session>> sessions;
  std::map<std::string, size_t> per_address;  // open connections per client address
  HttpServerStats stats;

  // Out of descriptors (EMFILE/ENFILE): accept() fails at once for as long as
  // it lasts, so re-arming at once spins a core. Pause, doubling up to 1 s,
  // and shed one waiting client each time with the spare descriptor, so it
  // hears "busy" instead of waiting out its timeout in the backlog.
  std::unique_ptr<net::steady_timer> accept_timer;
  std::chrono::milliseconds accept_backoff{0};
  int spare_fd = -1;

  Impl(HttpServerOptions o, Handler h, AccessLog l)
      : options(std::move(o)), handler(std::move(h)), log(std::move(l)),
        workers(static_cast<size_t>(std::max(1, options.worker_threads))),
        slow(static_cast<size_t>(std::max(1, options.slow_threads))) {
    std::tie(max_connections, max_per_address) = connection_limits(options);
    spare_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  }
  ~Impl() {
    if (spare_fd >= 0) ::close(spare_fd);
  }

  void accept();
  void on_accept_error(const beast::error_code& ec);
  void shed_one();
  bool make_room(const std::string& address);  // under sessions_mu
  void admit(tcp::socket socket);
  void forget(const std::shared_ptr<Session>& s);
  bool under_pressure() const {
    std::lock_guard lock(sessions_mu);
    return sessions.size() * 4 > max_connections * 3;
  }
};

namespace {

std::string status_reason_safe(unsigned status) {
  return std::string(http::obsolete_reason(static_cast<http::status>(status)));
}

// The answer to a client there is no room for, written straight to its fresh
// socket (the send buffer is empty, so it fits at once) before closing.
const std::string& busy_response() {
  static const std::string text = [] {
    std::string body =
        R"({"error":{"code":"busy","message":"The server has too many open connections.","advice":"Try again in a few seconds."}})";
    std::string head = "HTTP/1.1 503 Service Unavailable\r\nServer: cloudpeek\r\n";
    for (const auto& [k, v] : security_headers()) head += fmt::format("{}: {}\r\n", k, v);
    return head + "Content-Type: application/json\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  }();
  return text;
}

void refuse_fd(int fd) {
  const std::string& text = busy_response();
  ssize_t ignored = ::send(fd, text.data(), text.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  (void)ignored;
  ::shutdown(fd, SHUT_WR);
}

}  // namespace

std::pair<size_t, size_t> connection_limits(const HttpServerOptions& o) {
  size_t total = o.max_connections;
  if (total == 0) {
    rlimit rl{};
    size_t fds = ::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY ? rl.rlim_cur : 4096;
    total = std::clamp<size_t>(fds * 3 / 4, 8, 4096);
  }
  size_t per = o.max_connections_per_address ? o.max_connections_per_address : std::max<size_t>(8, total / 4);
  return {total, std::min(per, total)};
}

size_t raise_descriptor_limit() {
  rlimit rl{};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return 0;
  if (rl.rlim_cur < rl.rlim_max) {
    rlimit raised = rl;
    raised.rlim_cur = rl.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) rl = raised;
  }
  return rl.rlim_cur == RLIM_INFINITY ? SIZE_MAX : static_cast<size_t>(rl.rlim_cur);
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, HttpServer::Impl& srv) : stream_(std::move(socket)), srv_(srv) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) client_ = ep.address().to_string();
  }

  void run() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

  const std::string& client() const { return client_; }
  // Waiting for a request with none in progress: safe to close to make room.
  bool idle() const { return idle_; }

  void close_from_outside() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      beast::error_code ec;
      self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
      self->stream_.socket().close(ec);
    });
  }

 private:
  void read() {
    if (srv_.stopping) return finish();
    parser_.emplace();
    parser_->body_limit(srv_.options.body_limit);
    parser_->header_limit(16 * 1024);
    // Under pressure, keep-alive connections waiting for a next request are
    // given less time, so idle sockets cannot hold the server's room.
    stream_.expires_after(srv_.under_pressure() ? srv_.options.idle_timeout_under_pressure
                                                : srv_.options.idle_timeout);
    idle_ = true;
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    idle_ = false;
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
        ec == net::error::eof || ec == net::error::connection_reset)
      return finish();
    started_ = std::chrono::steady_clock::now();
    if (ec) {
      // Unparseable or too large: answer once and close.
      keep_alive_ = false;
      unread_input_ = true;
      method_ = "-";
      path_ = "-";
      unsigned status = ec == http::error::body_limit ? 413 : 400;
      return send(error_response(status, "invalid",
                                 status == 413 ? "The request body is too large." : "The request is malformed.",
                                 "Send a well-formed HTTP/1.1 request."));
    }
    req_ = parser_->release();
    keep_alive_ = req_.keep_alive();
    method_ = std::string(req_.method_string());
    std::string_view target(req_.target().data(), req_.target().size());
    path_ = std::string(target.substr(0, target.find('?')));
    stream_.expires_never();  // a handler may take a while (an AWS call)
    net::post(srv_.workers, [self = shared_from_this()] {
      Response res = self->handle();
      if (res.later) {
        // It waits on AWS: on the slow pool, so the workers stay free for pages.
        net::post(self->srv_.slow, [self, later = std::move(res.later)] {
          Response done = self->run_guarded([&] { return later(); });
          net::post(self->stream_.get_executor(),
                    [self, done = std::move(done)]() mutable { self->send(std::move(done)); });
        });
        return;
      }
      net::post(self->stream_.get_executor(), [self, res = std::move(res)]() mutable { self->send(std::move(res)); });
    });
  }

  Response handle() {
    auto target = parse_target(std::string_view(req_.target().data(), req_.target().size()));
    if (!target)
      return error_response(400, "invalid", "The request path is malformed.", "Check the URL.");
    Request r;
    r.raw = &req_;
    r.method = method_;
    r.path = std::move(target->path);
    r.query = std::move(target->query);
    r.client_address = client_;
    return run_guarded([&] { return srv_.handler(r); });
  }

  template <class F>
  Response run_guarded(F&& f) {
    try {
      return f();
    } catch (const std::exception& e) {
      // Never a crash, never internals in the answer.
      if (srv_.log) srv_.log(fmt::format("handler error on {} {}: {}", method_, path_, e.what()));
      return error_response(500, "internal", "Something went wrong on the server.",
                            "Try again; if it persists, see the server log.");
    }
  }

  template <class Msg>
  void add_common_headers(Msg& m, const Response& res) {
    m.set(http::field::server, "cloudpeek");
    for (const auto& [k, v] : security_headers())
      m.set(beast::string_view(k.data(), k.size()), beast::string_view(v.data(), v.size()));
    if (!res.content_type.empty()) m.set(http::field::content_type, res.content_type);
    for (const auto& [k, v] : res.headers) m.insert(k, v);
  }

  void log_line(unsigned status) {
    if (!srv_.log) return;
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
    srv_.log(fmt::format("{} {} {} {} {:.1f}ms", client_, method_, path_, status, ms));
  }

  void send(Response res) {
    bool head = method_ == "HEAD";
    bool length_known = true;
    if (res.stream && head) {  // the headers of the stream, no events
      res.stream.reset();
      keep_alive_ = false;
      length_known = false;
    }
    if (res.stream) return start_stream(std::move(res));
    auto msg = std::make_shared<http::response<http::string_body>>();
    msg->version(11);
    msg->result(static_cast<http::status>(res.status));
    add_common_headers(*msg, res);
    size_t length = res.body.size();
    if (!head) msg->body() = std::move(res.body);
    if (res.status != 204 && res.status != 304 && length_known) msg->content_length(length);
    bool keep = keep_alive_ && !srv_.stopping;
    msg->keep_alive(keep);
    log_line(res.status);
    stream_.expires_after(srv_.options.idle_timeout);
    http::async_write(stream_, *msg, [self = shared_from_this(), msg, keep](beast::error_code ec, size_t) {
      if (!ec && self->unread_input_) return self->linger();
      if (ec || !keep) return self->finish();
      self->read();
    });
  }

  // Server-sent events: headers, then chunks from next() until it ends. The
  // body is delimited by closing the connection.
  void start_stream(Response res) {
    stream_state_ = std::make_shared<Stream>(std::move(*res.stream));
    std::string head = fmt::format("HTTP/1.1 {} {}\r\n", res.status, status_reason_safe(res.status));
    head += "Server: cloudpeek\r\n";
    for (const auto& [k, v] : security_headers()) head += fmt::format("{}: {}\r\n", k, v);
    head += "Content-Type: " + res.content_type + "\r\n";
    for (const auto& [k, v] : res.headers) head += k + ": " + v + "\r\n";
    head += "Connection: close\r\n\r\n";
    log_line(res.status);
    write_raw(std::move(head));
  }

  void write_raw(std::string text) {
    auto buf = std::make_shared<std::string>(std::move(text));
    stream_.expires_after(srv_.options.idle_timeout);
    net::async_write(stream_, net::buffer(*buf), [self = shared_from_this(), buf](beast::error_code ec, size_t) {
      if (ec) return self->finish();
      self->next_chunk();
    });
  }

  void next_chunk() {
    if (srv_.stopping || stream_ended_) return finish();
    // next() may read the database: on a worker, then back here to write.
    net::post(srv_.workers, [self = shared_from_this()] {
      std::optional<std::string> chunk;
      try {
        chunk = self->stream_state_->next();
      } catch (const std::exception&) {
        chunk.reset();
      }
      net::post(self->stream_.get_executor(), [self, chunk = std::move(chunk)]() mutable {
        if (!chunk) return self->finish();
        if (chunk->empty()) return self->wait_then_next();
        std::string text = std::move(*chunk);
        auto buf = std::make_shared<std::string>(std::move(text));
        self->stream_.expires_after(self->srv_.options.idle_timeout);
        net::async_write(self->stream_, net::buffer(*buf), [self, buf](beast::error_code ec, size_t) {
          if (ec) return self->finish();
          self->wait_then_next();
        });
      });
    });
  }

  void wait_then_next() {
    if (srv_.stopping) return finish();
    timer_ = std::make_shared<net::steady_timer>(stream_.get_executor(), stream_state_->interval);
    timer_->async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->finish();
      self->next_chunk();
    });
  }

  // The answer went out before the request was read to its end (a body over
  // the limit): closing now, with input unread, would make the kernel reset
  // the connection and the client lose the answer while still sending. Stop
  // sending, read and drop what still comes for a moment, then close.
  void linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(2));  // for the whole drain, not per read
    drain();
  }
  void drain() {
    auto scratch = std::make_shared<std::array<char, 16384>>();
    stream_.async_read_some(net::buffer(*scratch),
                            [self = shared_from_this(), scratch](beast::error_code ec, size_t n) {
                              self->lingered_ += n;
                              if (ec || self->lingered_ > kLingerLimit || self->srv_.stopping) return self->finish();
                              self->drain();
                            });
  }
  static constexpr size_t kLingerLimit = 64u << 20;  // bytes dropped at most before closing anyway

  void finish() {
    if (finished_) return;
    finished_ = true;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
    if (timer_) timer_->cancel();
    srv_.forget(shared_from_this());
  }

  beast::tcp_stream stream_;
  HttpServer::Impl& srv_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  BeastRequest req_;
  std::string client_, method_, path_;
  bool keep_alive_ = true;
  bool finished_ = false;
  bool unread_input_ = false;  // answered before the request was read to its end
  size_t lingered_ = 0;
  bool stream_ended_ = false;
  std::atomic<bool> idle_{false};
  std::shared_ptr<Stream> stream_state_;
  std::shared_ptr<net::steady_timer> timer_;
  std::chrono::steady_clock::time_point started_;
};

void HttpServer::Impl::accept() {
  acceptor->async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping) return;
    if (ec) return on_accept_error(ec);
    accept_backoff = std::chrono::milliseconds(0);
    admit(std::move(socket));
    accept();
  });
}

void HttpServer::Impl::on_accept_error(const beast::error_code& ec) {
  {
    std::lock_guard lock(sessions_mu);
    ++stats.accept_errors;
  }
  bool exhausted = ec == net::error::no_descriptors || ec.value() == ENFILE || ec == net::error::no_buffer_space ||
                   ec == net::error::no_memory;
  if (!exhausted) return accept();  // e.g. a client that gave up before it was accepted
  if (accept_backoff.count() == 0 && log)
    log(fmt::format("accept failed: {}; pausing new connections a moment at a time until descriptors free up",
                    ec.message()));
  shed_one();
  accept_backoff = std::clamp(accept_backoff * 2, std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
  if (!accept_timer) accept_timer = std::make_unique<net::steady_timer>(acceptor->get_executor());
  accept_timer->expires_after(accept_backoff);
  accept_timer->async_wait([this](beast::error_code e) {
    if (!e && !stopping) accept();
  });
}

void HttpServer::Impl::shed_one() {
  if (spare_fd < 0) return;
  ::close(spare_fd);
  int fd = ::accept4(acceptor->native_handle(), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
  if (fd >= 0) {
    refuse_fd(fd);
    ::close(fd);
    std::lock_guard lock(sessions_mu);
    ++stats.refused_busy;
  }
  spare_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

// Room for one more connection from `address`: within the limits, or made by
// closing an idle connection — of that address when it is at its own limit,
// else of the address holding the most.
bool HttpServer::Impl::make_room(const std::string& address) {
  bool address_full = per_address[address] >= max_per_address;
  if (!address_full && sessions.size() < max_connections) return true;
  std::shared_ptr<Session> victim;
  size_t victim_count = 0;
  for (const auto& s : sessions) {
    if (!s->idle()) continue;
    if (address_full && s->client() != address) continue;
    size_t n = per_address[s->client()];
    if (!victim || n > victim_count) victim = s, victim_count = n;
  }
  if (!victim) return false;
  victim->close_from_outside();
  // Counted out now, so the newcomer can take its place at once.
  sessions.erase(victim);
  if (--per_address[victim->client()] == 0) per_address.erase(victim->client());
  ++stats.idle_closed;
  return true;
}

void HttpServer::Impl::admit(tcp::socket socket) {
  beast::error_code ec;
  auto ep = socket.remote_endpoint(ec);
  if (ec) return;  // gone already
  std::string address = ep.address().to_string();
  std::shared_ptr<Session> s;
  {
    std::lock_guard lock(sessions_mu);
    ++stats.accepted;
    if (!make_room(address)) {
      ++stats.refused_busy;
      refuse_fd(socket.native_handle());
      socket.close(ec);
      return;
    }
    s = std::make_shared<Session>(std::move(socket), *this);
    sessions.insert(s);
    ++per_address[address];
    }
  s->run();
}

void HttpServer::Impl::forget(const std::shared_ptr<Session>& s) {
  std::lock_guard lock(sessions_mu);
  if (sessions.erase(s) == 0) return;  // already counted out (closed to make room)
  auto it = per_address.find(s->client());
  if (it != per_address.end() && --it->second == 0) per_address.erase(it);
}

HttpServer::HttpServer(HttpServerOptions options, Handler handler, AccessLog log)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(log))) {}

HttpServer::~HttpServer() { stop(); }

Status HttpServer::start() {
  beast::error_code ec;
  auto address = net::ip::make_address(impl_->options.host, ec);
  if (ec)
    return make_error(ErrorKind::kInvalidInput,
                      fmt::format("\"{}\" is not an IP address to listen on.", impl_->options.host),
                      "Use --listen 127.0.0.1:8080 (or another IP:port).");
  tcp::endpoint ep(address, impl_->options.port);
  auto acc = std::make_unique<tcp::acceptor>(net::make_strand(impl_->ioc));
  acc->open(ep.protocol(), ec);
  if (!ec) acc->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acc->bind(ep, ec);
  if (!ec) acc->listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    return make_error(ErrorKind::kInvalidInput,
                      fmt::format("Cannot listen on {}:{}: {}.", impl_->options.host, impl_->options.port, ec.message()),
                      "Pick a free port with --listen HOST:PORT.");
  impl_->bound_port = acc->local_endpoint().port();
  impl_->acceptor = std::move(acc);
  impl_->guard.emplace(impl_->ioc.get_executor());
  impl_->accept();
  for (int i = 0; i < std::max(1, impl_->options.io_threads); ++i)
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  return Ok{};
}

unsigned short HttpServer::port() const { return impl_->bound_port; }
HttpServerStats HttpServer::stats() const {
  std::lock_guard lock(impl_->sessions_mu);
  HttpServerStats s = impl_->stats;
  s.open_connections = impl_->sessions.size();
  return s;
}
bool HttpServer::stopping() const { return impl_->stopping; }

void HttpServer::stop() {
  if (impl_->stopped.exchange(true)) return;
  impl_->stopping = true;
  if (impl_->acceptor) {
    std::promise<void> closed;
    net::post(impl_->acceptor->get_executor(), [this, &closed] {
      beast::error_code ec;
      if (impl_->accept_timer) impl_->accept_timer->cancel();
      impl_->acceptor->close(ec);
      closed.set_value();
    });
    if (!impl_->threads.empty()) closed.get_future().wait();
  }
  {
    std::lock_guard lock(impl_->sessions_mu);
    for (auto& s : impl_->sessions) s->close_from_outside();
  }
  impl_->workers.join();  // handlers in progress finish
  impl_->slow.join();     // and the AWS calls they started (each bounded in time)
  impl_->guard.reset();
  impl_->ioc.stop();
  for (auto& t : impl_->threads) t.join();
  impl_->threads.clear();
  std::lock_guard lock(impl_->sessions_mu);
  impl_->sessions.clear();
}

}  // namespace cloudpeek::server
