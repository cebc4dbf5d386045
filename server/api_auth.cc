// Setup, login, logout, session (docs/api.md "Setup, login, session").
#include <fmt/format.h>

#include "server/app.h"
#include "server/json_response.h"
#include "store/password.h"

namespace cloudpeek::server {

namespace {

json user_json(const store::User& u) { return {{"id", u.id}, {"username", u.username}}; }

std::optional<std::string> string_field(const json& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// A hash to verify against when the user does not exist, so a wrong username
// costs as much time as a wrong password.
const std::string& dummy_hash() {
  static const std::string h = store::hash_password("cloudpeek-dummy-password-for-timing");
  return h;
}

bool valid_username(const std::string& u) {
  if (u.empty() || u.size() > 64) return false;
  for (unsigned char c : u)
    if (c < 0x21 || c == 0x7f) return false;
  return true;
}

}  // namespace

void App::add_auth_routes() {
  router_.add("GET", "/setup", [this](Ctx& c) {
    Response res;
    std::string csrf = c.who ? c.who->session.csrf_token : auth_.presession_csrf(c.req, res);
    auto r = json_response(200, {{"needs_setup", auth_.needs_setup()}, {"csrf_token", csrf}});
    for (auto& h : res.headers) r.headers.push_back(h);
    return r;
  }, true);

  router_.add("POST", "/setup", [this](Ctx& c) {
    Response err;
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    auto token = string_field(*body, "token");
    auto username = string_field(*body, "username");
    auto password = string_field(*body, "password");
    if (!username || !valid_username(*username))
      return error_response(400, "invalid", "Choose a username of 1 to 64 visible characters.", "", "username");
    if (!password || password->size() < 12)
      return error_response(400, "invalid", "The password must have at least 12 characters.",
                            "Use a long passphrase.", "password");
    if (password->size() > 1024)
      return error_response(400, "invalid", "The password is too long (1024 characters at most).", "", "password");
    if (!token || !auth_.consume_setup_token(*token))
      return error_response(403, "forbidden", "The setup link is wrong or was already used.",
                            "Use the link the server printed when it started; once an admin exists, sign in.",
                            "token");
    store::User user = store_.create_user(*username, store::hash_password(*password));
    log(fmt::format("setup: admin account \"{}\" created", user.username));
    Response res = json_response(201, {});
    std::string csrf = auth_.start_session(user, res);
    auto r = json_response(201, {{"user", user_json(user)}, {"csrf_token", csrf}});
    r.headers.insert(r.headers.end(), res.headers.begin(), res.headers.end());
    return r;
  }, true);

  router_.add("POST", "/login", [this](Ctx& c) {
    Response err;
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    auto username = string_field(*body, "username").value_or("");
    auto password = string_field(*body, "password").value_or("");
    // Counted before the password is checked, in one step with the limit test,
    // so parallel attempts cannot slip past it.
    auto limits = LoginRateLimiter::login_limits(username, c.req.client_address);
    auto attempt = LoginRateLimiter::Clock::now();
    auto wait = auth_.limiter().begin(limits, attempt);
    if (wait > 0) {
      auto r = error_response(429, "rate_limited", "Too many failed sign-ins.",
                              fmt::format("Wait {} minutes before trying again.", (wait + 59) / 60));
      r.set_header("Retry-After", std::to_string(wait));
      return r;
    }
    auto user = username.empty() || password.size() > 1024 ? std::nullopt : store_.find_user_by_username(username);
    bool ok = store::verify_password(user ? user->password_hash : dummy_hash(), password) && user.has_value();
    if (!ok) {
      log(fmt::format("login failed from {}", c.req.client_address));
      return error_response(401, "unauthenticated", "Wrong username or password.", "Check both and try again.");
    }
    auth_.limiter().succeeded(limits, attempt);
    Response res;
    std::string csrf = auth_.start_session(*user, res);
    auto r = json_response(200, {{"user", user_json(*user)}, {"csrf_token", csrf}});
    r.headers.insert(r.headers.end(), res.headers.begin(), res.headers.end());
    return r;
  }, true);

  router_.add("POST", "/logout", [this](Ctx& c) {
    Response r = no_content();
    auth_.end_session(c.req, r);
    return r;
  });

  router_.add("GET", "/session", [this](Ctx& c) {
    if (!c.who) {
      Response res;
      std::string csrf = auth_.presession_csrf(c.req, res);
      auto r = json_response(401, {{"error", error_json("unauthenticated", "You are not signed in.", "Sign in first.")},
                                   {"csrf_token", csrf},
                                   {"needs_setup", auth_.needs_setup()}});
      r.headers.insert(r.headers.end(), res.headers.begin(), res.headers.end());
      return r;
    }
    return json_response(200, {{"user", user_json(c.who->user)}, {"csrf_token", c.who->session.csrf_token}});
  }, true);
}

}  // namespace cloudpeek::server
