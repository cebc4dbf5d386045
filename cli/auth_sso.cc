#include "cli/auth_sso.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <thread>

#include "aws/client/client.h"
#include "aws/core/time_format.h"
#include "aws/core/bounded_read.h"
#include "aws/credentials/client_caller.h"
#include "aws/credentials/env.h"
#include "aws/credentials/refreshing_provider.h"
#include "aws/credentials/sso_provider.h"
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

AwsCallerPtr default_caller(const std::string& region) {
  ClientConfig cfg = ClientConfig::from_environment(region);
  return std::make_shared<ClientCaller>(std::make_shared<Transport>(TransportOptions::from_environment()),
                                        cfg.endpoints, cfg.retry);
}

// The device sign-in: the code and link on `talk`, the countdown on `err`.
Result<SsoTokens> device_sign_in(const std::string& url, const std::string& region, const AwsCallerPtr& caller,
                                 const SsoSleep& sleep, const std::function<Clock::time_point()>& now,
                                 bool inline_countdown, std::ostream& talk, std::ostream& err) {
  SsoOidcClient oidc(caller, region);
  auto reg = oidc.register_client("CloudPeek", now());
  if (!reg) return reg.error();
  auto dev = oidc.start_device_authorization(*reg, url, now());
  if (!dev) return dev.error();
  auto total = std::chrono::duration_cast<std::chrono::seconds>(dev->expires_at - now());
  talk << "To sign in, open this page and check that it shows the code below:\n\n  "
       << dev->verification_uri_complete << "\n\n  Code: " << dev->user_code << "   (valid for "
       << human_duration(total) << ")\n\n";
  talk.flush();
  std::chrono::seconds last_line{-1000};
  auto on_wait = [&](std::chrono::seconds left) {
    if (inline_countdown) {
      err << "\rWaiting for approval in the browser… " << mm_ss(left) << " left " << std::flush;
    } else if (last_line.count() < 0 || last_line - left >= std::chrono::seconds(60)) {
      err << "Waiting for approval in the browser… " << mm_ss(left) << " left\n" << std::flush;
      last_line = left;
    }
  };
  SsoPoll p = wait_for_sso_approval(oidc, *reg, *dev, sleep, now, on_wait);
  if (inline_countdown) err << "\n";
  if (p.state != SsoPollState::kApproved) return p.error;
  return std::move(*p.tokens);
}

}  // namespace

