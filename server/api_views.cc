// Dashboard, inventory, compliance, reminders, settings (docs/api.md).
#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>

#include "checks/check.h"
#include "checks/cost_registry.h"
#include "server/app.h"
#include "server/expiry_estimate.h"
#include "server/compliance_view.h"
#include "server/json_response.h"
#include "server/views.h"

namespace cloudpeek::server {

namespace {
// Current results per check over the scope's accounts: the store's own sum
// for one account or all of them, else each account's added up.
std::vector<store::CheckSummary> summaries_in(store::Store& store, const AccountScope& scope) {
  if (!scope.ou) return store.check_summaries(scope.provider_id);
  std::map<std::string, store::CheckSummary> by_check;
  for (const auto& p : providers_in(store, scope))
    for (const auto& s : store.check_summaries(p.id)) {
      auto& t = by_check[s.check_id];
      t.check_id = s.check_id;
      t.counts.pass += s.counts.pass;
      t.counts.fail += s.counts.fail;
      t.counts.not_assessed += s.counts.not_assessed;
      t.counts.manual += s.counts.manual;
      if (t.first_not_assessed_detail.empty()) t.first_not_assessed_detail = s.first_not_assessed_detail;
    }
  std::vector<store::CheckSummary> out;
  for (auto& [id, s] : by_check) out.push_back(std::move(s));
  return out;
}

// What the open cost hygiene findings (issue 12 §3) cost per month: their
// estimates summed, with how many are priced and how many have no price for
// their region (shown as such, never counted as zero).
json improvements_cost_json(store::Store& store, const std::optional<std::string>& provider_id) {
  store::FindingFilter f;
  f.provider_id = provider_id;
  f.statuses = {store::FindingStatus::kOpen};
  for (const auto* c : checks::all_checks())
    if (checks::has_monthly_cost(c->meta.id)) f.checks.push_back(c->meta.id);
  double sum = 0;
  int64_t priced = 0, unpriced = 0;
  store.for_each_finding(f, [&](const store::FindingRow& r) {
    if (r.monthly_cost_usd) {
      sum += *r.monthly_cost_usd;
      ++priced;
    } else {
      ++unpriced;
    }
    return true;
  });
  return {{"monthly_usd", sum}, {"findings", priced}, {"unpriced_findings", unpriced}};
}

Response one_account_only(const char* what) {
  return error_response(400, "invalid", fmt::format("{} covers one account or all of them, not an OU.", what),
                        "Use provider_id for one account, or GET /api/v1/accounts?ou=... for an OU's accounts.", "ou");
}
}  // namespace

void App::add_view_routes() {
  add_account_routes(router_, store_);

  router_.add("GET", "/dashboard", [this](Ctx& c) {
    Response err;
    auto scope = account_scope(store_, c.req, err);
    if (!scope) return err;
    if (scope->ou) return one_account_only("The dashboard");
    auto pid = scope->provider_id;
    auto d = store_.dashboard(pid, store::now_seconds());
    json by_severity = json::object();
    int64_t issues = 0, improvements = 0;
    for (auto sev : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInformational}) {
      auto it = d.open_by_severity.find(sev);
      int64_t n = it == d.open_by_severity.end() ? 0 : it->second;
      by_severity[std::string(to_string(sev))] = n;
      (sev >= Severity::kHigh ? issues : improvements) += n;
    }
    json top = json::array();
    for (const auto& t : d.top_failing_checks)
      top.push_back({{"check_id", t.check_id}, {"title", t.title}, {"severity", std::string(to_string(t.severity))},
                     {"count", t.count}});
    json over_time = json::array();
    for (const auto& day : d.open_over_time) over_time.push_back({{"date", day.date}, {"open", day.open}});
    json gaps = json::array();
    if (d.last_scan)
      for (const auto& g : d.last_scan->gaps) gaps.push_back(gap_json(g));
    auto controls = cis_controls(store_.check_summaries(pid));
    return json_response(200, {{"accounts_monitored", d.accounts_monitored},
                               {"services_in_use", d.services_in_use},
                               {"security_issues", issues},
                               {"best_practice_improvements", improvements},
                               {"improvements_monthly_cost", improvements_cost_json(store_, pid)},
                               {"by_severity", by_severity},
                               {"top_failing_checks", top},
                               {"cis_sections", cis_sections_json(controls)},
                               {"open_over_time", over_time},
                               {"last_scan", d.last_scan ? scan_json(*d.last_scan, std::nullopt) : json(nullptr)},
                               {"coverage_gaps", gaps}});
  });

  router_.add("GET", "/compliance", [this](Ctx& c) {
    Response err;
    auto scope = account_scope(store_, c.req, err);
    if (!scope) return err;
    // framework= and format= (json, csv, html): server/compliance_view.h.
    std::string what = scope->ou ? "OU " + *scope->ou : scope->provider_id ? "account " + *scope->provider_id : "all accounts";
    return compliance_answer(c.req, summaries_in(store_, *scope), what);
  });

  router_.add("GET", "/inventory/summary", [this](Ctx& c) {
    Response err;
    auto scope = account_scope(store_, c.req, err);
    if (!scope) return err;
    auto ids = scope_provider_ids(store_, *scope);  // an OU's accounts: one query over them
    auto counts = ids ? store_.inventory_summary(*ids) : store_.inventory_summary(scope->provider_id);
    json out = json::array();
    for (const auto& i : counts)
      out.push_back({{"service", i.service}, {"type", i.type}, {"region", i.region}, {"count", i.count}});
    return json_response(200, out);
  });

