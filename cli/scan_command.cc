#include "cli/scan_command.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <csignal>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "aws/identity/caller_identity.h"
#include "cli/auth_check.h"
#include "cli/findings_file.h"
#include "cli/organization_command.h"
#include "cli/report_hook.h"
#include "cli/resources_file.h"
#include "cli/scan_progress_view.h"
#include "cli/scan_summary.h"
#include "collect/collector.h"
#include "model/compliance.h"
#include "scan/check_selection.h"
#include "scan/engine.h"

namespace cloudpeek::cli {

namespace {

std::atomic<bool> g_interrupted{false};

void on_sigint(int) {
  g_interrupted = true;
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
}

bool use_color(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fd) && !(no_color && *no_color);
}

// What is wrong with the flags, if anything (checked before any AWS call).
std::optional<std::string> usage_error(const ScanCommandOptions& o, scan::ScanOptions& out) {
  out.regions = o.regions;
  out.services = o.services;
  out.checks = o.checks;
  out.max_in_flight = o.max_in_flight;
  out.workers = o.workers;
  const Framework* framework = nullptr;
  if (!o.compliance.empty()) {
    framework = find_framework(o.compliance);
    if (!framework) return unknown_framework_message(o.compliance);
  }
  if (!o.severity.empty()) {
    out.min_severity = parse_severity(o.severity);
    if (!out.min_severity) return "Unknown --severity \"" + o.severity + "\": use critical, high, medium, low or informational.";
  }
  if (!o.fail_on.empty() && !parse_severity(o.fail_on))
    return "Unknown --fail-on \"" + o.fail_on + "\": use critical, high, medium, low or informational.";
  for (const auto& f : o.output_formats) {
    const auto& known = known_output_formats();
    if (std::find(known.begin(), known.end(), f) == known.end())
      return "Unknown output format \"" + f + "\": use json-ocsf, csv, sarif, html, text or json.";
  }
  auto unknown = scan::unknown_check_ids(scan::CheckFilter::from(out));
  if (!unknown.empty()) return "No check has the id \"" + unknown[0] + "\": `cloudpeek checks list` shows them all.";
  if (framework) {  // only the checks mapped to its controls (and among --checks, if given)
    std::vector<const CheckMetadata*> all;
    for (const auto* c : checks::all_checks())
      if (out.checks.empty() || std::find(out.checks.begin(), out.checks.end(), c->meta.id) != out.checks.end())
        all.push_back(&c->meta);
    out.checks = framework_check_ids(*framework, all);
    if (out.checks.empty()) return "No check of --checks is mapped to " + framework->title() + ".";
  }
  for (const auto& s : o.services) {
    bool known = collect::find_collector(s) != nullptr;
    for (const auto* c : checks::all_checks()) known = known || c->meta.service == s;
    if (!known) return "Unknown service \"" + s + "\": `cloudpeek checks list` shows the services.";
  }
  if (scan::select_checks(scan::CheckFilter::from(out)).empty())
    return "No check matches --services/--checks/--compliance/--severity together.";
  return organization_usage_error(o);
}

// Shows progress on stderr until stop() (and cancels the engine on Ctrl-C).
class ProgressDisplay {
 public:
  explicit ProgressDisplay(scan::ScanEngine& engine)
      : engine_(engine), tty_(isatty(2)), color_(use_color(2)), thread_([this] { loop(); }) {}
  ~ProgressDisplay() { stop(); }
  void stop() {
    {
      std::lock_guard lock(mu_);
      if (stopped_) return;
      stopped_ = true;
    }
    cv_.notify_all();
    thread_.join();
    if (tty_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  void loop() {
    auto interval = tty_ ? std::chrono::milliseconds(150) : std::chrono::milliseconds(5000);
    auto next_line = std::chrono::steady_clock::now() + interval;
    std::unique_lock lock(mu_);
    while (!stopped_) {
      cv_.wait_for(lock, std::chrono::milliseconds(100));
      if (g_interrupted && !cancelled_) {
        cancelled_ = true;
        engine_.cancel();
        std::cerr << (tty_ ? "\r\x1b[K" : "") << "Interrupted: stopping the scan (Ctrl-C again to quit now)\n";
      }
      if (stopped_ || std::chrono::steady_clock::now() < next_line) continue;
      next_line += interval;
      auto s = engine_.progress().snapshot();
      if (tty_)
        std::cerr << "\r\x1b[K" << progress_bar_line(s, 24, color_) << std::flush;
      else
        std::cerr << progress_plain_line(s) << "\n";
    }
  }

  scan::ScanEngine& engine_;
  bool tty_, color_;
  bool stopped_ = false, cancelled_ = false;
  std::mutex mu_;
  std::condition_variable cv_;
  std::thread thread_;  // last: started once the rest is set up
};

}  // namespace

CLI::App* add_scan_command(CLI::App& app, ScanCommandOptions& o) {
  auto* cmd = app.add_subcommand("scan", "Inventory the account and run the security checks");
  add_credential_options(*cmd, o.credentials);
  cmd->add_option("--regions", o.regions, "Regions to scan (comma-separated); default: every enabled region")
      ->delimiter(',');
  cmd->add_option("--services", o.services, "Only these services' checks (comma-separated): s3,iam,ec2,...")
      ->delimiter(',');
  cmd->add_option("--checks", o.checks, "Only these checks (comma-separated ids)")->delimiter(',');
  cmd->add_option("--compliance", o.compliance,
                  "Only checks mapped to a framework: cis-3.0, aws-fsbp, nist-800-53-r5, ... (`cloudpeek checks list --compliance NAME`)");
  cmd->add_option("--severity", o.severity, "Only checks at or above this severity");
  cmd->add_option("--output-dir", o.output_dir, "Write findings.json and the report formats here");
  cmd->add_option("--output-formats", o.output_formats, "json-ocsf, csv, sarif, html, text, json (comma-separated)")
      ->delimiter(',');
  cmd->add_option("--fail-on", o.fail_on, "Exit with code 3 if any check FAILs at or above this severity");
  cmd->add_option("--max-in-flight", o.max_in_flight, "AWS calls at once (default 64)")->check(CLI::Range(1, 1024));
  cmd->add_option("--workers", o.workers, "Collector threads (default 96)")->check(CLI::Range(1, 1024));
  cmd->add_flag("--organization", o.organization,
                "Scan every account of the organization the credentials manage (management account or delegated "
                "administrator), each through --role-name");
  cmd->add_option("--role-name", o.role_name, "--organization: role assumed in each member (default CloudPeekAudit)");
  cmd->add_option("--external-id", o.external_id, "--organization: ExternalId the members' role requires");
  cmd->add_option("--accounts", o.accounts, "--organization: only these account ids (comma-separated)")->delimiter(',');
  cmd->add_option("--concurrency", o.concurrency, "--organization: accounts scanned at once (default 4)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--output", o.output, "--organization: text or json on stdout")->check(CLI::IsMember({"text", "json"}));
  return cmd;
}

int run_scan(const ScanCommandOptions& o) {
  scan::ScanOptions options;
  if (auto why = usage_error(o, options)) {
    std::cerr << "cloudpeek scan: " << *why << "\n";
    return kExitUsage;
  }

  // Credentials exactly as `auth check`: the same resolution, the same diagnosis.
  auto topts = TransportOptions::from_environment();
  // --organization: K accounts at once, each with its own engine and in-flight cap.
  const size_t engines = o.organization ? static_cast<size_t>(o.concurrency) : 1;
  topts.max_in_flight = std::max<size_t>(topts.max_in_flight, o.max_in_flight * engines);
  topts.max_connections = std::max<size_t>(topts.max_connections, o.max_in_flight * engines);
  auto transport = std::make_shared<Transport>(topts);
  AuthCheckReport report;
  report.now = Clock::now();
  auto resolved = resolve_credentials(o.credentials, std::cin, transport);
  if (!resolved) {
    report.error = resolved.error();
    print_auth_check(report, OutputFormat::kText, use_color(2), std::cerr, std::cerr);
    return kExitUsage;
  }
  report.region = resolved->region;
  auto creds = resolved->provider->get();
  if (!creds) {
    report.error = creds.error();
    print_auth_check(report, OutputFormat::kText, use_color(2), std::cerr, std::cerr);
    return kExitUsage;
  }
  report.credentials = creds.value();
  AwsClient client(ClientConfig::from_environment(resolved->region), resolved->provider, transport);
  auto identity = get_caller_identity(client);
  report.now = Clock::now();
  if (!identity) {
    report.error = identity.error();
    print_auth_check(report, OutputFormat::kText, use_color(2), std::cerr, std::cerr);
    return kExitUsage;
  }
  // GovCloud and China home regions differ from us-east-1.
  options.home_region = identity->principal.partition == "aws-us-gov" ? "us-gov-west-1"
                        : identity->principal.partition == "aws-cn"   ? "cn-north-1"
                                                                      : "us-east-1";
  if (o.organization)
    return run_organization_scan(o, options, resolved.value(), transport, identity.value(), std::cout, std::cerr);

  FindingFanout fanout;
  CostTotal cost_total;  // the cost hygiene estimates, for the line after the summary
  fanout.add(&cost_total);
  std::unique_ptr<FindingsFile> file;
  std::unique_ptr<ResourcesFile> resources_file;
  if (!o.output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(o.output_dir, ec);
    auto opened = FindingsFile::open((std::filesystem::path(o.output_dir) / "findings.json").string());
    if (!opened) {
      std::cerr << "cloudpeek scan: " << opened.error().describe() << "\n";
      return kExitUsage;
    }
    file = std::move(opened.value());
    fanout.add(file.get());
    // The inventory too, for `cloudpeek iam --from-scan` (resources_file.h).
    auto res = ResourcesFile::open((std::filesystem::path(o.output_dir) / kResourcesFileName).string());
    if (!res) {
      std::cerr << "cloudpeek scan: " << res.error().describe() << "\n";
      return kExitUsage;
    }
    resources_file = std::move(res.value());
  }

  std::cerr << fmt::format("Scanning account {} as {}\n", identity->account, identity->arn);
  scan::ScanEngine engine(client,
                          scan::ScanIdentity{identity->account, identity->arn,
                                             identity->principal.partition.empty() ? "aws" : identity->principal.partition},
                          options);
  g_interrupted = false;
  auto previous = std::signal(SIGINT, on_sigint);
  scan::ScanResult result;
  {
    ProgressDisplay display(engine);
    result = engine.run(fanout, resources_file.get());
  }
  std::signal(SIGINT, previous);

  // The compliance block shows the framework --compliance chose (CIS v3.0.0 otherwise).
  const Framework* framework = o.compliance.empty() ? nullptr : find_framework(o.compliance);
  print_scan_summary(result, use_color(1), std::cout, framework);
  cost_total.print(use_color(1), std::cout);

  bool output_ok = true;
  if (file) {
    if (auto st = file->close(); !st) {
      std::cerr << "cloudpeek scan: " << st.error().describe() << "\n";
      output_ok = false;
    }
    for (auto st : {resources_file->close(),
                    write_coverage_file(result, (std::filesystem::path(o.output_dir) / kCoverageFileName).string())}) {
      if (!st) {
        std::cerr << "cloudpeek scan: " << st.error().describe() << "\n";
        output_ok = false;
      }
    }
    auto written = write_report_formats(result, file->path(), o.output_formats, o.output_dir, framework);
    for (const auto& p : written.written) std::cout << "Wrote " << p << "\n";
    for (const auto& u : written.unavailable) std::cerr << "Not written: " << u << "\n";
  }

  if (result.cancelled || !output_ok) return kExitIncomplete;
  // Honest about what could not be read: never a plain 0 for a scan that lost data.
  scan::ScanOutcome outcome = scan::judge(result);
  if (outcome.outcome != scan::Outcome::kSucceeded) std::cerr << "Scan " << outcome.summary << "\n";
  if (outcome.outcome == scan::Outcome::kFailed) return kExitIncomplete;
  if (!o.fail_on.empty()) {
    Severity threshold = *parse_severity(o.fail_on);
    uint64_t failing = 0;
    for (const auto& [sev, counts] : result.findings_by_severity)
      if (sev >= threshold) failing += counts[CheckStatus::kFail];
    if (failing) {
      std::cerr << fmt::format("--fail-on {}: {} finding{} FAILed at or above it.\n", o.fail_on, failing,
                               failing == 1 ? "" : "s");
      return kExitFailOn;
    }
  }
  return outcome.outcome == scan::Outcome::kPartial ? kExitPartial : kExitOk;
}

}  // namespace cloudpeek::cli
