// `cloudpeek scan`: credentials as in `auth check`, then the scan engine over
// the account, a progress display on stderr, findings to
// <output-dir>/findings.json (and the report formats, see report_hook.h), and
// a summary on stdout.
//
// Exit codes (README "Exit codes"):
//   0  the scan read everything and --fail-on (if given) found no FAIL at or above it
//   1  usage or credentials error: nothing was scanned
//   2  the scan did not finish (interrupted), nothing could be assessed, or its
//      output could not be written
//   3  --fail-on: some check FAILed at or above that severity
//   4  partial: calls failed and some results are NOT_ASSESSED (scan::judge)
//   5  --organization: some member account could not be reached (its role is
//      missing or not trusted): a gap, the other accounts were scanned
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/credential_options.h"

namespace cloudpeek::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitIncomplete = 2;
inline constexpr int kExitFailOn = 3;
inline constexpr int kExitPartial = 4;

struct ScanCommandOptions {
  CredentialOptions credentials;
  std::vector<std::string> regions, services, checks;
  std::string compliance;  // "" or a framework id or alias (model/frameworks): "aws-fsbp"
  std::string severity;    // minimum severity of the checks run
  std::string output_dir;  // empty: no files
  std::vector<std::string> output_formats = {"json"};
  std::string fail_on;     // severity
  int max_in_flight = 64;
  int workers = 96;
  // --organization (cli/organization_command.h): every account of the organization.
  bool organization = false;
  std::string role_name = "CloudPeekAudit";
  std::string external_id;
  std::vector<std::string> accounts;  // only these account ids
  int concurrency = 4;                // accounts scanned at once
  std::string output = "text";        // text or json on stdout (--organization)
};

CLI::App* add_scan_command(CLI::App& app, ScanCommandOptions& options);
int run_scan(const ScanCommandOptions& options);

}  // namespace cloudpeek::cli
