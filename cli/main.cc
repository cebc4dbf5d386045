// The `cloudpeek` command.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "aws/credentials/client_caller.h"
#include "aws/identity/caller_identity.h"
#include "cli/auth_check.h"
#include "cli/auth_sso.h"
#include "cli/checks_command.h"
#include "cli/credential_options.h"
#include "cli/iam_command.h"
#include "cli/organization_command.h"
#include "cli/scan_command.h"
#include "server/serve.h"

using namespace cloudpeek;

namespace {

void setup_logging(bool debug) {
  auto logger = spdlog::stderr_color_mt("cloudpeek");
  spdlog::set_default_logger(logger);
  spdlog::set_level(debug ? spdlog::level::debug : spdlog::level::warn);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
}

bool use_color(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fd) && !(no_color && *no_color);
}

int run_auth_check(const cli::CredentialOptions& creds_opts, const std::string& output) {
  auto transport = std::make_shared<Transport>(TransportOptions::from_environment());
  cli::AuthCheckReport report;
  report.now = Clock::now();
  auto format = output == "json" ? cli::OutputFormat::kJson : cli::OutputFormat::kText;

  auto resolved = cli::resolve_credentials(creds_opts, std::cin, transport);
  if (!resolved) {
    report.error = resolved.error();
    return cli::print_auth_check(report, format, use_color(2), std::cout, std::cerr);
  }
  report.region = resolved->region;
  auto creds = resolved->provider->get();
  if (!creds) {
    report.error = creds.error();
    return cli::print_auth_check(report, format, use_color(2), std::cout, std::cerr);
  }
  report.credentials = creds.value();
  spdlog::debug("auth check: credentials from {}, region {}", report.credentials.source, report.region);

  AwsClient client(ClientConfig::from_environment(resolved->region), resolved->provider, transport);
  auto identity = get_caller_identity(client);
  report.now = Clock::now();
  if (identity) {
    report.ok = true;
    report.identity = identity.value();
  } else {
    report.error = identity.error();
  }
  return cli::print_auth_check(report, format, use_color(1), std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"CloudPeek: read-only AWS security audit"};
  app.require_subcommand(1);
  bool debug = false;
  app.add_flag("--debug", debug, "Log every AWS call to stderr (secrets are never logged)");

  auto* auth = app.add_subcommand("auth", "Check AWS credentials");
  auth->require_subcommand(1);
  auto* check = auth->add_subcommand("check", "Call STS GetCallerIdentity and say whose credentials these are");
  cli::CredentialOptions creds_opts;
  cli::add_credential_options(*check, creds_opts);
  std::string output = "text";
  check->add_option("--output", output, "text or json")->check(CLI::IsMember({"text", "json"}));
  check->add_flag("--debug", debug, "Log every AWS call to stderr (secrets are never logged)");

  cli::ScanCommandOptions scan_opts;
  auto* scan = cli::add_scan_command(app, scan_opts);
  scan->add_flag("--debug", debug, "Log every AWS call to stderr (secrets are never logged)");

  cli::SsoLoginOptions sso_opts;
  auto* sso_login = cli::add_auth_sso_login(*auth, sso_opts);
  sso_login->add_flag("--debug", debug, "Log every AWS call to stderr (secrets are never logged)");
  auto* checks = app.add_subcommand("checks", "The security checks CloudPeek runs");
  checks->require_subcommand(1);
  auto* list = checks->add_subcommand("list", "List the checks");
  cli::ChecksListOptions list_opts;
  list->add_option("--output", list_opts.output, "text or json")->check(CLI::IsMember({"text", "json"}));
  list->add_option("--service", list_opts.service, "Only this service's checks (s3, iam, ec2, ...)");
  list->add_option("--compliance", list_opts.compliance, "Only checks mapped to a framework: cis-3.0, aws-fsbp, nist-800-53-r5, ...");
  list->add_option("--severity", list_opts.severity, "Only checks at or above this severity");
  auto* show = checks->add_subcommand("show", "Everything about one check, with its remediation");
  std::string show_id, show_output = "text";
  show->add_option("id", show_id, "Check id")->required();
  show->add_option("--output", show_output, "text or json")->check(CLI::IsMember({"text", "json"}));

  cli::IamCommandOptions iam_opts;
  auto* iam_cmd = cli::add_iam_command(app, iam_opts);
  for (auto* sub : iam_cmd->get_subcommands())
    sub->add_flag("--debug", debug, "Log every AWS call to stderr (secrets are never logged)");

  cli::OrganizationCommandOptions org_opts;
  auto* org_cmd = cli::add_organization_command(app, org_opts);
  for (auto* sub : org_cmd->get_subcommands())
    sub->add_flag("--debug", debug, "Log every AWS call to stderr (secrets are never logged)");

  server::ServeOptions serve_opts;
  std::string serve_data_dir;
  auto* serve = app.add_subcommand("serve", "Start the web app (dashboard, findings, scans) on http://127.0.0.1:8080");
  serve->add_option("--listen", serve_opts.listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  serve->add_option("--data-dir", serve_data_dir,
                    "Database and master key directory (default $XDG_DATA_HOME/cloudpeek, ~/.local/share/cloudpeek)");
  serve->add_option("--web-dir", serve_opts.web_dir, "The built web UI (default: web/dist)");
  serve->add_option("--public-origin", serve_opts.public_origins,
                    "Another origin the browser uses, e.g. https://cloudpeek.example.com behind a proxy");
  serve->add_flag("--debug", debug, "Log every AWS call to stderr (secrets are never logged)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help prints and exits 0; every other parse error is a usage error (exit code 1, see README).
    return app.exit(e) == 0 ? 0 : 1;
  }
  setup_logging(debug);
  if (check->parsed()) return run_auth_check(creds_opts, output);
  if (sso_login->parsed()) {
    sso_opts.inline_countdown = isatty(2);
    return cli::run_auth_sso_login(sso_opts, std::cout, std::cerr);
  }
  if (scan->parsed()) return cli::run_scan(scan_opts);
  if (list->parsed()) return cli::run_checks_list(list_opts, std::cout, std::cerr);
  if (show->parsed()) return cli::run_checks_show(show_id, show_output, std::cout, std::cerr);
  if (iam_cmd->parsed()) return cli::run_iam(iam_opts);
  if (org_cmd->parsed()) return cli::run_organization_command(*org_cmd, org_opts, std::cout, std::cerr);
  if (serve->parsed()) {
    if (!serve_data_dir.empty()) serve_opts.data_dir = serve_data_dir;
    return server::run_serve(serve_opts, std::cout, std::cerr);
  }
  return 1;
}
