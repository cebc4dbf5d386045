// Ground truth: collect a fakeaws scenario with the real collectors and
// compare every registered check's findings with the results the scenario
// itself declares (`expected`: check, resource ARN, PASS/FAIL).
#pragma once

#include <string>
#include <vector>

#include "model/finding.h"
#include "model/inventory.h"

namespace cloudpeek::testing {

struct GroundTruthOptions {
  std::vector<std::string> services;        // collectors to run (botocore names)
  std::vector<std::string> check_services;  // checks (by meta.service) to compare; empty: `services`
  std::string identity = "auditor";         // scenario user: "auditor" (full read) or "limited"
  std::vector<std::string> regions = {"us-east-1", "eu-west-1", "us-west-2"};
  std::string scenario;                     // default: tests/fakeaws/scenarios/insecure
  std::string faults;                       // fakeaws fault document, if any
  bool require_full_coverage = true;        // any coverage gap is a problem
};

struct GroundTruth {
  Inventory inventory;
  std::vector<Finding> findings;         // of the checks in scope
  std::vector<std::string> problems;     // empty when the scan matches the scenario exactly
  int expected_fail = 0;
  int expected_pass = 0;
  int calls = 0;
};

GroundTruth run_ground_truth(const GroundTruthOptions& options);

// The scenario's `expected` entries ({check, resource, status}) from a file or directory.
std::vector<std::vector<std::string>> load_expected(const std::string& scenario);

std::string join_lines(const std::vector<std::string>& lines);

}  // namespace cloudpeek::testing
