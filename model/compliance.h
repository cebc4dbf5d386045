// Compliance frameworks: the CIS AWS Foundations Benchmark v3.0.0 catalog and
// the roll-up of check findings into per-control and per-section status.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/check_metadata.h"
#include "model/finding.h"

namespace cloudpeek {

struct ComplianceControl {
  std::string id;       // "2.1.1"
  std::string section;  // "2"
  std::string title;
  bool manual = false;  // no tool can decide it: shown as MANUAL
};

struct ComplianceSection {
  std::string id;  // "1"
  std::string title;
};

const std::vector<ComplianceControl>& cis_v3_controls();
const std::vector<ComplianceSection>& cis_v3_sections();

// PASS: every finding of its checks passed; FAIL: any failed; NOT_ASSESSED: none
// failed but some could not be assessed (the reason is the first such detail);
// MANUAL: a manual control; NO_RESOURCES: checks ran but found nothing to evaluate;
// NOT_RUN: no check for it was part of the scan.
struct ControlStatus {
  ComplianceControl control;
  std::string status;  // "PASS", "FAIL", "NOT_ASSESSED", "MANUAL", "NO_RESOURCES", "NOT_RUN"
  std::vector<std::string> checks;  // ids of the checks mapped to it that ran
  uint64_t pass = 0, fail = 0, not_assessed = 0;
  std::string reason;  // for NOT_ASSESSED
};

struct SectionStatus {
  ComplianceSection section;
  int pass = 0, fail = 0, not_assessed = 0, manual = 0, other = 0;
};

// One check's results in a scan, counted (a scan that streams its findings
// keeps only these).
struct CheckCounts {
  std::string check_id;
  std::vector<std::string> cis;  // the check's CIS v3.0.0 control ids
  uint64_t pass = 0, fail = 0, not_assessed = 0;
  std::string not_assessed_reason;  // the first NOT_ASSESSED detail, if known
};

// `checks` are the counts of the checks that ran.
std::vector<ControlStatus> cis_v3_rollup(const std::vector<CheckCounts>& checks);
// The same from findings; `checks` are the metadata of the checks that ran (id → metadata).
std::vector<ControlStatus> cis_v3_rollup(const std::vector<Finding>& findings,
                                         const std::map<std::string, CheckMetadata>& checks);
std::vector<SectionStatus> cis_v3_sections_rollup(const std::vector<ControlStatus>& controls);

}  // namespace cloudpeek
