// The IAM analyzer over the latest completed scan of a provider (docs/api.md,
// "IAM"): principals, one principal explained, who can do an action. The
// answers are iam/report.h's, the same as `cloudpeek iam ... --output json`.
//
// The inventory is read from the provider's current resources (what its scans
// published) of the types the analysis reads, and the built analysis is cached
// per (store, provider, latest completed scan): at most two, least recently
// used dropped; a newer completed scan is a new key, so its data is seen. When
// the latest scan did
// not collect IAM, or could not read the account's authorization details, the
// answer is a 409 saying so and what to do: never an empty list that would
// read as "nobody is an administrator".
#include <fmt/format.h>

#include <chrono>
#include <list>
#include <mutex>

#include "iam/report.h"
#include "server/app.h"
#include "server/json_response.h"

namespace cloudpeek::server {

namespace {

namespace report = iam::report;

// The resource types the analysis reads (iam/authorization_data.h).
constexpr std::string_view kTypes[] = {
    iam::inventory_type::kUser,         iam::inventory_type::kRoot,         iam::inventory_type::kGroup,
    iam::inventory_type::kRole,         iam::inventory_type::kPolicy,       iam::inventory_type::kInlinePolicy,
    iam::inventory_type::kSamlProvider, iam::inventory_type::kOidcProvider, iam::inventory_type::kLambdaFunction,
    iam::inventory_type::kEc2Instance,
    // The organization's SCPs and RCPs that apply to the account (collect/organizations.cc),
    // when a scan collected them: the analysis then considers them, else says it did not.
    iam::inventory_type::kServiceControlPolicies, iam::inventory_type::kResourceControlPolicies};

Response ordered_response(const report::ojson& body) {
  Response r;
  r.status = 200;
  r.body = body.dump(-1, ' ', false, report::ojson::error_handler_t::replace);
  r.set_header("Cache-Control", "no-store");
  return r;
}

Resource to_resource(const store::ResourceDetail& d) {
  Resource r;
  r.type = d.resource.type;
  r.arn = d.resource.arn;
  r.account = d.resource.account;
  r.region = d.resource.region;
  r.name = d.resource.name;
  // The service's own id (a role's AROA..., a user's AIDA...: aws:userid) is not a
  // column of the store; AWS's answer has it.
  r.id = d.resource.name;
  for (const char* key : {"RoleId", "UserId", "GroupId", "PolicyId"})
    if (d.raw.is_object() && d.raw.contains(key) && d.raw[key].is_string()) {
      r.id = d.raw[key].get<std::string>();
      break;
    }
  r.tags = d.resource.tags;
  r.props = d.props.is_object() ? d.props : json::object();
  r.missing = d.missing;
  r.raw = d.raw.is_null() ? json::object() : d.raw;
  return r;
}

// One provider's IAM, analysed: shared by the requests about the same scan
// (read-only, but for who-can's resource policies, which AuthorizationData
// keeps: `keep_mu` serializes them).
struct Analysis {
  store::Scan scan;
  Inventory inventory;
  std::optional<iam::AuthorizationData> data;
  std::unique_ptr<iam::Graph> graph;  // points into data: an Analysis never moves (held by shared_ptr)
  std::mutex keep_mu;
};

// The built analyses, by (store, provider, scan id), most recently used first.
struct AnalysisCache {
  struct Entry {
    const store::Store* db = nullptr;
    std::string provider, scan;
    std::shared_ptr<Analysis> analysis;
  };
  static constexpr std::size_t kEntries = 2;
  std::mutex mu;
  std::list<Entry> entries;
  std::size_t builds = 0;
};

AnalysisCache& cache() {
  static AnalysisCache c;
  return c;
}

// The provider the request names, or the only one there is.
std::optional<std::string> provider_of(store::Store& db, const Request& req, Response& err) {
  auto pid = req.query_value("provider_id");
  if (!pid.empty()) {
    if (!db.get_provider(pid)) {
      err = error_response(404, "not_found", "No AWS account (provider) has the id \"" + pid.substr(0, 100) + "\".",
                           "Pick one of GET /api/v1/providers.", "provider_id");
      return std::nullopt;
    }
    return pid;
  }
  auto providers = db.list_providers();
  if (providers.size() == 1) return providers.front().id;
  err = error_response(400, "invalid",
                       providers.empty() ? "No AWS account is connected yet."
                                         : fmt::format("provider_id is required: {} AWS accounts are connected.",
                                                       providers.size()),
                       providers.empty() ? "Connect one on /settings/provider and scan it."
                                         : "Name one with ?provider_id= (GET /api/v1/providers lists them).",
                       "provider_id");
  return std::nullopt;
}

Response not_collected(const std::string& message, const std::string& advice) {
  return error_response(409, "iam_not_collected", message, advice);
}

// The latest completed scan's IAM, or the 409 / 4xx that says why there is none.
std::shared_ptr<Analysis> load(store::Store& db, const Request& req, Response& err) {
  auto pid = provider_of(db, req, err);
  if (!pid) return nullptr;
  std::optional<store::Scan> latest;
  store::PageRequest page{1, 100};
  auto scans = db.list_scans(*pid, page);
  for (const auto& s : scans.items)
    if (s.status == store::ScanStatus::kSucceeded || s.status == store::ScanStatus::kPartial) {
      latest = s;
      break;
    }
  if (!latest) {
    err = not_collected("This AWS account has no completed scan yet, so its IAM has not been analysed.",
                        "Run a scan (Scans page, or POST /api/v1/scans) and come back when it has finished.");
    return nullptr;
  }
  std::string when = latest->finished_at ? store::format_time(*latest->finished_at) : std::string("?");
  const auto& svc = latest->services;
  if (!svc.empty() && std::find(svc.begin(), svc.end(), "iam") == svc.end()) {
    err = not_collected(fmt::format("The latest completed scan ({}, finished {}) did not include IAM (services: {}).",
                                    latest->id, when, report::join(svc)),
                        "Run a scan that includes the iam service (all services do).");
    return nullptr;
  }
  for (const auto& g : latest->gaps) {
    bool roles = std::find(g.resource_types.begin(), g.resource_types.end(), std::string(iam::inventory_type::kRole)) !=
                 g.resource_types.end();
    if (g.action == "iam:GetAccountAuthorizationDetails" || roles) {
      err = not_collected(fmt::format("The latest completed scan ({}, finished {}) could not read the account's IAM "
                                      "authorization details: {}.",
                                      latest->id, when, g.reason()),
                          "Give the scanning credentials iam:GetAccountAuthorizationDetails (in the SecurityAudit "
                          "policy) and scan again.");
      return nullptr;
    }
  }

  // Built already for this scan? Built under the lock: concurrent requests wait for one build.
  AnalysisCache& c = cache();
  std::lock_guard lock(c.mu);
  for (auto it = c.entries.begin(); it != c.entries.end(); ++it)
    if (it->db == &db && it->provider == *pid && it->scan == latest->id) {
      c.entries.splice(c.entries.begin(), c.entries, it);
      return it->analysis;
    }

  auto owned = std::make_shared<Analysis>();
  Analysis& a = *owned;
  a.scan = *latest;
  if (latest->identity.is_object()) a.inventory.account = latest->identity.value("account", "");
  for (const auto& g : latest->gaps) a.inventory.add_gap(g);
  auto add_rows = [&](store::ResourceFilter f, const std::function<bool(const store::ResourceRow&)>& keep) {
    store::PageRequest p{1, kMaxPageSize};
    for (;;) {
      auto rows = db.list_resources(f, p);
      for (const auto& row : rows.items) {
        if (!keep(row)) continue;
        if (auto d = db.get_resource(row.id)) a.inventory.add(to_resource(*d));
      }
      if (p.page * p.page_size >= rows.total || rows.items.empty()) break;
      ++p.page;
    }
  };
  for (std::string_view t : kTypes) {
    store::ResourceFilter f;
    f.provider_id = *pid;
    f.type = std::string(t);
    add_rows(f, [](const store::ResourceRow&) { return true; });
  }
  if (a.inventory.of_type(iam::inventory_type::kRole).empty() && a.inventory.of_type(iam::inventory_type::kUser).empty()) {
    err = not_collected(fmt::format("The latest completed scan ({}, finished {}) holds no IAM user or role.", latest->id,
                                    when),
                        "Scan again with the iam service and credentials allowed iam:GetAccountAuthorizationDetails "
                        "(the SecurityAudit policy).");
    return nullptr;
  }
  if (a.inventory.account.empty()) a.inventory.account = a.inventory.of_type(iam::inventory_type::kRole).empty()
                                                             ? a.inventory.of_type(iam::inventory_type::kUser)[0].account
                                                             : a.inventory.of_type(iam::inventory_type::kRole)[0].account;
  a.data.emplace(iam::AuthorizationData::build(a.inventory));
  a.graph = iam::Graph::build(*a.data);
  ++c.builds;
  c.entries.push_front({&db, *pid, latest->id, owned});
  if (c.entries.size() > AnalysisCache::kEntries) c.entries.pop_back();
  return owned;
}

// who-can on a resource the analysis did not read (an S3 bucket, a KMS key):
// that resource, for its resource-based policy (an S3 object: its bucket).
Inventory resource_of(store::Store& db, const Analysis& a, const std::string& resource) {
  Inventory out;
  if (resource.empty() || resource == "*") return out;
  std::string arn = resource;
  if (arn.starts_with("arn:aws:s3:::") && arn.find('/') != std::string::npos) arn = arn.substr(0, arn.find('/'));
  if (a.inventory.find_arn(arn)) return out;
  store::ResourceFilter f;
  f.provider_id = a.scan.provider_id;
  f.q = arn.substr(0, 200);
  store::PageRequest p{1, kMaxPageSize};
  for (const auto& row : db.list_resources(f, p).items)
    if (row.arn == arn)
      if (auto d = db.get_resource(row.id)) out.add(to_resource(*d));
  return out;
}

report::ojson scan_ref(const Analysis& a) {
  report::ojson s;
  s["id"] = a.scan.id;
  s["status"] = to_string(a.scan.status);
  s["finished_at"] = a.scan.finished_at ? report::ojson(store::format_time(*a.scan.finished_at)) : report::ojson(nullptr);
  return s;
}

}  // namespace

// How many analyses /iam built since the program started (server/api_iam_test).
std::size_t iam_api_analysis_builds() {
  std::lock_guard lock(cache().mu);
  return cache().builds;
}

void App::add_iam_routes() {
  router_.add("GET", "/iam/principals", [this](Ctx& c) {
    Response err;
    auto a = load(store_, c.req, err);
    if (!a) return err;
    report::ojson j;
    j["provider_id"] = a->scan.provider_id;
    j["account"] = a->data->account();
    j["scan"] = scan_ref(*a);
    j["principals"] = report::principal_summaries_json(a->inventory, *a->graph);
    j["identity_providers"] = report::identity_providers_json(*a->graph);
    j["notes"] = report::notes_of(*a->data);
    j["warnings"] = a->data->warnings();
    return ordered_response(j);
  });

  router_.add("GET", "/iam/principals/{id}", [this](Ctx& c) {
    Response err;
    auto a = load(store_, c.req, err);
    if (!a) return err;
    const std::string& wanted = c.params[0];
    auto r = report::resolve_principal(*a->data, wanted);
    if (!r.node || !a->data->node(*r.node).internal)
      return error_response(404, "not_found", r.node ? "\"" + wanted + "\" is not a principal of this account." : r.error,
                            "Principals are named user:NAME, role:NAME or root (GET /api/v1/iam/principals lists them).");
    std::size_t i = *r.node;
    auto x = report::explain(*a->graph, i);
    // One that can give itself everything: show that step as its path (the CLI
    // says it in the admin line; the page draws it).
    if (x.admin.level == iam::AdminLevel::kGrantsItself && x.paths.empty()) x.paths = iam::paths(*a->graph, i, iam::kAdmin, 5);
    report::ojson j = report::explanation_json(*a->graph, x);
    report::ojson out;
    out["id"] = report::page_id(a->data->node(i));
    out["provider_id"] = a->scan.provider_id;
    out["account"] = a->data->account();
    out["scan"] = scan_ref(*a);
    for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = it.value();
    out["effective_permissions"] = report::effective_permissions_json(*a->graph, i);
    return ordered_response(out);
  });

  router_.add("GET", "/iam/who-can", [this](Ctx& c) {
    std::string action = c.req.query_value("action");
    std::string resource = c.req.query_value("resource", "*");
    if (resource.empty()) resource = "*";
    if (action.empty())
      return error_response(400, "invalid", "action is required: which action to ask about.",
                            "e.g. ?action=iam:PassRole or ?action=s3:GetObject&resource=arn:aws:s3:::bucket/key",
                            "action");
    if (action.size() > 200) action.resize(200);
    if (auto why = report::action_error(action)) return error_response(400, "invalid", *why, "Fix the action name.", "action");
    if (resource != "*" && !resource.starts_with("arn:"))
      return error_response(400, "invalid", "resource must be an ARN (arn:aws:...) or *: \"" + resource.substr(0, 200) + "\".",
                            "e.g. arn:aws:s3:::my-bucket/* or arn:aws:iam::111122223333:role/Admin", "resource");
    Response err;
    auto a = load(store_, c.req, err);
    if (!a) return err;
    Inventory extra = resource_of(store_, *a, resource);
    std::lock_guard keep(a->keep_mu);  // the resource's policy is kept in the shared AuthorizationData
    auto answer = report::answer_who_can(extra.size() == 0 ? a->inventory : extra, *a->data, *a->graph, action, resource);
    report::ojson j = report::who_can_json(*a->graph, answer);
    j["provider_id"] = a->scan.provider_id;
    j["scan"] = scan_ref(*a);
    return ordered_response(j);
  });
}

}  // namespace cloudpeek::server
