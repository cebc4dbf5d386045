// Dashboard, inventory, compliance, reminders, settings (docs/api.md).
#include <fmt/format.h>

#include <set>

#include "server/app.h"
#include "server/expiry_estimate.h"
#include "server/compliance_view.h"
#include "server/json_response.h"
#include "server/views.h"

namespace cloudpeek::server {

namespace {
std::optional<std::string> provider_filter(const Request& req) {
  auto v = req.query_value("provider_id");
  return v.empty() ? std::nullopt : std::optional<std::string>(v);
}
}  // namespace

void App::add_view_routes() {
  router_.add("GET", "/dashboard", [this](Ctx& c) {
    auto pid = provider_filter(c.req);
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
                               {"by_severity", by_severity},
                               {"top_failing_checks", top},
                               {"cis_sections", cis_sections_json(controls)},
                               {"open_over_time", over_time},
                               {"last_scan", d.last_scan ? scan_json(*d.last_scan, std::nullopt) : json(nullptr)},
                               {"coverage_gaps", gaps}});
  });

  router_.add("GET", "/compliance", [this](Ctx& c) {
    auto controls = cis_controls(store_.check_summaries(provider_filter(c.req)));
    json list = json::array();
    for (const auto& v : controls)
      list.push_back({{"id", v.id}, {"title", v.title}, {"section", v.section}, {"status", v.status},
                      {"checks", v.checks}, {"reasons", v.reasons}});
    return json_response(200, {{"framework", "CIS AWS Foundations Benchmark v3.0.0"},
                               {"sections", cis_sections_json(controls)},
                               {"controls", list}});
  });

  router_.add("GET", "/inventory/summary", [this](Ctx& c) {
    json out = json::array();
    for (const auto& i : store_.inventory_summary(provider_filter(c.req)))
      out.push_back({{"service", i.service}, {"type", i.type}, {"region", i.region}, {"count", i.count}});
    return json_response(200, out);
  });

  router_.add("GET", "/resources", [this](Ctx& c) {
    store::ResourceFilter f;
    f.provider_id = provider_filter(c.req);
    if (auto v = c.req.query_value("service"); !v.empty()) f.service = v;
    if (auto v = c.req.query_value("type"); !v.empty()) f.type = v;
    if (auto v = c.req.query_value("region"); !v.empty()) f.region = v;
    f.q = c.req.query_value("q");
    if (f.q.size() > 200) f.q.resize(200);
    Response err;
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
                {"webhook_url", url ? json(*url) : json(nullptr)}};
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
    if (window) store_.put_setting("reminder_window_minutes", std::to_string(*window));
    if (has_url) store_.put_setting("webhook_url", *url);
    log(fmt::format("settings changed by {}", c.username()));
    return json_response(200, settings_json());
  });
}

}  // namespace cloudpeek::server
