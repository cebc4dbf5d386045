#include "server/dashboard_spend.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "server/json_response.h"
#include "server/router.h"
#include "server/views.h"

namespace cloudpeek::server {

using nlohmann::json;

namespace {

constexpr size_t kTopServices = 8;  // the chart's bars; the rest are summed as "Other services"
constexpr const char* kAction = "ce:GetCostAndUsage";

// What to add so CloudPeek may read the spend: SecurityAudit does not grant it.
json how_to_grant() {
  return {{"policy",
           {{"Version", "2012-10-17"},
            {"Statement",
             {{{"Sid", "CloudPeekMonthToDateSpend"}, {"Effect", "Allow"}, {"Action", kAction}, {"Resource", "*"}}}}}},
          {"steps",
           {"Add this statement to the identity CloudPeek uses, beside SecurityAudit: an inline policy of the IAM user "
            "or role, or of the permission set in IAM Identity Center (Permission sets > SecurityAuditor > Inline "
            "policy).",
            "Cost Explorer must be enabled for the account (Billing and Cost Management > Cost Explorer; in an "
            "organization the management account enables it for every member).",
            "Scan again: each scan asks Cost Explorer once (AWS charges USD 0.01 per request)."}}};
}

// The newest published scan of the provider that ran the Cost Explorer
// collector (a full scan, or one that named "ce").
std::optional<store::Scan> newest_spend_scan(store::Store& store, const std::string& pid) {
  for (int64_t page = 1; page <= 5; ++page) {
    auto scans = store.list_scans(pid, {page, 20});
    for (const auto& s : scans.items) {
      if (!s.published) continue;
      if (s.services.empty() || std::find(s.services.begin(), s.services.end(), "ce") != s.services.end()) return s;
    }
    if (page * scans.page_size >= scans.total) break;
  }
  return std::nullopt;
}

// One account's spend: {status: assessed | not_assessed | not_collected, ...}.
json account_spend(store::Store& store, const store::Provider& p) {
  json out = {{"provider_id", p.id}, {"label", p.label}};
  auto scan = newest_spend_scan(store, p.id);
  if (scan) {
    out["scan_id"] = scan->id;
    for (const auto& g : scan->gaps) {
      if (g.service != "ce") continue;
      out["status"] = "not_assessed";
      out["missing_action"] = g.action.empty() ? kAction : g.action;
      out["error_kind"] = g.error_kind;
      out["reason"] = g.reason();
      return out;
    }
  }
  store::ResourceFilter f;
  f.provider_id = p.id;
  f.type = kSpendType;
  auto rows = store.list_resources(f, {1, 1});
  std::optional<store::ResourceDetail> r;
  if (!rows.items.empty()) r = store.get_resource(rows.items[0].id);
  if (!r || !r->props.is_object()) {
    out["status"] = "not_collected";
    out["reason"] = scan ? "The last full scan did not read Cost Explorer (it ended before, or this partition has none)."
                         : "No full scan yet: month-to-date spend is read by a full scan.";
    return out;
  }
  const json& pr = r->props;
  out["status"] = "assessed";
  out["start"] = pr.value("start", "");
  out["end"] = pr.value("end", "");
  out["currency"] = pr.contains("currency") ? pr["currency"] : json(nullptr);
  out["total"] = pr.value("total", 0.0);
  out["estimated"] = pr.value("estimated", false);
  out["services"] = pr.value("services", json::array());
  out["collected_at"] = store::format_time(r->resource.last_seen);
  out["account"] = r->resource.account;
  return out;
}

}  // namespace

json spend_json(store::Store& store, const std::optional<std::string>& provider_id) {
  std::vector<store::Provider> providers;
  if (provider_id) {
    if (auto p = store.get_provider(*provider_id)) providers.push_back(*p);
  } else {
    providers = store.list_providers();
  }
  return spend_json(store, providers);
}

json spend_json(store::Store& store, const std::vector<store::Provider>& providers) {
  std::map<std::string, double> by_service;
  std::set<std::string> currencies;
  json accounts = json::array(), not_assessed = json::array();
  double total = 0;
  int assessed = 0;
  bool estimated = false;
  std::string start, end, collected_at;
  // Two providers of one AWS account (two connections to it) read the same spend: it counts once.
  std::set<std::string> accounts_seen;
  std::vector<std::pair<std::string, json>> unknown;  // (AWS account, its answer)
  for (const auto& p : providers) {
    json a = account_spend(store, p);
    if (a["status"] == "assessed" && !accounts_seen.insert(a.value("account", p.id)).second) continue;
    if (a["status"] == "assessed") {
      ++assessed;
      for (const auto& s : a["services"]) by_service[s.value("service", "")] += s.value("amount", 0.0);
      total += a.value("total", 0.0);
      if (a["currency"].is_string()) currencies.insert(a["currency"].get<std::string>());
      estimated = estimated || a.value("estimated", false);
      // The period shown: the earliest start and latest end among the accounts (they match within a month).
      std::string s = a.value("start", ""), e = a.value("end", ""), c = a.value("collected_at", "");
      if (start.empty() || (!s.empty() && s < start)) start = s;
      if (e > end) end = e;
      if (c > collected_at) collected_at = c;
      accounts.push_back({{"provider_id", p.id}, {"label", p.label}, {"total", a["total"]}, {"currency", a["currency"]}});
    } else {
      std::string account = p.identity.is_object() && p.identity.contains("account") && p.identity["account"].is_string()
                                ? p.identity["account"].get<std::string>()
                                : "provider:" + p.id;
      unknown.emplace_back(account, std::move(a));
    }
  }
  for (auto& [account, a] : unknown)
    if (!accounts_seen.count(account)) not_assessed.push_back(std::move(a));  // another connection read it
  json out;
  out["accounts_assessed"] = assessed;
  out["accounts_not_assessed"] = not_assessed;
  if (assessed == 0) {
    // Nothing to show: say why, never 0.
    bool denied = std::any_of(not_assessed.begin(), not_assessed.end(),
                              [](const json& a) { return a["status"] == "not_assessed"; });
    out["status"] = denied ? "not_assessed" : "not_collected";
    if (denied) {
      out["missing_action"] = kAction;
      for (const auto& a : not_assessed)
        if (a["status"] == "not_assessed") {
          out["missing_action"] = a["missing_action"];
          out["reason"] = a["reason"];
          break;
        }
      out["how_to_grant"] = how_to_grant();
    } else {
      out["reason"] = providers.empty() ? "No account is connected yet."
                                        : not_assessed.empty() ? "" : not_assessed[0].value("reason", "");
    }
    return out;
  }
  if (currencies.size() > 1) {
    // Amounts in different currencies are not added up.
    out["status"] = "not_assessed";
    out["missing_action"] = nullptr;
    out["reason"] = "The accounts report spend in different currencies; choose one account to see its spend.";
    return out;
  }
  out["status"] = not_assessed.empty() ? "assessed" : "partial";
  if (!not_assessed.empty()) out["how_to_grant"] = how_to_grant();
  std::vector<std::pair<std::string, double>> sorted(by_service.begin(), by_service.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  json services = json::array();
  double other = 0;
  size_t others = 0;
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i < kTopServices)
      services.push_back({{"service", sorted[i].first}, {"amount", sorted[i].second}});
    else {
      other += sorted[i].second;
      ++others;
    }
  }
  out["start"] = start;
  out["end"] = end;
  out["currency"] = currencies.empty() ? json(nullptr) : json(*currencies.begin());
  out["total"] = total;
  out["estimated"] = estimated;
  out["collected_at"] = collected_at;
  out["services"] = services;
  out["other"] = {{"services", others}, {"amount", other}};
  out["accounts"] = accounts;
  return out;
}

void add_spend_routes(Router& router, store::Store& store) {
  router.add("GET", "/dashboard/spend", [&store](Ctx& c) {
    Response err;
    auto scope = account_scope(store, c.req, err);
    if (!scope) return err;
    if (scope->ou) return json_response(200, spend_json(store, providers_in(store, *scope)));
    return json_response(200, spend_json(store, scope->provider_id));
  });
}

}  // namespace cloudpeek::server
