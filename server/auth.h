// Who is asking, and may they change things: the one-time setup token, login
// with rate limiting, server-side sessions (cookie cloudpeek_session, HttpOnly,
// SameSite=Strict), and CSRF tokens — the session's own after login, before
// login an HMAC of a pre-session cookie (cloudpeek_pre) under a key that lives
// only in this process. Origins other than the server's own are refused on
// state-changing requests.
#pragma once

#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "server/http_types.h"
#include "server/rate_limiter.h"
#include "store/store.h"

namespace cloudpeek::server {

constexpr const char* kSessionCookie = "cloudpeek_session";
constexpr const char* kPreSessionCookie = "cloudpeek_pre";
constexpr auto kSessionLifetime = std::chrono::hours(12);

struct AuthedUser {
  store::User user;
  store::Session session;
};

class Auth {
 public:
  explicit Auth(store::Store& store);

  // When no user exists: a fresh one-time setup token (kept in memory only).
  std::optional<std::string> prepare_setup();
  bool needs_setup();
  // Consumes the token; false when it is wrong, used, or a user exists.
  bool consume_setup_token(const std::string& token);

  std::optional<AuthedUser> authenticate(const Request& req);

  // A session for the user: sets the cookie on `res`; returns the CSRF token.
  std::string start_session(const store::User& user, Response& res);
  void end_session(const Request& req, Response& res);

  // The pre-session CSRF token for this client (sets cloudpeek_pre if absent).
  std::string presession_csrf(const Request& req, Response& res);
  // X-CSRF-Token matches the session's token, or (no session) the pre-session one.
  bool csrf_ok(const Request& req, const std::optional<AuthedUser>& who) const;

  // Origins the browser may send on state-changing requests ("http://127.0.0.1:8080").
  void set_allowed_origins(std::set<std::string> origins);
  bool origin_ok(const Request& req) const;

  // Whether the browser reached this server over https: an https
  // --public-origin is configured and the request came through it (its Host,
  // or X-Forwarded-Proto: https from the TLS proxy in front).
  bool https_request(const Request& req) const;
  // For such a request: the cookies `res` sets made Secure, and HSTS telling
  // the browser to keep to https.
  static Response secure(Response res);

  // DNS rebinding: a page on an attacker's name that resolves to this server
  // reaches it with that name as Host. Requests are served only when Host is an
  // IP literal this server answers to (its listen address, loopback when it
  // listens there, any when it listens on all addresses), "localhost", or the
  // host of an allowed origin (--public-origin). No Host (HTTP/1.0) passes:
  // browsers always send one. The port is not compared.
  // `names`: "host", "host:port" or "[v6]:port" (the port is ignored).
  void set_allowed_hosts(const std::set<std::string>& names, bool any_ip_literal);
  bool host_ok(const Request& req) const;

  LoginRateLimiter& limiter() { return limiter_; }

 private:
  std::string presession_token_for(const std::string& pre) const;
  store::Store& store_;
  mutable std::mutex mu_;
  std::optional<std::string> setup_token_;
  std::string key_;  // HMAC key for pre-session CSRF tokens
  std::set<std::string> origins_;
  std::set<std::string> hosts_ = {"localhost", "127.0.0.1", "::1"};  // lower case, no brackets
  bool any_ip_host_ = false;
  LoginRateLimiter limiter_;
};

}  // namespace cloudpeek::server
