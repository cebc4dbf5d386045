#include "aws/http/transport.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <cstdio>
#include <vector>

#include <gtest/gtest.h>

#include "aws/http/curl_error.h"

namespace cloudpeek {
namespace {

// A small HTTP/1.1 server on 127.0.0.1 with keep-alive, one thread per connection.
// Paths choose the behaviour:
//   /echo      200, body "<METHOD> <body>", headers X-Multi twice, X-Saw-Expect, X-Echo-Test
//   /slow      waits 2 s, then 200
//   /partial   promises 100 bytes, sends 7, closes
//   /nothing   closes without answering
class LoopbackServer {
 public:
  LoopbackServer() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) std::abort();
    ::listen(listen_fd_, 512);
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
  }

  ~LoopbackServer() {
    stop_ = true;
    acceptor_.join();
    {
      std::lock_guard lock(mu_);
      for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
    }
    for (auto& t : workers_) t.join();
    ::close(listen_fd_);
  }

  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  int connections_accepted() const { return accepted_.load(); }

 private:
  void accept_loop() {
    while (!stop_) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int fd = ::accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) continue;
      ++accepted_;
      std::lock_guard lock(mu_);
      open_fds_.push_back(fd);
      workers_.emplace_back([this, fd] { serve(fd); });
    }
  }

  static bool send_all(int fd, const std::string& s) {
    size_t off = 0;
    while (off < s.size()) {
      ssize_t n = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return false;
      off += static_cast<size_t>(n);
    }
    return true;
  }

  void serve(int fd) {
    std::string buf;
    char chunk[65536];
    for (;;) {
      size_t end;
      while ((end = buf.find("\r\n\r\n")) == std::string::npos) {
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return close_fd(fd);
        buf.append(chunk, static_cast<size_t>(n));
        // Not HTTP (a TLS ClientHello starts with 0x16): answer as plain servers do.
        if (!std::isupper(static_cast<unsigned char>(buf[0]))) {
          send_all(fd, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
          return close_fd(fd);
        }
      }
      std::string head = buf.substr(0, end);
      buf.erase(0, end + 4);
      std::string lower = head;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t content_length = 0;
      if (auto p = lower.find("\r\ncontent-length:"); p != std::string::npos)
        content_length = std::stoul(lower.substr(p + 17));
      while (buf.size() < content_length) {
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return close_fd(fd);
        buf.append(chunk, static_cast<size_t>(n));
      }
      std::string body = buf.substr(0, content_length);
      buf.erase(0, content_length);

      std::string method = head.substr(0, head.find(' '));
      size_t path_start = head.find(' ') + 1;
      std::string path = head.substr(path_start, head.find(' ', path_start) - path_start);
      path = path.substr(0, path.find('?'));
      std::string echo_test;
      if (auto p = lower.find("\r\nx-test:"); p != std::string::npos) {
        size_t v = p + 9;
        echo_test = head.substr(v, head.find("\r\n", v) - v);
        while (!echo_test.empty() && echo_test.front() == ' ') echo_test.erase(0, 1);
      }

      if (path == "/nothing") return close_fd(fd);
      if (path == "/partial") {
        send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial");
        return close_fd(fd);
      }
      if (path == "/slow") {
        for (int i = 0; i < 20 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      std::string out_body = path == "/echo" ? method + " " + body : "ok";
      std::string resp = "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(out_body.size()) +
                         "\r\nX-Multi: a\r\nX-Multi: b\r\nX-Saw-Expect: " +
                         (lower.find("\r\nexpect:") != std::string::npos ? "yes" : "no") +
                         "\r\nX-Echo-Test: " + echo_test + "\r\n\r\n" + out_body;
      if (!send_all(fd, resp)) return close_fd(fd);
    }
  }

  void close_fd(int fd) {
    std::lock_guard lock(mu_);
    std::erase(open_fds_, fd);
    ::close(fd);
  }

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> accepted_{0};
  std::thread acceptor_;
  std::mutex mu_;
  std::vector<int> open_fds_;
  std::vector<std::thread> workers_;
};

// A port nobody listens on: bind, read the port, close.
int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

HttpRequest get(const std::string& url) {
  HttpRequest r;
  r.url = url;
  return r;
}

TEST(Transport, GetKeepsRepeatedHeadersAndSendsOurs) {
  LoopbackServer server;
  Transport t;
  HttpRequest r = get(server.url("/echo"));
  r.headers.emplace_back("X-Test", "hello");
  auto resp = t.send(r);
  ASSERT_TRUE(resp.ok()) << resp.error().describe();
  EXPECT_EQ(resp->status, 200);
  EXPECT_EQ(resp->body, "GET ");
  EXPECT_EQ(find_header(resp->headers, "x-echo-test").value_or(""), "hello");
  int multi = 0;
  for (const auto& [k, v] : resp->headers)
    if (k == "X-Multi") ++multi;
  EXPECT_EQ(multi, 2);
}

TEST(Transport, LargePostHasNoExpectContinue) {
  LoopbackServer server;
  Transport t;
  HttpRequest r = get(server.url("/echo"));
  r.method = "POST";
  r.body = std::string(2 * 1024 * 1024, 'x');
  auto start = std::chrono::steady_clock::now();
  auto resp = t.send(r);
  ASSERT_TRUE(resp.ok()) << resp.error().describe();
  EXPECT_EQ(resp->body.size(), r.body.size() + 5);
  EXPECT_EQ(find_header(resp->headers, "X-Saw-Expect").value_or(""), "no");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(900));
}

TEST(Transport, PutAndDeleteAndHead) {
  LoopbackServer server;
  Transport t;
  HttpRequest put = get(server.url("/echo"));
  put.method = "PUT";
  put.body = "data";
  auto r1 = t.send(put);
  ASSERT_TRUE(r1.ok());
  EXPECT_EQ(r1->body, "PUT data");
  HttpRequest del = get(server.url("/echo"));
  del.method = "DELETE";
  auto r2 = t.send(del);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->body, "DELETE ");
  HttpRequest head = get(server.url("/echo"));
  head.method = "HEAD";
  auto r3 = t.send(head);
  ASSERT_TRUE(r3.ok());
  EXPECT_EQ(r3->status, 200);
  EXPECT_TRUE(r3->body.empty());
}

