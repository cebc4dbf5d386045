#include "cli/credential_options.h"

#include <fmt/format.h>

#include <iostream>


#include "aws/core/bounded_read.h"
#include "aws/core/time_format.h"
#include "aws/credentials/access_key_csv.h"
#include "aws/credentials/client_caller.h"
#include "aws/credentials/default_chain.h"
#include "aws/credentials/env.h"
#include "aws/credentials/environment_provider.h"
#include "aws/credentials/paste.h"
#include "aws/credentials/shared_config.h"
#include "aws/credentials/static_provider.h"
#include "cli/auth_sso.h"

namespace cloudpeek::cli {

void add_credential_options(CLI::App& cmd, CredentialOptions& o) {
  cmd.add_option("--profile", o.profile, "Profile of ~/.aws/config or ~/.aws/credentials (default: AWS_PROFILE, then 'default')");
  cmd.add_option("--region", o.region, "AWS region for the calls (default: AWS_REGION, the profile's region, us-east-1)");
  cmd.add_option("--access-key-id", o.access_key_id,
                 "Access key id; the secret comes from AWS_SECRET_ACCESS_KEY or --secret-access-key-file, "
                 "the session token from AWS_SESSION_TOKEN or --session-token-file");
  cmd.add_option("--secret-access-key-file", o.secret_access_key_file, "File holding the secret access key");
  cmd.add_option("--session-token-file", o.session_token_file, "File holding the session token");
  cmd.add_option("--expiration", o.expiration, "When these temporary credentials expire (ISO 8601)");
  cmd.add_flag("--credentials-stdin", o.credentials_stdin,
               "Read credentials pasted from the AWS access portal or CLI on stdin "
               "(export/$Env:/set lines, a [profile] block, or STS JSON)");
  cmd.add_option("--credentials-file", o.credentials_file,
                 "Read credentials from this file: what the AWS access portal or CLI prints (as for "
                 "--credentials-stdin), or the access key .csv the IAM console downloads (with several keys in it, "
                 "pick one with --access-key-id)");
  cmd.add_option("--sso-start-url", o.sso_start_url,
                 "IAM Identity Center: the AWS access portal URL (with --sso-region, --sso-account, --sso-role). "
                 "Uses the AWS CLI's sign-in cached in ~/.aws/sso/cache when valid, else signs in with a code");
  cmd.add_option("--sso-region", o.sso_region, "IAM Identity Center: the region of the instance, e.g. us-east-1");
  cmd.add_option("--sso-account", o.sso_account, "IAM Identity Center: the 12-digit account id to audit");
  cmd.add_option("--sso-role", o.sso_role, "IAM Identity Center: the permission set to use, e.g. SecurityAudit");
}

namespace {

// What the access portal or the CLI prints for one set of credentials is
// under 4 KB; session tokens are at most a few KB.
constexpr size_t kMaxCredentialsText = 64 * 1024;

Result<std::string> read_secret_file(const std::string& path, const char* what) {
  auto read = read_file_limited(path, kMaxCredentialsText, fmt::format("the {} file", what));
  if (!read) return std::move(read).error();
  std::string s = std::move(*read);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  if (s.empty())
    return make_error(ErrorKind::kInvalidInput, fmt::format("The {} file '{}' is empty.", what, path),
                      "Check that it is the file you meant, and that it was saved.");
  return s;
}

std::string region_of_profile(const std::string& profile) {
  auto config = load_shared_config();
  if (!config) return {};
  std::string name = profile;
  // The same profile the default chain takes its credentials from.
  if (name.empty()) name = env_var("AWS_PROFILE").value_or(env_var("AWS_DEFAULT_PROFILE").value_or("default"));
  const Profile* p = config->profile(name);
  if (!p) return {};
  return p->get("region").value_or("");
}

// Which key of an access-key .csv to use: the only one, or the one --access-key-id names.
// Several without a choice is an error that lists them (key ids and user names are not
// secret): taking the first silently could scan another user's account.
Result<AccessKeyCsvRow> pick_csv_row(AccessKeyCsv csv, const CredentialOptions& o, const std::string& what) {
  auto listed = [&] {
    std::string s;
    for (const auto& r : csv.rows)
      s += fmt::format("{}line {}: {}{}", s.empty() ? "" : "; ", r.line, r.access_key_id,
                       r.user_name.empty() ? "" : " (" + r.user_name + ")");
    return s;
  };
  if (!o.access_key_id.empty()) {
    for (auto& r : csv.rows)
      if (r.access_key_id == o.access_key_id) return std::move(r);
    return make_error(ErrorKind::kInvalidInput,
                      fmt::format("{} has no row with the access key id {}; it has {}.", what, o.access_key_id, listed()),
                      "Give --access-key-id one of the key ids above.");
  }
  if (csv.rows.size() == 1) return std::move(csv.rows.front());
  return make_error(ErrorKind::kInvalidInput,
                    fmt::format("{} holds {} access keys: {}.", what, csv.rows.size(), listed()),
                    o.credentials_stdin
                        ? "Save it as a file and pick one: --credentials-file FILE --access-key-id AKIA…"
                        : fmt::format("Pick one with --access-key-id, e.g. --credentials-file {} --access-key-id {}",
                                      o.credentials_file, csv.rows.front().access_key_id));
}

}  // namespace

Result<ResolvedCredentials> resolve_credentials(const CredentialOptions& o, std::istream& in,
                                                std::shared_ptr<Transport> transport) {
  ResolvedCredentials out;
  std::string paste_region;
  // Beside --credentials-file, --access-key-id picks that key's row of an access-key .csv.
  const bool picks_row = !o.credentials_file.empty() && !o.access_key_id.empty();
  const bool sso = !o.sso_start_url.empty() || !o.sso_region.empty() || !o.sso_account.empty() || !o.sso_role.empty();
  int sources = int(!o.access_key_id.empty() && !picks_row) + int(o.credentials_stdin) +
                int(!o.credentials_file.empty()) + int(sso);
  if (sources > 1)
    return make_error(ErrorKind::kInvalidInput,
                      sso ? "Give credentials one way: the --sso-* options, --access-key-id, --credentials-stdin or "
                            "--credentials-file."
                          : "Give credentials one way: --access-key-id, --credentials-stdin or --credentials-file.");
  if (sso) {
    for (auto [flag, value] : {std::pair{"--sso-start-url", &o.sso_start_url}, std::pair{"--sso-region", &o.sso_region},
                               std::pair{"--sso-account", &o.sso_account}, std::pair{"--sso-role", &o.sso_role}})
      if (value->empty())
        return make_error(ErrorKind::kInvalidInput, fmt::format("{} is missing: the --sso-* options go together.", flag),
                          "Give all four: --sso-start-url https://<name>.awsapps.com/start --sso-region <region> "
                          "--sso-account <12-digit id> --sso-role <permission set>.");
    if (!o.profile.empty())
      return make_error(ErrorKind::kInvalidInput, "--profile cannot be combined with the --sso-* options.",
                        "Drop --profile (an SSO profile of ~/.aws/config also works alone: --profile NAME).");
    SsoRoleOptions so;
    so.start_url = o.sso_start_url;
    so.region = o.sso_region;
    so.account_id = o.sso_account;
    so.role_name = o.sso_role;
    so.caller = std::make_shared<ClientCaller>(transport, EndpointOverrides::from_environment(),
                                               RetryConfig::from_environment());
    auto provider = sso_role_credentials(std::move(so), std::cerr);
    if (!provider) return provider.error();
    ResolvedCredentials out;
    out.provider = *provider;
    out.region = o.region;
    if (out.region.empty()) out.region = region_from_environment().value_or("");
    if (out.region.empty()) out.region = o.sso_region;  // the account is reached there; calls need one
    return out;
  }
  // The secret, token and expiry flags only complete --access-key-id; ignoring them
  // would silently check other credentials (the environment's, a profile's) instead.
  if (o.access_key_id.empty() || picks_row) {
    for (auto [flag, given] : {std::pair{"--secret-access-key-file", !o.secret_access_key_file.empty()},
                               std::pair{"--session-token-file", !o.session_token_file.empty()},
                               std::pair{"--expiration", !o.expiration.empty()}})
      if (given) {
        if (picks_row)
          return make_error(ErrorKind::kInvalidInput,
                            fmt::format("{} cannot be combined with --credentials-file.", flag),
                            fmt::format("Drop {}: the file carries the secret (an access key .csv holds long-term "
                                        "keys: no session token, no expiry).", flag));
        return make_error(ErrorKind::kInvalidInput, fmt::format("{} was given without --access-key-id.", flag),
                          fmt::format("Add --access-key-id with its key id, or drop {} (pasted credentials and "
                                      "profiles carry their own secret, token and expiry).", flag));
      }
  }
  if (sources == 1 && !o.profile.empty())
    return make_error(ErrorKind::kInvalidInput, "--profile cannot be combined with explicit credentials.",
                      "Drop --profile, or drop the explicit credentials to use the profile.");

  if (o.credentials_stdin || !o.credentials_file.empty()) {
    std::string text;
    if (o.credentials_stdin) {
      auto read = read_stream_limited(in, kMaxCredentialsText, "the paste on stdin");
      if (!read) return std::move(read).error();
      text = std::move(*read);
    } else {
      auto t = read_secret_file(o.credentials_file, "credentials");
      if (!t) return t.error();
      text = std::move(t).value();
    }
    const std::string what =
        o.credentials_stdin ? "The CSV on stdin" : fmt::format("The file '{}'", o.credentials_file);
    const bool csv_name = o.credentials_file.size() >= 4 &&
                          (o.credentials_file.substr(o.credentials_file.size() - 4) == ".csv" ||
                           o.credentials_file.substr(o.credentials_file.size() - 4) == ".CSV");
    if (looks_like_access_key_csv(text) || csv_name) {
      auto csv = parse_access_key_csv(text, what);
      if (!csv) return csv.error();
      std::string format = csv->format;
      auto row = pick_csv_row(std::move(csv).value(), o, what);
      if (!row) return row.error();
      std::string source = fmt::format("{}, line {}", o.credentials_stdin ? "CSV on stdin" : "file " + o.credentials_file,
                                       row->line);
      // An access key .csv holds long-term keys: no session token, no expiry.
      auto provider = StaticProvider::make(row->access_key_id, std::move(row->secret_access_key), Secret(),
                                           std::nullopt, source);
      if (!provider) return provider.error();
      out.provider = provider.value();
    } else {
      if (picks_row)
        return make_error(ErrorKind::kInvalidInput,
                          fmt::format("--access-key-id picks a key of an access key .csv, but '{}' is not one.",
                                      o.credentials_file),
                          "Drop --access-key-id: the file carries its own key id.");
      auto pasted = parse_pasted_credentials(text);
      if (!pasted) {
        Error e = std::move(pasted).error();
        // Which file, when the text came from one.
        if (!o.credentials_file.empty()) e.message = fmt::format("In the file '{}': {}", o.credentials_file, e.message);
        return e;
      }
      auto provider = StaticProvider::make(pasted->access_key_id, pasted->secret_access_key, pasted->session_token,
                                           pasted->expiration,
                                           o.credentials_stdin ? "pasted on stdin" : "file " + o.credentials_file);
      if (!provider) return provider.error();
      out.provider = provider.value();
      paste_region = pasted->region;
    }
  } else if (!o.access_key_id.empty()) {
    Secret secret, token;
    if (!o.secret_access_key_file.empty()) {
      auto s = read_secret_file(o.secret_access_key_file, "secret access key");
      if (!s) return s.error();
      secret = Secret(std::move(s).value());
    } else if (const char* env = std::getenv("AWS_SECRET_ACCESS_KEY"); env && *env) {
      secret = Secret(env);
    } else {
      return make_error(ErrorKind::kInvalidInput, "--access-key-id was given without its secret access key.",
                        "Set AWS_SECRET_ACCESS_KEY or pass --secret-access-key-file FILE (never the secret itself "
                        "on the command line).");
    }
    if (!o.session_token_file.empty()) {
      auto t = read_secret_file(o.session_token_file, "session token");
      if (!t) return t.error();
      token = Secret(std::move(t).value());
    } else if (const char* env = std::getenv("AWS_SESSION_TOKEN"); env && *env) {
      token = Secret(env);
    }
    // AWS answers both mismatches with "the security token is invalid", which reads
    // like a deleted key; the key id's prefix tells what is really wrong.
    if (o.access_key_id.rfind("ASIA", 0) == 0 && token.empty())
      return make_error(ErrorKind::kInvalidInput,
                        "--access-key-id is a temporary key id (ASIA…) and needs its session token.",
                        "Set AWS_SESSION_TOKEN or pass --session-token-file FILE with the token that came with the "
                        "key, or paste all three with --credentials-stdin.");
    if (o.access_key_id.rfind("AKIA", 0) == 0 && !token.empty())
      return make_error(ErrorKind::kInvalidInput,
                        fmt::format("--access-key-id is a long-term key id (AKIA…), but a session token was given{}.",
                                    o.session_token_file.empty() ? " (AWS_SESSION_TOKEN is set)" : ""),
                        o.session_token_file.empty()
                            ? "Unset AWS_SESSION_TOKEN: it belongs to other, temporary credentials."
                            : "Drop --session-token-file: long-term keys have no session token.");
    std::optional<Clock::time_point> expiry;
    if (!o.expiration.empty()) {
      expiry = parse_iso8601(o.expiration);
      if (!expiry)
        return make_error(ErrorKind::kInvalidInput,
                          fmt::format("--expiration '{}' is not an ISO 8601 time.", o.expiration),
                          "Use the form 2026-11-25T18:00:00Z.");
    }
    auto provider = StaticProvider::make(o.access_key_id, std::move(secret), std::move(token), expiry,
                                         "command line");
    if (!provider) return provider.error();
    out.provider = provider.value();
  } else {
    ChainOptions chain;
    chain.profile = o.profile;
    chain.caller = std::make_shared<ClientCaller>(transport, EndpointOverrides::from_environment(),
                                                  RetryConfig::from_environment());
    auto provider = resolve_default_chain(chain);
    if (!provider) return provider.error();
    out.provider = provider.value();
  }

  out.region = o.region;
  if (out.region.empty()) out.region = paste_region;
  if (out.region.empty()) out.region = region_from_environment().value_or("");
  if (out.region.empty() && sources == 0) out.region = region_of_profile(o.profile);
  if (out.region.empty()) out.region = "us-east-1";
  return out;
}

}  // namespace cloudpeek::cli
