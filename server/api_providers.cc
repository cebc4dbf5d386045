// Providers: connected AWS accounts and their credentials (docs/api.md
// "Providers"). Credentials are tested with STS before they are saved; the
// secret and token are never part of an answer or a log line.
#include <fmt/format.h>

#include "aws/core/time_format.h"
#include "server/app.h"
#include "server/expiry_estimate.h"
#include "server/json_response.h"
#include "server/permission_probe.h"
#include "server/sso_connect.h"
#include "server/views.h"
#include "aws/credentials/static_provider.h"

namespace cloudpeek::server {

namespace {

// AWS secret access keys are 40 characters; session tokens of SSO role
// sessions run to about 1.5 KB, of chained or tagged sessions a few KB.
constexpr size_t kMaxSecretLength = 256;
constexpr size_t kMaxSessionTokenLength = 8192;

struct CredentialInput {
  store::Credentials creds;
};

std::optional<std::string> opt_string(const json& b, const char* key, Response& err, const char* field) {
  auto it = b.find(key);
  if (it == b.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    err = error_response(400, "invalid", fmt::format("{} must be a string.", field), "", field);
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

// Reads access_key_id, secret_access_key, session_token?, expires_at?.
std::optional<store::Credentials> read_credentials(const json& b, Response& err) {
  store::Credentials c;
  err.status = 0;
  auto key = opt_string(b, "access_key_id", err, "access_key_id");
  if (err.status) return std::nullopt;
  auto secret = opt_string(b, "secret_access_key", err, "secret_access_key");
  if (err.status) return std::nullopt;
  auto token = opt_string(b, "session_token", err, "session_token");
  if (err.status) return std::nullopt;
  auto expires = opt_string(b, "expires_at", err, "expires_at");
  if (err.status) return std::nullopt;
  c.access_key_id = trim(key.value_or(""));
  c.secret_access_key = trim(secret.value_or(""));
  c.session_token = trim(token.value_or(""));
  bool key_ok = c.access_key_id.size() >= 16 && c.access_key_id.size() <= 128;
  for (char ch : c.access_key_id) key_ok = key_ok && std::isalnum(static_cast<unsigned char>(ch));
  if (!key_ok) {
    err = error_response(400, "invalid", "The access key id must be 16 to 128 letters and digits (AKIA… or ASIA…).",
                         "Copy it again from the AWS access portal or the IAM console.", "access_key_id");
    return std::nullopt;
  }
  if (c.secret_access_key.empty()) {
    err = error_response(400, "invalid", "The secret access key is missing.",
                         "Paste the secret access key that belongs to this key id.", "secret_access_key");
    return std::nullopt;
  }
  if (c.secret_access_key.size() > kMaxSecretLength) {
    err = error_response(400, "invalid",
                         fmt::format("The secret access key is too long ({} characters; AWS's are 40, CloudPeek "
                                     "takes at most {}).", c.secret_access_key.size(), kMaxSecretLength),
                         "Paste only the secret access key, without the lines around it.", "secret_access_key");
    return std::nullopt;
  }
  if (c.session_token.size() > kMaxSessionTokenLength) {
    err = error_response(400, "invalid",
                         fmt::format("The session token is too long ({} characters; CloudPeek takes at most {}).",
                                     c.session_token.size(), kMaxSessionTokenLength),
                         "Paste only the session token, without the lines around it.", "session_token");
    return std::nullopt;
  }
  if (c.access_key_id.rfind("ASIA", 0) == 0 && c.session_token.empty()) {
    err = error_response(400, "invalid", "Temporary keys (ASIA…) need their session token.",
                         "Paste the AWS_SESSION_TOKEN the access portal shows with them.", "session_token");
    return std::nullopt;
  }
  if (expires && !expires->empty()) {
    auto t = parse_iso8601(*expires);
    if (!t) {
      err = error_response(400, "invalid", "expires_at is not an RFC 3339 time.", "Use e.g. 2026-11-30T07:00:00Z.",
                           "expires_at");
      return std::nullopt;
    }
    c.expires_at = std::chrono::time_point_cast<std::chrono::seconds>(*t);
  }
  return c;
}

json test_error_json(const CredentialTestResult& t) {
  return {{"code", "credentials_invalid"},
          {"kind", std::string(to_string(t.error.kind))},
          {"message", t.error.message},
          {"advice", t.error.advice},
          {"field", t.field.empty() ? json(nullptr) : json(t.field)}};
}

// A known expiry in the past is refused before asking AWS.
std::optional<CredentialTestResult> locally_expired(const store::Credentials& c) {
  if (!c.expires_at || *c.expires_at > store::now_seconds()) return std::nullopt;
  CredentialTestResult t;
  t.error = make_error(ErrorKind::kExpiredToken,
                       fmt::format("These credentials expired at {}.", store::format_time(*c.expires_at)),
                       "Get fresh credentials from your AWS access portal and paste them.");
  t.field = "expires_at";
  return t;
}

Response rejected(const CredentialTestResult& t) {
  json e = test_error_json(t);
  return json_response(422, {{"error", e}});
}

int schedule_from(const json& b, Response& err) {
  err.status = 0;
  auto it = b.find("schedule_minutes");
  if (it == b.end() || it->is_null()) return -1;
  if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 7 * 24 * 60) {
    err = error_response(400, "invalid", "schedule_minutes must be a whole number from 0 (on demand) to 10080.", "",
                         "schedule_minutes");
    return -1;
  }
  int m = it->get<int>();
  if (m > 0 && m < 5) {
    err = error_response(400, "invalid", "Scheduled scans run at most every 5 minutes.", "", "schedule_minutes");
    return -1;
  }
  return m;
}

// "session_hours": how long the user's temporary session lasts, 1 to 12; -1 when absent.
int session_hours_from(const json& b, Response& err) {
  err.status = 0;
  auto it = b.find("session_hours");
  if (it == b.end() || it->is_null()) return -1;
  if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 12) {
    err = error_response(400, "invalid", "session_hours must be a whole number of hours from 1 to 12.",
                         "Pick the session length your access portal shows (1 to 12 hours).", "session_hours");
    return -1;
  }
  return it->get<int>();
}

// Temporary credentials whose expiry nobody gave.
bool needs_estimate(const store::Credentials& c) { return !c.session_token.empty() && !c.expires_at; }

}  // namespace

// The latest these temporary credentials can end (server/expiry_estimate.h).
ExpiryEstimate App::estimate(const store::Credentials& creds, const CallerIdentity& identity, int session_hours) {
  std::string role = role_name_of(identity);
  auto max = role.empty() ? std::nullopt : tester_->role_max_session(to_aws(creds), role);
  return estimate_expiry(identity, max, session_hours > 0 ? std::optional<int>(session_hours) : std::nullopt,
                         store::now_seconds());
}

// The answer to "Test connection": the identity, or the diagnosis beside its
// field. A test of a saved provider is audited and refreshes its identity.
Response App::test_answer(const CredentialTestResult& result, const std::string& provider_id,
                          const store::Credentials& creds, const std::string& user) {
  if (!provider_id.empty()) {
    store_.add_audit(provider_id, user, "tested");
    if (!result.ok && result.error.kind == ErrorKind::kExpiredToken && result.field != "expires_at")
      mark_expired_observed(store_, provider_id);
  }
  auto now = store::now_seconds();
  json out;
  if (!result.ok) {
    out = {{"ok", false}, {"error", test_error_json(result)}};
  } else {
    json identity = identity_json(result.identity, store::format_time(now));
    if (!provider_id.empty()) {
      if (auto p = store_.get_provider(provider_id)) {
        keep_estimate(p->identity, identity);
        // A provider renewed through IAM Identity Center stays one (its renewal steps are a new sign-in).
        if (p->identity.is_object() && p->identity.contains("sso")) identity["sso"] = p->identity["sso"];
        // So does an organization's member or base provider: its OU path, role status and renewal steps
        // come from discovery (server/org_connect.h), which a test of its keys must not wipe.
        if (p->identity.is_object() && p->identity.contains("organization"))
          identity["organization"] = p->identity["organization"];
      }
      store_.set_provider_identity(provider_id, identity);
    }
    out = {{"ok", true}, {"identity", identity}, {"expires_at", time_json(creds.expires_at)}};
    out["seconds_left"] = creds.expires_at ? json((*creds.expires_at - now).count()) : json(nullptr);
    // Pasted session keys carry no expiry: say what CloudPeek will assume.
    if (provider_id.empty() && needs_estimate(creds)) out["expiry_estimate"] = estimate(creds, result.identity, -1).to_json();
  }
  return json_response(200, out);
}

Response App::with_aws(const std::string& user, std::function<Response()> work) {
  auto slot = aws_slots_.take(user);
  if (!slot)
    return error_response(429, "busy", "You already have AWS checks running (test connection, permissions probe).",
                          "Wait for them to answer (at most about 15 seconds), then try again.");
  Response r;
  // The slot is given back as soon as the work is done, before the answer is
  // sent: released with the closure instead, a client's next request could
  // arrive first and be told "busy" (seen as a flaky 429 in the SSO tests).
  r.later = [slot = std::move(slot), work = std::move(work)]() mutable {
    Response out = work();
    slot.reset();
    return out;
  };
  return r;
}

void App::add_provider_routes() {
  auto provider_view = [this](const store::Provider& p) {
    auto last = store_.list_scans(p.id, {1, 1});
    std::optional<store::Scan> last_scan;
    if (!last.items.empty()) last_scan = last.items[0];
    json v = provider_json(p, last_scan, store::now_seconds(), reminder_window_minutes(store_));
    if (sso_)
      if (auto sso = sso_->provider_sso_json(p.id)) v["sso"] = *sso;  // the SSO session's end, never a token
    return v;
  };

  router_.add("GET", "/providers", [this, provider_view](Ctx&) {
    json out = json::array();
    for (const auto& p : store_.list_providers()) out.push_back(provider_view(p));
    return json_response(200, out);
  });

  router_.add("POST", "/providers/test", [this](Ctx& c) {
    Response err;
    err.status = 0;  // set by a validation that fails
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    store::Credentials creds;
    std::string provider_id;
    if (auto it = body->find("provider_id"); it != body->end() && !it->is_null()) {
      provider_id = it->is_string() ? it->get<std::string>() : it->dump();
      if (!store_.get_provider(provider_id))
        return error_response(404, "not_found", "No provider has that id.", "", "provider_id");
      auto stored = store_.get_credentials(provider_id);
      if (!stored) return error_response(404, "not_found", "That provider has no credentials.", "", "provider_id");
      creds = std::move(*stored);
    } else {
      auto read = read_credentials(*body, err);
      if (!read) return err;
      creds = std::move(*read);
    }
    if (auto expired = locally_expired(creds)) return test_answer(*expired, provider_id, creds, c.username());
    return with_aws(c.username(), [this, creds = std::move(creds), provider_id, user = c.username()] {
      return test_answer(tester_->test(to_aws(creds)), provider_id, creds, user);
    });
  });

  router_.add("POST", "/providers", [this, provider_view](Ctx& c) {
    Response err;
    err.status = 0;  // set by a validation that fails
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    auto label = opt_string(*body, "label", err, "label");
    if (err.status) return err;
    std::string l = trim(label.value_or(""));
    if (l.empty() || l.size() > 100)
      return error_response(400, "invalid", "Give the account a label of 1 to 100 characters.", "", "label");
    int schedule = schedule_from(*body, err);
    if (err.status) return err;
    int hours = session_hours_from(*body, err);
    if (err.status) return err;
    auto creds = read_credentials(*body, err);
    if (!creds) return err;
    if (auto expired = locally_expired(*creds)) return rejected(*expired);
    return with_aws(c.username(), [this, provider_view, creds = std::move(*creds), l, schedule, hours,
                                   user = c.username()]() mutable {
      auto t = tester_->test(to_aws(creds));
      if (!t.ok) return rejected(t);
      store::NewProvider np;
      np.label = l;
      np.schedule_minutes = std::max(0, schedule);
      np.identity = identity_json(t.identity, store::format_time(store::now_seconds()));
      if (needs_estimate(creds)) {
        ExpiryEstimate e = estimate(creds, t.identity, hours);
        creds.expires_at = e.expires_at;
        np.identity["expiry_estimate"] = e.to_json();
      }
      auto p = store_.create_provider(np, creds, user);
      log(fmt::format("provider {} \"{}\" created by {}", p.id, p.label, user));
      return json_response(201, provider_view(p));
    });
  });

  router_.add("PUT", "/providers/{id}/credentials", [this, provider_view](Ctx& c) {
    const std::string& id = c.params[0];
    if (!store_.get_provider(id)) return error_response(404, "not_found", "No provider has that id.", "");
    Response err;
    err.status = 0;  // set by a validation that fails
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    int hours = session_hours_from(*body, err);
    if (err.status) return err;
    auto creds = read_credentials(*body, err);
    if (!creds) return err;
    if (auto expired = locally_expired(*creds)) return rejected(*expired);
    return with_aws(c.username(), [this, provider_view, creds = std::move(*creds), id, hours,
                                   user = c.username()]() mutable {
      auto t = tester_->test(to_aws(creds));
      if (!t.ok) return rejected(t);
      if (!store_.get_provider(id)) return error_response(404, "not_found", "No provider has that id.", "");
      json identity = identity_json(t.identity, store::format_time(store::now_seconds()));
      if (needs_estimate(creds)) {  // new keys, new estimate; none when their expiry is known
        ExpiryEstimate e = estimate(creds, t.identity, hours);
        creds.expires_at = e.expires_at;
        identity["expiry_estimate"] = e.to_json();
      }
      auto p = store_.replace_credentials(id, creds, user);
      store_.set_provider_identity(id, identity);
      log(fmt::format("provider {} credentials replaced by {}", id, user));
      return json_response(200, provider_view(*store_.get_provider(p.id)));
    });
  });

  router_.add("PATCH", "/providers/{id}", [this, provider_view](Ctx& c) {
    const std::string& id = c.params[0];
    if (!store_.get_provider(id)) return error_response(404, "not_found", "No provider has that id.", "");
    Response err;
    err.status = 0;  // set by a validation that fails
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    store::ProviderPatch patch;
    auto label = opt_string(*body, "label", err, "label");
    if (err.status) return err;
    if (label) {
      std::string l = trim(*label);
      if (l.empty() || l.size() > 100)
        return error_response(400, "invalid", "Give the account a label of 1 to 100 characters.", "", "label");
      patch.label = l;
    }
    int schedule = schedule_from(*body, err);
    if (err.status) return err;
    if (schedule >= 0) patch.schedule_minutes = schedule;
    auto p = store_.update_provider(id, patch, c.username());
    return json_response(200, provider_view(p));
  });

  router_.add("DELETE", "/providers/{id}", [this](Ctx& c) {
    const std::string& id = c.params[0];
    if (!store_.get_provider(id)) return error_response(404, "not_found", "No provider has that id.", "");
    if (auto active = store_.active_scan(id)) {
      scheduler_->cancel(active->id, c.username());
      return error_response(409, "conflict", "A scan of this account is running; it is being cancelled.",
                            "Delete again once it has stopped.");
    }
    store_.delete_provider(id, c.username());
    log(fmt::format("provider {} deleted by {}", id, c.username()));
    return no_content();
  });

  router_.add("POST", "/providers/{id}/probe", [this](Ctx& c) {
    const std::string& id = c.params[0];
    auto p = store_.get_provider(id);
    if (!p) return error_response(404, "not_found", "No provider has that id.", "");
    auto stored = store_.get_credentials(id);
    if (!stored) return error_response(404, "not_found", "That provider has no credentials.", "");
    if ((p->expires_at && *p->expires_at <= store::now_seconds()) || expired_observed(*p)) {
      auto steps = renewal_steps(*p);
      return json_response(409, {{"error", error_json("credentials_expired", "These credentials have expired.",
                                                      steps.empty() ? "" : steps[0])},
                                 {"steps", steps}});
    }
    auto provider = StaticProvider::make(stored->access_key_id, Secret(stored->secret_access_key),
                                         Secret(stored->session_token), std::nullopt, "provider");
    stored.reset();
    if (!provider) return error_response(422, "credentials_invalid", provider.error().message, provider.error().advice);
    std::string account = p->identity.is_object() ? p->identity.value("account", "") : "";
    std::string partition = p->identity.is_object() ? p->identity.value("partition", "aws") : "aws";
    return with_aws(c.username(), [this, id, account, partition, provider = provider.value()] {
      AwsClient client(tester_->client_config(), provider, tester_->transport());
      auto r = probe_permissions(client, account, home_region_for(partition));
      if (!r) {
        if (r.error().kind == ErrorKind::kExpiredToken) mark_expired_observed(store_, id);
        CredentialTestResult t;
        t.error = r.error();
        t.field = field_for(r.error().kind);
        return rejected(t);
      }
      json denied = json::array();
      for (const auto& d : r->denied) denied.push_back({{"action", d.action}, {"service", d.service}});
      return json_response(200, {{"checked", r->checked}, {"denied", denied}, {"errors", r->errors}});
    });
  });

  router_.add("GET", "/providers/{id}/audit", [this](Ctx& c) {
    json out = json::array();
    for (const auto& a : store_.list_audit(c.params[0]))
      out.push_back({{"at", store::format_time(a.at)}, {"user", a.user}, {"action", a.action},
                     {"provider_label", a.provider_label}});
    return json_response(200, out);
  });
}

}  // namespace cloudpeek::server
