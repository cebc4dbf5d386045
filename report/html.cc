// A single-file HTML report: no external resources (styles, charts as inline
// SVG, a few lines of script for filtering). Every string from AWS goes
// through html_escape and is only ever read back by the script as text
// (textContent / dataset), never as markup.
#include <fmt/format.h>

#include "report/common.h"
#include "report/escape.h"
#include "report/summary.h"

namespace cloudpeek::report {

namespace {

constexpr const char* kStyle = R"css(
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
header{background:#1d2330;color:#fff;padding:18px 28px}header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#c9cfdb}main{padding:20px 28px}
section{background:#fff;border-radius:8px;padding:16px 20px;margin-bottom:18px;box-shadow:0 1px 2px #0001}
h2{font-size:16px;margin:0 0 12px}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{flex:1;min-width:140px;border-radius:6px;padding:10px 14px;background:#f0f2f5}
.card b{display:block;font-size:24px}.fail b{color:#c62828}.pass b{color:#2e7d32}.na b{color:#8d6e00}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7ec;vertical-align:top}
th{background:#f0f2f5;font-weight:600}td.arn{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
.sev{border-radius:4px;padding:1px 6px;color:#fff;font-size:12px}
.critical{background:#7b1fa2}.high{background:#c62828}.medium{background:#ef6c00}.low{background:#1565c0}.informational{background:#607d8b}
.s-FAIL{color:#c62828;font-weight:600}.s-PASS{color:#2e7d32}.s-NOT_ASSESSED{color:#8d6e00;font-weight:600}
.filters{display:flex;gap:8px;margin-bottom:10px;flex-wrap:wrap}.filters input{flex:1;min-width:200px}
input,select{padding:6px 8px;border:1px solid #c9cfdb;border-radius:4px;font:inherit}
svg text{font:12px system-ui,sans-serif}
)css";

constexpr const char* kScript = R"js(
(function(){
  var q=document.getElementById('q'),sev=document.getElementById('sev'),st=document.getElementById('st');
  var rows=document.querySelectorAll('#findings tbody tr'),count=document.getElementById('count');
  function apply(){
    var text=q.value.toLowerCase(),s=sev.value,t=st.value,n=0;
    rows.forEach(function(r){
      var ok=(!s||r.dataset.severity===s)&&(!t||r.dataset.status===t)&&(!text||r.textContent.toLowerCase().indexOf(text)>=0);
      r.hidden=!ok;if(ok)n++;
    });
    count.textContent=n+' shown';
  }
  [q,sev,st].forEach(function(e){e.addEventListener('input',apply);});
  apply();
})();
)js";

std::string severity_chart(const Summary& s) {
  int max = 1;
  for (int v : s.fail_by_severity) max = std::max(max, v);
  std::string svg = R"(<svg role="img" aria-label="Failed findings by severity" width="460" height="150">)";
  const char* colors[] = {"#607d8b", "#1565c0", "#ef6c00", "#c62828", "#7b1fa2"};
  int y = 5;
  for (int sev = 4; sev >= 0; --sev, y += 28) {
    int w = s.fail_by_severity[sev] * 300 / max;
    svg += fmt::format(R"(<text x="0" y="{}">{}</text><rect x="100" y="{}" width="{}" height="20" fill="{}"/>)"
                       R"(<text x="{}" y="{}">{}</text>)",
                       y + 15, to_string(static_cast<Severity>(sev)), y, w, colors[sev], 106 + w, y + 15,
                       s.fail_by_severity[sev]);
  }
  return svg + "</svg>";
}

std::string compliance_chart(const Summary& s) {
  // One bar per section; FSBP has dozens, so the chart grows with them.
  int height = 10 + 30 * static_cast<int>(s.sections.size());
  std::string svg = fmt::format(R"(<svg role="img" aria-label="{} controls per section" width="620" height="{}">)",
                                html_escape(s.framework->title()), height);
  int y = 5;
  for (const auto& sec : s.sections) {
    int total = std::max(1, sec.pass + sec.fail + sec.not_assessed + sec.manual + sec.other);
    int x = 230;
    std::string label = sec.section.id + " " + sec.section.title;
    if (label.size() > 34) label = label.substr(0, 32) + "...";  // the bar starts at x=230
    svg += fmt::format(R"(<text x="0" y="{}"><title>{} {}</title>{}</text>)", y + 15, html_escape(sec.section.id),
                       html_escape(sec.section.title), html_escape(label));
    struct Part { int n; const char* color; };
    for (Part p : {Part{sec.pass, "#2e7d32"}, Part{sec.fail, "#c62828"}, Part{sec.not_assessed, "#f9a825"},
                   Part{sec.manual, "#90a4ae"}, Part{sec.other, "#cfd8dc"}}) {
      int w = p.n * 300 / total;
      if (w > 0) svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="20" fill="{}"/>)", x, y, w, p.color);
      x += w;
    }
    svg += fmt::format(R"(<text x="540" y="{}">{}✓ {}✗ {}?</text>)", y + 15, sec.pass, sec.fail, sec.not_assessed);
    y += 30;
  }
  return svg + "</svg>";
}

}  // namespace

void write_html(const ReportInput& in, std::ostream& out) {
  Summary s = summarize(in);
  out << "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      << "<title>CloudPeek report — " << html_escape(in.account) << "</title><style>" << kStyle
      << "</style></head><body>";
  out << "<header><h1>CloudPeek security report</h1><p>Account " << html_escape(in.account);
  if (!in.principal_arn.empty()) out << " · " << html_escape(in.principal_arn);
  out << " · " << iso8601(in.started) << " → " << iso8601(in.finished) << "</p></header><main>";

  out << "<section><h2>Summary</h2><div class=\"cards\">"
      << fmt::format("<div class=\"card fail\"><b>{}</b>failed</div>", s.fail)
      << fmt::format("<div class=\"card pass\"><b>{}</b>passed</div>", s.pass)
      << fmt::format("<div class=\"card na\"><b>{}</b>not assessed</div>", s.not_assessed)
      << fmt::format("<div class=\"card\"><b>{}</b>coverage gaps</div>", in.gaps.size()) << "</div></section>";

  out << "<section><h2>Failed findings by severity</h2>" << severity_chart(s) << "</section>";
  if (s.in_scope) {
    out << "<section><h2>" << html_escape(s.framework->title()) << "</h2>" << compliance_chart(s)
        << "<table><thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Checks</th></tr></thead><tbody>";
    for (const auto& c : s.controls)
      out << "<tr><td>" << html_escape(c.control.id) << "</td><td>" << html_escape(c.control.title)
          << "</td><td class=\"s-" << html_escape(c.status) << "\">" << html_escape(c.status)
          << (c.reason.empty() ? "" : " — " + html_escape(c.reason)) << "</td><td>"
          << html_escape(join(c.checks, ", ")) << "</td></tr>";
    out << "</tbody></table></section>";
  }

  out << "<section><h2>Coverage gaps</h2>";
  if (in.gaps.empty()) {
    out << "<p>Everything CloudPeek asked for was collected.</p>";
  } else {
    out << "<table><thead><tr><th>Action</th><th>Region</th><th>Reason</th></tr></thead><tbody>";
    for (const auto& g : in.gaps)
      out << "<tr><td>" << html_escape(g.action) << "</td><td>" << html_escape(g.region) << "</td><td>"
          << html_escape(g.reason()) << (g.message.empty() ? "" : " — " + html_escape(g.message)) << "</td></tr>";
    out << "</tbody></table>";
  }
  out << "</section>";

  out << "<section><h2>Findings</h2><div class=\"filters\">"
      << "<input id=\"q\" type=\"search\" placeholder=\"Filter by text (check, resource, region…)\">"
      << "<select id=\"sev\"><option value=\"\">All severities</option>";
  for (int sev = 4; sev >= 0; --sev) {
    auto name = to_string(static_cast<Severity>(sev));
    out << "<option value=\"" << name << "\">" << name << "</option>";
  }
  out << "</select><select id=\"st\"><option value=\"\">All statuses</option><option>FAIL</option>"
      << "<option>NOT_ASSESSED</option><option>PASS</option></select><span id=\"count\"></span></div>"
      << "<table id=\"findings\"><thead><tr><th>Status</th><th>Severity</th><th>Check</th><th>Resource</th>"
      << "<th>Region</th><th>Detail</th><th>Remediation</th></tr></thead><tbody>";
  for (const auto& f : in.findings) {
    const CheckMetadata& m = metadata_of(in, f.check_id);
    auto sev = std::string(to_string(f.severity));
    auto status = std::string(to_string(f.status));
    out << "<tr data-severity=\"" << sev << "\" data-status=\"" << status << "\"><td class=\"s-" << status << "\">"
        << status << "</td><td><span class=\"sev " << sev << "\">" << sev << "</span></td><td>"
        << html_escape(m.title) << "<br><small>" << html_escape(f.check_id) << "</small></td><td class=\"arn\">"
        << html_escape(f.resource_name) << "<br>" << html_escape(f.resource_arn) << "</td><td>"
        << html_escape(f.region) << "</td><td>" << html_escape(f.detail) << "</td><td>"
        << html_escape(m.remediation.text) << "</td></tr>";
  }
  out << "</tbody></table></section></main><script>" << kScript << "</script></body></html>\n";
}

}  // namespace cloudpeek::report
