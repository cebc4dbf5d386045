#include "cli/organization_command.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "aws/client/client.h"
#include "aws/credentials/client_caller.h"
#include "aws/identity/caller_identity.h"
#include "cli/findings_file.h"
#include "cli/report_hook.h"
#include "cli/resources_file.h"
#include "model/compliance.h"
#include "scan/engine.h"
#include "scan/organization.h"
#include "scan/organization_templates.h"

namespace cloudpeek::cli {
namespace {

using ojson = nlohmann::ordered_json;

std::atomic<bool> g_org_interrupted{false};
void on_org_sigint(int) {
  g_org_interrupted = true;
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
}

class NullSink : public scan::FindingSink {
 public:
  void on_finding(const Finding&) override {}
};

struct AccountRun {
  const scan::OrganizationAccount* account = nullptr;
  scan::MemberReach reach;
  std::optional<scan::ScanResult> result;
  std::optional<scan::ScanOutcome> outcome;
  std::string output_error;
  double seconds = 0;
};

std::string status_text(const AccountRun& r) {
  if (r.result) {
    if (r.result->cancelled) return "interrupted";
    if (!r.output_error.empty()) return "output failed";
    std::string s = std::string(scan::to_string(r.outcome->outcome));
    if (r.outcome->outcome == scan::Outcome::kPartial) s += fmt::format(" ({:.1f}%)", r.outcome->assessed_percent);
    return r.reach.status == scan::MemberStatus::kCallerAccount ? s + ", own" : s;
  }
  switch (r.reach.status) {
    case scan::MemberStatus::kRoleDenied: return "ROLE DENIED";
    case scan::MemberStatus::kSuspended: return "suspended";
    case scan::MemberStatus::kError: return "NOT REACHED";
    case scan::MemberStatus::kOk: return "role ok";
    case scan::MemberStatus::kCallerAccount: return "own account";
  }
  return "not scanned";
}

bool unreachable(const scan::MemberReach& m) {
  return m.status == scan::MemberStatus::kRoleDenied || m.status == scan::MemberStatus::kError;
}

ojson organization_json(const scan::Organization& org) {
  return {{"id", org.id},
          {"arn", org.arn},
          {"feature_set", org.feature_set},
          {"management_account_id", org.management_account_id},
          {"caller_account", org.caller_account},
          {"caller_is_management", org.caller_is_management},
          {"caller_is_delegated_admin", org.caller_is_delegated_admin},
          {"delegated_admins_readable", org.delegated_admins_readable}};
}

ojson account_json(const AccountRun& r) {
  const auto& a = *r.account;
  ojson j = {{"id", a.id},
             {"name", a.name},
             {"email", a.email},
             {"status", a.status},
             {"ou_path", a.ou_path},
             {"management", a.management},
             {"delegated_services", a.delegated_services},
             {"reach", std::string(scan::to_string(r.reach.status))},
             {"role_arn", r.reach.role_arn},
             {"identity_arn", r.reach.identity_arn},
             {"message", r.reach.message},
             {"advice", r.reach.advice},
             {"error_code", r.reach.error_code}};
  if (r.result) {
    const auto& f = r.result->findings;
    j["scan"] = {{"outcome", r.result->cancelled ? "interrupted" : std::string(scan::to_string(r.outcome->outcome))},
                 {"assessed_percent", r.outcome->assessed_percent},
                 {"fail", f[CheckStatus::kFail]},
                 {"pass", f[CheckStatus::kPass]},
                 {"not_assessed", f[CheckStatus::kNotAssessed]},
                 {"manual", f[CheckStatus::kManual]},
                 {"api_calls", r.result->api_calls},
                 {"resources", r.result->resources()},
                 {"failed_calls", r.outcome->failed_calls},
                 {"seconds", r.seconds}};
    if (!r.output_error.empty()) j["scan"]["output_error"] = r.output_error;
  } else {
    j["scan"] = nullptr;  // not scanned: nothing about this account was assessed
  }
  return j;
}

void print_table(const scan::Organization& org, const std::vector<AccountRun>& runs, std::ostream& out) {
  size_t name_w = 4, ou_w = 7;
  for (const auto& r : runs) {
    name_w = std::max(name_w, r.account->name.size());
    ou_w = std::max(ou_w, r.account->ou_path.size());
  }
  out << fmt::format("{:<12}  {:<{}}  {:<{}}  {:<22} {:>6} {:>6} {:>13}\n", "ACCOUNT", "NAME", name_w, "OU PATH", ou_w,
                     "STATUS", "FAIL", "PASS", "NOT_ASSESSED");
  for (const auto& r : runs) {
    std::string fail = "-", pass = "-", na = "-";
    if (r.result) {
      fail = std::to_string(r.result->findings[CheckStatus::kFail]);
      pass = std::to_string(r.result->findings[CheckStatus::kPass]);
      na = std::to_string(r.result->findings[CheckStatus::kNotAssessed]);
    }
    out << fmt::format("{:<12}  {:<{}}  {:<{}}  {:<22} {:>6} {:>6} {:>13}\n", r.account->id, r.account->name, name_w,
                       r.account->ou_path, ou_w, status_text(r), fail, pass, na);
  }
  std::vector<const AccountRun*> gaps;
  for (const auto& r : runs)
    if (unreachable(r.reach)) gaps.push_back(&r);
  if (!gaps.empty()) {
    out << fmt::format("\nNot reached — a gap, nothing in {} was assessed:\n",
                       gaps.size() == 1 ? "this account" : "these " + std::to_string(gaps.size()) + " accounts");
    for (const auto* r : gaps) {
      out << "  " << r->account->id << " " << r->account->name << " (" << r->account->ou_path << "): " << r->reach.message
          << "\n";
      if (!r->reach.advice.empty()) out << "    " << r->reach.advice << "\n";
    }
  }
  (void)org;
}

scan::MemberAccess access_from(const std::string& role, const std::string& external_id, const CallerIdentity& id) {
  scan::MemberAccess a;
  a.role_name = role;
  a.external_id = external_id;
  a.partition = id.principal.partition.empty() ? "aws" : id.principal.partition;
  return a;
}

std::string home_region(const CallerIdentity& id) {
  return id.principal.partition == "aws-us-gov" ? "us-gov-west-1"
         : id.principal.partition == "aws-cn"   ? "cn-north-1"
                                                : "us-east-1";
}

// Discovery and the probe, shared by `scan --organization` and `organization accounts`.
struct Reached {
  scan::Organization org;
  std::vector<scan::MemberReach> reach;
};

Result<Reached> discover_and_probe(const scan::MemberAccess& access, const std::vector<std::string>& only,
                                   int concurrency, const ResolvedCredentials& resolved, AwsCallerPtr caller,
                                   const CallerIdentity& identity, std::ostream& err) {
  err << fmt::format("Discovering the organization of account {} as {}\n", identity.account, identity.arn);
  scan::DiscoverOptions d;
  d.region = home_region(identity);
  auto org = scan::discover_organization(*caller, resolved.provider, d);
  if (!org) return std::move(org).error();
  for (const auto& id : only)
    if (!org->find(id))
      return make_error(ErrorKind::kInvalidInput,
                        "--accounts: account " + id + " is not in organization " + org->id + ".",
                        "`cloudpeek organization accounts` lists its accounts.");
  auto access_in = access;
  access_in.sts_region = d.region;
  auto reach = scan::probe_members(*org, access_in, resolved.provider, caller, only, concurrency);
  return Reached{std::move(org).value(), std::move(reach)};
}

}  // namespace

std::optional<std::string> organization_usage_error(const ScanCommandOptions& o) {
  if (!o.organization) {
    if (!o.accounts.empty()) return "--accounts is for --organization scans.";
    if (!o.external_id.empty()) return "--external-id is for --organization scans.";
    if (o.output != "text") return "--output json is for --organization scans (use --output-dir for a single account).";
    return std::nullopt;
  }
  scan::MemberAccess a;
  a.role_name = o.role_name;
  a.external_id = o.external_id;
  if (auto st = scan::validate(a); !st) return st.error().message;
  if (o.concurrency < 1 || o.concurrency > 64) return "--concurrency must be between 1 and 64.";
  for (const auto& id : o.accounts)
    if (id.size() != 12 || !std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isdigit(c); }))
      return "--accounts: \"" + id + "\" is not a 12-digit AWS account id.";
  return std::nullopt;
}

