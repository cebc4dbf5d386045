#include "server/compliance_view.h"

#include <fmt/format.h>

#include <map>
#include <sstream>

#include "checks/check.h"
#include "report/escape.h"
#include "server/json_response.h"

namespace cloudpeek::server {

namespace {

using report::csv_cell;
using report::html_escape;

struct Counts {
  int pass = 0, fail = 0, manual = 0, not_assessed = 0;
  std::optional<int> percent() const {
    int assessable = pass + fail + not_assessed;
    if (assessable == 0) return std::nullopt;
    return pass * 100 / assessable;
  }
  void add(const std::string& status) {
    if (status == "pass") ++pass;
    else if (status == "fail") ++fail;
    else if (status == "manual") ++manual;
    else ++not_assessed;
  }
};

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

std::string percent_text(const Counts& c) {
  auto p = c.percent();
  return p ? fmt::format("{}%", *p) : "–";
}

// "1. Identity and Access Management"; service and family sections read "Amazon S3 (S3)".
std::string section_label(const ComplianceSection& s) {
  if (s.title.empty() || s.title == s.id) return html_escape(s.id);
  if (!s.id.empty() && s.id[0] >= '0' && s.id[0] <= '9') return html_escape(s.id + ". " + s.title);
  return html_escape(s.title + " (" + s.id + ")");
}

const char* label(const std::string& status) {
  if (status == "pass") return "Pass";
  if (status == "fail") return "Fail";
  if (status == "manual") return "Manual";
  return "Not assessed";
}

// Print-friendly and self-contained: the report is a download opened from
// disk, so its inline style is not under the server's Content-Security-Policy.
constexpr const char* kReportStyle = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;break-after:avoid}
.meta{color:#57606a;margin:0 0 4px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
table.controls{table-layout:fixed}table.controls col.c1{width:13%}table.controls col.c2{width:37%}table.controls col.c3{width:11%}
td{overflow-wrap:anywhere}
th,td{border:1px solid #d0d7de;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr{break-inside:avoid}
.st{font-weight:600;white-space:nowrap}.st-pass{color:#1a7f37}.st-fail{color:#cf222e}.st-manual{color:#57606a}.st-not_assessed{color:#9a6700}
.small{color:#57606a;font-size:12px}
ul{margin:2px 0 0 16px;padding:0}
@media print{body{margin:0;max-width:none;font-size:11px}a{color:inherit;text-decoration:none}}
)";

}  // namespace

std::vector<ControlView> framework_controls(const Framework& f, const std::vector<store::CheckSummary>& summaries) {
  std::map<std::string, const store::CheckSummary*> by_check;
  for (const auto& s : summaries) by_check[s.check_id] = &s;
  std::vector<ControlView> out;
  for (const auto& control : f.controls) {
    ControlView v{control.id, control.title, control.section, "not_assessed", {}, {}, {}};
    for (const auto* c : checks::all_checks())
      if (maps_to(f, control, c->meta.id, c->meta.cis, c->meta.fsbp)) v.checks.push_back(c->meta.id);
    if (control.manual) {
      v.status = "manual";
      v.reasons.push_back("No tool can decide this control: review it by hand.");
      out.push_back(std::move(v));
      continue;
    }
    int64_t pass = 0, fail = 0, na = 0;
    for (const auto& id : v.checks) {
      auto it = by_check.find(id);
      if (it == by_check.end()) continue;
      const auto& counts = it->second->counts;
      if (counts.pass || counts.fail || counts.not_assessed)
        v.results.push_back({id, counts.pass, counts.fail, counts.not_assessed});
      pass += counts.pass;
      fail += counts.fail;
      na += counts.not_assessed;
      if (counts.not_assessed && !it->second->first_not_assessed_detail.empty())
        v.reasons.push_back(id + ": " + it->second->first_not_assessed_detail);
    }
    if (fail > 0)
      v.status = "fail";
    else if (na > 0)
      v.status = "not_assessed";
    else if (pass > 0)
      v.status = "pass";
    else {
      v.status = "not_assessed";
      v.reasons.push_back(v.checks.empty() ? "No CloudPeek check covers this control yet."
                                           : "No results yet: scan the account (or it has no resources of this kind).");
    }
    out.push_back(std::move(v));
  }
  return out;
}

nlohmann::json sections_json(const Framework& f, const std::vector<ControlView>& controls) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : f.sections) {
    Counts n;
    for (const auto& c : controls)
      if (c.section == s.id) n.add(c.status);
    auto p = n.percent();
    out.push_back({{"section", s.id}, {"title", s.title}, {"pass", n.pass}, {"fail", n.fail}, {"manual", n.manual},
                   {"not_assessed", n.not_assessed}, {"percent", p ? nlohmann::json(*p) : nlohmann::json(nullptr)}});
  }
  return out;
}

std::vector<ControlView> cis_controls(const std::vector<store::CheckSummary>& summaries) {
  return framework_controls(*find_framework("cis-3.0"), summaries);
}

nlohmann::json cis_sections_json(const std::vector<ControlView>& controls) {
  return sections_json(*find_framework("cis-3.0"), controls);
}

std::string compliance_csv(const Framework& f, const std::vector<ControlView>& controls) {
  std::map<std::string, std::string> section_title;
  for (const auto& s : f.sections) section_title[s.id] = s.title;
  std::ostringstream out;
  out << "framework,section,section_title,control,title,status,checks,pass,fail,not_assessed,reasons\r\n";
  for (const auto& c : controls) {
    int64_t pass = 0, fail = 0, na = 0;
    for (const auto& r : c.results) {
      pass += r.pass;
      fail += r.fail;
      na += r.not_assessed;
    }
    std::vector<std::string> cells = {f.id, c.section, section_title[c.section], c.id, c.title, c.status,
                                      join(c.checks, " "), std::to_string(pass), std::to_string(fail),
                                      std::to_string(na), join(c.reasons, " | ")};
    for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_cell(cells[i]);
    out << "\r\n";
  }
  return out.str();
}

std::string compliance_html(const Framework& f, const std::vector<ControlView>& controls, const std::string& scope,
                            const std::string& generated_at) {
  std::ostringstream out;
  out << "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      << "<title>" << html_escape(f.title()) << " — CloudPeek compliance report</title><style>" << kReportStyle
      << "</style></head><body>";
  out << "<h1>" << html_escape(f.title()) << "</h1>";
  out << "<p class=\"meta\">CloudPeek compliance report · " << html_escape(scope) << " · generated "
      << html_escape(generated_at) << "</p>";
  out << "<p class=\"meta small\">Mapping source: <a href=\"" << html_escape(f.source_url) << "\">"
      << html_escape(f.source_url) << "</a> (" << html_escape(f.source_date) << "). " << html_escape(f.source_note)
      << "</p>";

  Counts total;
  for (const auto& c : controls) total.add(c.status);
  out << "<h2>Summary</h2><table><thead><tr><th>Section</th><th class=\"num\">Pass</th><th class=\"num\">Fail</th>"
         "<th class=\"num\">Not assessed</th><th class=\"num\">Manual</th><th class=\"num\">Pass %</th></tr></thead><tbody>";
  std::map<std::string, Counts> per_section;
  for (const auto& c : controls) per_section[c.section].add(c.status);
  for (const auto& s : f.sections) {
    const Counts& n = per_section[s.id];
    out << fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                       "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                       section_label(s), n.pass, n.fail, n.not_assessed, n.manual, percent_text(n));
  }
  out << fmt::format("<tr><th>All {} controls</th><th class=\"num\">{}</th><th class=\"num\">{}</th>"
                     "<th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr>",
                     controls.size(), total.pass, total.fail, total.not_assessed, total.manual, percent_text(total));
  out << "</tbody></table>";
  out << "<p class=\"small\">Pass % is pass / (pass + fail + not assessed): manual controls are left out, and a "
         "control no check could assess counts against it — nothing unassessed is a pass.</p>";

  for (const auto& s : f.sections) {
    out << "<h2>" << section_label(s) << "</h2>";
    out << "<table class=\"controls\"><colgroup><col class=\"c1\"><col class=\"c2\"><col class=\"c3\"><col></colgroup>"
           "<thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Checks and reasons</th></tr></thead><tbody>";
    for (const auto& c : controls) {
      if (c.section != s.id) continue;
      out << "<tr><td>" << html_escape(c.id) << "</td><td>" << html_escape(c.title) << "</td><td class=\"st st-"
          << c.status << "\">" << label(c.status) << "</td><td>";
      if (!c.checks.empty()) {
        out << "<ul>";
        for (const auto& id : c.checks) {
          out << "<li>" << html_escape(id);
          for (const auto& r : c.results)
            if (r.check_id == id)
              out << fmt::format(" <span class=\"small\">({} pass, {} fail, {} not assessed)</span>", r.pass, r.fail,
                                 r.not_assessed);
          out << "</li>";
        }
        out << "</ul>";
      }
      for (const auto& r : c.reasons) out << "<div class=\"small\">" << html_escape(r) << "</div>";
      out << "</td></tr>";
    }
    out << "</tbody></table>";
  }
  out << "</body></html>\n";
  return out.str();
}

Response compliance_answer(const Request& req, const std::vector<store::CheckSummary>& summaries,
                           const std::string& scope) {
  std::string name = req.query_value("framework", "cis-3.0");
  const Framework* f = find_framework(name);
  if (!f)
    return error_response(400, "invalid", unknown_framework_message(name),
                          "GET /api/v1/compliance lists the frameworks under \"frameworks\".", "framework");
  std::string format = req.query_value("format", "json");
  if (format != "json" && format != "csv" && format != "html")
    return error_response(400, "invalid", "Unknown format \"" + format + "\".", "Use json, csv or html.", "format");
  auto controls = framework_controls(*f, summaries);
  if (format == "csv" || format == "html") {
    Response r;
    if (format == "csv") {
      r.content_type = "text/csv; charset=utf-8";
      r.body = compliance_csv(*f, controls);
    } else {
      r.content_type = "text/html; charset=utf-8";
      r.body = compliance_html(*f, controls, scope, store::format_time(store::now_seconds()));
    }
    r.set_header("Cache-Control", "no-store");
    r.set_header("Content-Disposition", fmt::format("attachment; filename=\"cloudpeek-compliance-{}.{}\"", f->id, format));
    return r;
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& v : controls) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& r : v.results)
      results.push_back({{"check_id", r.check_id}, {"pass", r.pass}, {"fail", r.fail}, {"not_assessed", r.not_assessed}});
    list.push_back({{"id", v.id}, {"title", v.title}, {"section", v.section}, {"status", v.status},
                    {"checks", v.checks}, {"reasons", v.reasons}, {"results", results}});
  }
  nlohmann::json all = nlohmann::json::array();
  for (const auto& x : frameworks())
    all.push_back({{"id", x.id}, {"name", x.name}, {"version", x.version}, {"controls", x.controls.size()}});
  Counts total;
  for (const auto& c : controls) total.add(c.status);
  auto p = total.percent();
  return json_response(200, {{"framework", f->title()},
                             {"framework_id", f->id},
                             {"source", {{"url", f->source_url}, {"date", f->source_date}, {"note", f->source_note}}},
                             {"frameworks", all},
                             {"totals", {{"pass", total.pass}, {"fail", total.fail}, {"manual", total.manual},
                                         {"not_assessed", total.not_assessed},
                                         {"percent", p ? nlohmann::json(*p) : nlohmann::json(nullptr)}}},
                             {"sections", sections_json(*f, controls)},
                             {"controls", list}});
}

}  // namespace cloudpeek::server
