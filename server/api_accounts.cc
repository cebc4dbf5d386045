// GET /accounts: every monitored account at a glance (issue 11 §3) — open
// findings by severity, CIS v3 compliance, the last scan, the state of the
// credentials or IAM Identity Center session — worst account first, and CIS
// across the accounts (a control fails when it fails in any of them).
// docs/api.md "Accounts".
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "server/app.h"
#include "server/router.h"
#include "server/compliance_view.h"
#include "server/json_response.h"
#include "server/views.h"

namespace cloudpeek::server {

namespace {

// Which AWS account a provider reaches, by what name, and how: pasted keys, an
// IAM Identity Center link, or an organization's member role.
struct AccountIdentity {
  json account_id = nullptr, account_name = nullptr;
  std::string source = "keys";
  std::optional<std::string> ou;
  std::optional<std::string> membership;  // organization members: "active" or "left"
};

AccountIdentity account_identity(store::Store& store, const store::Provider& p) {
  AccountIdentity a;
  if (p.identity.is_object() && p.identity.contains("account") && p.identity["account"].is_string())
    a.account_id = p.identity["account"];
  if (auto link = store.sso_link(p.id)) {
    a.source = "sso";
    if (!link->account_id.empty()) a.account_id = link->account_id;
    if (!link->account_name.empty()) a.account_name = link->account_name;
  }
  if (auto m = store.org_member(p.id)) {
    a.source = "organization";
    if (!m->account_id.empty()) a.account_id = m->account_id;
    if (!m->account_name.empty()) a.account_name = m->account_name;
    a.membership = m->membership;
  }
  a.ou = provider_ou(store, p);
  return a;
}

// An account in `path` counts in that OU and in each one above it: the picker
// offers "Root/Workloads" (covering Prod and Dev) as well as the OUs accounts sit in.
void count_in_ou(std::map<std::string, int64_t>& ous, std::string path) {
  while (!path.empty()) {
    ++ous[path];
    auto slash = path.rfind('/');
    if (slash == std::string::npos) break;
    path.resize(slash);
  }
}

constexpr Severity kSeverities[] = {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow,
                                    Severity::kInformational};

struct AccountRow {
  store::Provider provider;
  std::map<Severity, int64_t> open;  // open FAILs by severity
  bool assessed = false;             // a scan ran to its end: the counts mean something
  std::optional<int> compliance;     // CIS %, when assessed
  std::vector<ControlView> controls;
  json j;
};

// Passed controls out of those CloudPeek assesses (manual ones aside): a
// control not assessed counts against, never for.
std::optional<int> compliance_percent(const std::vector<ControlView>& controls) {
  int64_t pass = 0, total = 0;
  for (const auto& c : controls) {
    if (c.status == "manual") continue;
    ++total;
    if (c.status == "pass") ++pass;
  }
  if (total == 0) return std::nullopt;
  return static_cast<int>(pass * 100 / total);  // floor: 99.9% is not 100%
}

json compliance_json(const std::vector<ControlView>& controls, std::optional<int> percent) {
  int64_t pass = 0, fail = 0, na = 0, manual = 0;
  for (const auto& c : controls) {
    if (c.status == "pass") ++pass;
    else if (c.status == "fail") ++fail;
    else if (c.status == "manual") ++manual;
    else ++na;
  }
  return {{"percent", percent ? json(*percent) : json(nullptr)},
          {"pass", pass},
          {"fail", fail},
          {"not_assessed", na},
          {"manual", manual}};
}

json last_scan_json(const std::optional<store::Scan>& s) {
  if (!s) return nullptr;
  return {{"id", s->id},
          {"status", store::to_string(s->status)},
          {"reason", s->reason ? json(*s->reason) : json(nullptr)},
          {"created_at", store::format_time(s->created_at)},
          {"started_at", time_json(s->started_at)},
          {"finished_at", time_json(s->finished_at)},
          {"partial", s->status == store::ScanStatus::kPartial},
          {"interrupted", s->status == store::ScanStatus::kInterrupted}};
}

// The worst first: more critical, then high, ... open findings; then the lower
// compliance; accounts never assessed after those that were (nothing is known
// of them, good or bad); then by label.
bool worse(const AccountRow& a, const AccountRow& b) {
  if (a.assessed != b.assessed) return a.assessed;
  for (auto sev : kSeverities) {
    auto na = a.open.count(sev) ? a.open.at(sev) : 0, nb = b.open.count(sev) ? b.open.at(sev) : 0;
    if (na != nb) return na > nb;
  }
  int ca = a.compliance.value_or(101), cb = b.compliance.value_or(101);
  if (ca != cb) return ca < cb;
  return std::tie(a.provider.label, a.provider.id) < std::tie(b.provider.label, b.provider.id);
}

}  // namespace

std::optional<std::vector<std::string>> scope_provider_ids(store::Store& store, const AccountScope& scope) {
  if (!scope.ou) return std::nullopt;
  std::vector<std::string> ids;
  for (const auto& p : providers_in(store, scope)) ids.push_back(p.id);
  return ids;
}

void add_account_routes(Router& router_, store::Store& store_) {
  // The account picker's choices, cheap (no counts): every provider with its
  // AWS account and OU, and the OUs known.
  router_.add("GET", "/accounts/scopes", [&store_](Ctx&) {
    json accounts = json::array();
    std::map<std::string, int64_t> ous;
    for (const auto& p : store_.list_providers()) {
      auto a = account_identity(store_, p);
      if (a.ou) count_in_ou(ous, *a.ou);
      accounts.push_back({{"provider_id", p.id},
                          {"label", p.label},
                          {"account_id", a.account_id},
                          {"account_name", a.account_name},
                          {"ou", a.ou ? json(*a.ou) : json(nullptr)}});
    }
    json ou_list = json::array();
    for (const auto& [path, n] : ous) ou_list.push_back({{"path", path}, {"accounts", n}});
    return json_response(200, {{"accounts", accounts}, {"ous", ou_list}});
  });

  router_.add("GET", "/accounts", [&store_](Ctx& c) {
    Response err;
    auto scope = account_scope(store_, c.req, err);
    if (!scope) return err;
    auto now = store::now_seconds();
    int window = reminder_window_minutes(store_);

    std::vector<AccountRow> rows;
    std::map<std::string, store::CheckSummary> summed;  // by check id, across the accounts
    std::set<std::string> distinct_accounts;
    std::map<std::string, int64_t> ous;  // every known OU path, with its accounts (this scope)
    for (auto& p : providers_in(store_, *scope)) {
      AccountRow row;
      row.provider = p;
      auto d = store_.dashboard(p.id, now, 0, 1);
      row.assessed = d.last_scan.has_value();
      json by_severity = json::object();
      int64_t issues = 0, improvements = 0;
      for (auto sev : kSeverities) {
        auto it = d.open_by_severity.find(sev);
        int64_t n = it == d.open_by_severity.end() ? 0 : it->second;
        row.open[sev] = n;
        by_severity[std::string(to_string(sev))] = n;
        (sev >= Severity::kHigh ? issues : improvements) += n;
      }
      auto summaries = store_.check_summaries(p.id);
      for (const auto& s : summaries) {
        auto& t = summed[s.check_id];
        t.check_id = s.check_id;
        t.counts.pass += s.counts.pass;
        t.counts.fail += s.counts.fail;
        t.counts.not_assessed += s.counts.not_assessed;
        t.counts.manual += s.counts.manual;
        if (t.first_not_assessed_detail.empty()) t.first_not_assessed_detail = s.first_not_assessed_detail;
      }
      row.controls = cis_controls(summaries);
      if (row.assessed) row.compliance = compliance_percent(row.controls);

      auto a = account_identity(store_, p);
      if (a.ou) count_in_ou(ous, *a.ou);
      distinct_accounts.insert(a.account_id.is_string() ? a.account_id.get<std::string>() : "provider:" + p.id);

      // Credentials, or the IAM Identity Center session behind them.
      std::string state = credential_state(p, now, window);
      json sso = nullptr;
      if (auto link = store_.sso_link(p.id)) {
        if (auto s = store_.get_sso_session(link->session_id)) {
          sso = {{"start_url", s->start_url}, {"ends_at", time_json(s->ends_at)}, {"ended_at", time_json(s->ended_at)}};
          if (s->ended_at) state = "ended";
        }
      }
      auto newest = store_.list_scans(p.id, {1, 1});
      std::optional<store::Scan> last = newest.items.empty() ? std::nullopt : std::optional(newest.items[0]);

      row.j = {{"provider_id", p.id},
               {"label", p.label},
               {"account_id", a.account_id},
               {"account_name", a.account_name},
               {"ou", a.ou ? json(*a.ou) : json(nullptr)},
               {"source", a.source},
               {"membership", a.membership ? json(*a.membership) : json(nullptr)},
               {"assessed", row.assessed},
               {"security_issues", issues},
               {"improvements", improvements},
               {"by_severity", by_severity},
               {"compliance", compliance_json(row.controls, row.compliance)},
               {"last_scan", last_scan_json(last)},
               {"last_complete_scan_at", d.last_scan ? time_json(d.last_scan->finished_at) : json(nullptr)},
               {"credential", {{"state", state},
                               {"expires_at", time_json(p.expires_at)},
                               {"seconds_left", p.expires_at ? json((*p.expires_at - now).count()) : json(nullptr)},
                               {"sso_session", sso}}}};
      rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), worse);

    // CIS across the accounts: a control's status over every account's results
    // together (it fails when it fails in any), and how many accounts fail it.
    std::vector<store::CheckSummary> all;
    for (auto& [id, s] : summed) all.push_back(s);
    auto org = cis_controls(all);
    std::map<std::string, std::vector<std::string>> failing;  // control id -> provider ids
    for (const auto& r : rows)
      for (const auto& ctl : r.controls)
        if (ctl.status == "fail") failing[ctl.id].push_back(r.provider.id);
    json controls = json::array();
    for (const auto& ctl : org) {
      const auto& f = failing[ctl.id];
      controls.push_back({{"id", ctl.id},
                          {"title", ctl.title},
                          {"section", ctl.section},
                          {"status", ctl.status},
                          {"accounts_failing", static_cast<int64_t>(f.size())},
                          {"failing_provider_ids", f}});
    }
    bool any_assessed = std::any_of(rows.begin(), rows.end(), [](const AccountRow& r) { return r.assessed; });

    json accounts = json::array();
    for (auto& r : rows) accounts.push_back(std::move(r.j));
    json ou_list = json::array();
    for (const auto& [path, n] : ous) ou_list.push_back({{"path", path}, {"accounts", n}});
    return json_response(
        200, {{"accounts_monitored", static_cast<int64_t>(distinct_accounts.size())},
              {"providers", static_cast<int64_t>(accounts.size())},
              {"scope", {{"provider_id", scope->provider_id ? json(*scope->provider_id) : json(nullptr)},
                         {"ou", scope->ou ? json(*scope->ou) : json(nullptr)}}},
              {"ous", ou_list},
              {"accounts", accounts},
              {"cis", {{"framework", "CIS Amazon Web Services Foundations Benchmark v3.0.0"},
                       {"compliance", compliance_json(org, any_assessed ? compliance_percent(org) : std::nullopt)},
                       {"sections", cis_sections_json(org)},
                       {"controls", controls}}}});
  });
}

}  // namespace cloudpeek::server