int run_organization_scan(const ScanCommandOptions& o, const scan::ScanOptions& options,
                          const ResolvedCredentials& resolved, std::shared_ptr<Transport> transport,
                          const CallerIdentity& identity, std::ostream& out, std::ostream& err) {
  auto config = ClientConfig::from_environment(resolved.region);
  auto caller = std::make_shared<ClientCaller>(transport, config.endpoints, config.retry);
  // Probing is two light calls per member (AssumeRole, GetCallerIdentity), all
  // before the first member's scan: at K at a time, 100 members at K=1 held
  // every scan back 10 s (bench/run-org-bench). So at least kProbeAtOnce.
  constexpr int kProbeAtOnce = 16;
  auto reached = discover_and_probe(access_from(o.role_name, o.external_id, identity), o.accounts,
                                    std::max(o.concurrency, kProbeAtOnce),
                                    resolved, caller, identity, err);
  if (!reached) {
    err << "cloudpeek scan --organization: " << reached.error().describe() << "\n";
    return kExitUsage;
  }
  const scan::Organization& org = reached->org;
  std::vector<AccountRun> runs;
  for (auto& m : reached->reach) {
    AccountRun r;
    r.account = org.find(m.account_id);
    r.reach = std::move(m);
    runs.push_back(std::move(r));
  }
  size_t to_scan = 0;
  for (const auto& r : runs) to_scan += r.reach.reachable();
  err << fmt::format("Organization {}: {} account{}, {} reachable; scanning {} at a time\n", org.id, runs.size(),
                     runs.size() == 1 ? "" : "s", to_scan, o.concurrency);

  // The members' own credentials may not read their place in the organization
  // nor the SCPs and RCPs above them: the credentials that discovered the
  // organization (its management account or a delegated administrator) do.
  AwsClient organization_reader(config, resolved.provider, transport);

  // K accounts at a time, each with its own engine (its own rate-limit buckets).
  std::mutex mu;  // guards `active` and err
  std::vector<scan::ScanEngine*> active;
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  g_org_interrupted = false;
  auto previous = std::signal(SIGINT, on_org_sigint);
  std::atomic<bool> finished{false};
  std::thread watcher([&] {
    bool cancelled = false;
    while (!finished) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (g_org_interrupted && !cancelled) {
        cancelled = true;
        std::lock_guard lock(mu);
        err << "Interrupted: stopping the scans (Ctrl-C again to quit now)\n";
        for (auto* e : active) e->cancel();
      }
    }
  });
  auto work = [&] {
    for (size_t i = next++; i < runs.size(); i = next++) {
      AccountRun& r = runs[i];
      if (!r.reach.reachable() || g_org_interrupted) continue;
      auto started = std::chrono::steady_clock::now();
      AwsClient client(config, r.reach.credentials, transport);
      scan::ScanIdentity id{r.account->id, r.reach.identity_arn.empty() ? identity.arn : r.reach.identity_arn,
                            identity.principal.partition.empty() ? "aws" : identity.principal.partition};
      scan::ScanEngine engine(client, id, options);
      if (r.reach.status != scan::MemberStatus::kCallerAccount) engine.read_organization_with(organization_reader);
      NullSink null_sink;
      scan::FindingSink* sink = &null_sink;
      std::unique_ptr<FindingsFile> file;
      std::filesystem::path dir;
      if (!o.output_dir.empty()) {
        dir = std::filesystem::path(o.output_dir) / r.account->id;
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        auto opened = FindingsFile::open((dir / "findings.json").string());
        if (opened) {
          file = std::move(opened.value());
          sink = file.get();
        } else {
          r.output_error = opened.error().describe();
        }
      }
      {
        std::lock_guard lock(mu);
        active.push_back(&engine);
        if (g_org_interrupted) engine.cancel();
      }
      scan::ScanResult result = engine.run(*sink);
      {
        std::lock_guard lock(mu);
        active.erase(std::find(active.begin(), active.end(), &engine));
      }
      if (file) {
        if (auto st = file->close(); !st) r.output_error = st.error().describe();
        if (auto st = write_coverage_file(result, (dir / kCoverageFileName).string()); !st)
          r.output_error = st.error().describe();
        // Each member's reports roll up the framework --compliance chose, as a single scan's do.
        const Framework* framework = o.compliance.empty() ? nullptr : find_framework(o.compliance);
        auto written = write_report_formats(result, file->path(), o.output_formats, dir.string(), framework);
        if (!written.unavailable.empty() && r.output_error.empty()) r.output_error = written.unavailable.front();
      }
      r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      r.outcome = scan::judge(result);
      r.result = std::move(result);
      std::lock_guard lock(mu);
      err << fmt::format("[{}/{}] {} {} ({}): {}, {} FAIL, {} PASS, {} NOT_ASSESSED in {:.1f} s\n", ++done, to_scan,
                         r.account->id, r.account->name, r.account->ou_path, status_text(r),
                         r.result->findings[CheckStatus::kFail], r.result->findings[CheckStatus::kPass],
                         r.result->findings[CheckStatus::kNotAssessed], r.seconds);
    }
  };
  {
    std::vector<std::thread> threads;
    for (int t = 1; t < o.concurrency; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
  }
  finished = true;
  watcher.join();
  std::signal(SIGINT, previous);

  // Summary and exit code.
  size_t scanned = 0, gaps = 0, suspended = 0, partial = 0, failed = 0, cancelled = 0, output_errors = 0;
  uint64_t fail = 0, pass = 0, not_assessed = 0;
  for (const auto& r : runs) {
    if (unreachable(r.reach)) ++gaps;
    if (r.reach.status == scan::MemberStatus::kSuspended) ++suspended;
    if (!r.result) {
      if (r.reach.reachable()) ++cancelled;  // never started: interrupted first
      continue;
    }
    ++scanned;
    fail += r.result->findings[CheckStatus::kFail];
    pass += r.result->findings[CheckStatus::kPass];
    not_assessed += r.result->findings[CheckStatus::kNotAssessed];
    if (r.result->cancelled) ++cancelled;
    else if (r.outcome->outcome == scan::Outcome::kFailed) ++failed;
    else if (r.outcome->outcome == scan::Outcome::kPartial) ++partial;
    if (!r.output_error.empty()) ++output_errors;
  }
  if (o.output == "json") {
    ojson doc = {{"organization", organization_json(org)}, {"accounts", ojson::array()}};
    for (const auto& r : runs) doc["accounts"].push_back(account_json(r));
    doc["summary"] = {{"accounts", runs.size()},   {"scanned", scanned},   {"not_reached", gaps},
                      {"suspended", suspended},    {"partial", partial},   {"failed", failed},
                      {"interrupted", cancelled},  {"fail", fail},         {"pass", pass},
                      {"not_assessed", not_assessed}};
    out << doc.dump(2) << "\n";
  } else {
    out << fmt::format("Organization {} (management account {}), scanned as {}\n\n", org.id, org.management_account_id,
                       identity.arn);
    print_table(org, runs, out);
    out << fmt::format("\n{} of {} account{} scanned: {} FAIL, {} PASS, {} NOT_ASSESSED", scanned, runs.size(),
                       runs.size() == 1 ? "" : "s", fail, pass, not_assessed);
    if (gaps) out << fmt::format("; {} not reached", gaps);
    if (suspended) out << fmt::format("; {} suspended (not scanned)", suspended);
    out << "\n";
  }
  if (cancelled || failed || output_errors) return kExitIncomplete;
  if (!o.fail_on.empty()) {
    Severity threshold = *parse_severity(o.fail_on);
    uint64_t failing = 0;
    for (const auto& r : runs)
      if (r.result)
        for (const auto& [sev, counts] : r.result->findings_by_severity)
          if (sev >= threshold) failing += counts[CheckStatus::kFail];
    if (failing) {
      err << fmt::format("--fail-on {}: {} finding{} FAILed at or above it.\n", o.fail_on, failing, failing == 1 ? "" : "s");
      return kExitFailOn;
    }
  }
  if (gaps) {
    err << fmt::format("{} account{} of organization {} not reached: nothing in {} was assessed.\n", gaps,
                       gaps == 1 ? "" : "s", org.id, gaps == 1 ? "it" : "them");
    return kExitUnreachableAccounts;
  }
  return partial ? kExitPartial : kExitOk;
}

