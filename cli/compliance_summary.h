// The compliance block of `cloudpeek scan`'s summary for the framework
// `--compliance NAME` chose: its controls per section, rolled up from the
// scan's counts per check.
#pragma once

#include <string>
#include <vector>

#include "model/compliance.h"
#include "scan/scan_result.h"

namespace cloudpeek::cli {

// Every check that ran, with its counts and compliance metadata (a check that
// found nothing to evaluate has zero counts: NO_RESOURCES, never NOT_RUN).
std::vector<CheckCounts> counts_per_check(const scan::ScanResult& result);

// The framework's title line, one line per section (controls pass / fail /
// not assessed / manual / not run) and the failing controls; a line saying
// so when no check that ran assesses any of its controls.
std::string framework_summary(const scan::ScanResult& result, const Framework& framework, bool color);

}  // namespace cloudpeek::cli
