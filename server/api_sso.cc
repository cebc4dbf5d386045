// IAM Identity Center routes (docs/api.md "IAM Identity Center"): the device
// sign-in, the session's accounts and permission sets, providers made from
// them. Tokens and client secrets stay in the store, sealed: no answer, log
// line or error carries them.
#include <fmt/format.h>

#include "server/app.h"
#include "server/json_response.h"
#include "server/sso_connect.h"

namespace cloudpeek::server {

namespace {

Response answer(const SsoAnswer& a) { return json_response(a.status, a.body); }

}  // namespace

void App::add_sso_routes() {
  sso_ = std::make_shared<SsoConnect>(store_, tester_, webhook_.get(), log_);
  scheduler_->set_credential_renewer([sso = sso_](const std::string& provider_id) { sso->renew_due(provider_id); });

  router_.add("POST", "/sso/start", [this](Ctx& c) {
    Response err;
    err.status = 0;
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    auto str = [&](const char* k) {
      auto it = body->find(k);
      return it != body->end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    std::string url = str("start_url"), region = str("region");
    return with_aws(c.username(), [this, url, region, user = c.username()] { return answer(sso_->start(url, region, user)); });
  });

  router_.add("POST", "/sso/flows/{id}/poll", [this](Ctx& c) {
    std::string id = c.params[0];
    return with_aws(c.username(), [this, id, user = c.username()] { return answer(sso_->poll(id, user)); });
  });

  router_.add("GET", "/sso/sessions", [this](Ctx&) { return json_response(200, sso_->sessions()); });

  router_.add("GET", "/sso/sessions/{id}/accounts", [this](Ctx& c) {
    std::string id = c.params[0];
    return with_aws(c.username(), [this, id] { return answer(sso_->accounts(id)); });
  });

  // Sign out: scans running through the session are stopped (what they
  // collected is kept as an interrupted scan); nothing can renew them.
  router_.add("POST", "/sso/sessions/{id}/sign-out", [this](Ctx& c) {
    std::string id = c.params[0];
    for (const auto& pid : sso_->session_providers(id))
      if (auto active = store_.active_scan(pid)) scheduler_->cancel(active->id, c.username());
    return answer(sso_->sign_out(id, c.username()));
  });

  router_.add("DELETE", "/sso/sessions/{id}", [this](Ctx& c) {
    std::string id = c.params[0];
    std::string choice = c.req.query_value("providers");
    bool running = false;
    if (choice == "delete" || choice == "keep")
      for (const auto& pid : sso_->session_providers(id))
        if (auto active = store_.active_scan(pid)) {
          scheduler_->cancel(active->id, c.username());
          running = true;
        }
    if (running && choice == "delete")
      return error_response(409, "conflict", "A scan of an account connected through this sign-in is running; "
                            "it is being cancelled.", "Delete again once it has stopped.");
    return answer(sso_->delete_session(id, choice, c.username()));
  });

  router_.add("POST", "/sso/sessions/{id}/providers", [this](Ctx& c) {
    std::string id = c.params[0];
    Response err;
    err.status = 0;
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    return with_aws(c.username(), [this, id, body = std::move(*body), user = c.username()] {
      return answer(sso_->create_providers(id, body, user));
    });
  });
}

}  // namespace cloudpeek::server