TEST(Transport, FiveHundredConcurrentRequestsOnBoundedConnections) {
  LoopbackServer server;
  TransportOptions o;
  o.max_in_flight = 32;
  o.max_connections = 8;
  o.max_host_connections = 8;
  Transport t(o);

  constexpr int kRequests = 500;
  std::mutex mu;
  std::condition_variable cv;
  int done = 0, ok = 0;
  std::vector<std::thread> senders;
  for (int s = 0; s < 5; ++s) {
    senders.emplace_back([&] {
      for (int i = 0; i < kRequests / 5; ++i) {
        t.send_async(get(server.url("/echo")), [&](Result<HttpResponse> r) {
          std::lock_guard lock(mu);
          ++done;
          if (r.ok() && r->status == 200) ++ok;
          cv.notify_all();
        });
      }
    });
  }
  for (auto& s : senders) s.join();
  std::unique_lock lock(mu);
  ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(60), [&] { return done == kRequests; }));
  EXPECT_EQ(ok, kRequests);
  auto st = t.stats();
  std::printf("connections %zu, accepted %d, max in flight %zu\n", st.connections_opened,
              server.connections_accepted(), st.max_in_flight_seen);
  EXPECT_EQ(st.requests_completed, static_cast<size_t>(kRequests));
  EXPECT_GE(st.connections_opened, 1u);
  EXPECT_LE(st.connections_opened, o.max_connections);
  EXPECT_LE(server.connections_accepted(), static_cast<int>(o.max_connections));
  // In-flight transfers are capped by the connections too (HTTP/1.1: one each).
  EXPECT_LE(st.max_in_flight_seen, o.max_connections);
  EXPECT_GT(st.max_in_flight_seen, 1u);
}

