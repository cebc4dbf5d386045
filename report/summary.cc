#include "report/summary.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/common.h"

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
  s.framework = in.framework ? in.framework : find_framework("cis-3.0");
  for (const auto& [_, m] : in.checks)
    if (!control_ids(*s.framework, m).empty()) s.in_scope = true;
  s.controls = rollup(*s.framework, in.findings, in.checks);
  s.sections = sections_rollup(*s.framework, s.controls);
  return s;
}

std::string framework_block(const Framework& f, const std::vector<ControlStatus>& controls, bool color) {
  if (std::none_of(controls.begin(), controls.end(), [](const ControlStatus& c) { return !c.checks.empty(); }))
    return "";
  std::string out = f.title() + " (controls pass / fail / not assessed / manual / not run):\n";
  auto sections = sections_rollup(f, controls);
  // Section labels as wide as the longest, within reason: PCI DSS's run long.
  size_t width = 0;
  for (const auto& sec : sections) width = std::max(width, sec.section.id.size() + 1 + sec.section.title.size());
  width = std::min<size_t>(width, 56);
  for (const auto& sec : sections) {
    std::string label = sec.section.id + " " + sec.section.title;
    if (label.size() > width) label = label.substr(0, width - 3) + "...";
    out += fmt::format("  {:<{}}{:>5}{:>5}{:>5}{:>5}{:>5}\n", label, width, sec.pass, sec.fail, sec.not_assessed,
                       sec.manual, sec.other);
  }
  std::vector<std::string> failing;
  for (const auto& c : controls)
    if (c.status == "FAIL") failing.push_back(c.control.id);
  if (!failing.empty()) {
    std::string list = join(failing, ", ");
    out += "  Failing controls: " + (color ? "\x1b[31m" + list + "\x1b[0m" : list) + "\n";
  }
  return out;
}

std::vector<std::string> control_ids(const Framework& f, const CheckMetadata& check) {
  std::vector<std::string> out;
  for (const auto& c : f.controls)
    if (maps_to(f, c, check.id, check.cis, check.fsbp)) out.push_back(c.id);
  return out;
}

}  // namespace cloudpeek::report
