// Small pieces every format shares.
#pragma once

#include <chrono>
#include <string>

#include "model/check_metadata.h"
#include "model/finding.h"
#include "report/report.h"

namespace cloudpeek::report {

std::string iso8601(std::chrono::system_clock::time_point t);  // "2026-11-25T10:00:00Z"
long long epoch_ms(std::chrono::system_clock::time_point t);
// The check's metadata, or a placeholder naming the id when it is unknown.
const CheckMetadata& metadata_of(const ReportInput& in, const std::string& check_id);
std::string join(const std::vector<std::string>& v, std::string_view sep);
// A stable id of a finding: check, account, region, resource.
std::string finding_uid(const Finding& f);

}  // namespace cloudpeek::report
