#include "server/views.h"

#include "server/expiry_estimate.h"
#include "server/http_types.h"
#include "server/json_response.h"
#include "server/scheduler.h"

#include <algorithm>

#include <fmt/format.h>

namespace cloudpeek::server {

json time_json(const std::optional<store::Time>& t) { return t ? json(store::format_time(*t)) : json(nullptr); }

std::string credential_state(const store::Provider& p, store::Time now, int window_minutes) {
  if (p.identity.is_object() && p.identity.contains("expired_observed_at")) return "expired";
  if (p.expires_at) {
    if (*p.expires_at <= now) return "expired";
    if (*p.expires_at <= now + std::chrono::minutes(window_minutes)) return "expiring";
    return "valid";
  }
  // Temporary credentials without a known expiry: they will expire, we cannot say when.
  if (p.has_session_token) return "unknown";
  return p.identity.is_null() ? "unknown" : "valid";
}

json provider_json(const store::Provider& p, const std::optional<store::Scan>& last_scan, store::Time now,
                   int window_minutes) {
  json j = {{"id", p.id},
            {"label", p.label},
            {"access_key_id_last4", p.access_key_id_last4},
            {"key_kind", p.has_session_token ? "temporary" : "long_term"},
            {"has_session_token", p.has_session_token},
            {"expires_at", time_json(p.expires_at)},
            {"credential_state", credential_state(p, now, window_minutes)},
            {"identity", p.identity.is_null() ? json(nullptr) : p.identity},
            {"schedule_minutes", p.schedule_minutes},
            {"created_at", store::format_time(p.created_at)},
            {"updated_at", store::format_time(p.updated_at)}};
  j["seconds_left"] = p.expires_at ? json((*p.expires_at - now).count()) : json(nullptr);
  // When the reminders (banner, webhook) start for these credentials, and the steps to
  // renew them: what the page's "Add to calendar" puts in its event.
  j["reminder_at"] = p.expires_at ? time_json(*p.expires_at - std::chrono::minutes(window_minutes)) : json(nullptr);
  j["renewal_steps"] = renewal_steps(p);
  // An expiry CloudPeek estimated (server/expiry_estimate.h), shown as such.
  bool estimated = expires_estimated(p);
  j["expires_estimated"] = estimated;
  j["expiry_estimate"] = nullptr;
  if (estimated) {
    const json& e = p.identity["expiry_estimate"];
    j["expiry_estimate"] = {{"source", e.value("source", "")},
                            {"max_session_seconds", e.value("max_session_seconds", json(nullptr))},
                            {"session_hours", e.value("session_hours", json(nullptr))}};
  }
  if (last_scan)
    j["last_scan"] = {{"id", last_scan->id},
                      {"status", store::to_string(last_scan->status)},
                      {"finished_at", time_json(last_scan->finished_at)}};
  else
    j["last_scan"] = nullptr;
  return j;
}

json gap_json(const CoverageGap& g) {
  return {{"service", g.service}, {"region", g.region}, {"action", g.action}, {"kind", g.error_kind},
          {"code", g.error_code}, {"message", g.message}, {"resource", g.resource}};
}

namespace {
// A running scan's work per service or per region (issue 9: what is it still doing?).
json areas_json(const std::vector<scan::AreaProgress>& areas) {
  json out = json::array();
  for (const auto& a : areas)
    out.push_back({{"name", a.name},
                   {"calls_done", a.calls_done},
                   {"calls_failed", a.calls_failed},
                   {"calls_lost", a.calls_lost},
                   {"tasks_outstanding", a.tasks_outstanding},
                   {"runs_done", a.runs_done},
                   {"runs_total", a.runs_total}});
  return out;
}
}  // namespace

json scan_json(const store::Scan& s, const std::optional<scan::ProgressSnapshot>& live) {
  json gaps = json::array();
  for (const auto& g : s.gaps) gaps.push_back(gap_json(g));
  json j = {{"id", s.id},
            {"provider_id", s.provider_id},
            {"status", store::to_string(s.status)},
            {"reason", s.reason ? json(*s.reason) : json(nullptr)},
            {"created_at", store::format_time(s.created_at)},
            {"started_at", time_json(s.started_at)},
            {"finished_at", time_json(s.finished_at)},
            {"regions", s.regions},
            {"services", s.services},
            {"identity", s.identity},
            {"gaps", std::move(gaps)},
            {"batch_id", s.batch_id ? json(*s.batch_id) : json(nullptr)}};
  if (s.started_at && s.finished_at)
    j["duration_s"] = (*s.finished_at - *s.started_at).count();
  else if (s.started_at)
    j["duration_s"] = (store::now_seconds() - *s.started_at).count();
  else
    j["duration_s"] = nullptr;
  json counts = {{"PASS", s.counts.pass}, {"FAIL", s.counts.fail}, {"NOT_ASSESSED", s.counts.not_assessed},
                 {"MANUAL", s.counts.manual}};
  json progress;
  if (live) {
    const auto& p = *live;
    counts = {{"PASS", p.findings(CheckStatus::kPass)},
              {"FAIL", p.findings(CheckStatus::kFail)},
              {"NOT_ASSESSED", p.findings(CheckStatus::kNotAssessed)},
              {"MANUAL", p.findings(CheckStatus::kManual)}};
    progress = {{"phase", std::string(scan::to_string(p.phase))},
                {"calls_done", p.calls_done},
                {"calls_in_flight", p.calls_in_flight},
                {"calls_failed", p.calls_failed},
                {"calls_lost", p.gaps},
                {"calls_retried", p.calls_retried},
                {"tasks_outstanding", p.tasks_outstanding},
                {"eta_seconds", p.eta_seconds < 0 ? json(nullptr) : json(static_cast<int64_t>(p.eta_seconds + 0.5))},
                {"resources", p.resources},
                {"checks_done", p.checks_evaluated},
                {"checks_total", nullptr},
                {"fraction", std::min(1.0, p.fraction)},
                {"by_service", areas_json(p.by_service)},
                {"by_region", areas_json(p.by_region)}};
  } else {
    bool finished = s.finished_at.has_value();
    int64_t evaluated = s.counts.pass + s.counts.fail + s.counts.not_assessed + s.counts.manual;
    // A scan that ran to its end is complete; an interrupted one (cancelled,
    // credentials expired, server stopped) is not, and never shows a full bar
    // or "N/N checks" (issue 9: a cancelled scan read "Finished 12194/12194").
    bool ran_to_end = s.status == store::ScanStatus::kSucceeded || s.status == store::ScanStatus::kPartial ||
                      s.status == store::ScanStatus::kFailed;
    bool cancelled = s.status == store::ScanStatus::kInterrupted && s.reason &&
                     s.reason->find("cancelled") != std::string::npos;
    std::string phase = !finished ? (s.status == store::ScanStatus::kQueued ? "queued" : "starting") : ran_to_end ? "done" : cancelled ? "cancelled" : "interrupted";
    progress = {{"phase", phase},
                {"calls_done", nullptr},
                {"calls_in_flight", 0},
                {"calls_failed", nullptr},
                {"calls_lost", static_cast<int64_t>(s.gaps.size())},
                {"calls_retried", nullptr},
                {"tasks_outstanding", nullptr},
                {"eta_seconds", nullptr},
                {"resources", s.resources},
                {"checks_done", evaluated},
                {"checks_total", finished && ran_to_end ? json(evaluated) : json(nullptr)},
                {"fraction", finished && ran_to_end ? 1.0 : 0.0}};
  }
  j["counts"] = std::move(counts);
  j["progress"] = std::move(progress);
  return j;
}

json mute_json(const std::optional<store::Mute>& m) {
  if (!m) return nullptr;
  return {{"reason", m->reason}, {"until", time_json(m->until)}, {"by", m->by}, {"at", store::format_time(m->at)}};
}

json finding_json(const store::FindingRow& f) {
  return {{"id", f.id},
          {"provider_id", f.provider_id},
          {"check_id", f.check_id},
          {"title", f.title},
          {"severity", std::string(to_string(f.severity))},
          {"service", f.service},
          {"region", f.region},
          {"account", f.account},
          {"resource_type", f.resource_type},
          {"resource_arn", f.resource_arn},
          {"resource_name", f.resource_name},
          {"result", std::string(to_string(f.result))},
          {"status", store::to_string(f.status)},
          {"detail", f.detail},
          {"first_seen", store::format_time(f.first_seen)},
          {"last_seen", store::format_time(f.last_seen)},
          {"last_scan_id", f.last_scan_id},
          {"mute", mute_json(f.mute)},
          {"monthly_cost_usd", f.monthly_cost_usd ? json(*f.monthly_cost_usd) : json(nullptr)}};
}

json resource_row_json(const store::ResourceRow& r) {
  return {{"id", r.id},          {"provider_id", r.provider_id}, {"arn", r.arn},
          {"type", r.type},      {"service", r.service},         {"region", r.region},
          {"account", r.account}, {"name", r.name},              {"tags", r.tags},
          {"last_seen", store::format_time(r.last_seen)}};
}

std::optional<std::string> provider_ou(store::Store& store, const store::Provider& p) {
  if (auto m = store.org_member(p.id); m && !m->ou_path.empty()) return m->ou_path;
  return std::nullopt;
}

namespace {
// "Root/Workloads/" and "Root/Workloads" are the same OU.
std::string trim_ou(std::string ou) {
  while (!ou.empty() && (ou.back() == '/' || ou.back() == ' ')) ou.pop_back();
  while (!ou.empty() && ou.front() == ' ') ou.erase(ou.begin());
  return ou;
}
bool in_ou(const std::string& path, const std::string& ou) {
  return path == ou || (path.size() > ou.size() && path.compare(0, ou.size(), ou) == 0 && path[ou.size()] == '/');
}
}  // namespace

std::optional<AccountScope> account_scope(store::Store& store, const Request& req, Response& err) {
  AccountScope s;
  if (auto v = req.query_value("provider_id"); !v.empty()) s.provider_id = v;
  auto raw = req.query_value("ou");
  if (raw.empty()) return s;
  auto ou = known_ou(store, raw, err);
  if (!ou) return std::nullopt;
  s.ou = *ou;
  return s;
}

std::optional<std::string> known_ou(store::Store& store, const std::string& raw, Response& err) {
  std::string ou = trim_ou(raw);
  if (ou.empty() || ou.size() > 1000) {
    err = error_response(400, "invalid", "ou must be an OU path such as \"Root/Workloads\".",
                         "GET /api/v1/accounts/scopes lists the OUs (ous). Leave ou out for every account.", "ou");
    return std::nullopt;
  }
  bool known = false;
  for (const auto& p : store.list_providers())
    if (auto path = provider_ou(store, p); path && in_ou(*path, ou)) known = true;
  // An OU of a connected organization whose accounts are not monitored (not
  // chosen, suspended, or their providers deleted) is known: it covers no account.
  for (const auto& o : known ? std::vector<store::Organization>{} : store.list_organizations())
    for (const auto& a : o.accounts)
      if (a.is_object() && a.contains("ou_path") && a["ou_path"].is_string() &&
          in_ou(a["ou_path"].get<std::string>(), ou))
        known = true;
  if (!known) {
    err = error_response(400, "invalid", fmt::format("No AWS Organizations OU \"{}\" is known.", ou.substr(0, 200)),
                         "ou is a whole OU path from Root, such as \"Root/Workloads\": GET /api/v1/accounts/scopes "
                         "lists them (ous). Leave ou out for every account.",
                         "ou");
    return std::nullopt;
  }
  return ou;
}

std::vector<store::Provider> providers_in(store::Store& store, const AccountScope& scope) {
  std::vector<store::Provider> out;
  for (auto& p : store.list_providers()) {
    if (scope.provider_id && p.id != *scope.provider_id) continue;
    if (scope.ou) {
      auto path = provider_ou(store, p);
      if (!path || !in_ou(*path, *scope.ou)) continue;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace cloudpeek::server
