// The numbers every summary shows: findings by status, FAILs by severity and
// by service, CIS v3.0 compliance per section, coverage gaps.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "model/compliance.h"
#include "report/report.h"

namespace cloudpeek::report {

struct Summary {
  int pass = 0, fail = 0, not_assessed = 0;
  std::array<int, 5> fail_by_severity{};  // indexed by Severity
  std::map<std::string, std::array<int, 3>> by_service;  // service → {pass, fail, not_assessed}
  std::vector<ControlStatus> cis;
  std::vector<SectionStatus> cis_sections;
  bool cis_in_scope = false;  // some check that ran maps to CIS
};

Summary summarize(const ReportInput& in);

}  // namespace cloudpeek::report
