// The CIS AWS Foundations Benchmark v3.0.0 rollup: per control, the worst
// status of the checks mapped to it; per section (1 IAM, 2 storage, 3 logging,
// 4 monitoring, 5 networking), how many controls pass. Manual controls are
// listed as MANUAL.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/finding.h"

namespace cloudpeek::scan {

struct CisControl {
  std::string id;  // "2.1.1"
  CheckStatus status = CheckStatus::kNotAssessed;
  std::vector<std::string> checks;  // ids of the checks mapped to it
};

struct CisSection {
  std::string id;    // "2"
  std::string name;  // "Storage"
  int pass = 0, fail = 0, not_assessed = 0, manual = 0;
};

struct CisRollup {
  std::vector<CisControl> controls;  // sorted by control id (numerically)
  std::vector<CisSection> sections;
  bool empty() const { return controls.empty(); }
};

// The control ids the benchmark marks manual.
const std::vector<std::string>& cis_manual_controls();

struct CheckOutcome {
  std::vector<std::string> cis;  // the check's control ids
  uint64_t pass = 0, fail = 0, not_assessed = 0;
  std::string check_id;
};

// A control FAILs if any mapped check failed; else it is NOT_ASSESSED if any
// finding was; else PASS if some passed; a check with no finding at all (no
// resource of its type) counts as PASS.
CisRollup cis_rollup(const std::vector<CheckOutcome>& outcomes);

}  // namespace cloudpeek::scan
