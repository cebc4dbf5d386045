// ScanResult: what a finished (or cancelled) scan says about itself — when,
// whose account, which regions, what could not be collected and why, and the
// counts. Findings themselves streamed to the FindingSink.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "model/coverage.h"
#include "model/finding.h"
#include "model/severity.h"
#include "model/compliance.h"

namespace cloudpeek::scan {

struct SkippedRegion {
  std::string name;
  std::string reason;  // "not enabled (not-opted-in)", "not requested"
};

struct StatusCounts {
  std::map<CheckStatus, uint64_t> by_status;
  uint64_t total() const;
  uint64_t operator[](CheckStatus s) const;
};

struct ScanResult {
  std::chrono::system_clock::time_point started, finished;
  std::string account;
  std::string principal_arn;
  std::string partition = "aws";
  bool cancelled = false;

  std::vector<std::string> regions_scanned;
  std::vector<SkippedRegion> regions_skipped;
  std::vector<CoverageGap> gaps;  // every failed call, in the order they happened

  uint64_t api_calls = 0;
  std::map<std::string, uint64_t> resources_by_type;
  std::map<std::string, uint64_t> resources_by_service;  // "ec2" from "AWS::EC2::Instance", lowercased
  uint64_t resources() const;

  StatusCounts findings;
  std::map<Severity, StatusCounts> findings_by_severity;
  std::map<std::string, StatusCounts> findings_by_service;
  std::map<std::string, StatusCounts> findings_by_check;
  std::vector<std::string> checks_run;  // ids

  // CIS v3.0.0 per control and section; empty when no check run carries a CIS id.
  std::vector<ControlStatus> cis_controls;
  std::vector<SectionStatus> cis_sections;

  // True when some listing failed (findings may be incomplete).
  bool incomplete() const { return cancelled || !gaps.empty(); }
};

}  // namespace cloudpeek::scan
