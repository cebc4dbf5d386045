// Which checks a scan (or `cloudpeek checks list`) covers, from the filters of
// ScanOptions: ids, services, minimum severity, CIS only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "scan/options.h"

namespace cloudpeek::scan {

struct CheckFilter {
  std::vector<std::string> ids;       // empty: any
  std::vector<std::string> services;  // empty: any; a collector-only service (sesv2) selects the checks of its types
  std::optional<Severity> min_severity;
  bool cis_only = false;
  static CheckFilter from(const ScanOptions& options);
};

// The registered checks the filter keeps, sorted by id.
std::vector<const checks::Check*> select_checks(const CheckFilter& filter);

// Ids in filter.ids that name no registered check (a typo the user should hear about).
std::vector<std::string> unknown_check_ids(const CheckFilter& filter);

}  // namespace cloudpeek::scan
