// REPORT HOOK: where report/ plugs into `cloudpeek scan`. After the scan, the
// CLI calls write_report_formats() with the ScanResult, the findings file
// (JSON lines, already written) and the formats the user asked for. Until
// report/ exists, only "json" (the findings file itself) is produced and every
// other format is reported back as not available.
#pragma once

#include <string>
#include <vector>

#include "scan/scan_result.h"

namespace cloudpeek::cli {

// The names --output-formats accepts.
const std::vector<std::string>& known_output_formats();  // json-ocsf, csv, sarif, html, text, json

struct ReportOutcome {
  std::vector<std::string> written;      // paths
  std::vector<std::string> unavailable;  // formats not produced, with why
};

ReportOutcome write_report_formats(const scan::ScanResult& result, const std::string& findings_jsonl,
                                   const std::vector<std::string>& formats, const std::string& output_dir);

}  // namespace cloudpeek::cli
