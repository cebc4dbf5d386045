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
#include "cli/credential_options.h"

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

  CLI11_PARSE(app, argc, argv);
  setup_logging(debug);
  if (check->parsed()) return run_auth_check(creds_opts, output);
  return 2;
}
