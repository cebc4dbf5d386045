// `cloudpeek iam`: the IAM analyzer (iam/graph.h) on the command line.
//
//   cloudpeek iam who-can ACTION [RESOURCE] [--all]
//   cloudpeek iam paths [PRINCIPAL] [--to admin|ROLE] [--limit N]
//   cloudpeek iam explain PRINCIPAL
//
// each with --output text|json, over either
// - live credentials (the flags of `auth check`): the scan engine collects IAM,
//   and Lambda functions and EC2 instances (the workloads that already run as a
//   role; --no-workloads skips them and the edges then say what they assume);
// - or a scan's saved inventory: --from-scan DIR reads what
//   `cloudpeek scan --output-dir DIR` wrote (resources.json, coverage.json).
//
// A principal is named by ARN (an assumed-role session ARN means its role), by
// user or role name ("user/NAME", "role/NAME" when a user and a role share
// one), or by an IAM Identity Center permission set name.
//
// Exit codes: 0 answered; 1 usage, credentials, an unknown principal or
// action, or an unreadable --from-scan; 2 IAM could not be collected.
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/credential_options.h"
#include "model/inventory.h"

namespace cloudpeek::cli {

struct IamCommandOptions {
  CredentialOptions credentials;
  std::vector<std::string> regions;  // live: where Lambda functions and EC2 instances are listed
  bool workloads = true;             // live: list them at all
  std::string from_scan;             // a `scan --output-dir`
  std::string output = "text";       // "text" or "json"

  std::string query;  // "who-can", "paths", "explain": set by the subcommand parsed
  // who-can
  std::string action;
  std::string resource = "*";
  bool all = false;  // also the principals denied, and by what (text; JSON always has them)
  // paths, explain
  std::string principal;  // paths: empty for every principal
  std::string to = "admin";
  int limit = 0;  // paths per principal; 0: 5 for one principal, 1 for all
};

CLI::App* add_iam_command(CLI::App& app, IamCommandOptions& options);

// Collects (or loads) the inventory and answers the query on stdout.
int run_iam(IamCommandOptions options);

// The query alone, over an inventory already at hand (no AWS call).
int run_iam_query(const Inventory& inventory, const IamCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace cloudpeek::cli
