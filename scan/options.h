// What a scan covers and how hard it may push AWS.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/severity.h"
#include "scan/rate_limits.h"

namespace cloudpeek::scan {

struct ScanOptions {
  // Regions to scan. Empty: every region DescribeRegions (AllRegions) reports
  // as not "not-opted-in". Named regions that are not enabled are not called;
  // they become region_not_enabled gaps for every regional resource type.
  std::vector<std::string> regions;
  // botocore service names whose checks (and collectors) run; empty: all.
  std::vector<std::string> services;
  // Check ids to run; empty: every check (after the service filter).
  std::vector<std::string> checks;
  std::optional<Severity> min_severity;  // only checks at or above it
  bool cis_only = false;                 // only checks mapped to a CIS control
  // When no check filter narrows the scan, every collector runs (a full
  // inventory). With a filter, only collectors producing types the selected
  // checks read, plus the services named.

  std::string home_region = "us-east-1";  // where global collectors and DescribeRegions go
  int workers = 96;         // threads for collector tasks; they block in AWS calls
  int max_threads = 512;    // with the threads started while others wait for rate-limit tokens
  int max_tasks_per_run = 32;  // tasks of one collector in one region in the pool at once
  int max_in_flight = 64;   // AWS calls at once, across services and regions
  RateLimitConfig rate_limits = RateLimitConfig::aws_defaults();
};

}  // namespace cloudpeek::scan
