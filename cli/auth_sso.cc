#include "cli/auth_sso.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>
#include <thread>

#include "aws/client/client.h"
#include "aws/core/time_format.h"
#include "aws/credentials/client_caller.h"
#include "cli/auth_check.h"

namespace cloudpeek::cli {

CLI::App* add_auth_sso_login(CLI::App& auth, SsoLoginOptions& opts) {
  auto* cmd = auth.add_subcommand("sso-login",
                                  "Sign in with IAM Identity Center (device code, as `aws sso login`) and list the "
                                  "accounts and permission sets it reaches");
  cmd->add_option("--start-url", opts.start_url, "The AWS access portal URL, e.g. https://my-company.awsapps.com/start")
      ->required();
  cmd->add_option("--region", opts.region, "The IAM Identity Center region, e.g. us-east-1")->required();
  cmd->add_option("--output", opts.output, "text or json")->check(CLI::IsMember({"text", "json"}));
  return cmd;
}

namespace {

std::string mm_ss(std::chrono::seconds s) {
  long long v = std::max<long long>(s.count(), 0);
  return fmt::format("{}:{:02}", v / 60, v % 60);
}

int fail(const Error& e, std::ostream& err) {
  err << "cloudpeek: " << e.message << "\n";
  if (!e.advice.empty()) err << "  " << e.advice << "\n";
  return 1;
}

}  // namespace

int run_auth_sso_login(SsoLoginOptions opts, std::ostream& out, std::ostream& err) {
  auto url = check_sso_start(opts.start_url, opts.region);
  if (!url) return fail(url.error(), err);
  if (!opts.caller) {
    ClientConfig cfg = ClientConfig::from_environment(opts.region);
    opts.caller = std::make_shared<ClientCaller>(std::make_shared<Transport>(TransportOptions::from_environment()),
                                                 cfg.endpoints, cfg.retry);
  }
  if (!opts.now) opts.now = [] { return Clock::now(); };
  if (!opts.sleep) opts.sleep = [](std::chrono::seconds s) { std::this_thread::sleep_for(s); };
  bool json_out = opts.output == "json";

  SsoOidcClient oidc(opts.caller, opts.region);
  auto reg = oidc.register_client("CloudPeek", opts.now());
  if (!reg) return fail(reg.error(), err);
  auto dev = oidc.start_device_authorization(*reg, *url, opts.now());
  if (!dev) return fail(dev.error(), err);
  auto total = std::chrono::duration_cast<std::chrono::seconds>(dev->expires_at - opts.now());
  // The code and link go to stderr with JSON output, so stdout stays one document.
  std::ostream& talk = json_out ? err : out;
  talk << "To sign in, open this page and check that it shows the code below:\n\n  "
       << dev->verification_uri_complete << "\n\n  Code: " << dev->user_code << "   (valid for "
       << human_duration(total) << ")\n\n";
  talk.flush();
  std::chrono::seconds last_line{-1000};
  auto on_wait = [&](std::chrono::seconds left) {
    if (opts.inline_countdown) {
      err << "\rWaiting for approval in the browser… " << mm_ss(left) << " left " << std::flush;
    } else if (last_line.count() < 0 || last_line - left >= std::chrono::seconds(60)) {
      err << "Waiting for approval in the browser… " << mm_ss(left) << " left\n" << std::flush;
      last_line = left;
    }
  };
  SsoPoll p = wait_for_sso_approval(oidc, *reg, *dev, opts.sleep, opts.now, on_wait);
  if (opts.inline_countdown) err << "\n";
  if (p.state != SsoPollState::kApproved) return fail(p.error, err);

  auto accounts = list_sso_accounts(*opts.caller, opts.region, p.tokens->access_token);
  if (!accounts) return fail(accounts.error(), err);
  nlohmann::json doc = {{"start_url", *url},
                        {"region", opts.region},
                        {"access_token_expires_at", format_iso8601(p.tokens->expires_at)},
                        {"renews_automatically", !p.tokens->refresh_token.empty()},
                        {"accounts", nlohmann::json::array()}};
  for (const auto& a : *accounts) {
    auto roles = list_sso_account_roles(*opts.caller, opts.region, p.tokens->access_token, a.account_id);
    nlohmann::json entry = {{"account_id", a.account_id}, {"name", a.name}, {"email", a.email}};
    if (roles) {
      std::string pick = preferred_audit_role(*roles);
      entry["roles"] = *roles;
      entry["preselected_role"] = pick.empty() ? nlohmann::json(nullptr) : nlohmann::json(pick);
    } else {
      entry["roles"] = nlohmann::json::array();
      entry["preselected_role"] = nullptr;
      entry["error"] = roles.error().message;
    }
    doc["accounts"].push_back(entry);
  }
  if (json_out) {
    out << doc.dump(2) << "\n";
    return 0;
  }
  out << "Signed in to " << *url << " (" << opts.region << "). The access token is valid until "
      << format_iso8601(p.tokens->expires_at)
      << (p.tokens->refresh_token.empty() ? "." : "; IAM Identity Center issued a refresh token to renew it.")
      << "\n\n";
  if (doc["accounts"].empty()) {
    out << "No account is assigned to you in IAM Identity Center: ask an administrator to assign one with a "
           "SecurityAudit permission set.\n";
    return 0;
  }
  size_t wname = 4, wmail = 5;
  for (const auto& a : doc["accounts"]) {
    wname = std::max(wname, a["name"].get<std::string>().size());
    wmail = std::max(wmail, a["email"].get<std::string>().size());
  }
  out << fmt::format("{:<14}{:<{}}  {:<{}}  {}\n", "ACCOUNT", "NAME", wname, "EMAIL", wmail, "PERMISSION SETS");
  for (const auto& a : doc["accounts"]) {
    std::string roles;
    for (const auto& r : a["roles"]) {
      std::string name = r.get<std::string>();
      if (!roles.empty()) roles += ", ";
      roles += (a["preselected_role"] == name ? "*" : "") + name;
    }
    if (a.contains("error")) roles = "(" + a["error"].get<std::string>() + ")";
    out << fmt::format("{:<14}{:<{}}  {:<{}}  {}\n", a["account_id"].get<std::string>(), a["name"].get<std::string>(),
                       wname, a["email"].get<std::string>(), wmail, roles);
  }
  out << "\n* the permission set CloudPeek would pick for an audit (SecurityAudit, ReadOnly or Audit in its name).\n"
         "Connect them in the web app: Settings > AWS integration > Sign in with IAM Identity Center.\n";
  return 0;
}

}  // namespace cloudpeek::cli
