// A plain-text report: the summary, the chosen framework per section (CIS
// v3.0.0 by default), coverage gaps, then every FAIL and NOT_ASSESSED with
// its remediation.
#include <fmt/format.h>

#include "report/common.h"
#include "report/escape.h"
#include "report/summary.h"

namespace cloudpeek::report {

void write_text(const ReportInput& in, std::ostream& out) {
  Summary s = summarize(in);
  out << "CloudPeek report\n";
  out << "Account:   " << in.account << "\n";
  if (!in.principal_arn.empty()) out << "Principal: " << in.principal_arn << "\n";
  out << "Scanned:   " << iso8601(in.started) << " → " << iso8601(in.finished) << "\n";
  std::vector<std::string> scanned;
  for (const auto& r : in.regions)
    if (r.scanned) scanned.push_back(r.name);
  out << "Regions:   " << (scanned.empty() ? "(none)" : join(scanned, ", ")) << "\n\n";
  out << fmt::format("Findings: {} FAIL, {} PASS, {} NOT ASSESSED\n", s.fail, s.pass, s.not_assessed);
  for (int sev = 4; sev >= 0; --sev)
    out << fmt::format("  {:<14}{:>6} failed\n", to_string(static_cast<Severity>(sev)), s.fail_by_severity[sev]);
  out << "\nBy service (pass / fail / not assessed):\n";
  for (const auto& [svc, c] : s.by_service) out << fmt::format("  {:<16}{:>6}{:>6}{:>6}\n", svc, c[0], c[1], c[2]);
  if (s.in_scope) out << "\n" << framework_block(*s.framework, s.controls);
  out << "\nCoverage gaps: " << in.gaps.size() << "\n";
  for (const auto& g : in.gaps)
    out << "  " << printable(g.reason()) << (g.message.empty() ? "" : " — " + printable(g.message)) << "\n";
  for (auto status : {CheckStatus::kFail, CheckStatus::kNotAssessed}) {
    out << "\n" << (status == CheckStatus::kFail ? "FAILED" : "NOT ASSESSED") << "\n";
    for (int sev = 4; sev >= 0; --sev)
      for (const auto& f : in.findings) {
        if (f.status != status || static_cast<int>(f.severity) != sev) continue;
        const CheckMetadata& m = metadata_of(in, f.check_id);
        out << fmt::format("  [{}] {} — {}\n      {} ({})\n      {}\n", to_string(f.severity), f.check_id, m.title,
                           printable(f.resource_arn), printable(f.region), printable(f.detail));
        if (status == CheckStatus::kFail && !m.remediation.text.empty())
          out << "      Fix: " << m.remediation.text << "\n";
      }
  }
}

}  // namespace cloudpeek::report
