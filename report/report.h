// Reports of a scan, in the formats users feed to other tools: OCSF JSON
// (Detection Finding, class 2004), CSV, SARIF 2.1.0, a self-contained HTML
// page, and plain text. Every string that came from AWS is escaped for its
// format (a hostile tag stays inert); secrets never reach this layer.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/check_metadata.h"
#include "model/coverage.h"
#include "model/finding.h"
#include "model/inventory.h"

namespace cloudpeek {
struct Framework;  // model/compliance.h
}

namespace cloudpeek::report {

struct ReportInput {
  std::string tool_version = "0.1.0";
  std::string account;
  std::string principal_arn;
  std::string partition = "aws";
  std::chrono::system_clock::time_point started;
  std::chrono::system_clock::time_point finished;
  std::vector<RegionStatus> regions;
  std::vector<CoverageGap> gaps;
  std::vector<Finding> findings;
  std::map<std::string, CheckMetadata> checks;  // metadata of every check that ran, by id
  // The compliance framework the summaries roll up (`scan --compliance NAME`);
  // nullptr: CIS AWS Foundations v3.0.0, the default view.
  const Framework* framework = nullptr;
};

enum class Format { kOcsfJson, kCsv, kSarif, kHtml, kText };

// "json-ocsf", "csv", "sarif", "html", "text".
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format f);
std::string file_name(Format f);  // "cloudpeek-findings.ocsf.json", ...

void write_ocsf(const ReportInput& in, std::ostream& out);
void write_csv(const ReportInput& in, std::ostream& out);
void write_sarif(const ReportInput& in, std::ostream& out);
void write_html(const ReportInput& in, std::ostream& out);
void write_text(const ReportInput& in, std::ostream& out);

struct WriteResult {
  std::vector<std::string> written;  // paths
  std::string error;                 // empty on success: names the file and what failed
};

// Writes each format to `dir` (created if needed); each file is written to a
// temporary name and renamed, so a failure never leaves half a report.
WriteResult write_reports(const ReportInput& in, const std::vector<Format>& formats, const std::string& dir);

}  // namespace cloudpeek::report
