// AWS Organizations routes (docs/api.md "AWS Organizations"): connect an
// organization through an existing provider, discover its accounts, choose
// the members to monitor (each a provider), see each member's role status,
// and get the StackSet / Terraform that create the role. Member credentials
// are obtained by AssumeRole when a scan needs them (the scheduler's
// credential renewer), never shown.
#include "server/app.h"
#include "server/json_response.h"
#include "server/org_connect.h"
#include "server/sso_connect.h"

namespace cloudpeek::server {

namespace {

Response answer(const OrgAnswer& a) { return json_response(a.status, a.body); }

}  // namespace

void App::add_org_routes() {
  // The base provider may itself be renewed through IAM Identity Center.
  org_ = std::make_shared<OrgConnect>(store_, tester_, log_, AwsCallerPtr{}, [sso = sso_](const std::string& id) {
    if (sso) sso->renew_provider(id, false);
  });
  // One renewer for the scheduler: IAM Identity Center's, then the organizations'.
  scheduler_->set_credential_renewer([sso = sso_, org = org_](const std::string& provider_id) {
    if (sso) sso->renew_due(provider_id);
    org->renew_due(provider_id);
  });

  router_.add("GET", "/organizations/settings", [this](Ctx&) { return json_response(200, org_->installation()); });

  router_.add("GET", "/organizations", [this](Ctx&) { return json_response(200, org_->list()); });

  router_.add("POST", "/organizations", [this](Ctx& c) {
    Response err;
    err.status = 0;
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    if (auto bad = org_->check_create(*body)) return answer(*bad);
    return with_aws(c.username(), [this, body = std::move(*body), user = c.username()] {
      return answer(org_->create(body, user));
    });
  });

  router_.add("GET", "/organizations/{id}", [this](Ctx& c) { return answer(org_->get(c.params[0])); });

  router_.add("PATCH", "/organizations/{id}", [this](Ctx& c) {
    std::string id = c.params[0];
    Response err;
    err.status = 0;
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    if (auto bad = org_->check_update(id, *body)) return answer(*bad);
    return with_aws(c.username(), [this, id, body = std::move(*body), user = c.username()] {
      return answer(org_->update(id, body, user));
    });
  });

  router_.add("DELETE", "/organizations/{id}", [this](Ctx& c) { return answer(org_->remove(c.params[0], c.username())); });

  router_.add("POST", "/organizations/{id}/discover", [this](Ctx& c) {
    std::string id = c.params[0];
    return with_aws(c.username(), [this, id, user = c.username()] { return answer(org_->discover(id, user)); });
  });

  router_.add("GET", "/organizations/{id}/templates", [this](Ctx& c) {
    return answer(org_->templates(c.params[0], c.req.query_value("role_name")));
  });
}

}  // namespace cloudpeek::server
