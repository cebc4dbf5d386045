// Ground truth: collect a fakeaws scenario with the real collectors and
// compare every registered check's findings with the results the scenario
// itself declares (`expected`: check, resource ARN, PASS/FAIL/NOT_ASSESSED, or
// NOT_APPLICABLE: the check must make no finding for that resource).
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "model/finding.h"
#include "model/inventory.h"
#include "scan/scan_result.h"

namespace cloudpeek::testing {

// An `expected` status: the resource is outside the check's scope, so the
// scan must make no finding for it (checks::not_applicable).
inline constexpr const char* kNotApplicable = "NOT_APPLICABLE";

struct GroundTruthOptions {
  std::vector<std::string> services;        // collectors to run (botocore names)
  std::vector<std::string> check_services;  // checks (by meta.service) to compare; empty: `services`
  std::string identity = "auditor";         // scenario user: "auditor" (full read) or "limited"
  std::vector<std::string> regions = {"us-east-1", "eu-west-1", "us-west-2"};
  std::string scenario;                     // default: tests/fakeaws/scenarios/insecure
  std::string faults;                       // fakeaws fault document, if any
  bool require_full_coverage = true;        // any coverage gap is a problem
  int max_attempts = 0;                     // the client's retry attempts (AWS_MAX_ATTEMPTS); 0: default
  std::vector<std::string> checks;          // run_scan_ground_truth: only these checks (as `scan --checks`)
};

struct GroundTruth {
  Inventory inventory;
  std::vector<Finding> findings;         // of the checks in scope
  std::vector<std::string> problems;     // empty when the scan matches the scenario exactly
  int expected_fail = 0;
  int expected_pass = 0;
  int expected_not_applicable = 0;
  int calls = 0;
};

// Collects `options.services` with the collectors alone (no engine) and runs
// the in-scope checks over the inventory.
GroundTruth run_ground_truth(const GroundTruthOptions& options);

// The whole product path: scan::ScanEngine over the scenario (every collector
// and check unless options.services narrows it; options.regions), findings
// streamed to a sink, compared with the scenario for every check that ran.
// truth.inventory stays empty (the engine keeps none).
struct ScanGroundTruth {
  GroundTruth truth;
  scan::ScanResult scan;
  std::map<std::string, int> faults_served;  // fakeaws' injected faults by kind: throttle, error, drop, ...
  std::map<std::string, int> requests;       // fakeaws' requests by action ("GetBucketPolicy")
};
ScanGroundTruth run_scan_ground_truth(const GroundTruthOptions& options);

// Adds to result.problems every difference between result.findings (of the
// checks in `scope`) and the scenario's expected results, and (when
// require_full_coverage) every gap.
void compare_with_expected(GroundTruth& result, const std::set<std::string>& scope, const std::string& scenario,
                           bool require_full_coverage, const std::vector<CoverageGap>& gaps);

// The scenario's `expected` entries ({check, resource, status}) from a file or directory.
std::vector<std::vector<std::string>> load_expected(const std::string& scenario);

// (check, resource ARN, "PASS"/"FAIL"/...) of findings, to compare as sets.
using FindingKey = std::tuple<std::string, std::string, std::string>;
std::set<FindingKey> finding_keys(const std::vector<Finding>& findings);
// The insecure scenario's declared findings of the checks that ran (not the
// NOT_APPLICABLE entries: they declare that no finding exists).
std::set<FindingKey> declared_findings(const std::vector<std::string>& checks_run);
// The insecure scenario's declared status per (check, resource ARN): what a
// clean run finds, to compare a run with faults against.
std::map<std::pair<std::string, std::string>, std::string> declared_statuses();

std::string join_lines(const std::vector<std::string>& lines);

}  // namespace cloudpeek::testing
