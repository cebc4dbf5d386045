#include "cli/compliance_summary.h"

#include "checks/check.h"
#include "report/summary.h"

namespace cloudpeek::cli {

std::vector<CheckCounts> counts_per_check(const scan::ScanResult& r) {
  std::vector<CheckCounts> out;
  for (const auto& id : r.checks_run) {
    CheckCounts c;
    c.check_id = id;
    if (const checks::Check* check = checks::find_check(id)) {
      c.cis = check->meta.cis;
      c.fsbp = check->meta.fsbp;
    }
    if (auto it = r.findings_by_check.find(id); it != r.findings_by_check.end()) {
      c.pass = it->second[CheckStatus::kPass];
      c.fail = it->second[CheckStatus::kFail];
      c.not_assessed = it->second[CheckStatus::kNotAssessed];
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::string framework_summary(const scan::ScanResult& r, const Framework& f, bool color) {
  std::string block = report::framework_block(f, rollup(f, counts_per_check(r)), color);
  return block.empty() ? f.title() + ": no check that ran assesses one of its controls.\n" : block;
}

}  // namespace cloudpeek::cli
