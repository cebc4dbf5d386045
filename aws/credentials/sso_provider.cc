#include "aws/credentials/sso_provider.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <filesystem>

#include "aws/core/bounded_read.h"
#include "aws/core/encoding.h"
#include "aws/core/json_text.h"
#include "aws/core/time_format.h"
#include "aws/credentials/env.h"
#include "aws/services/sso_portal_model.h"

namespace cloudpeek {

namespace {

Error config_error(const Profile& p, const std::string& what) {
  Error e = make_error(ErrorKind::kInvalidInput, "SSO profile " + p.name + ": " + what,
                       "Run `aws configure sso --profile " + p.name + "` to set it up, or fix " +
                           p.config_path + ".");
  e.code = "InvalidSsoConfig";
  return e;
}

std::string login_advice(const SsoSettings& s) {
  std::string advice = "To sign in again, run `aws sso login --profile " + s.profile + "`";
  if (!s.session_name.empty()) advice += " (or `aws sso login --sso-session " + s.session_name + "`)";
  return advice + ", then try again.";
}

}  // namespace

Result<SsoSettings> sso_settings(const SharedConfig& config, const Profile& p) {
  SsoSettings s;
  s.profile = p.name;
  std::vector<std::string> missing;
  if (auto name = p.get("sso_session")) {
    const Profile* session = config.sso_session(*name);
    if (session == nullptr)
      return config_error(p, "sso_session = " + *name + " (" + p.where("sso_session") + ") but there is no [sso-session " +
                                 *name + "] section in " + config.config_path + ".");
    s.session_name = *name;
    s.start_url = session->get("sso_start_url").value_or("");
    s.sso_region = session->get("sso_region").value_or("");
    if (s.start_url.empty()) missing.push_back("sso_start_url (in [sso-session " + *name + "])");
    if (s.sso_region.empty()) missing.push_back("sso_region (in [sso-session " + *name + "])");
    // The CLI refuses a profile whose own sso_start_url/sso_region disagree with its session.
    for (const char* key : {"sso_start_url", "sso_region"}) {
      auto mine = p.get(key), theirs = session->get(key);
      if (mine && theirs && *mine != *theirs)
        return config_error(p, std::string(key) + " in the profile (" + *mine + ") differs from the one in [sso-session " +
                                   *name + "] (" + *theirs + ").");
    }
  } else {
    s.start_url = p.get("sso_start_url").value_or("");
    s.sso_region = p.get("sso_region").value_or("");
    if (s.start_url.empty()) missing.push_back("sso_start_url (or sso_session)");
    if (s.sso_region.empty()) missing.push_back("sso_region");
  }
  s.account_id = p.get("sso_account_id").value_or("");
  s.role_name = p.get("sso_role_name").value_or("");
  if (s.account_id.empty()) missing.push_back("sso_account_id");
  if (s.role_name.empty()) missing.push_back("sso_role_name");
  if (!missing.empty()) {
    std::string list;
    for (size_t i = 0; i < missing.size(); ++i) list += (i ? ", " : "") + missing[i];
    return config_error(p, "missing " + list + ".");
  }
  return s;
}

std::string sha1_hex(std::string_view data) {
  unsigned char md[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
  return hex_encode(std::string_view(reinterpret_cast<const char*>(md), sizeof md));
}

std::string sso_token_path(const SsoSettings& s) {
  return home_dir() + "/.aws/sso/cache/" + sha1_hex(s.session_name.empty() ? s.start_url : s.session_name) + ".json";
}

Result<SsoToken> load_sso_token(const SsoSettings& s, Clock::time_point now) {
  std::string path = sso_token_path(s);
  auto missing = [&](const std::string& why) {
    Error e = make_error(ErrorKind::kSsoTokenMissing, "No usable SSO sign-in for profile " + s.profile + ": " + why,
                         login_advice(s));
    e.code = "SsoTokenMissing";
    return e;
  };
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return missing("the token cache " + path + " does not exist.");
  auto read = read_file_limited(path, 1u << 20, "the SSO token cache");  // a token file is a few KB
  if (!read) return missing(read.error().message);
  Secret text(std::move(*read));
  auto parsed = parse_json_text(text.reveal(), "the token cache", JsonLimits{16, 1u << 20});
  json doc = parsed ? std::move(*parsed) : json();
  if (!doc.is_object()) return missing("the token cache " + path + " is not valid JSON.");
  auto token = doc.find("accessToken");
  auto expires = doc.find("expiresAt");
  if (token == doc.end() || !token->is_string() || token->get_ref<const std::string&>().empty())
    return missing("the token cache " + path + " has no accessToken.");
  std::optional<TimePoint> at;
  if (expires != doc.end() && expires->is_string()) at = parse_iso8601(expires->get<std::string>());
  if (!at) return missing("the token cache " + path + " has no valid expiresAt.");
  if (now >= *at) {
    Error e = make_error(ErrorKind::kSsoTokenExpired,
                         "The SSO session for profile " + s.profile + " expired at " + format_iso8601(*at) + ".",
                         login_advice(s));
    e.code = "SsoTokenExpired";
    return e;
  }
  return SsoToken{Secret(token->get<std::string>()), *at};
}

Result<Credentials> fetch_sso_credentials(const SsoSettings& s, AwsCaller& caller, Clock::time_point now) {
  auto token = load_sso_token(s, now);
  if (!token.ok()) return std::move(token).error();
  json params = {{"roleName", s.role_name},
                 {"accountId", s.account_id},
                 {"accessToken", std::string(token->access_token.reveal())}};
  auto r = caller.call(sso_portal_model(), "GetRoleCredentials", params, s.sso_region, nullptr);
  // Params held the token in a plain string: wipe it.
  std::string& t = params["accessToken"].get_ref<std::string&>();
  OPENSSL_cleanse(t.data(), t.size());
  if (!r.ok()) {
    Error e = std::move(r).error();
    if (e.code == "UnauthorizedException" || e.http_status == 401) {
      e.kind = ErrorKind::kSsoTokenExpired;
      e.message = "The access portal no longer accepts the SSO sign-in of profile " + s.profile + " (" +
                  (e.message.empty() ? e.code : e.message) + ").";
      e.advice = login_advice(s);
    } else if (e.code == "ForbiddenException" || e.code == "ResourceNotFoundException") {
      e.advice = "Check sso_account_id = " + s.account_id + " and sso_role_name = " + s.role_name + " of profile " +
                 s.profile + ": that role may not be assigned to you in IAM Identity Center.";
    }
    return e;
  }
  const json& rc = r->contains("roleCredentials") ? (*r)["roleCredentials"] : json();
  auto str = [&](const char* k) {
    return rc.is_object() && rc.contains(k) && rc[k].is_string() ? rc[k].get<std::string>() : std::string();
  };
  Credentials c;
  c.access_key_id = str("accessKeyId");
  c.secret_access_key = Secret(str("secretAccessKey"));
  c.session_token = Secret(str("sessionToken"));
  if (c.access_key_id.empty() || c.secret_access_key.empty() || c.session_token.empty()) {
    Error e = make_error(ErrorKind::kMalformedResponse,
                         "GetRoleCredentials for profile " + s.profile + " returned no complete roleCredentials.");
    e.service = "sso";
    e.action = "sso:GetRoleCredentials";
    return e;
  }
  if (rc.contains("expiration") && rc["expiration"].is_number()) {
    // The portal's expiration is epoch MILLISECONDS.
    c.expiration = Clock::time_point(std::chrono::milliseconds(rc["expiration"].get<long long>()));
  }
  c.source = "profile " + s.profile + " (sso)";
  return c;
}

CredentialsProviderPtr make_sso_provider(SsoSettings s, AwsCallerPtr caller, NowFn now) {
  if (!now) now = [] { return Clock::now(); };
  std::string name = "profile " + s.profile + " (sso)";
  return std::make_shared<RefreshingProvider>(
      name, [s = std::move(s), caller, now] { return fetch_sso_credentials(s, *caller, now()); }, now);
}

}  // namespace cloudpeek
