#include "report/summary.h"

namespace cloudpeek::report {

Summary summarize(const ReportInput& in) {
  Summary s;
  for (const auto& f : in.findings) {
    auto& svc = s.by_service[f.service];
    switch (f.status) {
      case CheckStatus::kPass: ++s.pass; ++svc[0]; break;
      case CheckStatus::kFail:
        ++s.fail;
        ++svc[1];
        ++s.fail_by_severity[static_cast<int>(f.severity)];
        break;
      case CheckStatus::kNotAssessed: ++s.not_assessed; ++svc[2]; break;
      case CheckStatus::kManual: break;
    }
  }
  for (const auto& [_, m] : in.checks)
    if (!m.cis.empty()) s.cis_in_scope = true;
  s.cis = cis_v3_rollup(in.findings, in.checks);
  s.cis_sections = cis_v3_sections_rollup(s.cis);
  return s;
}

}  // namespace cloudpeek::report
