#include "server/org_connect.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "aws/credentials/client_caller.h"
#include "aws/credentials/refreshing_provider.h"
#include "aws/credentials/static_provider.h"
#include "scan/organization.h"
#include "scan/organization_templates.h"
#include "server/scheduler.h"
#include "server/sso_connect.h"

namespace cloudpeek::server {

using nlohmann::json;

namespace {

// A renewal that failed is not retried on the ticks sooner than this.
constexpr std::chrono::seconds kRetryAfter{300};
// Organizations not discovered for this long are discovered again on a tick.
constexpr std::chrono::hours kRediscoverEvery{24};
// The inert credentials of a member whose role does not work (see org_connect.h).
constexpr const char* kNoRoleKeyId = "NO-ROLE-ORG-MEMBER";

store::Time to_store(Clock::time_point t) { return std::chrono::time_point_cast<std::chrono::seconds>(t); }

json error_body(const std::string& code, const std::string& message, const std::string& advice,
                const std::string& field = "") {
  return {{"error", {{"code", code}, {"message", message}, {"advice", advice},
                     {"field", field.empty() ? json(nullptr) : json(field)}}}};
}

json aws_error_body(const Error& e, const std::string& code) {
  json b = error_body(code, e.message, e.advice);
  b["error"]["kind"] = std::string(to_string(e.kind));
  if (!e.code.empty()) b["error"]["aws_code"] = e.code;
  return b;
}

json opt_time(const std::optional<store::Time>& t) { return t ? json(store::format_time(*t)) : json(nullptr); }

std::string str(const json& j, const char* k) {
  return j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
}

bool account_id_ok(const std::string& a) {
  return a.size() == 12 && std::all_of(a.begin(), a.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "missing" (AssumeRole refused), "suspended", "base", "error" or "ok".
std::string role_status_of(scan::MemberStatus s) {
  switch (s) {
    case scan::MemberStatus::kOk: return "ok";
    case scan::MemberStatus::kRoleDenied: return "missing";
    case scan::MemberStatus::kSuspended: return "suspended";
    case scan::MemberStatus::kCallerAccount: return "base";
    case scan::MemberStatus::kError: return "error";
  }
  return "error";
}

// role_message holds AWS's reason, then (after a newline) what to do.
std::pair<std::string, std::string> split_message(const std::string& m) {
  auto nl = m.find('\n');
  if (nl == std::string::npos) return {m, ""};
  return {m.substr(0, nl), m.substr(nl + 1)};
}

store::Credentials no_role_credentials() {
  store::Credentials c;
  c.access_key_id = kNoRoleKeyId;
  c.secret_access_key = "none";
  c.expires_at = store::now_seconds();
  return c;
}

// The request's "accounts": 12-digit ids (nullopt with `err` set when malformed).
std::optional<std::set<std::string>> account_list(const json& body, json& err) {
  std::set<std::string> out;
  auto it = body.find("accounts");
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array() || it->size() > 5000) {
    err = error_body("invalid", "accounts must be a list of 12-digit AWS account ids.", "", "accounts");
    return std::nullopt;
  }
  for (const auto& a : *it) {
    std::string id = a.is_string() ? a.get<std::string>() : std::string();
    if (!account_id_ok(id)) {
      err = error_body("invalid", "Each of accounts must be a 12-digit AWS account id (got " + a.dump().substr(0, 40) + ").",
                       "Pick accounts from the organization's list.", "accounts");
      return std::nullopt;
    }
    out.insert(id);
  }
  return out;
}

}  // namespace

CredentialsProviderPtr org_scan_credentials(store::Store& store, const std::string& provider_id,
                                            std::function<void(const std::string&)> renew) {
  auto m = store.org_member(provider_id);
  if (!m || m->role_status == "base") return nullptr;
  auto last_renew = std::make_shared<std::pair<std::mutex, Clock::time_point>>();
  auto fetch = [&store, provider_id, renew = std::move(renew), last_renew]() -> Result<Credentials> {
    {
      // At most one renewal a second, however many calls ask.
      std::lock_guard lock(last_renew->first);
      if (renew && Clock::now() - last_renew->second >= std::chrono::seconds(1)) {
        last_renew->second = Clock::now();
        renew(provider_id);
      }
    }
    auto m = store.org_member(provider_id);
    if (!m) return make_error(ErrorKind::kInvalidInput, "The provider is no longer a member of a connected organization.");
    if (m->membership != "active" || m->role_status != "ok") {
      auto [message, advice] = split_message(m->role_message);
      return make_error(ErrorKind::kAccessDenied,
                        m->membership == "left" ? "Account " + m->account_id + " left the organization."
                                                : "Account " + m->account_id + " can no longer be reached: " + message,
                        advice);
    }
    auto stored = store.get_credentials(provider_id);
    if (!stored) return make_error(ErrorKind::kInvalidInput, "The provider has no credentials.");
    if (stored->expires_at && *stored->expires_at <= store::now_seconds())
      return make_error(ErrorKind::kExpiredToken, "The member's role credentials expired and could not be renewed.",
                        "See the server log for why AssumeRole failed.");
    Credentials c;
    c.access_key_id = stored->access_key_id;
    c.secret_access_key = Secret(stored->secret_access_key);
    c.session_token = Secret(stored->session_token);
    if (stored->expires_at) c.expiration = Clock::time_point(stored->expires_at->time_since_epoch());
    c.source = "organization member role";
    return c;
  };
  RefreshWindows w;
  w.scale_to_lifetime = true;
  return std::make_shared<RefreshingProvider>("organization member role credentials", std::move(fetch), NowFn{}, w);
}

CredentialsProviderPtr org_reader_credentials(store::Store& store, const std::string& provider_id,
                                              std::function<void(const std::string&)> renew) {
  auto m = store.org_member(provider_id);
  if (!m || m->role_status == "base") return nullptr;
  auto o = store.get_organization(m->organization_id);
  if (!o || o->base_provider_id.empty()) return nullptr;
  if (auto sso = sso_scan_credentials(store, o->base_provider_id, std::move(renew))) return sso;
  auto stored = store.get_credentials(o->base_provider_id);
  if (!stored) return nullptr;
  std::optional<Clock::time_point> expiration;
  if (stored->expires_at) expiration = Clock::time_point(stored->expires_at->time_since_epoch());
  auto p = StaticProvider::make(stored->access_key_id, Secret(stored->secret_access_key), Secret(stored->session_token),
                                expiration, "the organization's base provider");
  return p ? p.value() : nullptr;
}

OrgConnect::OrgConnect(store::Store& store, std::shared_ptr<CredentialTester> tester, Log log, AwsCallerPtr caller,
                       RenewBase renew_base)
    : store_(store), tester_(std::move(tester)), log_(std::move(log)), caller_(std::move(caller)),
      renew_base_(std::move(renew_base)) {
  if (!caller_) {
    ClientConfig cfg = CredentialTester::client_config();
    caller_ = std::make_shared<ClientCaller>(tester_->transport(), cfg.endpoints, cfg.retry);
  }
}

std::chrono::seconds OrgConnect::margin() {
  if (margin_.count() > 0) return margin_;
  return std::chrono::minutes(reminder_window_minutes(store_) + 5);
}

json OrgConnect::installation() {
  return {{"external_id", store_.organization_external_id()}, {"default_role_name", scan::kDefaultAuditRoleName}};
}

// ---- views ------------------------------------------------------------------------------------

json OrgConnect::org_json(const store::Organization& o) {
  std::map<std::string, store::OrgMember> members;
  for (auto& m : store_.org_members(o.id)) members[m.account_id] = m;
  json accounts = json::array();
  std::set<std::string> listed;
  auto member_json = [&](const store::OrgMember& m) {
    auto [message, advice] = split_message(m.role_message);
    return json{{"provider_id", m.provider_id},
                {"membership", m.membership},
                {"role_status", m.role_status},
                {"role_message", message},
                {"role_advice", advice},
                {"last_probe_at", opt_time(m.last_probe_at)}};
  };
  for (const auto& a : o.accounts) {
    std::string id = str(a, "account_id");
    listed.insert(id);
    json row = {{"account_id", id},
                {"name", str(a, "name")},
                {"email", str(a, "email")},
                {"status", str(a, "status")},
                {"ou_path", str(a, "ou_path")},
                {"management", a.value("management", false)},
                {"in_organization", true}};
    auto it = members.find(id);
    row["member"] = it == members.end() ? json(nullptr) : member_json(it->second);
    accounts.push_back(row);
  }
  // Members whose account left: kept, with their history, and said so.
  for (const auto& [id, m] : members) {
    if (listed.count(id)) continue;
    accounts.push_back({{"account_id", id},
                        {"name", m.account_name},
                        {"email", ""},
                        {"status", "LEFT"},
                        {"ou_path", m.ou_path},
                        {"management", false},
                        {"in_organization", false},
                        {"member", member_json(m)}});
  }
  int ok = 0, gaps = 0, left = 0, monitored = 0;
  for (const auto& [id, m] : members) {
    if (m.membership == "left") {
      ++left;
      continue;
    }
    ++monitored;
    if (m.role_status == "ok" || m.role_status == "base") ++ok;
    else if (m.role_status != "suspended") ++gaps;
  }
  std::string base_label;
  if (!o.base_provider_id.empty())
    if (auto p = store_.get_provider(o.base_provider_id)) base_label = p->label;
  return {{"id", o.id},
          {"label", o.label},
          {"base_provider_id", o.base_provider_id.empty() ? json(nullptr) : json(o.base_provider_id)},
          {"base_provider_label", base_label},
          {"aws_organization_id", o.aws_organization_id},
          {"management_account_id", o.management_account_id},
          {"role_name", o.role_name},
          {"external_id", o.external_id},
          {"monitor", o.monitor_all ? "all" : "chosen"},
          {"last_discovery_at", opt_time(o.last_discovery_at)},
          {"last_discovery_error", o.last_discovery_error.empty() ? json(nullptr) : json(o.last_discovery_error)},
          {"counts", {{"accounts", o.accounts.size()}, {"monitored", monitored}, {"role_ok", ok}, {"role_gaps", gaps},
                      {"left", left}}},
          {"accounts", accounts},
          {"created_by", o.created_by},
          {"created_at", store::format_time(o.created_at)}};
}

json OrgConnect::list() {
  json out = json::array();
  for (const auto& o : store_.list_organizations()) out.push_back(org_json(o));
  return out;
}

OrgAnswer OrgConnect::get(const std::string& id) {
  auto o = store_.get_organization(id);
  if (!o) return {404, error_body("not_found", "No organization has that id.", "See GET /api/v1/organizations.")};
  return {200, org_json(*o)};
}

// ---- create, discover -----------------------------------------------------------------------

Result<OrgConnect::Base> OrgConnect::base_of(const store::Organization& o) {
  if (o.base_provider_id.empty())
    return make_error(ErrorKind::kInvalidInput,
                      "The provider this organization was connected with has been deleted.",
                      "Connect the organization again with the management account's or a delegated "
                      "administrator's provider (the member providers and their history are kept).");
  if (renew_base_) renew_base_(o.base_provider_id);
  auto p = store_.get_provider(o.base_provider_id);
  if (!p) return make_error(ErrorKind::kInvalidInput, "The organization's provider is gone.", "Connect it again.");
  auto stored = store_.get_credentials(p->id);
  if (!stored) return make_error(ErrorKind::kInvalidInput, "The organization's provider has no credentials.", "");
  std::optional<Clock::time_point> exp;
  if (stored->expires_at) exp = Clock::time_point(stored->expires_at->time_since_epoch());
  auto src = StaticProvider::make(stored->access_key_id, Secret(stored->secret_access_key),
                                  Secret(stored->session_token), exp, "provider " + p->label);
  stored.reset();
  if (!src) return src.error();
  if (exp && *exp <= Clock::now()) {
    Error e = make_error(ErrorKind::kExpiredToken,
                         fmt::format("The credentials of \"{}\", which reach the organization, expired at {}.",
                                     p->label, store::format_time(*p->expires_at)),
                         "Renew that provider's credentials (Settings > AWS integration), then discover again.");
    e.code = "ExpiredToken";
    return e;
  }
  return Base{*p, *src};
}

std::optional<OrgAnswer> OrgConnect::check_create(const json& body, CreateRequest* out) {
  if (!body.is_object()) return OrgAnswer{400, error_body("invalid", "The body must be a JSON object.", "")};
  std::string provider_id = str(body, "provider_id");
  if (provider_id.empty() && body.contains("provider_id") && body["provider_id"].is_number_integer())
    provider_id = std::to_string(body["provider_id"].get<long long>());
  auto p = store_.get_provider(provider_id);
  if (!p)
    return OrgAnswer{404, error_body("not_found", "No provider has that id.",
                            "Pick the provider of the management account or of a delegated administrator.",
                            "provider_id")};
  if (auto m = store_.org_member(provider_id); m && m->role_status != "base")
    return OrgAnswer{400, error_body("invalid",
                            "\"" + p->label + "\" is itself a member reached through an organization's role.",
                            "Connect with the management account's or a delegated administrator's own provider.",
                            "provider_id")};
  for (const auto& o : store_.list_organizations())
    if (o.base_provider_id == provider_id)
      return OrgAnswer{409, error_body("conflict", "\"" + p->label + "\" already connects organization \"" + o.label + "\".",
                              "Open that organization and choose Discover now.", "provider_id")};
  scan::MemberAccess access;
  std::string role = str(body, "role_name");
  access.role_name = role.empty() ? scan::kDefaultAuditRoleName : role;
  std::string ext = str(body, "external_id");
  access.external_id = ext.empty() ? store_.organization_external_id() : ext;
  if (auto v = scan::validate(access); !v) {
    const Error& e = v.error();
    bool ext_bad = e.message.find("xternal") != std::string::npos;
    return OrgAnswer{400, error_body("invalid", e.message, e.advice, ext_bad ? "external_id" : "role_name")};
  }
  // A chosen ExternalId must be as hard to guess as the generated one.
  if (!ext.empty() && ext.size() < 16)
    return OrgAnswer{400, error_body("invalid", "An ExternalId you set must be at least 16 characters.",
                            "Leave it empty to use this installation's (random) ExternalId.", "external_id")};
  std::string monitor = str(body, "monitor");
  if (!monitor.empty() && monitor != "all" && monitor != "chosen")
    return OrgAnswer{400, error_body("invalid", "monitor must be \"all\" or \"chosen\".", "", "monitor")};
  json err;
  auto chosen = account_list(body, err);
  if (!chosen) return OrgAnswer{400, err};
  std::string label = str(body, "label");
  if (label.size() > 100) return OrgAnswer{400, error_body("invalid", "A label is at most 100 characters.", "", "label")};
  if (out) *out = CreateRequest{*p, access.role_name, access.external_id, monitor != "chosen", label, *chosen};
  return std::nullopt;
}

OrgAnswer OrgConnect::create(const json& body, const std::string& user) {
  CreateRequest req;
  if (auto bad = check_create(body, &req)) return *bad;
  const std::string& provider_id = req.provider.id;
  const std::string& label = req.label;
  auto* p = &req.provider;
  auto chosen = &req.accounts;
  store::Organization o;
  o.label = label.empty() ? "Organization of " + p->label : label;
  o.base_provider_id = provider_id;
  o.role_name = req.role_name;
  o.external_id = req.external_id;
  o.monitor_all = req.monitor_all;
  o.created_by = user;
  std::lock_guard lock(mu_);
  o = store_.save_organization(o);
  // The first discovery decides: a provider that cannot list the organization leaves nothing behind.
  OrgAnswer a = discover_locked(o, user, true);
  if (a.status >= 400) {
    store_.delete_organization(o.id);
    return a;
  }
  if (chosen->empty()) {
    a.status = 201;
    return a;
  }
  add_accounts_locked(*store_.get_organization(o.id), *chosen, user);
  a = discover_locked(*store_.get_organization(o.id), user, false);
  a.status = a.status == 200 ? 201 : a.status;
  return a;
}

std::string OrgConnect::add_member(const store::Organization& o, const json& a, const std::string& user) {
  std::string id = str(a, "account_id"), name = str(a, "name");
  store::NewProvider np;
  np.label = (name.empty() ? id : name) + " (" + id + ")";
  if (auto base = store_.get_provider(o.base_provider_id)) np.schedule_minutes = base->schedule_minutes;
  np.identity = {{"account", id}};
  auto p = store_.create_provider(np, no_role_credentials(), user);
  store::OrgMember m{p.id, o.id, id, name, str(a, "ou_path"), "active", "unknown", "", {}};
  store_.save_org_member(m);
  set_member_identity(m, o);
  if (log_) log_(fmt::format("provider {} \"{}\" added by {} as a member of organization {}", p.id, p.label, user, o.id));
  return p.id;
}

std::vector<std::string> OrgConnect::add_accounts_locked(const store::Organization& o,
                                                         const std::set<std::string>& accounts,
                                                         const std::string& user) {
  std::set<std::string> members;
  for (const auto& m : store_.org_members(o.id)) members.insert(m.account_id);
  std::vector<std::string> added;
  for (const auto& a : o.accounts) {
    std::string id = str(a, "account_id");
    if (!accounts.count(id) || members.count(id) || str(a, "status") != "ACTIVE") continue;
    add_member(o, a, user);
    added.push_back(id);
  }
  return added;
}

void OrgConnect::set_member_identity(const store::OrgMember& m, const store::Organization& o) {
  auto p = store_.get_provider(m.provider_id);
  if (!p) return;
  json identity = p->identity.is_object() ? p->identity : json::object();
  if (!identity.contains("account")) identity["account"] = m.account_id;
  auto [message, advice] = split_message(m.role_message);
  identity["organization"] = {{"organization_id", o.id},
                              {"label", o.label},
                              {"aws_organization_id", o.aws_organization_id},
                              {"account_id", m.account_id},
                              {"account_name", m.account_name},
                              {"ou_path", m.ou_path},
                              {"membership", m.membership},
                              {"role_name", o.role_name},
                              {"role_status", m.role_status},
                              {"role_message", message},
                              {"role_advice", advice}};
  store_.set_provider_identity(m.provider_id, identity);
}

void OrgConnect::apply_reach(const store::Organization& o, store::OrgMember m, const scan::MemberReach& r,
                             const Base& base) {
  m.role_status = role_status_of(r.status);
  m.last_probe_at = store::now_seconds();
  m.role_message = r.status == scan::MemberStatus::kOk ? "" : r.message + (r.advice.empty() ? "" : "\n" + r.advice);
  if (r.status == scan::MemberStatus::kOk) {
    auto c = r.credentials ? r.credentials->get() : Result<Credentials>(make_error(ErrorKind::kInvalidInput, "no credentials"));
    if (!c) {
      m.role_status = "error";
      m.role_message = c.error().message + (c.error().advice.empty() ? "" : "\n" + c.error().advice);
    } else {
      store::Credentials sc;
      sc.access_key_id = c->access_key_id;
      sc.secret_access_key = std::string(c->secret_access_key.reveal());
      sc.session_token = std::string(c->session_token.reveal());
      std::optional<store::Time> end;
      if (c->expiration) end = to_store(*c->expiration);
      // Never later than the credentials that obtain them.
      if (base.provider.expires_at && (!end || *base.provider.expires_at < *end)) end = base.provider.expires_at;
      sc.expires_at = end;
      store_.replace_credentials(m.provider_id, sc, "organization");
      std::fill(sc.secret_access_key.begin(), sc.secret_access_key.end(), '\0');
      std::fill(sc.session_token.begin(), sc.session_token.end(), '\0');
      if (auto p = store_.get_provider(m.provider_id)) {
        json identity = p->identity.is_object() ? p->identity : json::object();
        identity.erase("expired_observed_at");
        identity["account"] = m.account_id;
        if (!r.identity_arn.empty()) identity["arn"] = r.identity_arn;
        identity["principal_type"] = "assumed-role";
        identity["checked_at"] = store::format_time(store::now_seconds());
        store_.set_provider_identity(m.provider_id, identity);
      }
    }
  }
  store_.save_org_member(m);
  set_member_identity(m, o);
}

void OrgConnect::probe_locked(const store::Organization& o, const Base& base, const scan::Organization& org,
                              const std::set<std::string>& only) {
  std::map<std::string, store::OrgMember> members;
  std::vector<std::string> ids;
  for (const auto& m : store_.org_members(o.id)) {
    if (m.membership != "active" || m.role_status == "base" || m.provider_id == base.provider.id) continue;
    if (!only.empty() && !only.count(m.account_id)) continue;
    if (!org.find(m.account_id)) continue;
    members[m.account_id] = m;
    ids.push_back(m.account_id);
  }
  if (ids.empty()) return;
  scan::MemberAccess access;
  access.role_name = o.role_name;
  access.external_id = o.external_id;
  for (const auto& r : scan::probe_members(org, access, base.credentials, caller_, ids, 4)) {
    auto it = members.find(r.account_id);
    if (it != members.end()) apply_reach(o, it->second, r, base);
  }
}

OrgAnswer OrgConnect::discover(const std::string& id, const std::string& user) {
  auto o = store_.get_organization(id);
  if (!o) return {404, error_body("not_found", "No organization has that id.", "See GET /api/v1/organizations.")};
  std::lock_guard lock(mu_);
  return discover_locked(*o, user, false);
}

OrgAnswer OrgConnect::discover_locked(store::Organization o, const std::string& user, bool creating) {
  auto now = store::now_seconds();
  auto failed = [&](const Error& e, unsigned status) -> OrgAnswer {
    o.last_discovery_at = now;
    o.last_discovery_error = e.message + (e.advice.empty() ? "" : " " + e.advice);
    if (!creating) store_.save_organization(o);
    if (log_) log_(fmt::format("organization {}: discovery failed: {}", o.id, e.message));
    return {status, aws_error_body(e, "organization_discovery_failed")};
  };
  auto base = base_of(o);
  if (!base) return failed(base.error(), 409);
  auto org = scan::discover_organization(*caller_, base->credentials);
  if (!org) {
    const Error& e = org.error();
    bool refused = e.kind == ErrorKind::kAccessDenied || e.code == "AWSOrganizationsNotInUseException";
    return failed(e, refused ? 422 : 502);
  }
  o.aws_organization_id = org->id;
  o.management_account_id = org->management_account_id;
  json accounts = json::array();
  for (const auto& a : org->accounts)
    accounts.push_back({{"account_id", a.id}, {"name", a.name}, {"email", a.email}, {"status", a.status},
                        {"ou_path", a.ou_path}, {"joined_method", a.joined_method},
                        {"management", a.management}, {"delegated_services", a.delegated_services}});
  o.accounts = accounts;
  o.last_discovery_at = now;
  o.last_discovery_error.clear();
  o = store_.save_organization(o);

  std::map<std::string, store::OrgMember> members;
  for (const auto& m : store_.org_members(o.id)) members[m.account_id] = m;
  json joined = json::array(), left = json::array(), rejoined = json::array();
  for (size_t i = 0; i < org->accounts.size(); ++i) {
    const auto& a = org->accounts[i];
    auto it = members.find(a.id);
    if (a.id == org->caller_account) {
      // The organization's own provider is the member for its account: no role assumed in itself.
      if (it == members.end() && !store_.org_member(base->provider.id)) {
        store::OrgMember m{base->provider.id, o.id, a.id, a.name, a.ou_path, "active", "base",
                           "Reached with this provider's own credentials.", now};
        store_.save_org_member(m);
        set_member_identity(m, o);
      }
      continue;
    }
    if (it != members.end()) {
      store::OrgMember m = it->second;
      bool back = m.membership == "left";
      m.account_name = a.name;
      m.ou_path = a.ou_path;
      m.membership = "active";
      store_.save_org_member(m);
      set_member_identity(m, o);
      if (back) rejoined.push_back(a.id);
    } else if (o.monitor_all && a.status == "ACTIVE") {
      add_member(o, accounts[i], user);
      joined.push_back(a.id);
    }
  }
  for (auto& [id, m] : members) {
    if (org->find(id) || m.membership == "left") continue;
    m.membership = "left";
    // No longer reached through the organization: its keys go (the history stays), so nothing scans it.
    store_.replace_credentials(m.provider_id, no_role_credentials(), "organization");
    m.role_message = "The account is no longer in organization " + org->id + " (found at the discovery of " +
                     store::format_time(now) + "); its history is kept.\nDelete its provider if it is no longer "
                     "wanted, or connect it on its own.";
    store_.save_org_member(m);
    set_member_identity(m, o);
    left.push_back(id);
  }
  probe_locked(o, *base, *org, {});
  if (log_)
    log_(fmt::format("organization {} ({}) discovered by {}: {} accounts, {} joined, {} left", o.id, org->id, user,
                     org->accounts.size(), joined.size(), left.size()));
  json out = org_json(*store_.get_organization(o.id));
  out["discovery"] = {{"joined", joined}, {"left", left}, {"rejoined", rejoined}};
  return {200, out};
}

// ---- update, remove, templates ----------------------------------------------------------------

std::optional<OrgAnswer> OrgConnect::check_update(const std::string& id, const json& body,
                                                  store::Organization* out, bool* rediscover) {
  if (!body.is_object()) return OrgAnswer{400, error_body("invalid", "The body must be a JSON object.", "")};
  auto o = store_.get_organization(id);
  if (!o) return OrgAnswer{404, error_body("not_found", "No organization has that id.", "See GET /api/v1/organizations.")};
  bool again = false;
  if (body.contains("label")) {
    std::string label = str(body, "label");
    if (label.empty() || label.size() > 100)
      return OrgAnswer{400, error_body("invalid", "label must be 1 to 100 characters.", "", "label")};
    o->label = label;
  }
  if (body.contains("role_name")) {
    scan::MemberAccess access;
    access.role_name = str(body, "role_name");
    access.external_id = o->external_id;
    if (auto v = scan::validate(access); !v)
      return OrgAnswer{400, error_body("invalid", v.error().message, v.error().advice, "role_name")};
    again = again || access.role_name != o->role_name;
    o->role_name = access.role_name;
  }
  if (body.contains("monitor")) {
    std::string monitor = str(body, "monitor");
    if (monitor != "all" && monitor != "chosen")
      return OrgAnswer{400, error_body("invalid", "monitor must be \"all\" or \"chosen\".", "", "monitor")};
    again = again || (monitor == "all" && !o->monitor_all);
    o->monitor_all = monitor == "all";
  }
  json err;
  auto chosen = account_list(body, err);
  if (!chosen) return OrgAnswer{400, err};
  for (const auto& a : *chosen) {
    bool active = false;
    for (const auto& acc : o->accounts)
      if (str(acc, "account_id") == a) active = str(acc, "status") == "ACTIVE";
    if (!active)
      return OrgAnswer{400, error_body("invalid",
                                       "Account " + a + " is not an ACTIVE account of the organization's last discovery.",
                                       "Discover again, then pick from the list.", "accounts")};
  }
  if (out) *out = *o;
  if (rediscover) *rediscover = again;
  return std::nullopt;
}

OrgAnswer OrgConnect::update(const std::string& id, const json& body, const std::string& user) {
  std::lock_guard lock(mu_);
  store::Organization o;
  bool rediscover = false;
  if (auto bad = check_update(id, body, &o, &rediscover)) return *bad;
  json err;
  auto chosen = account_list(body, err);
  auto saved = store_.save_organization(o);
  auto added = add_accounts_locked(saved, *chosen, user);
  if (!rediscover && added.empty()) return {200, org_json(saved)};
  auto a = discover_locked(saved, user, false);
  if (a.status == 200) a.body["added"] = added;
  return a;
}

OrgAnswer OrgConnect::remove(const std::string& id, const std::string& user) {
  std::lock_guard lock(mu_);
  auto o = store_.get_organization(id);
  if (!o) return {404, error_body("not_found", "No organization has that id.", "")};
  auto members = store_.org_members(id);
  store_.delete_organization(id);
  for (const auto& m : members) {
    if (auto p = store_.get_provider(m.provider_id); p && p->identity.is_object()) {
      json identity = p->identity;
      identity.erase("organization");
      store_.set_provider_identity(m.provider_id, identity);
    }
  }
  if (log_) log_(fmt::format("organization {} disconnected by {} ({} member providers kept)", id, user, members.size()));
  return {200, {{"deleted", id}, {"kept_providers", members.size()}}};
}

OrgAnswer OrgConnect::templates(const std::string& id, const std::string& role_name) {
  auto o = store_.get_organization(id);
  if (!o) return {404, error_body("not_found", "No organization has that id.", "")};
  std::string trusted;
  if (auto p = store_.get_provider(o->base_provider_id); p && p->identity.is_object())
    trusted = p->identity.value("account", "");
  if (trusted.empty()) trusted = o->management_account_id;
  if (trusted.empty())
    return {409, error_body("conflict", "The account to trust is not known yet.", "Discover the organization first.")};
  scan::MemberRoleTemplate in{trusted, role_name.empty() ? o->role_name : role_name, o->external_id};
  auto cfn = scan::member_role_template(in, scan::TemplateFormat::kCloudFormation);
  if (!cfn) return {400, error_body("invalid", cfn.error().message, cfn.error().advice, "role_name")};
  auto tf = scan::member_role_template(in, scan::TemplateFormat::kTerraform);
  if (!tf) return {400, error_body("invalid", tf.error().message, tf.error().advice, "role_name")};
  return {200, {{"role_name", in.role_name},
                {"external_id", in.external_id},
                {"trusted_account", trusted},
                {"stackset_yaml", *cfn},
                {"stackset_filename", in.role_name + "-stackset.yaml"},
                {"terraform", *tf},
                {"terraform_filename", in.role_name + ".tf"}}};
}

// ---- renewal ----------------------------------------------------------------------------------

std::optional<Error> OrgConnect::renew_provider(const std::string& provider_id, bool force) {
  auto m = store_.org_member(provider_id);
  if (!m || m->membership != "active" || m->role_status == "base") return std::nullopt;
  std::lock_guard lock(mu_);
  auto p = store_.get_provider(provider_id);
  if (!p) return std::nullopt;
  if (m->role_status == "suspended")
    return make_error(ErrorKind::kInvalidInput, split_message(m->role_message).first, split_message(m->role_message).second);
  auto now = Clock::now();
  bool due = force || m->role_status != "ok" || !p->expires_at || expired_observed(*p) ||
             Clock::time_point(p->expires_at->time_since_epoch()) - now < margin();
  if (!due) return std::nullopt;
  auto o = store_.get_organization(m->organization_id);
  if (!o) return std::nullopt;
  auto base = base_of(*o);
  if (!base) {
    m->role_status = "error";
    m->role_message = base.error().message + (base.error().advice.empty() ? "" : "\n" + base.error().advice);
    m->last_probe_at = store::now_seconds();
    store_.save_org_member(*m);
    set_member_identity(*m, *o);
    return base.error();
  }
  scan::Organization org;
  org.id = o->aws_organization_id;
  org.management_account_id = o->management_account_id;
  org.caller_account = base->provider.identity.is_object() ? base->provider.identity.value("account", "") : "";
  scan::OrganizationAccount acc;
  acc.id = m->account_id;
  acc.name = m->account_name;
  acc.status = "ACTIVE";
  acc.ou_path = m->ou_path;
  org.accounts.push_back(acc);
  probe_locked(*o, *base, org, {m->account_id});
  auto after = store_.org_member(provider_id);
  if (after && after->role_status == "ok") {
    if (log_) log_(fmt::format("provider {}: member credentials obtained by AssumeRole into {}", provider_id, o->role_name));
    return std::nullopt;
  }
  auto [message, advice] = split_message(after ? after->role_message : std::string("The member could not be reached."));
  if (log_) log_(fmt::format("provider {}: AssumeRole into {} failed: {}", provider_id, o->role_name, message));
  Error e = make_error(ErrorKind::kAccessDenied, message, advice);
  return e;
}

void OrgConnect::renew_due(const std::string& provider_id) {
  try {
    if (!provider_id.empty()) {
      renew_provider(provider_id, false);
      return;
    }
    auto now = store::now_seconds();
    for (const auto& o : store_.list_organizations()) {
      if (o.base_provider_id.empty()) continue;
      if (o.last_discovery_at && now - *o.last_discovery_at < kRediscoverEvery) continue;
      std::lock_guard lock(mu_);
      discover_locked(o, "scheduler", false);
    }
    for (const auto& m : store_.org_members("")) {
      if (m.membership != "active" || m.role_status != "ok") continue;
      {
        std::lock_guard lock(mu_);
        auto it = last_attempt_.find(m.provider_id);
        if (it != last_attempt_.end() && std::chrono::steady_clock::now() - it->second < kRetryAfter) continue;
      }
      if (renew_provider(m.provider_id, false)) {
        std::lock_guard lock(mu_);
        last_attempt_[m.provider_id] = std::chrono::steady_clock::now();
      }
    }
  } catch (const std::exception& e) {
    if (log_) log_(fmt::format("organization renewal: {}", e.what()));
  }
}

}  // namespace cloudpeek::server