TEST(Transport, ConnectionRefusedIsConnectFailure) {
  Transport t;
  auto r = t.send(get("http://127.0.0.1:" + std::to_string(closed_port()) + "/x?X-Amz-Signature=secret"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kNetwork);
  EXPECT_EQ(r.error().code, "ConnectFailure");
  EXPECT_NE(r.error().message.find("127.0.0.1"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().describe().find("secret"), std::string::npos) << r.error().describe();
  EXPECT_NE(r.error().advice.find("HTTPS_PROXY"), std::string::npos);
}

TEST(Transport, SlowServerIsTimeout) {
  LoopbackServer server;
  TransportOptions o;
  o.total_timeout = std::chrono::milliseconds(300);
  Transport t(o);
  auto r = t.send(get(server.url("/slow?X-Amz-Signature=secret")));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "Timeout");
  EXPECT_EQ(r.error().describe().find("secret"), std::string::npos);
}

TEST(Transport, ServerClosingMidResponseIsConnectionReset) {
  LoopbackServer server;
  Transport t;
  for (const char* path : {"/partial", "/nothing"}) {
    auto r = t.send(get(server.url(path)));
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_EQ(r.error().kind, ErrorKind::kNetwork);
    EXPECT_EQ(r.error().code, "ConnectionReset") << path << ": " << r.error().message;
  }
}

TEST(Transport, HttpsToPlainHttpPortIsTlsFailure) {
  LoopbackServer server;
  Transport t;
  auto r = t.send(get("https://127.0.0.1:" + std::to_string(server.port()) + "/echo"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "TlsFailure") << r.error().message;
  EXPECT_NE(r.error().advice.find("AWS_CA_BUNDLE"), std::string::npos);
}

TEST(Transport, UnresolvableHostIsDnsFailure) {
  // .invalid never resolves (RFC 2606); no network is needed to learn that.
  Transport t;
  auto r = t.send(get("http://cloudpeek-test.invalid/"));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().code == "DnsFailure" || r.error().code == "ConnectFailure") << r.error().code;
}

TEST(Transport, DestructorDrainsQueuedRequests) {
  LoopbackServer server;
  std::atomic<int> done{0};
  {
    TransportOptions o;
    o.max_in_flight = 2;
    Transport t(o);
    for (int i = 0; i < 20; ++i)
      t.send_async(get(server.url("/echo")), [&](Result<HttpResponse> r) {
        if (r.ok()) ++done;
      });
  }
  EXPECT_EQ(done.load(), 20);
}

TEST(Transport, CallbackExceptionDoesNotKillTheLoop) {
  LoopbackServer server;
  Transport t;
  t.send_async(get(server.url("/echo")), [](Result<HttpResponse>) { throw std::runtime_error("boom"); });
  auto r = t.send(get(server.url("/echo")));
  EXPECT_TRUE(r.ok());
}

TEST(Transport, HonoursProxyFromEnvironment) {
  // The loopback server plays the proxy: a request for a host that cannot resolve
  // still succeeds, because libcurl sends it to http_proxy instead.
  LoopbackServer proxy;
  setenv("http_proxy", proxy.url("").c_str(), 1);
  unsetenv("no_proxy");
  unsetenv("NO_PROXY");
  {
    Transport t;
    auto r = t.send(get("http://cloudpeek-test.invalid/echo"));
    unsetenv("http_proxy");
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->status, 200);
  }
  EXPECT_EQ(proxy.connections_accepted(), 1);
}

TEST(Transport, CaBundleFromEnvironment) {
  setenv("AWS_CA_BUNDLE", "/nonexistent/ca.pem", 1);
  TransportOptions o = TransportOptions::from_environment();
  unsetenv("AWS_CA_BUNDLE");
  EXPECT_EQ(o.ca_bundle, "/nonexistent/ca.pem");
  // A bundle that cannot be read fails TLS; it never falls back to no verification.
  LoopbackServer server;
  Transport t(o);
  auto r = t.send(get("https://127.0.0.1:" + std::to_string(server.port()) + "/echo"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "TlsFailure") << r.error().message;
}

TEST(CurlError, CodesAndHost) {
  EXPECT_EQ(network_error_code(CURLE_COULDNT_RESOLVE_HOST), "DnsFailure");
  EXPECT_EQ(network_error_code(CURLE_COULDNT_CONNECT), "ConnectFailure");
  EXPECT_EQ(network_error_code(CURLE_PEER_FAILED_VERIFICATION), "TlsFailure");
  EXPECT_EQ(network_error_code(CURLE_OPERATION_TIMEDOUT), "Timeout");
  EXPECT_EQ(network_error_code(CURLE_RECV_ERROR), "ConnectionReset");
  EXPECT_EQ(network_error_code(CURLE_TOO_MANY_REDIRECTS), "NetworkError");
  EXPECT_EQ(host_of_url("https://sts.eu-west-1.amazonaws.com/?Action=x"), "sts.eu-west-1.amazonaws.com");
  EXPECT_EQ(host_of_url("http://127.0.0.1:4566/path"), "127.0.0.1:4566");
  Error e = network_error(CURLE_RECV_ERROR, "echo of https://h/?X-Amz-Signature=abc\n",
                          "https://h/?X-Amz-Signature=abc", std::chrono::milliseconds(1000));
  EXPECT_EQ(e.describe().find("abc"), std::string::npos) << e.describe();
  Error bad = network_error(CURLE_URL_MALFORMAT, "", "ht tp://x y/?X-Amz-Signature=abc", std::chrono::milliseconds(1));
  EXPECT_EQ(bad.describe().find("abc"), std::string::npos) << bad.describe();
  EXPECT_NE(bad.message.find("the endpoint"), std::string::npos) << bad.message;
}

}  // namespace
}  // namespace cloudpeek
