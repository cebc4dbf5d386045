// AWS Organizations on the command line (issue 11 §2):
//
//   cloudpeek scan --organization [--role-name NAME] [--external-id ID] [--accounts ID,ID]
//                  [--concurrency K] [--output text|json]
//     discovers the organization with the credentials given (management account
//     or a delegated administrator), reaches each member by AssumeRole
//     (scan/organization.h), scans the reachable accounts K at a time (each
//     its own ScanEngine, so each has its own rate-limit buckets: AWS meters per
//     account), and prints one line per account and a summary. A member that
//     could not be reached is a visible gap, never a PASS and never a failure of
//     the other accounts' scans (exit code 5, README "Exit codes").
//   cloudpeek organization accounts [--role-name NAME] [--external-id ID]
//     the same discovery and probe, without scanning: whether the role works where.
//   cloudpeek organization template --external-id ID [--role-name NAME]
//                                   [--format cloudformation|terraform] [--trusted-account ID]
//     the StackSet template or Terraform snippet creating the member role
//     (scan/organization_templates.h), trusting the credentials' account
//     unless --trusted-account names another.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <memory>
#include <string>

#include "cli/credential_options.h"
#include "cli/scan_command.h"
#include "scan/options.h"

namespace cloudpeek {
struct CallerIdentity;
class Transport;
}  // namespace cloudpeek

namespace cloudpeek::cli {

// A member account could not be reached (role missing or not trusted, or
// another failure): the other accounts were scanned.
inline constexpr int kExitUnreachableAccounts = 5;

// `scan --organization`, once run_scan has checked the flags and the base
// credentials (identity: who they are).
int run_organization_scan(const ScanCommandOptions& o, const scan::ScanOptions& options,
                          const ResolvedCredentials& resolved, std::shared_ptr<Transport> transport,
                          const CallerIdentity& identity, std::ostream& out, std::ostream& err);

// What is wrong with the --organization flags (before any AWS call), if anything.
std::optional<std::string> organization_usage_error(const ScanCommandOptions& o);

struct OrganizationCommandOptions {
  CredentialOptions credentials;
  std::string role_name = "CloudPeekAudit";
  std::string external_id;
  std::string format = "cloudformation";
  std::string trusted_account;
  std::string output = "text";
  int concurrency = 4;
};

// Adds `organization accounts` and `organization template`; returns the parent.
CLI::App* add_organization_command(CLI::App& app, OrganizationCommandOptions& options);
// Runs whichever subcommand was parsed.
int run_organization_command(const CLI::App& organization, const OrganizationCommandOptions& options,
                             std::ostream& out, std::ostream& err);

}  // namespace cloudpeek::cli
