// print_auth_check: what a person (text) and a script (JSON) are told about
// each kind of principal, expiry and failure — and that no secret is in it.
#include "cli/auth_check.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace cloudpeek::cli {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* kSecret = "tEsTsEcReT0/zQxWvU8tRsPqOnMlKjIhGfEdCbA";
constexpr const char* kToken = "IQoJb3JpZ2luX2VjEtEsTtOkEn/9aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789+";

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

Clock::time_point fixed_now() { return Clock::time_point(seconds(1'800'000'000)); }  // 2027-01-15T08:00:00Z

AuthCheckReport success(const std::string& arn, bool temporary = false) {
  AuthCheckReport r;
  r.ok = true;
  r.now = fixed_now();
  r.region = "eu-west-1";
  r.credentials.access_key_id = temporary ? "ASIAEXAMPLE000000042" : "AKIAEXAMPLE000000042";
  r.credentials.secret_access_key = Secret(kSecret);
  if (temporary) r.credentials.session_token = Secret(kToken);
  r.credentials.source = "command line";
  r.identity.account = "111122223333";
  r.identity.arn = arn;
  r.identity.user_id = "AIDAEXAMPLE000000042";
  r.identity.principal = parse_principal(arn);
  return r;
}

AuthCheckReport failure(ErrorKind kind, const std::string& code) {
  AuthCheckReport r;
  r.now = fixed_now();
  r.region = "us-east-1";
  r.credentials.access_key_id = "ASIAEXAMPLE000000042";
  r.credentials.secret_access_key = Secret(kSecret);
  r.credentials.session_token = Secret(kToken);
  r.credentials.source = "pasted on stdin";
  r.error = make_error(kind, "The session token has expired.", "Sign in to the AWS access portal again.");
  r.error.code = code;
  r.error.request_id = "req-1234";
  r.error.action = "sts:GetCallerIdentity";
  r.error.http_status = 403;
  return r;
}

struct Printed {
  int code;
  std::string out, err;
};

Printed print(const AuthCheckReport& r, OutputFormat format = OutputFormat::kText, bool color = false) {
  std::ostringstream out, err;
  int code = print_auth_check(r, format, color, out, err);
  return {code, out.str(), err.str()};
}

TEST(AuthCheckText, IamUser) {
  auto p = print(success("arn:aws:iam::111122223333:user/alice"));
  EXPECT_EQ(p.code, 0);
  EXPECT_TRUE(contains(p.out, "✔ The credentials work")) << p.out;
  EXPECT_TRUE(contains(p.out, "Account:     111122223333")) << p.out;
  EXPECT_TRUE(contains(p.out, "ARN:         arn:aws:iam::111122223333:user/alice")) << p.out;
  EXPECT_TRUE(contains(p.out, "Principal:   IAM user \"alice\"")) << p.out;
  EXPECT_TRUE(contains(p.out, "long-term key ****…0042 from command line")) << p.out;
  EXPECT_TRUE(contains(p.out, "Region:      eu-west-1")) << p.out;
  EXPECT_FALSE(contains(p.out, "Expires:")) << p.out;
  EXPECT_FALSE(contains(p.out, "\033[")) << "no colour unless asked";
  EXPECT_EQ(p.err, "");
}

TEST(AuthCheckText, UserWithPath) {
  auto p = print(success("arn:aws:iam::111122223333:user/division/team/alice"));
  EXPECT_TRUE(contains(p.out, "IAM user \"alice\"")) << p.out;
}

TEST(AuthCheckText, AssumedRole) {
  auto p = print(success("arn:aws:sts::111122223333:assumed-role/AuditRole/ci-run", true));
  EXPECT_EQ(p.code, 0);
  EXPECT_TRUE(contains(p.out, "assumed IAM role \"AuditRole\" (session ci-run)")) << p.out;
  EXPECT_TRUE(contains(p.out, "temporary key ****…0042")) << p.out;
  // Temporary without a known expiry: say so rather than staying silent.
  EXPECT_TRUE(contains(p.out, "Expires:     unknown (temporary credentials last 1 to 12 hours)")) << p.out;
}

TEST(AuthCheckText, IdentityCenterPermissionSet) {
  auto p = print(success(
      "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_SecurityAuditor_0123456789abcdef/alice@example.com",
      true));
  EXPECT_EQ(p.code, 0);
  EXPECT_TRUE(contains(p.out, "IAM Identity Center permission set \"SecurityAuditor\" (signed in as alice@example.com)"))
      << p.out;
}

TEST(AuthCheckText, FederatedUser) {
  auto p = print(success("arn:aws:sts::111122223333:federated-user/carol", true));
  EXPECT_TRUE(contains(p.out, "federated user \"carol\"")) << p.out;
}

TEST(AuthCheckText, UnknownArnShapeStillPrints) {
  auto p = print(success("arn:aws:sts::111122223333:something-new/x"));
  EXPECT_EQ(p.code, 0);
  EXPECT_TRUE(contains(p.out, "unknown principal type")) << p.out;
}

TEST(AuthCheckText, RootKeysWarnLoudlyOnStderr) {
  auto p = print(success("arn:aws:iam::111122223333:root"));
  // The keys work, so the check succeeds; the warning is what must not be missed.
  EXPECT_EQ(p.code, 0);
  EXPECT_TRUE(contains(p.out, "ROOT USER of the account")) << p.out;
  EXPECT_TRUE(contains(p.err, "WARNING: These are access keys of the ROOT USER")) << p.err;
  EXPECT_TRUE(contains(p.err, "delete the root access keys")) << p.err;
  auto colored = print(success("arn:aws:iam::111122223333:root"), OutputFormat::kText, true);
  EXPECT_TRUE(contains(colored.err, "\033[1;41;97mWARNING: ")) << "white on red when colour is on";
}

TEST(AuthCheckText, ExpiryShownWithTimeLeft) {
  auto r = success("arn:aws:sts::111122223333:assumed-role/AuditRole/ci-run", true);
  r.credentials.expiration = r.now + hours(2) + minutes(13);
  auto p = print(r);
  EXPECT_TRUE(contains(p.out, "Expires:     2027-01-15T10:13:00Z (in 2 h 13 min)")) << p.out;
  EXPECT_EQ(p.err, "") << "no reminder with hours left";
}

TEST(AuthCheckText, ReminderWhenThirtyMinutesOrLessLeft) {
  auto r = success("arn:aws:sts::111122223333:assumed-role/AuditRole/ci-run", true);
  r.credentials.expiration = r.now + minutes(31);
  EXPECT_EQ(print(r).err, "");

  r.credentials.expiration = r.now + minutes(30);
  EXPECT_TRUE(contains(print(r).err, "expire in 30 min")) << print(r).err;

  r.credentials.expiration = r.now + minutes(12) + seconds(5);
  auto p = print(r);
  EXPECT_EQ(p.code, 0);
  EXPECT_TRUE(contains(p.out, "(in 12 min)")) << p.out;
  EXPECT_TRUE(contains(p.err, "! These credentials expire in 12 min: get fresh ones from your AWS access portal"))
      << p.err;
}

TEST(AuthCheckText, ExpiredCredentials) {
  auto r = success("arn:aws:sts::111122223333:assumed-role/AuditRole/ci-run", true);
  r.credentials.expiration = r.now - minutes(5);
  auto p = print(r);
  EXPECT_TRUE(contains(p.out, "(expired 5 min ago)")) << p.out;
  EXPECT_TRUE(contains(p.err, "These credentials have expired")) << p.err;

  auto f = failure(ErrorKind::kExpiredToken, "ExpiredToken");
  f.credentials.expiration = f.now - minutes(5);
  auto pf = print(f);
  EXPECT_EQ(pf.code, 1);
  EXPECT_TRUE(contains(pf.err, "These credentials have expired")) << pf.err;
}

TEST(AuthCheckText, FailureGoesToStderrWithDiagnosis) {
  auto p = print(failure(ErrorKind::kExpiredToken, "ExpiredToken"));
  EXPECT_EQ(p.code, 1);
  EXPECT_EQ(p.out, "");
  EXPECT_TRUE(contains(p.err, "✘ The credentials do not work (expired_token)")) << p.err;
  EXPECT_TRUE(contains(p.err, "  The session token has expired.")) << p.err;
  EXPECT_TRUE(contains(p.err, "  What to do: Sign in to the AWS access portal again.")) << p.err;
  EXPECT_TRUE(contains(p.err, "  AWS error code: ExpiredToken")) << p.err;
  EXPECT_TRUE(contains(p.err, "  AWS request id: req-1234")) << p.err;
  EXPECT_TRUE(contains(p.err, "  Credentials from: pasted on stdin")) << p.err;
  EXPECT_FALSE(contains(p.err, "Action:")) << "the action is only news when access is denied";
}

TEST(AuthCheckText, AccessDeniedNamesTheAction) {
  auto p = print(failure(ErrorKind::kAccessDenied, "AccessDenied"));
  EXPECT_EQ(p.code, 1);
  EXPECT_TRUE(contains(p.err, "  Action: sts:GetCallerIdentity")) << p.err;
}

TEST(AuthCheckText, FailureBeforeAnyCredentials) {
  AuthCheckReport r;  // resolve_credentials failed: no credentials, no source
  r.error = make_error(ErrorKind::kInvalidInput, "--access-key-id was given without its secret access key.",
                       "Set AWS_SECRET_ACCESS_KEY or pass --secret-access-key-file FILE.");
  auto p = print(r);
  EXPECT_EQ(p.code, 1);
  EXPECT_TRUE(contains(p.err, "(invalid_input)")) << p.err;
  EXPECT_TRUE(contains(p.err, "--secret-access-key-file")) << p.err;
  EXPECT_FALSE(contains(p.err, "Credentials from:")) << p.err;
}

TEST(AuthCheckJson, SuccessHasTheFields) {
  auto r = success(
      "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_SecurityAuditor_0123456789abcdef/alice@example.com", true);
  r.credentials.expiration = r.now + minutes(45);
  auto p = print(r, OutputFormat::kJson);
  EXPECT_EQ(p.code, 0);
  auto j = nlohmann::json::parse(p.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << p.out;
  EXPECT_EQ(j["ok"], true);
  EXPECT_EQ(j["region"], "eu-west-1");
  EXPECT_EQ(j["account"], "111122223333");
  EXPECT_EQ(j["arn"], r.identity.arn);
  EXPECT_EQ(j["user_id"], "AIDAEXAMPLE000000042");
  EXPECT_EQ(j["principal"]["type"], "identity_center");
  EXPECT_EQ(j["principal"]["name"], "AWSReservedSSO_SecurityAuditor_0123456789abcdef");
  EXPECT_EQ(j["principal"]["session"], "alice@example.com");
  EXPECT_EQ(j["principal"]["permission_set"], "SecurityAuditor");
  EXPECT_EQ(j["credentials"]["source"], "command line");
  EXPECT_EQ(j["credentials"]["access_key_id"], "ASIAEXAMPLE000000042");
  EXPECT_EQ(j["credentials"]["temporary"], true);
  EXPECT_EQ(j["credentials"]["expiration"], "2027-01-15T08:45:00Z");
  EXPECT_EQ(j["credentials"]["seconds_left"], 45 * 60);
  EXPECT_TRUE(j["warnings"].is_array() && j["warnings"].empty()) << j["warnings"].dump();
  EXPECT_FALSE(j.contains("error"));
  EXPECT_EQ(p.err, "");
}

TEST(AuthCheckJson, LongTermKeysHaveNoExpiry) {
  auto p = print(success("arn:aws:iam::111122223333:user/alice"), OutputFormat::kJson);
  auto j = nlohmann::json::parse(p.out);
  EXPECT_EQ(j["principal"]["type"], "iam_user");
  EXPECT_EQ(j["principal"]["name"], "alice");
  EXPECT_FALSE(j["principal"].contains("session"));
  EXPECT_EQ(j["credentials"]["temporary"], false);
  EXPECT_FALSE(j["credentials"].contains("expiration"));
}

TEST(AuthCheckJson, RootWarningInJsonAndOnStderr) {
  auto p = print(success("arn:aws:iam::111122223333:root"), OutputFormat::kJson);
  EXPECT_EQ(p.code, 0);
  auto j = nlohmann::json::parse(p.out);
  EXPECT_EQ(j["principal"]["type"], "root");
  ASSERT_EQ(j["warnings"].size(), 1u);
  EXPECT_TRUE(contains(j["warnings"][0].get<std::string>(), "ROOT USER"));
  // A script that reads only .account must not swallow the warning.
  EXPECT_TRUE(contains(p.err, "WARNING: These are access keys of the ROOT USER")) << p.err;
}

TEST(AuthCheckJson, ExpiryReminderInWarnings) {
  auto r = success("arn:aws:sts::111122223333:assumed-role/AuditRole/ci-run", true);
  r.credentials.expiration = r.now + minutes(10);
  auto p = print(r, OutputFormat::kJson);
  auto j = nlohmann::json::parse(p.out);
  ASSERT_EQ(j["warnings"].size(), 1u);
  EXPECT_TRUE(contains(j["warnings"][0].get<std::string>(), "expire in 10 min"));
  EXPECT_TRUE(contains(p.err, "expire in 10 min")) << p.err;
}

TEST(AuthCheckJson, FailureHasTheDiagnosis) {
  auto r = failure(ErrorKind::kClockSkew, "SignatureDoesNotMatch");
  r.error.clock_offset = seconds(-420);
  auto p = print(r, OutputFormat::kJson);
  EXPECT_EQ(p.code, 1);
  auto j = nlohmann::json::parse(p.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << p.out;
  EXPECT_EQ(j["ok"], false);
  EXPECT_EQ(j["error"]["kind"], "clock_skew");
  EXPECT_EQ(j["error"]["message"], "The session token has expired.");
  EXPECT_EQ(j["error"]["advice"], "Sign in to the AWS access portal again.");
  EXPECT_EQ(j["error"]["code"], "SignatureDoesNotMatch");
  EXPECT_EQ(j["error"]["request_id"], "req-1234");
  EXPECT_EQ(j["error"]["action"], "sts:GetCallerIdentity");
  EXPECT_EQ(j["error"]["http_status"], 403);
  EXPECT_EQ(j["error"]["clock_offset_seconds"], -420);
  EXPECT_FALSE(j.contains("account"));
  EXPECT_FALSE(j.contains("arn"));
}

TEST(AuthCheckSecrets, NeitherFormatPrintsSecretOrToken) {
  auto ok = success("arn:aws:sts::111122223333:assumed-role/AuditRole/ci-run", true);
  ok.credentials.expiration = ok.now + minutes(5);
  auto bad = failure(ErrorKind::kWrongSecret, "SignatureDoesNotMatch");
  for (const auto& r : {ok, bad})
    for (auto format : {OutputFormat::kText, OutputFormat::kJson})
      for (bool color : {false, true}) {
        auto p = print(r, format, color);
        std::string all = p.out + p.err;
        ASSERT_FALSE(all.empty());
        EXPECT_FALSE(contains(all, kSecret)) << "secret access key printed";
        EXPECT_FALSE(contains(all, kToken)) << "session token printed";
        EXPECT_FALSE(contains(all, std::string_view(kSecret).substr(0, 16))) << "part of the secret printed";
        EXPECT_FALSE(contains(all, std::string_view(kToken).substr(20, 16))) << "part of the token printed";
      }
}

TEST(HumanDuration, Cases) {
  EXPECT_EQ(human_duration(seconds(0)), "0 s");
  EXPECT_EQ(human_duration(seconds(30)), "30 s");
  EXPECT_EQ(human_duration(seconds(59)), "59 s");
  EXPECT_EQ(human_duration(seconds(60)), "1 min");
  EXPECT_EQ(human_duration(seconds(45 * 60 + 59)), "45 min");
  EXPECT_EQ(human_duration(seconds(3599)), "59 min");
  EXPECT_EQ(human_duration(hours(2) + minutes(13) + seconds(40)), "2 h 13 min");
  EXPECT_EQ(human_duration(hours(12)), "12 h 0 min");
  EXPECT_EQ(human_duration(-minutes(5)), "expired 5 min ago");
  EXPECT_EQ(human_duration(seconds(-30)), "expired 30 s ago");
  EXPECT_EQ(human_duration(-(hours(1) + minutes(2))), "expired 1 h 2 min ago");
}

}  // namespace
}  // namespace cloudpeek::cli
