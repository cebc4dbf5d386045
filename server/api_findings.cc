// Findings: list with filters, detail, mute/unmute, export (docs/api.md "Findings").
#include <fmt/format.h>

#include <sstream>

#include "aws/core/time_format.h"
#include "checks/check.h"
#include "report/escape.h"
#include "server/app.h"
#include "server/remediation_fill.h"
#include "server/json_response.h"
#include "server/views.h"

namespace cloudpeek::server {

namespace {

std::vector<std::string> csv_values(const std::string& v) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= v.size()) {
    size_t comma = v.find(',', start);
    std::string s = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!s.empty()) out.push_back(s);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// The filter of docs/api.md from the query; a 400 for values that name nothing.
std::optional<store::FindingFilter> finding_filter(store::Store& store, const Request& req, Response& err) {
  store::FindingFilter f;
  auto scope = account_scope(store, req, err);  // provider_id, ou
  if (!scope) return std::nullopt;
  f.provider_id = scope->provider_id;
  f.provider_ids = scope_provider_ids(store, *scope);
  for (const auto& s : csv_values(req.query_value("severity"))) {
    auto sev = parse_severity(s);
    if (!sev) {
      err = error_response(400, "invalid", fmt::format("Unknown severity \"{}\".", s),
                           "Use critical, high, medium, low or informational.", "severity");
      return std::nullopt;
    }
    f.severities.push_back(*sev);
  }
  for (const auto& s : csv_values(req.query_value("status"))) {
    auto st = store::parse_finding_status(s);
    if (!st) {
      err = error_response(400, "invalid", fmt::format("Unknown status \"{}\".", s),
                           "Use open, resolved, muted, passed or not_assessed.", "status");
      return std::nullopt;
    }
    f.statuses.push_back(*st);
  }
  for (const auto& s : csv_values(req.query_value("result"))) {
    auto r = store::parse_check_result(s);
    if (!r) {
      err = error_response(400, "invalid", fmt::format("Unknown result \"{}\".", s),
                           "Use PASS, FAIL, NOT_ASSESSED or MANUAL.", "result");
      return std::nullopt;
    }
    f.results.push_back(*r);
  }
  f.services = csv_values(req.query_value("service"));
  f.regions = csv_values(req.query_value("region"));
  f.accounts = csv_values(req.query_value("account"));
  f.checks = csv_values(req.query_value("check"));
  if (auto v = req.query_value("control"); !v.empty()) f.control = v;
  if (auto v = req.query_value("resource_arn"); !v.empty()) f.resource_arn = v;
  f.q = req.query_value("q");
  if (f.q.size() > 200) f.q.resize(200);
  auto sort = req.query_value("sort", "-severity");
  static const std::vector<std::string> sorts = {"severity", "-severity", "last_seen", "-last_seen", "check",
                                                 "-check", "resource", "-resource"};
  if (std::find(sorts.begin(), sorts.end(), sort) == sorts.end()) {
    err = error_response(400, "invalid", fmt::format("Unknown sort \"{}\".", sort),
                         "Use severity, -severity, last_seen, -last_seen, check or resource.", "sort");
    return std::nullopt;
  }
  f.sort = sort;
  return f;
}

json metadata_json(const std::string& check_id) {
  const auto* check = checks::find_check(check_id);
  if (!check) return json::object();
  const auto& m = check->meta;
  return {{"description", m.description},
          {"risk", m.risk},
          {"remediation", {{"text", m.remediation.text}, {"cli", m.remediation.cli}, {"terraform", m.remediation.terraform}}},
          {"references", m.references},
          {"cis", m.cis},
          {"fsbp", m.fsbp}};
}

}  // namespace

