// Compliance frameworks as data (model/frameworks/*.json, embedded at build
// time) and the roll-up of check results into per-control and per-section
// status. CIS AWS Foundations v3.0.0 keeps its own entry points (cis_v3_*):
// the scan summary and the dashboard use them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/check_metadata.h"
#include "model/finding.h"

namespace cloudpeek {

struct ComplianceControl {
  std::string id;       // "2.1.1", "S3.8", "AC-2(1)"
  std::string section;  // "2", "S3", "AC"
  std::string title;
  bool manual = false;  // no tool can decide it: shown as MANUAL
  // The checks that assess it: the data file's own list plus, for a control
  // mapped through FSBP controls (`fsbp`), those controls' checks.
  std::vector<std::string> checks;
  std::vector<std::string> fsbp;  // FSBP control ids it is assessed through (AWS's published mapping)
};

struct ComplianceSection {
  std::string id;  // "1"
  std::string title;
};

struct Framework {
  std::string id;       // "cis-3.0", "aws-fsbp", "nist-800-53-r5"
  std::string name;     // "CIS Amazon Web Services Foundations Benchmark"
  std::string version;  // "v3.0.0"
  std::vector<std::string> aliases;  // other names `--compliance` accepts
  std::string source_url, source_date, source_note;
  // Which list of a check's metadata also maps it here: "cis" (ids of this
  // framework), "fsbp" (ids of this framework), "via-fsbp" (a control's `fsbp`
  // ids), so a new check with metadata needs no edit of the data file.
  std::string check_metadata;
  std::vector<ComplianceSection> sections;
  std::vector<ComplianceControl> controls;
  std::map<std::string, std::string> unmapped;  // check id → why no control of it maps the check (FSBP only)

  std::string title() const { return name + " " + version; }
};

// Every framework, CIS v3.0.0 first. Loaded once from the embedded data; a
// malformed file is a build defect (model/compliance_test.cc loads them all).
const std::vector<Framework>& frameworks();
// By id or alias, case-insensitive; nullptr if none.
const Framework* find_framework(std::string_view name);
// The framework ids nearest to a name nobody knows (typo, prefix, part of it).
std::vector<std::string> close_framework_ids(std::string_view name);
// "Unknown compliance framework "x": use one of ... (did you mean ...?)"
std::string unknown_framework_message(std::string_view name);

// Does the check (its id and metadata lists) assess the control?
bool maps_to(const Framework& f, const ComplianceControl& control, const std::string& check_id,
             const std::vector<std::string>& cis, const std::vector<std::string>& fsbp);
// The ids of the checks (of `all`) mapped to any control of the framework, sorted.
std::vector<std::string> framework_check_ids(const Framework& f, const std::vector<const CheckMetadata*>& all);

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
  std::vector<std::string> fsbp;    // the check's FSBP control ids
};

// `checks` are the counts of the checks that ran.
std::vector<ControlStatus> rollup(const Framework& f, const std::vector<CheckCounts>& checks);
// The same from findings; `checks` are the metadata of the checks that ran (id → metadata).
std::vector<ControlStatus> rollup(const Framework& f, const std::vector<Finding>& findings,
                                  const std::map<std::string, CheckMetadata>& checks);
// Per section: PASS and NO_RESOURCES count as pass, NOT_RUN as other.
std::vector<SectionStatus> sections_rollup(const Framework& f, const std::vector<ControlStatus>& controls);

std::vector<ControlStatus> cis_v3_rollup(const std::vector<CheckCounts>& checks);
std::vector<ControlStatus> cis_v3_rollup(const std::vector<Finding>& findings,
                                         const std::map<std::string, CheckMetadata>& checks);
std::vector<SectionStatus> cis_v3_sections_rollup(const std::vector<ControlStatus>& controls);

}  // namespace cloudpeek
