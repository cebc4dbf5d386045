// The numbers every summary shows: findings by status, FAILs by severity and
// by service, the chosen framework's controls per section (CIS v3.0.0 unless
// the scan chose another), coverage gaps.
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
  const Framework* framework = nullptr;  // never null after summarize()
  std::vector<ControlStatus> controls;    // the framework's, in its order
  std::vector<SectionStatus> sections;
  bool in_scope = false;  // some check that ran maps to one of its controls
};

// The ids of the controls of `f` that the check assesses ("1.4", "S3.5").
std::vector<std::string> control_ids(const Framework& f, const CheckMetadata& check);

// A framework's roll-up as the text report and `cloudpeek scan` print it: a
// title line, one line per section (controls pass / fail / not assessed /
// manual / not run) and the failing controls (red with `color`). Empty when
// no check that ran assesses any of its controls.
std::string framework_block(const Framework& f, const std::vector<ControlStatus>& controls, bool color = false);

Summary summarize(const ReportInput& in);

}  // namespace cloudpeek::report
