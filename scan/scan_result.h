// ScanResult: what a finished (or cancelled) scan says about itself — when,
// whose account, which regions, what could not be collected and why, and the
// counts. Findings themselves streamed to the FindingSink.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <utility>
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

// How a scan that ran to its end went, told honestly: "succeeded" only when
// everything selected was read. A scan whose AWS endpoint vanished 25 s in
// once reported "succeeded" with 14,802 of 19,163 results NOT_ASSESSED.
enum class Outcome {
  kSucceeded,  // every call answered, or the ones that failed fed no result
               // (a region the account has not enabled is not a loss)
  kPartial,    // some calls failed, and results they fed are NOT_ASSESSED
  kFailed,     // calls failed and not one check result could be assessed
};
std::string_view to_string(Outcome o);  // "succeeded", "partial", "failed"

struct ScanOutcome {
  Outcome outcome = Outcome::kSucceeded;
  double assessed_percent = 100;  // PASS, FAIL and MANUAL results among all results
  size_t failed_calls = 0;        // gaps that lost data
  // The main causes, most calls first: {"network", 27000}, {"access_denied", 498}.
  std::vector<std::pair<std::string, size_t>> causes;
  // One line for people: "partial: 77.2% of check results assessed; 27,498
  // AWS calls failed (network 27,000, access_denied 498)"; empty when succeeded.
  std::string summary;
};

// Judges a scan that was not cancelled (a cancelled scan is "interrupted").
ScanOutcome judge(const ScanResult& result);

}  // namespace cloudpeek::scan
