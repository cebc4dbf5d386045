#include "server/auth.h"

#include <fmt/format.h>

#include <boost/asio/ip/address.hpp>

#include "aws/core/crypto.h"
#include "aws/core/encoding.h"
#include "store/token.h"

namespace cloudpeek::server {

namespace {
std::string cookie_header(const std::string& name, const std::string& value, long long max_age) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}", name, value, max_age);
}

bool plausible_token(const std::string& t) {
  if (t.empty() || t.size() > 128) return false;
  for (char c : t)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  return true;
}
}  // namespace

Auth::Auth(store::Store& store) : store_(store), key_(store::random_token(32)) {}

std::optional<std::string> Auth::prepare_setup() {
  std::lock_guard lock(mu_);
  if (store_.user_count() > 0) return std::nullopt;
  setup_token_ = store::random_token(24);
  return setup_token_;
}

bool Auth::needs_setup() { return store_.user_count() == 0; }

bool Auth::consume_setup_token(const std::string& token) {
  std::lock_guard lock(mu_);
  if (!setup_token_ || !store::tokens_equal(*setup_token_, token)) return false;
  if (store_.user_count() > 0) {
    setup_token_.reset();
    return false;
  }
  setup_token_.reset();
  return true;
}

std::optional<AuthedUser> Auth::authenticate(const Request& req) {
  std::string token = req.cookie(kSessionCookie);
  if (!plausible_token(token)) return std::nullopt;
  auto session = store_.find_session(store::hash_token(token), store::now_seconds());
  if (!session) return std::nullopt;
  auto user = store_.get_user(session->user_id);
  if (!user) return std::nullopt;
  return AuthedUser{std::move(*user), std::move(*session)};
}

std::string Auth::start_session(const store::User& user, Response& res) {
  std::string token = store::random_token(32);
  std::string csrf = store::random_token(32);
  auto expires = store::now_seconds() + std::chrono::duration_cast<std::chrono::seconds>(kSessionLifetime);
  store_.create_session(user.id, store::hash_token(token), csrf, expires);
  res.set_header("Set-Cookie", cookie_header(kSessionCookie, token,
                                             std::chrono::duration_cast<std::chrono::seconds>(kSessionLifetime).count()));
  return csrf;
}

void Auth::end_session(const Request& req, Response& res) {
  std::string token = req.cookie(kSessionCookie);
  if (plausible_token(token)) store_.delete_session(store::hash_token(token));
  res.set_header("Set-Cookie", cookie_header(kSessionCookie, "", 0));
}

std::string Auth::presession_token_for(const std::string& pre) const {
  return hex_encode(hmac_sha256(key_, "pre-session:" + pre));
}

std::string Auth::presession_csrf(const Request& req, Response& res) {
  std::string pre = req.cookie(kPreSessionCookie);
  if (!plausible_token(pre)) {
    pre = store::random_token(24);
    res.set_header("Set-Cookie", cookie_header(kPreSessionCookie, pre, 24 * 3600));
  }
  return presession_token_for(pre);
}

bool Auth::csrf_ok(const Request& req, const std::optional<AuthedUser>& who) const {
  std::string sent = req.header("X-CSRF-Token");
  if (sent.empty()) return false;
  if (who) return store::tokens_equal(sent, who->session.csrf_token);
  std::string pre = req.cookie(kPreSessionCookie);
  if (!plausible_token(pre)) return false;
  return store::tokens_equal(sent, presession_token_for(pre));
}

void Auth::set_allowed_origins(std::set<std::string> origins) {
  std::lock_guard lock(mu_);
  origins_ = std::move(origins);
}

namespace {
// "Example.com:8080" -> "example.com", "[::1]:80" -> "::1"; "" when malformed.
std::string host_name_of(const std::string& host_header) {
  std::string h = host_header;
  if (!h.empty() && h.front() == '[') {
    auto close = h.find(']');
    h = close == std::string::npos ? std::string() : h.substr(1, close - 1);
  } else if (auto colon = h.find(':'); colon != std::string::npos) {
    h = h.substr(0, colon);
  }
  if (!h.empty() && h.back() == '.') h.pop_back();  // "localhost." is localhost
  for (auto& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return h;
}
}  // namespace

void Auth::set_allowed_hosts(const std::set<std::string>& names, bool any_ip_literal) {
  std::lock_guard lock(mu_);
  hosts_.clear();
  for (const auto& n : names)
    if (auto h = host_name_of(n); !h.empty()) hosts_.insert(h);
  hosts_.insert("localhost");
  any_ip_host_ = any_ip_literal;
}

bool Auth::host_ok(const Request& req) const {
  if (!req.raw || req.raw->find(boost::beast::http::field::host) == req.raw->end()) return true;
  std::string name = host_name_of(req.header("Host"));
  if (name.empty()) return false;
  if (hosts_.count(name)) return true;
  if (any_ip_host_) {
    boost::system::error_code ec;
    boost::asio::ip::make_address(name, ec);
    return !ec;  // an IP literal cannot be rebound to another server
  }
  return false;
}

bool Auth::https_request(const Request& req) const {
  std::set<std::string> https_hosts;
  {
    std::lock_guard lock(mu_);
    for (const auto& o : origins_)
      if (o.rfind("https://", 0) == 0) https_hosts.insert(host_name_of(o.substr(8, o.find('/', 8) - 8)));
  }
  if (https_hosts.empty()) return false;  // no TLS in front of this server
  std::string proto = req.header("X-Forwarded-Proto");
  for (auto& ch : proto) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (proto == "https") return true;
  return https_hosts.count(host_name_of(req.header("Host"))) > 0;
}

Response Auth::secure(Response res) {
  for (auto& [name, value] : res.headers)
    if (name == "Set-Cookie" && value.find("; Secure") == std::string::npos) value += "; Secure";
  res.set_header("Strict-Transport-Security", "max-age=31536000");
  return res;
}

bool Auth::origin_ok(const Request& req) const {
  std::string origin = req.header("Origin");
  if (origin.empty()) return true;  // same-origin non-CORS requests from old browsers, curl, tests
  return origins_.count(origin) > 0;
}

}  // namespace cloudpeek::server
