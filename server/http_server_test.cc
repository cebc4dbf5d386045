// HttpServer under exhaustion (issue 8): idle sockets cannot lock clients
// out, a full server answers 503 at once instead of letting clients time out,
// accept() backs off when descriptors run out, slow work (Response::later)
// leaves the workers free, and HEAD of a stream sends no events.
#include "server/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace cloudpeek::server {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

int connect_to(unsigned short port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// What the server sends until it closes or `limit` passes.
std::string read_all(int fd, std::chrono::milliseconds limit) {
  std::string out;
  auto deadline = Clock::now() + limit;
  char buf[4096];
  while (Clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
    if (::poll(&p, 1, std::max(left, 1)) <= 0) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

// One request on a new connection; the answer's status line (or "" on timeout).
std::string request(unsigned short port, const std::string& method, const std::string& path,
                    std::chrono::milliseconds limit = 3000ms) {
  int fd = connect_to(port);
  if (fd < 0) return "connect failed";
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string answer = read_all(fd, limit);
  ::close(fd);
  return answer;
}

std::string status_line(const std::string& answer) { return answer.substr(0, answer.find("\r\n")); }

struct Served {
  explicit Served(HttpServerOptions o, Handler h = {}) {
    o.host = "127.0.0.1";
    o.port = 0;
    if (!h) h = [](const Request&) {
      Response r;
      r.content_type = "text/plain";
      r.body = "ok";
      return r;
    };
    server = std::make_unique<HttpServer>(o, std::move(h), nullptr);
    auto st = server->start();
    EXPECT_TRUE(st.ok());
  }
  std::unique_ptr<HttpServer> server;
  unsigned short port() const { return server->port(); }
};

TEST(HttpServerLimits, LimitsFollowTheDescriptorLimit) {
  HttpServerOptions o;
  o.max_connections = 100;
  EXPECT_EQ(connection_limits(o), std::make_pair(size_t{100}, size_t{25}));
  o.max_connections_per_address = 10;
  EXPECT_EQ(connection_limits(o).second, 10u);
  o.max_connections = 0;
  auto derived = connection_limits(o);
  EXPECT_GE(derived.first, 8u);
  EXPECT_LE(derived.first, 4096u);
  EXPECT_GE(raise_descriptor_limit(), 64u);
}

// 70 idle sockets held every slot: new clients timed out. Idle connections
// now make room for newcomers.
TEST(HttpServerLimits, IdleConnectionsCannotLockClientsOut) {
  HttpServerOptions o;
  o.max_connections = 8;
  o.max_connections_per_address = 8;
  Served s(o);
  std::vector<int> idle;
  for (int i = 0; i < 70; ++i) idle.push_back(connect_to(s.port()));
  std::this_thread::sleep_for(200ms);
  EXPECT_LE(s.server->stats().open_connections, 8u);
  auto start = Clock::now();
  EXPECT_EQ(status_line(request(s.port(), "GET", "/")), "HTTP/1.1 200 OK");
  EXPECT_LT(Clock::now() - start, 2s);
  EXPECT_GE(s.server->stats().idle_closed, 1u);
  for (int fd : idle) ::close(fd);
}

// No idle connection to close (every slot is busy with a request): the
// newcomer hears 503 with Retry-After at once instead of waiting.
TEST(HttpServerLimits, FullOfBusyConnectionsAnswers503AtOnce) {
  std::atomic<bool> release{false};
  HttpServerOptions o;
  o.max_connections = 4;
  o.worker_threads = 4;
  Served s(o, [&](const Request&) {
    while (!release) std::this_thread::sleep_for(10ms);
    Response r;
    r.body = "{}";
    return r;
  });
  std::vector<std::future<std::string>> busy;
  for (int i = 0; i < 4; ++i)
    busy.push_back(std::async(std::launch::async, [&] { return request(s.port(), "GET", "/slow", 10000ms); }));
  std::this_thread::sleep_for(300ms);
  auto start = Clock::now();
  std::string answer = request(s.port(), "GET", "/");
  EXPECT_LT(Clock::now() - start, 1s);
  EXPECT_EQ(status_line(answer), "HTTP/1.1 503 Service Unavailable") << answer;
  EXPECT_NE(answer.find("Retry-After: 5"), std::string::npos);
  EXPECT_NE(answer.find("\"code\":\"busy\""), std::string::npos);
  release = true;
  for (auto& b : busy) EXPECT_EQ(status_line(b.get()), "HTTP/1.1 200 OK");
  EXPECT_GE(s.server->stats().refused_busy, 1u);
}

// Under `ulimit -n 64` with 70 idle sockets the accept loop failed 52,000
// times in 3 s. It now pauses (10 ms doubling to 1 s) and sheds one waiting
// client per pause with a 503, then serves again once descriptors are free.
TEST(HttpServerLimits, AcceptBacksOffWhenDescriptorsRunOut) {
  HttpServerOptions o;
  o.max_connections = 1000;  // the descriptor limit, not the cap, is what runs out
  o.max_connections_per_address = 1000;
  Served s(o);
  std::vector<int> clients;
  for (int i = 0; i < 60; ++i) clients.push_back(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
  int highest = *std::max_element(clients.begin(), clients.end());
  rlimit low = saved;
  low.rlim_cur = static_cast<rlim_t>(highest + 1 + 6);  // a handful of descriptors left for the server
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(s.port());
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (int fd : clients) ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);  // the backlog takes them
  std::this_thread::sleep_for(1500ms);
  size_t errors = s.server->stats().accept_errors;
  ::setrlimit(RLIMIT_NOFILE, &saved);
  EXPECT_GE(errors, 1u) << "the descriptor limit was never reached: the test proves nothing";
  EXPECT_LT(errors, 40u) << "accept() is retried without pause";
  // Some of the clients waiting in the backlog were told "busy" rather than left hanging.
  size_t told_busy = 0;
  for (int fd : clients) {
    std::string got = read_all(fd, 50ms);
    told_busy += got.rfind("HTTP/1.1 503", 0) == 0;
    ::close(fd);
  }
  EXPECT_GE(told_busy, 1u);
  // Descriptors free again: served within the longest pause.
  std::this_thread::sleep_for(1100ms);
  EXPECT_EQ(status_line(request(s.port(), "GET", "/")), "HTTP/1.1 200 OK");
}

// Slow work (an AWS call) runs on the slow pool: with every worker's worth of
// it in progress, pages are still served at once.
TEST(HttpServerLimits, SlowWorkLeavesTheWorkersFree) {
  std::atomic<bool> release{false};
  HttpServerOptions o;
  o.worker_threads = 2;
  o.slow_threads = 16;
  Served s(o, [&](const Request& r) {
    Response res;
    res.content_type = "text/plain";
    if (r.path == "/aws") {
      res.later = [&] {
        while (!release) std::this_thread::sleep_for(10ms);
        Response done;
        done.body = "{\"ok\":true}";
        return done;
      };
      return res;
    }
    res.body = "page";
    return res;
  });
  std::vector<std::future<std::string>> slow;
  for (int i = 0; i < 10; ++i)
    slow.push_back(std::async(std::launch::async, [&] { return request(s.port(), "POST", "/aws", 10000ms); }));
  std::this_thread::sleep_for(300ms);
  auto start = Clock::now();
  std::string page = request(s.port(), "GET", "/");
  EXPECT_LT(Clock::now() - start, 1s);
  EXPECT_EQ(status_line(page), "HTTP/1.1 200 OK");
  release = true;
  for (auto& f : slow) {
    std::string answer = f.get();
    EXPECT_EQ(status_line(answer), "HTTP/1.1 200 OK");
    EXPECT_NE(answer.find("{\"ok\":true}"), std::string::npos);
  }
}

// HEAD of /scans/{id}/events returned the event body.
TEST(HttpServer, HeadOfAStreamSendsHeadersOnly) {
  Served s(HttpServerOptions{}, [](const Request&) {
    Response r;
    r.content_type = "text/event-stream";
    Stream st;
    st.interval = 10ms;
    st.next = [n = 0]() mutable -> std::optional<std::string> {
      if (n++ > 3) return std::nullopt;
      return std::string("event: progress\ndata: {}\n\n");
    };
    r.stream = std::move(st);
    return r;
  });
  std::string head = request(s.port(), "HEAD", "/events");
  EXPECT_EQ(status_line(head), "HTTP/1.1 200 OK");
  EXPECT_NE(head.find("Content-Type: text/event-stream"), std::string::npos) << head;
  EXPECT_EQ(head.find("event: progress"), std::string::npos) << head;
  EXPECT_EQ(head.substr(head.find("\r\n\r\n") + 4), "");
  std::string get = request(s.port(), "GET", "/events");
  EXPECT_NE(get.find("event: progress"), std::string::npos) << get;
}

}  // namespace
}  // namespace cloudpeek::server