CLI::App* add_organization_command(CLI::App& app, OrganizationCommandOptions& o) {
  auto* org = app.add_subcommand("organization", "AWS Organizations: member accounts and the role CloudPeek assumes");
  org->require_subcommand(1);
  auto* accounts = org->add_subcommand("accounts", "List the organization's accounts and whether the role works in each");
  add_credential_options(*accounts, o.credentials);
  accounts->add_option("--role-name", o.role_name, "Role assumed in each member (default CloudPeekAudit)");
  accounts->add_option("--external-id", o.external_id, "ExternalId the role's trust policy requires");
  accounts->add_option("--concurrency", o.concurrency, "Accounts probed at once (default 4)")->check(CLI::Range(1, 64));
  accounts->add_option("--output", o.output, "text or json")->check(CLI::IsMember({"text", "json"}));
  auto* tmpl = org->add_subcommand("template", "Print the CloudFormation StackSet or Terraform creating the member role");
  add_credential_options(*tmpl, o.credentials);
  tmpl->add_option("--role-name", o.role_name, "Role name (default CloudPeekAudit)");
  tmpl->add_option("--external-id", o.external_id, "ExternalId the role will require")->required();
  tmpl->add_option("--format", o.format, "cloudformation (a StackSet template) or terraform");
  tmpl->add_option("--trusted-account", o.trusted_account,
                   "Account allowed to assume the role (default: the credentials' own account, from STS)");
  return org;
}

