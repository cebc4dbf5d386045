#include "server/app.h"

#include <fmt/format.h>

#include "server/dashboard_spend.h"
#include "server/json_response.h"

namespace cloudpeek::server {

App::App(store::Store& store, AppOptions options, std::shared_ptr<CredentialTester> tester, Log log)
    : store_(store),
      options_(std::move(options)),
      tester_(std::move(tester)),
      log_(std::move(log)),
      auth_(store),
      static_files_(options_.web_dir),
      webhook_(std::make_unique<Webhook>(log_)),
      scheduler_(std::make_unique<Scheduler>(store, webhook_.get(), log_)) {
  scheduler_->set_expiry_checks(tester_);
  add_auth_routes();
  add_provider_routes();
  add_scan_routes();
  add_scan_batch_routes();
  add_finding_routes();
  add_view_routes();
  add_spend_routes(router_, store_);  // GET /dashboard/spend (server/dashboard_spend.h)
  add_sso_routes();
  add_org_routes();  // after add_sso_routes: its renewer wraps IAM Identity Center's
  add_iam_routes();
  scheduler_->resume();  // scans queued when the server stopped, in order (the renewers are set by now)
}

App::~App() {
  scheduler_->shutdown();
  scheduler_.reset();
  webhook_.reset();
}

std::optional<store::PageRequest> page_request(const Request& req, Response& err) {
  store::PageRequest p;
  // Whole numbers in range, or a 400 naming the parameter: a page of
  // 9223372036854775807 once overflowed into page 1's items with that label.
  auto num = [&](const char* key, int64_t fallback, int64_t max) -> std::optional<int64_t> {
    auto v = req.query_value(key);
    if (v.empty()) return fallback;
    bool digits = v.size() <= 9 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    int64_t n = digits ? std::stoll(v) : 0;
    if (!digits || n < 1 || n > max) {
      err = error_response(400, "invalid", fmt::format("{} must be a whole number from 1 to {}.", key, max),
                           "Fix the query parameter.", key);
      return std::nullopt;
    }
    return n;
  };
  auto page = num("page", 1, kMaxPage);
  if (!page) return std::nullopt;
  auto size = num("page_size", 50, kMaxPageSize);
  if (!size) return std::nullopt;
  p.page = *page;
  p.page_size = *size;
  return p;
}

Response App::handle(const Request& req) {
  Response res = route(req);
  // Behind an https --public-origin: Secure cookies and HSTS, also on answers that come later.
  if (!auth_.https_request(req)) return res;
  if (!res.later) return Auth::secure(std::move(res));
  res.later = [later = std::move(res.later)] { return Auth::secure(later()); };
  return res;
}

Response App::route(const Request& req) {
  if (!auth_.host_ok(req)) {
    // 421 Misdirected Request: a name this server does not go by — most likely a
    // page on another site whose DNS name was rebound to this address.
    return error_response(
        421, "host", "This server does not answer to the host name in the request (Host: " + req.header("Host").substr(0, 100) + ").",
        "Open CloudPeek at the address it prints on start (e.g. http://127.0.0.1:8080/). If it is reached "
        "through another name (a reverse proxy, a DNS name), start it with --public-origin https://that-name.");
  }
  if (req.path == "/api" || req.path.rfind("/api/", 0) == 0) return api(req);
  if (req.method != "GET" && req.method != "HEAD") {
    auto r = error_response(405, "invalid", "Only GET is served outside /api/v1.", "");
    r.set_header("Allow", "GET, HEAD");
    return r;
  }
  return static_files_.serve(req.path);
}

Response App::api(const Request& req) {
  const std::string prefix = "/api/v1";
  if (req.path.rfind(prefix, 0) != 0 || (req.path.size() > prefix.size() && req.path[prefix.size()] != '/'))
    return error_response(404, "not_found", "No such API route.", "The API lives under /api/v1.");
  std::string path = req.path.substr(prefix.size());
  if (path.empty()) path = "/";
  std::vector<std::string> params;
  bool path_known = false;
  const Route* route = router_.match(req.method, path, params, path_known);
  if (!route) {
    if (path_known) return error_response(405, "invalid", "That method is not allowed here.", "See docs/api.md.");
    return error_response(404, "not_found", "No such API route.", "See docs/api.md.");
  }
  bool changes_state = req.method == "POST" || req.method == "PUT" || req.method == "PATCH" || req.method == "DELETE";
  if (changes_state && !auth_.origin_ok(req))
    return error_response(403, "csrf", "Requests from another origin are refused.",
                          "Use CloudPeek from its own address.");
  try {
    Ctx ctx{req, std::move(params), auth_.authenticate(req)};
    if (!route->public_route && !ctx.who)
      return error_response(401, "unauthenticated", "You are not signed in.", "Sign in first.");
    if (changes_state && !auth_.csrf_ok(req, ctx.who))
      return error_response(403, "csrf", "The CSRF token is missing or wrong.",
                            "Reload the page (it fetches a fresh token from GET /api/v1/session).");
    return route->fn(ctx);
  } catch (const store::StoreError& e) {
    using K = store::StoreError::Kind;
    switch (e.kind()) {
      case K::kNotFound: return error_response(404, "not_found", "Not found.", "Check the id.");
      case K::kConflict: return error_response(409, "conflict", e.what(), "");
      case K::kInvalid: return error_response(400, "invalid", e.what(), "Check the request.");
      default:
        log(fmt::format("store error on {} {}: {}", req.method, req.path, e.what()));
        return error_response(500, "internal", "The database could not complete the request.",
                              "Try again; if it persists, see the server log.");
    }
  }
}

}  // namespace cloudpeek::server