void App::add_finding_routes() {
  router_.add("GET", "/findings", [this](Ctx& c) {
    Response err;
    auto f = finding_filter(store_, c.req, err);
    if (!f) return err;
    auto page = page_request(c.req, err);
    if (!page) return err;
    return json_response(200, paged_json(store_.list_findings(*f, *page), finding_json));
  });

  // Before /findings/{id}, so "export" is not taken for an id.
  router_.add("GET", "/findings/export", [this](Ctx& c) {
    Response err;
    auto f = finding_filter(store_, c.req, err);
    if (!f) return err;
    std::string format = c.req.query_value("format", "csv");
    if (format != "csv" && format != "json")
      return error_response(400, "invalid", "format must be csv or json.", "", "format");
    std::ostringstream out;
    json items = json::array();
    static const char* columns[] = {"id", "check_id", "title", "severity", "service", "region", "account",
                                    "resource_type", "resource_arn", "resource_name", "result", "status",
                                    "detail", "first_seen", "last_seen", "mute_reason", "mute_until"};
    if (format == "csv") {
      for (size_t i = 0; i < std::size(columns); ++i) out << (i ? "," : "") << columns[i];
      out << "\r\n";
    }
    // One query in one read transaction: a scan publishing meanwhile cannot
    // shift rows between pages (duplicates, omissions), and a large export is
    // not a thousand OFFSET queries.
    store_.for_each_finding(*f, [&](const store::FindingRow& row) {
      if (format == "json") {
        items.push_back(finding_json(row));
        return true;
      }
      json j = finding_json(row);
      std::vector<std::string> cells = {
          row.id, row.check_id, row.title, j["severity"], row.service, row.region, row.account,
          row.resource_type, row.resource_arn, row.resource_name, j["result"], j["status"], row.detail,
          j["first_seen"], j["last_seen"], row.mute ? row.mute->reason : "",
          row.mute && row.mute->until ? store::format_time(*row.mute->until) : ""};
      for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << report::csv_cell(cells[i]);
      out << "\r\n";
      return true;
    });
    Response r;
    if (format == "json") {
      r = json_response(200, items);
      r.set_header("Content-Disposition", "attachment; filename=\"cloudpeek-findings.json\"");
    } else {
      r.content_type = "text/csv; charset=utf-8";
      r.body = out.str();
      r.set_header("Cache-Control", "no-store");
      r.set_header("Content-Disposition", "attachment; filename=\"cloudpeek-findings.csv\"");
    }
    return r;
  });

  router_.add("GET", "/findings/{id}", [this](Ctx& c) {
    auto d = store_.get_finding(c.params[0]);
    if (!d) return error_response(404, "not_found", "No finding has that id.", "");
    json j = finding_json(d->finding);
    j.update(metadata_json(d->finding.check_id));
    if (j.contains("remediation"))  // the command for this resource, not for "<bucket>"
      j["remediation"]["cli"] = fill_remediation(j["remediation"]["cli"].get<std::string>(), d->finding);
    json history = json::array();
    for (const auto& h : d->history)
      history.push_back({{"at", store::format_time(h.at)}, {"status", store::to_string(h.status)},
                         {"result", std::string(to_string(h.result))}, {"detail", h.detail},
                         {"scan_id", h.scan_id.empty() ? json(nullptr) : json(h.scan_id)}});
    j["history"] = std::move(history);
    j["resource"] = nullptr;
    if (d->resource_id) {
      if (auto r = store_.get_resource(*d->resource_id))
        j["resource"] = {{"id", r->resource.id}, {"arn", r->resource.arn}, {"type", r->resource.type},
                         {"name", r->resource.name}, {"raw", r->raw}};
    }
    return json_response(200, j);
  });

  router_.add("POST", "/findings/{id}/mute", [this](Ctx& c) {
    Response err;
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    auto reason_it = body->find("reason");
    std::string reason = reason_it != body->end() && reason_it->is_string() ? reason_it->get<std::string>() : "";
    while (!reason.empty() && std::isspace(static_cast<unsigned char>(reason.back()))) reason.pop_back();
    if (reason.empty() || reason.size() > 1000)
      return error_response(400, "invalid", "Say why the finding is muted (1 to 1000 characters).", "", "reason");
    std::optional<store::Time> until;
    if (auto u = body->find("until"); u != body->end() && !u->is_null()) {
      std::optional<std::chrono::system_clock::time_point> t;
      if (u->is_string()) t = parse_iso8601(u->get<std::string>());
      if (!t) return error_response(400, "invalid", "until is not an RFC 3339 time.", "", "until");
      until = std::chrono::time_point_cast<std::chrono::seconds>(*t);
      if (*until <= store::now_seconds())
        return error_response(400, "invalid", "until must be in the future.", "", "until");
    }
    if (!store_.get_finding(c.params[0])) return error_response(404, "not_found", "No finding has that id.", "");
    auto row = store_.mute_finding(c.params[0], reason, until, c.username(), store::now_seconds());
    return json_response(200, finding_json(row));
  });

  router_.add("POST", "/findings/{id}/unmute", [this](Ctx& c) {
    if (!store_.get_finding(c.params[0])) return error_response(404, "not_found", "No finding has that id.", "");
    auto row = store_.unmute_finding(c.params[0], c.username(), store::now_seconds());
    return json_response(200, finding_json(row));
  });
}

}  // namespace cloudpeek::server