  router_.add("GET", "/resources", [this](Ctx& c) {
    Response err;
    auto scope = account_scope(store_, c.req, err);
    if (!scope) return err;
    store::ResourceFilter f;
    f.provider_id = scope->provider_id;
    f.provider_ids = scope_provider_ids(store_, *scope);
    if (auto v = c.req.query_value("service"); !v.empty()) f.service = v;
    if (auto v = c.req.query_value("type"); !v.empty()) f.type = v;
    if (auto v = c.req.query_value("region"); !v.empty()) f.region = v;
    f.q = c.req.query_value("q");
    if (f.q.size() > 200) f.q.resize(200);
    auto page = page_request(c.req, err);
    if (!page) return err;
    return json_response(200, paged_json(store_.list_resources(f, *page), resource_row_json));
  });

  router_.add("GET", "/resources/{id}", [this](Ctx& c) {
    auto r = store_.get_resource(c.params[0]);
    if (!r) return error_response(404, "not_found", "No resource has that id.", "");
    json j = resource_row_json(r->resource);
    j["raw"] = r->raw;
    j["props"] = r->props;
    j["missing"] = r->missing;
    json findings = json::array();
    for (const auto& f : r->findings) findings.push_back(finding_json(f));
    j["findings"] = std::move(findings);
    return json_response(200, j);
  });

  router_.add("GET", "/reminders", [this](Ctx&) {
    auto now = store::now_seconds();
    int window = reminder_window_minutes(store_);
    json out = json::array();
    std::set<std::string> listed;
    for (const auto& p : store_.providers_expiring(now + std::chrono::minutes(window))) {
      if (!p.expires_at) continue;
      listed.insert(p.id);
      out.push_back({{"provider_id", p.id},
                     {"label", p.label},
                     {"state", *p.expires_at <= now || expired_observed(p) ? "expired" : "expiring"},
                     {"expires_at", store::format_time(*p.expires_at)},
                     {"seconds_left", (*p.expires_at - now).count()},
                     {"expires_estimated", expires_estimated(p)},
                     {"steps", renewal_steps(p)}});
      // An organization member without a working role: not an expiry, an unreachable account.
      if (auto h = unreachable_headline(p)) {
        out.back()["reason"] = "organization_member_unreachable";
        out.back()["headline"] = *h;
      }
    }
    // Expired by AWS's word although their expiry was unknown or later.
    for (const auto& p : store_.list_providers()) {
      if (listed.count(p.id) || !expired_observed(p)) continue;
      out.push_back({{"provider_id", p.id},
                     {"label", p.label},
                     {"state", "expired"},
                     {"expires_at", p.expires_at ? json(store::format_time(*p.expires_at)) : json(nullptr)},
                     {"seconds_left", p.expires_at ? json((*p.expires_at - now).count()) : json(0)},
                     {"expires_estimated", expires_estimated(p)},
                     {"steps", renewal_steps(p)}});
    }
    return json_response(200, out);
  });

  auto settings_json = [this] {
    auto url = webhook_url(store_);
    return json{{"reminder_window_minutes", reminder_window_minutes(store_)},
                {"webhook_url", url ? json(*url) : json(nullptr)},
                {"max_concurrent_scans", max_concurrent_scans(store_)}};
  };

  router_.add("GET", "/settings", [settings_json](Ctx&) { return json_response(200, settings_json()); });

  router_.add("PUT", "/settings", [this, settings_json](Ctx& c) {
    Response err;
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    std::optional<int> window;
    if (auto it = body->find("reminder_window_minutes"); it != body->end() && !it->is_null()) {
      if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 24 * 60)
        return error_response(400, "invalid", "reminder_window_minutes must be a whole number from 1 to 1440.", "",
                              "reminder_window_minutes");
      window = it->get<int>();
    }
    std::optional<std::string> url;
    bool has_url = false;
    if (auto it = body->find("webhook_url"); it != body->end()) {
      has_url = true;
      if (it->is_null() || (it->is_string() && it->get<std::string>().empty())) {
        url = "";
      } else if (!it->is_string() || !valid_webhook_url(it->get<std::string>())) {
        return error_response(400, "invalid", "webhook_url must be an http:// or https:// URL.",
                              "Use e.g. https://hooks.example.com/cloudpeek, or null for none.", "webhook_url");
      } else {
        url = it->get<std::string>();
      }
    }
    std::optional<int> concurrent;
    if (auto it = body->find("max_concurrent_scans"); it != body->end() && !it->is_null()) {
      if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > kMaxConcurrentScans)
        return error_response(400, "invalid",
                              fmt::format("max_concurrent_scans must be a whole number from 1 to {}.", kMaxConcurrentScans),
                              "Scans beyond it wait as queued; 4 suits most servers.", "max_concurrent_scans");
      concurrent = it->get<int>();
    }
    if (window) store_.put_setting("reminder_window_minutes", std::to_string(*window));
    if (concurrent) store_.put_setting("max_concurrent_scans", std::to_string(*concurrent));
    if (has_url) store_.put_setting("webhook_url", *url);
    log(fmt::format("settings changed by {}", c.username()));
    if (concurrent) scheduler_->dispatch();
    return json_response(200, settings_json());
  });
}

}  // namespace cloudpeek::server