int run_organization_command(const CLI::App& organization, const OrganizationCommandOptions& o, std::ostream& out,
                             std::ostream& err) {
  const bool is_template = organization.get_subcommand("template")->parsed();
  const std::string cmd = is_template ? "cloudpeek organization template: " : "cloudpeek organization accounts: ";
  scan::MemberAccess check;
  check.role_name = o.role_name;
  check.external_id = o.external_id;
  if (auto st = scan::validate(check); !st) {
    err << cmd << st.error().message << "\n";
    return kExitUsage;
  }
  auto format = scan::parse_template_format(o.format);
  if (!format) {
    err << cmd << format.error().describe() << "\n";
    return kExitUsage;
  }
  // Whose account: --trusted-account, else the credentials' (one STS call).
  auto transport = std::make_shared<Transport>(TransportOptions::from_environment());
  std::optional<CallerIdentity> identity;
  std::optional<ResolvedCredentials> resolved;
  if (!is_template || o.trusted_account.empty()) {
    auto r = resolve_credentials(o.credentials, std::cin, transport);
    if (!r) {
      err << cmd << r.error().describe() << "\n";
      return kExitUsage;
    }
    resolved = std::move(r).value();
    AwsClient client(ClientConfig::from_environment(resolved->region), resolved->provider, transport);
    auto id = get_caller_identity(client);
    if (!id) {
      err << cmd << id.error().describe() << "\n";
      return kExitUsage;
    }
    identity = std::move(id).value();
  }
  if (is_template) {
    scan::MemberRoleTemplate t{o.trusted_account.empty() ? identity->account : o.trusted_account, o.role_name,
                               o.external_id};
    auto text = scan::member_role_template(t, *format);
    if (!text) {
      err << cmd << text.error().describe() << "\n";
      return kExitUsage;
    }
    out << *text;
    return kExitOk;
  }
  auto config = ClientConfig::from_environment(resolved->region);
  auto caller = std::make_shared<ClientCaller>(transport, config.endpoints, config.retry);
  auto reached = discover_and_probe(access_from(o.role_name, o.external_id, *identity), {}, o.concurrency, *resolved,
                                    caller, *identity, err);
  if (!reached) {
    err << cmd << reached.error().describe() << "\n";
    return kExitUsage;
  }
  std::vector<AccountRun> runs;
  size_t gaps = 0;
  for (auto& m : reached->reach) {
    AccountRun r;
    r.account = reached->org.find(m.account_id);
    gaps += unreachable(m);
    r.reach = std::move(m);
    runs.push_back(std::move(r));
  }
  if (o.output == "json") {
    ojson doc = {{"organization", organization_json(reached->org)}, {"accounts", ojson::array()}};
    for (const auto& r : runs) {
      auto j = account_json(r);
      j.erase("scan");
      doc["accounts"].push_back(std::move(j));
    }
    out << doc.dump(2) << "\n";
  } else {
    out << fmt::format("Organization {} (management account {})\n\n", reached->org.id,
                       reached->org.management_account_id);
    for (auto& r : runs) r.result.reset();
    print_table(reached->org, runs, out);
  }
  return gaps ? kExitUnreachableAccounts : kExitOk;
}

}  // namespace cloudpeek::cli
