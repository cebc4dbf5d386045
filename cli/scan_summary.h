// The terminal summary after `cloudpeek scan`: findings by severity and by
// service, CIS compliance per section, and every coverage gap (action,
// region, reason), so what was not assessed is never silent.
#pragma once

#include <iosfwd>

#include "scan/scan_result.h"

namespace cloudpeek::cli {

void print_scan_summary(const scan::ScanResult& result, bool color, std::ostream& out);

}  // namespace cloudpeek::cli