int run_auth_sso_login(SsoLoginOptions opts, std::ostream& out, std::ostream& err) {
  auto url = check_sso_start(opts.start_url, opts.region);
  if (!url) return fail(url.error(), err);
  if (!opts.caller) opts.caller = default_caller(opts.region);
  if (!opts.now) opts.now = [] { return Clock::now(); };
  if (!opts.sleep) opts.sleep = [](std::chrono::seconds s) { std::this_thread::sleep_for(s); };
  bool json_out = opts.output == "json";

  // The code and link go to stderr with JSON output, so stdout stays one document.
  auto signed_in = device_sign_in(*url, opts.region, opts.caller, opts.sleep, opts.now, opts.inline_countdown,
                                  json_out ? err : out, err);
  if (!signed_in) return fail(signed_in.error(), err);
  SsoPoll p;
  p.tokens = std::move(*signed_in);

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

namespace cloudpeek::cli {

namespace {

// A token the AWS CLI cached for this start URL and region, valid for `margin` more.
std::optional<SsoToken> cached_token(const std::string& url, const std::string& region, Clock::time_point now,
                                     std::string& found_in) {
  const auto margin = std::chrono::minutes(5);
  SsoSettings legacy;
  legacy.profile = "(--sso-start-url)";
  legacy.start_url = url;
  legacy.sso_region = region;
  if (auto t = load_sso_token(legacy, now); t && t->expires_at > now + margin) {
    found_in = sso_token_path(legacy);
    return std::move(*t);
  }
  // `aws sso login` with an sso-session names the file after the session: look at each.
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(sso_token_path(legacy)).parent_path();
  std::optional<SsoToken> best;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (!e.is_regular_file(ec) || e.path().extension() != ".json") continue;
    auto read = read_file_limited(e.path().string(), 1u << 20, "an SSO token cache file");
    if (!read) continue;
    Secret text(std::move(*read));
    auto doc = nlohmann::json::parse(text.reveal(), nullptr, false);
    if (!doc.is_object() || !doc.contains("startUrl") || !doc["startUrl"].is_string()) continue;
    if (doc.contains("region") && doc["region"].is_string() && doc["region"] != region) continue;
    auto same = check_sso_start(doc["startUrl"].get<std::string>(), region);
    if (!same || *same != url) continue;
    if (!doc.contains("accessToken") || !doc["accessToken"].is_string() || !doc.contains("expiresAt") ||
        !doc["expiresAt"].is_string())
      continue;
    auto at = parse_iso8601(doc["expiresAt"].get<std::string>());
    if (!at || *at <= now + margin || (best && best->expires_at >= *at)) continue;
    best = SsoToken{Secret(doc["accessToken"].get<std::string>()), *at};
    std::string& v = doc["accessToken"].get_ref<std::string&>();
    std::fill(v.begin(), v.end(), '\0');
    found_in = e.path().string();
  }
  return best;
}

// Caches the access token as the AWS CLI does for a start URL (owner-only).
// Failing to write is said, not fatal: the next run signs in again.
void cache_token(const std::string& url, const std::string& region, const SsoTokens& t, std::ostream& err) {
  SsoSettings legacy;
  legacy.start_url = url;
  std::filesystem::path path = sso_token_path(legacy);
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  ::chmod(path.parent_path().c_str(), 0700);
  std::filesystem::path tmp = path.string() + ".tmp";
  std::string body = nlohmann::json{{"startUrl", url}, {"region", region},
                                    {"accessToken", std::string(t.access_token.reveal())},
                                    {"expiresAt", format_iso8601(t.expires_at)}}.dump();
  bool ok = false;
  {
    mode_t old = ::umask(077);
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    ::umask(old);
    f << body;
    ok = static_cast<bool>(f);
  }
  std::fill(body.begin(), body.end(), '\0');
  if (ok) std::filesystem::rename(tmp, path, ec);
  if (!ok || ec) {
    std::filesystem::remove(tmp, ec);
    err << "cloudpeek: could not cache the sign-in in " << path.string() << "; the next run asks again.\n";
  }
}

}  // namespace

Result<CredentialsProviderPtr> sso_role_credentials(SsoRoleOptions opts, std::ostream& err) {
  auto url = check_sso_start(opts.start_url, opts.region);
  if (!url) return url.error();
  bool digits = opts.account_id.size() == 12 &&
                std::all_of(opts.account_id.begin(), opts.account_id.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits)
    return make_error(ErrorKind::kInvalidInput,
                      fmt::format("--sso-account '{}' is not a 12-digit AWS account id.", opts.account_id),
                      "Give the account's id as the access portal shows it, e.g. --sso-account 111122223333 "
                      "(`cloudpeek auth sso-login` lists them).");
  if (opts.role_name.empty() || opts.role_name.size() > 64)
    return make_error(ErrorKind::kInvalidInput, "--sso-role needs the permission set's name (1 to 64 characters).",
                      "E.g. --sso-role SecurityAudit (`cloudpeek auth sso-login` lists the account's permission sets).");
  if (!opts.caller) opts.caller = default_caller(opts.region);
  if (!opts.now) opts.now = [] { return Clock::now(); };
  if (!opts.sleep) opts.sleep = [](std::chrono::seconds s) { std::this_thread::sleep_for(s); };

  std::string found_in;
  auto cached = cached_token(*url, opts.region, opts.now(), found_in);
  Secret token;
  Clock::time_point token_end;
  if (cached) {
    token = cached->access_token;
    token_end = cached->expires_at;
    err << "Using the IAM Identity Center sign-in cached in " << found_in << " (valid until "
        << format_iso8601(token_end) << ").\n";
  } else {
    err << "No valid IAM Identity Center sign-in for " << *url << " in ~/.aws/sso/cache: signing in.\n";
    auto t = device_sign_in(*url, opts.region, opts.caller, opts.sleep, opts.now, false, err, err);
    if (!t) return t.error();
    cache_token(*url, opts.region, *t, err);
    token = t->access_token;
    token_end = t->expires_at;
    err << "Signed in to " << *url << " until " << format_iso8601(token_end) << ".\n";
  }
  std::string what = opts.role_name + " in " + opts.account_id;
  auto fetch = [caller = opts.caller, region = opts.region, token, account = opts.account_id, role = opts.role_name,
                url = *url]() -> Result<Credentials> {
    auto c = get_sso_role_credentials(*caller, region, token, account, role);
    if (!c && c.error().kind == ErrorKind::kSsoTokenExpired) {
      Error e = c.error();
      e.advice = "The IAM Identity Center sign-in for " + url + " has ended: run the command again to sign in "
                 "(or `aws sso login`).";
      return e;
    }
    return c;
  };
  // The first role credentials now: a wrong account or permission set is said before anything else runs.
  RefreshWindows w;
  w.scale_to_lifetime = true;
  auto provider = std::make_shared<RefreshingProvider>("IAM Identity Center " + what, fetch, opts.now, w);
  auto first = provider->get();
  if (!first) return first.error();
  return CredentialsProviderPtr(provider);
}

}  // namespace cloudpeek::cli
