// IAM and Access Analyzer checks on small inventories: PASS, FAIL and
// NOT_ASSESSED (naming what was missing) for each.
#include <gtest/gtest.h>

#include "checks/check.h"
#include "checks/testing.h"

namespace cloudpeek::checks {
namespace {

using testing::resource;
using testing::run_on;

constexpr int64_t kNow = 1795600000;  // the report's generation time
constexpr int64_t kDay = 86400;
const std::string kDeniedReport = "iam:GenerateCredentialReport denied (AccessDenied)";

json key(int slot, bool active, std::optional<int64_t> rotated_days_ago, std::optional<int64_t> used_days_ago) {
  return {{"slot", slot},
          {"active", active},
          {"last_rotated", rotated_days_ago ? json(kNow - *rotated_days_ago * kDay) : json(nullptr)},
          {"last_used", used_days_ago ? json(kNow - *used_days_ago * kDay) : json(nullptr)}};
}

json row(bool password, std::optional<int64_t> pw_used_days_ago, bool mfa, json keys = json::array()) {
  return {{"password_enabled", password},
          {"password_last_used", pw_used_days_ago ? json(kNow - *pw_used_days_ago * kDay) : json(nullptr)},
          {"password_last_changed", json(nullptr)},
          {"mfa_active", mfa},
          {"access_keys", keys}};
}

Resource user(const std::string& name, json report, json extra = json::object()) {
  json props = {{"user_name", name}, {"credential_report", report}, {"report_time", kNow},
                {"attached_policies", json::array()}, {"inline_policies", json::array()}};
  props.update(extra);
  return resource("AWS::IAM::User", name, props, "global");
}

Resource unreported(const std::string& type, const std::string& name) {
  Resource r = resource(type, name, json::object(), "global");
  r.missing["credential_report"] = kDeniedReport;
  return r;
}

CheckStatus status(std::string_view id, const Resource& r) { return run_on(id, r).status; }

void expect_na(std::string_view id, const Resource& r, const std::string& reason) {
  auto res = run_on(id, r);
  EXPECT_EQ(res.status, CheckStatus::kNotAssessed) << id;
  EXPECT_EQ(res.detail, reason) << id;
}

// ---- root ----

Resource root(json report, json extra = json::object()) {
  json props = {{"credential_report", report}, {"report_time", kNow}};
  props.update(extra);
  return resource("AWS::IAM::Root", "root", props, "global");
}

TEST(IamRoot, NoRootAccessKey) {
  EXPECT_EQ(status("iam_no_root_access_key", root(row(false, 1, true, {key(1, false, 400, 300)}))), CheckStatus::kPass);
  auto r = run_on("iam_no_root_access_key", root(row(false, 1, true, {key(1, true, 400, 300)})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "The root user has 1 active access key(s).");
  // Without the report, the account summary still answers.
  Resource summary_only = unreported("AWS::IAM::Root", "root");
  summary_only.props["account_access_keys_present"] = true;
  EXPECT_EQ(status("iam_no_root_access_key", summary_only), CheckStatus::kFail);
  expect_na("iam_no_root_access_key", unreported("AWS::IAM::Root", "root"), kDeniedReport);
}

TEST(IamRoot, MfaEnabled) {
  EXPECT_EQ(status("iam_root_mfa_enabled", root(row(false, 1, true), {{"account_mfa_enabled", true}})), CheckStatus::kPass);
  EXPECT_EQ(status("iam_root_mfa_enabled", root(row(false, 1, false), {{"account_mfa_enabled", false}})), CheckStatus::kFail);
  Resource none = unreported("AWS::IAM::Root", "root");
  none.missing["account_summary"] = "iam:GetAccountSummary denied (AccessDenied)";
  expect_na("iam_root_mfa_enabled", none, "iam:GetAccountSummary denied (AccessDenied)");
}

TEST(IamRoot, HardwareMfa) {
  EXPECT_EQ(status("iam_root_hardware_mfa_enabled", root(row(false, 1, true), {{"account_mfa_enabled", true}, {"virtual_mfa", false}})),
            CheckStatus::kPass);
  auto virt = run_on("iam_root_hardware_mfa_enabled", root(row(false, 1, true), {{"account_mfa_enabled", true}, {"virtual_mfa", true}}));
  EXPECT_EQ(virt.status, CheckStatus::kFail);
  EXPECT_EQ(virt.detail, "The root user's MFA is a virtual device, not hardware.");
  EXPECT_EQ(status("iam_root_hardware_mfa_enabled", root(row(false, 1, false), {{"account_mfa_enabled", false}, {"virtual_mfa", false}})),
            CheckStatus::kFail);
  Resource unknown = root(row(false, 1, true), {{"account_mfa_enabled", true}});
  unknown.missing["virtual_mfa"] = "iam:ListVirtualMFADevices denied (AccessDenied)";
  expect_na("iam_root_hardware_mfa_enabled", unknown, "iam:ListVirtualMFADevices denied (AccessDenied)");
}

TEST(IamRoot, AvoidRootUsage) {
  EXPECT_EQ(status("iam_avoid_root_usage", root(row(false, 200, true, {key(1, false, 400, 300)}))), CheckStatus::kPass);
  EXPECT_EQ(status("iam_avoid_root_usage", root(row(false, std::nullopt, true))), CheckStatus::kPass);
  auto used = run_on("iam_avoid_root_usage", root(row(false, 200, true, {key(1, true, 400, 3)})));
  EXPECT_EQ(used.status, CheckStatus::kFail);
  EXPECT_EQ(used.detail, "The root user was used 3 day(s) before the credential report.");
  expect_na("iam_avoid_root_usage", unreported("AWS::IAM::Root", "root"), kDeniedReport);
}

// ---- password policy ----

Resource pwpolicy(json policy) {
  return resource("AWS::IAM::PasswordPolicy", "account-password-policy", {{"exists", true}, {"policy", policy}}, "global");
}
Resource no_pwpolicy() { return resource("AWS::IAM::PasswordPolicy", "account-password-policy", {{"exists", false}}, "global"); }
Resource denied_pwpolicy() {
  Resource r = resource("AWS::IAM::PasswordPolicy", "account-password-policy", json::object(), "global");
  r.missing["exists"] = "iam:GetAccountPasswordPolicy denied (AccessDenied)";
  return r;
}

TEST(IamPasswordPolicy, AllFour) {
  json strong = {{"MinimumPasswordLength", 14}, {"PasswordReusePrevention", 24}, {"RequireSymbols", true},
                 {"RequireNumbers", true}, {"RequireUppercaseCharacters", true}, {"RequireLowercaseCharacters", true},
                 {"ExpirePasswords", true}, {"MaxPasswordAge", 90}};
  json weak = {{"MinimumPasswordLength", 8}, {"PasswordReusePrevention", 5}, {"RequireSymbols", true},
               {"RequireNumbers", true}, {"RequireUppercaseCharacters", true}, {"ExpirePasswords", true}, {"MaxPasswordAge", 365}};
  for (const char* id : {"iam_password_policy_minimum_length_14", "iam_password_policy_reuse_24", "iam_password_policy_strong",
                         "iam_password_policy_expires_passwords_within_90_days_or_less"}) {
    EXPECT_EQ(status(id, pwpolicy(strong)), CheckStatus::kPass) << id;
    EXPECT_EQ(status(id, pwpolicy(weak)), CheckStatus::kFail) << id;
    EXPECT_EQ(status(id, no_pwpolicy()), CheckStatus::kFail) << id;  // none configured is a finding, not a gap
    expect_na(id, denied_pwpolicy(), "iam:GetAccountPasswordPolicy denied (AccessDenied)");
  }
  EXPECT_EQ(run_on("iam_password_policy_strong", pwpolicy(weak)).detail,
            "The password policy does not set: RequireLowercaseCharacters.");
  EXPECT_EQ(run_on("iam_password_policy_minimum_length_14", pwpolicy(weak)).detail,
            "Minimum password length is 8, less than 14.");
}

// ---- users and the credential report ----

TEST(IamUser, MfaForConsoleUsers) {
  EXPECT_EQ(status("iam_user_mfa_enabled_console_access", user("a", row(true, 1, true))), CheckStatus::kPass);
  EXPECT_EQ(status("iam_user_mfa_enabled_console_access", user("svc", row(false, std::nullopt, false))), CheckStatus::kPass);
  EXPECT_EQ(status("iam_user_mfa_enabled_console_access", user("b", row(true, 1, false))), CheckStatus::kFail);
  expect_na("iam_user_mfa_enabled_console_access", unreported("AWS::IAM::User", "c"), kDeniedReport);
}

TEST(IamUser, MfaForAllUsers) {
  EXPECT_EQ(status("iam_user_mfa_enabled", user("a", row(true, 1, true))), CheckStatus::kPass);
  EXPECT_EQ(status("iam_user_mfa_enabled", user("svc", row(false, std::nullopt, false))), CheckStatus::kFail);
  expect_na("iam_user_mfa_enabled", unreported("AWS::IAM::User", "c"), kDeniedReport);
}

TEST(IamUser, NoInitialAccessKey) {
  EXPECT_EQ(status("iam_user_no_setup_initial_access_key", user("a", row(true, 1, true, {key(1, true, 10, 2)}))), CheckStatus::kPass);
  EXPECT_EQ(status("iam_user_no_setup_initial_access_key", user("svc", row(false, std::nullopt, false, {key(1, true, 10, std::nullopt)}))),
            CheckStatus::kPass);
  auto r = run_on("iam_user_no_setup_initial_access_key", user("b", row(true, 1, true, {key(1, true, 10, 2), key(2, true, 10, std::nullopt)})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "User b has a console password and never-used active access key 2.");
  expect_na("iam_user_no_setup_initial_access_key", unreported("AWS::IAM::User", "c"), kDeniedReport);
}

TEST(IamUser, AccessKeyUnused45Days) {
  EXPECT_EQ(status("iam_user_accesskey_unused", user("a", row(false, std::nullopt, false, {key(1, true, 100, 44)}))), CheckStatus::kPass);
  // Never used, but created recently.
  EXPECT_EQ(status("iam_user_accesskey_unused", user("n", row(false, std::nullopt, false, {key(1, true, 10, std::nullopt)}))),
            CheckStatus::kPass);
  // Inactive keys do not count.
  EXPECT_EQ(status("iam_user_accesskey_unused", user("i", row(false, std::nullopt, false, {key(1, false, 400, 300)}))), CheckStatus::kPass);
  auto r = run_on("iam_user_accesskey_unused", user("b", row(false, std::nullopt, false, {key(1, true, 100, 60)})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "User b has active keys unused for 45 days or more: access key 1 (60 days).");
  EXPECT_EQ(status("iam_user_accesskey_unused", user("o", row(false, std::nullopt, false, {key(1, true, 50, std::nullopt)}))),
            CheckStatus::kFail);
  expect_na("iam_user_accesskey_unused", unreported("AWS::IAM::User", "c"), kDeniedReport);
}

TEST(IamUser, ConsoleUnused45Days) {
  EXPECT_EQ(status("iam_user_console_access_unused", user("a", row(true, 10, true))), CheckStatus::kPass);
  EXPECT_EQ(status("iam_user_console_access_unused", user("svc", row(false, std::nullopt, false))), CheckStatus::kPass);
  EXPECT_EQ(status("iam_user_console_access_unused", user("b", row(true, 46, true))), CheckStatus::kFail);
  // Never signed in: the password's creation time decides.
  EXPECT_EQ(status("iam_user_console_access_unused", user("n", row(true, std::nullopt, true), {{"create_date", kNow - 100 * kDay}})),
            CheckStatus::kFail);
  expect_na("iam_user_console_access_unused", unreported("AWS::IAM::User", "c"), kDeniedReport);
}

TEST(IamUser, TwoActiveKeys) {
  EXPECT_EQ(status("iam_user_two_active_access_keys", user("a", row(false, std::nullopt, false, {key(1, true, 1, 1), key(2, false, 1, 1)}))),
            CheckStatus::kPass);
  EXPECT_EQ(status("iam_user_two_active_access_keys", user("b", row(false, std::nullopt, false, {key(1, true, 1, 1), key(2, true, 1, 1)}))),
            CheckStatus::kFail);
  expect_na("iam_user_two_active_access_keys", unreported("AWS::IAM::User", "c"), kDeniedReport);
}

TEST(IamUser, RotateKeys90Days) {
  EXPECT_EQ(status("iam_rotate_access_key_90_days", user("a", row(false, std::nullopt, false, {key(1, true, 90, 1)}))), CheckStatus::kPass);
  EXPECT_EQ(status("iam_rotate_access_key_90_days", user("i", row(false, std::nullopt, false, {key(1, false, 900, 1)}))), CheckStatus::kPass);
  auto r = run_on("iam_rotate_access_key_90_days", user("b", row(false, std::nullopt, false, {key(1, true, 91, 1)})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "User b has active keys older than 90 days: access key 1 (91 days).");
  expect_na("iam_rotate_access_key_90_days", unreported("AWS::IAM::User", "c"), kDeniedReport);
}

TEST(IamUser, ConsoleAndKeys) {
  EXPECT_EQ(status("iam_user_no_console_and_access_keys", user("a", row(true, 1, true, {key(1, false, 1, 1)}))), CheckStatus::kPass);
  EXPECT_EQ(status("iam_user_no_console_and_access_keys", user("b", row(true, 1, true, {key(1, true, 1, 1)}))), CheckStatus::kFail);
  expect_na("iam_user_no_console_and_access_keys", unreported("AWS::IAM::User", "c"), kDeniedReport);
}

TEST(IamUser, PoliciesOnlyThroughGroups) {
  EXPECT_EQ(status("iam_policy_attached_only_to_group_or_roles", user("a", row(true, 1, true))), CheckStatus::kPass);
  auto r = run_on("iam_policy_attached_only_to_group_or_roles",
                  user("b", row(true, 1, true), {{"attached_policies", {{{"name", "AdministratorAccess"}, {"arn", "x"}}}},
                                                 {"inline_policies", {"s3"}}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "User b has policies attached directly: AdministratorAccess (managed), s3 (inline).");
  // The listing of users itself failing is run_check's NOT_ASSESSED.
  Inventory inv;
  inv.account = "111122223333";
  inv.add_gap(testing::denied("iam", "iam:GetAccountAuthorizationDetails", "global", "AWS::IAM::User"));
  auto findings = run_check(*find_check("iam_policy_attached_only_to_group_or_roles"), inv);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].status, CheckStatus::kNotAssessed);
  EXPECT_EQ(findings[0].detail, "iam:GetAccountAuthorizationDetails denied (AccessDenied)");
}

// ---- policies ----

json doc(json statements) { return {{"Version", "2012-10-17"}, {"Statement", statements}}; }
json allow(json action, json res = "*") { return {{"Effect", "Allow"}, {"Action", action}, {"Resource", res}}; }

Resource policy(const std::string& name, json document, int attachments = 1, bool aws_managed = false) {
  return resource("AWS::IAM::Policy", name,
                  {{"policy_name", name}, {"aws_managed", aws_managed}, {"attachment_count", attachments}, {"document", document}},
                  "global");
}
Resource inline_policy(const std::string& name, json document) {
  return resource("AWS::IAM::InlinePolicy", name, {{"policy_name", name}, {"document", document}}, "global");
}
template <class F>
Resource without_document(F make) {
  Resource r = make();
  r.props.erase("document");
  r.missing["document"] = "iam:GetAccountAuthorizationDetails failed: Throttling";
  return r;
}

TEST(IamPolicies, FullAdminAttached) {
  const char* id = "iam_no_full_admin_policies_attached";
  EXPECT_EQ(status(id, policy("Admin", doc({allow("*")}), 2, true)), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Admin2", doc({allow("*:*")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Unused", doc({allow("*")}), 0)), CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("S3", doc({allow("s3:*")}))), CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("Scoped", doc({allow("*", "arn:aws:s3:::b/*")}))), CheckStatus::kPass);
  expect_na(id, without_document([] { return policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");
}

TEST(IamPolicies, InlineFullAdmin) {
  const char* id = "iam_inline_policy_no_full_admin";
  EXPECT_EQ(status(id, inline_policy("all", doc(allow("*")))), CheckStatus::kFail);  // a single Statement object
  EXPECT_EQ(status(id, inline_policy("s3", doc({allow("s3:GetObject")}))), CheckStatus::kPass);
  expect_na(id, without_document([] { return inline_policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");
}

TEST(IamPolicies, WildcardServiceActions) {
  const char* id = "iam_customer_policy_no_wildcard_service_actions";
  auto r = run_on(id, policy("Dev", doc({allow({"s3:*", "ec2:Describe*"})}), 0));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Policy Dev allows wildcard service actions: s3:*.");
  EXPECT_EQ(status(id, policy("Ok", doc({allow({"s3:GetObject", "ec2:Describe*"})}))), CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("AwsOwned", doc({allow("*")}), 1, true)), CheckStatus::kPass);
  expect_na(id, without_document([] { return policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");
}

TEST(IamPolicies, PrivilegeEscalation) {
  const char* id = "iam_policy_no_privilege_escalation";
  auto r = run_on(id, policy("Ci", doc({allow({"iam:PassRole", "iam:AttachUserPolicy"})})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Policy Ci allows privilege escalation on all resources: iam:AttachUserPolicy, iam:PassRole.");
  EXPECT_EQ(status(id, policy("IamStar", doc({allow("iam:*")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("NotAction", doc({{{"Effect", "Allow"}, {"NotAction", "s3:*"}, {"Resource", "*"}}}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Scoped", doc({allow("iam:PassRole", "arn:aws:iam::111122223333:role/app")}))), CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("Denied", doc({{{"Effect", "Deny"}, {"Action", "iam:*"}, {"Resource", "*"}}}))), CheckStatus::kPass);
  expect_na(id, without_document([] { return policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");

  const char* inl = "iam_inline_policy_no_privilege_escalation";
  EXPECT_EQ(status(inl, inline_policy("pass", doc({allow("iam:PassRole")}))), CheckStatus::kFail);
  EXPECT_EQ(status(inl, inline_policy("read", doc({allow("iam:Get*")}))), CheckStatus::kPass);
  expect_na(inl, without_document([] { return inline_policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");
}

TEST(IamPolicies, PermissiveRoleAssumption) {
  const char* id = "iam_policy_no_permissive_role_assumption";
  EXPECT_EQ(status(id, policy("Any", doc({allow("sts:AssumeRole")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Sts", doc({allow("sts:*")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("One", doc({allow("sts:AssumeRole", "arn:aws:iam::111122223333:role/deploy")}))), CheckStatus::kPass);
  expect_na(id, without_document([] { return policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");
}

// ---- roles ----

Resource role(const std::string& name, json principal, json condition = nullptr) {
  json st = {{"Effect", "Allow"}, {"Principal", principal}, {"Action", "sts:AssumeRole"}};
  if (!condition.is_null()) st["Condition"] = condition;
  return resource("AWS::IAM::Role", name, {{"role_name", name}, {"trust_policy", doc({st})}}, "global");
}
Resource role_unknown_trust() {
  Resource r = resource("AWS::IAM::Role", "r", json::object(), "global");
  r.missing["trust_policy"] = "iam:GetRole denied (AccessDenied)";
  return r;
}

TEST(IamRoles, PublicTrust) {
  const char* id = "iam_role_trust_no_public_principal";
  EXPECT_EQ(status(id, role("pub", {{"AWS", "*"}})), CheckStatus::kFail);
  EXPECT_EQ(status(id, role("pub2", "*")), CheckStatus::kFail);
  EXPECT_EQ(status(id, role("org", {{"AWS", "*"}}, {{"StringEquals", {{"aws:PrincipalOrgID", "o-1"}}}})), CheckStatus::kPass);
  EXPECT_EQ(status(id, role("svc", {{"Service", "lambda.amazonaws.com"}})), CheckStatus::kPass);
  expect_na(id, role_unknown_trust(), "iam:GetRole denied (AccessDenied)");
}

TEST(IamRoles, CrossAccountExternalId) {
  const char* id = "iam_role_cross_account_requires_external_id";
  auto r = run_on(id, role("vendor", {{"AWS", "arn:aws:iam::999988887777:root"}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Role vendor trusts other accounts without sts:ExternalId: arn:aws:iam::999988887777:root.");
  EXPECT_EQ(status(id, role("bare", {{"AWS", {"444455556666"}}})), CheckStatus::kFail);
  EXPECT_EQ(status(id, role("ext", {{"AWS", "444455556666"}}, {{"StringEquals", {{"sts:ExternalId", "x"}}}})), CheckStatus::kPass);
  EXPECT_EQ(status(id, role("own", {{"AWS", "arn:aws:iam::111122223333:root"}})), CheckStatus::kPass);
  expect_na(id, role_unknown_trust(), "iam:GetRole denied (AccessDenied)");
}

// ---- account-level IAM ----

TEST(IamSupportRole, AttachedToARole) {
  const char* id = "iam_support_role_created";
  auto make = [](json roles) {
    return resource("AWS::IAM::SupportAccessPolicy", "AWSSupportAccess",
                    {{"users", json::array()}, {"groups", json::array()}, {"roles", roles}}, "global");
  };
  EXPECT_EQ(status(id, make({"support"})), CheckStatus::kPass);
  EXPECT_EQ(status(id, make(json::array())), CheckStatus::kFail);
  Resource denied = resource("AWS::IAM::SupportAccessPolicy", "AWSSupportAccess", json::object(), "global");
  denied.missing["roles"] = "iam:ListEntitiesForPolicy denied (AccessDenied)";
  expect_na(id, denied, "iam:ListEntitiesForPolicy denied (AccessDenied)");
}

TEST(IamServerCertificates, ExpiredAndExpiring) {
  auto cert = [](int64_t days_left) {
    return resource("AWS::IAM::ServerCertificate", "c", {{"expiration", kNow + days_left * kDay}, {"collected_at", kNow}}, "global");
  };
  EXPECT_EQ(status("iam_no_expired_server_certificates_stored", cert(-1)), CheckStatus::kFail);
  EXPECT_EQ(status("iam_no_expired_server_certificates_stored", cert(10)), CheckStatus::kPass);
  EXPECT_EQ(status("iam_server_certificate_not_expiring_within_30_days", cert(-1)), CheckStatus::kFail);
  EXPECT_EQ(status("iam_server_certificate_not_expiring_within_30_days", cert(10)), CheckStatus::kFail);
  EXPECT_EQ(status("iam_server_certificate_not_expiring_within_30_days", cert(31)), CheckStatus::kPass);
  Resource unknown = resource("AWS::IAM::ServerCertificate", "c", json::object(), "global");
  expect_na("iam_no_expired_server_certificates_stored", unknown, "expiration of server certificate c not collected");
  expect_na("iam_server_certificate_not_expiring_within_30_days", unknown, "expiration of server certificate c not collected");
}

// ---- Access Analyzer ----

TEST(AccessAnalyzer, ActiveInEachRegion) {
  auto region = [](json analyzers) {
    return resource("AWS::AccessAnalyzer::Analyzers", "a", {{"analyzers", analyzers}}, "eu-west-1");
  };
  EXPECT_EQ(status("accessanalyzer_enabled", region({{{"name", "a"}, {"status", "ACTIVE"}}})), CheckStatus::kPass);
  EXPECT_EQ(run_on("accessanalyzer_enabled", region(json::array())).detail, "No IAM Access Analyzer in eu-west-1.");
  EXPECT_EQ(status("accessanalyzer_enabled", region({{{"name", "a"}, {"status", "CREATING"}}})), CheckStatus::kFail);
  // A region whose ListAnalyzers failed has no resource: run_check reports it.
  Inventory inv;
  inv.account = "111122223333";
  inv.regions = {{"us-east-1", "opt-in-not-required", true}, {"eu-west-1", "opt-in-not-required", true}};
  inv.add(region({{{"name", "a"}, {"status", "ACTIVE"}}}));
  inv.add_gap(testing::denied("accessanalyzer", "access-analyzer:ListAnalyzers", "us-east-1", "AWS::AccessAnalyzer::Analyzers"));
  auto findings = run_check(*find_check("accessanalyzer_enabled"), inv);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[1].status, CheckStatus::kNotAssessed);
  EXPECT_EQ(findings[1].detail, "access-analyzer:ListAnalyzers denied in us-east-1 (AccessDenied)");
}

TEST(IamMetadata, ComplianceIds) {
  auto cis = [](const char* id) { return find_check(id)->meta.cis; };
  EXPECT_EQ(cis("iam_no_root_access_key"), std::vector<std::string>{"1.4"});
  EXPECT_EQ(cis("iam_root_hardware_mfa_enabled"), std::vector<std::string>{"1.6"});
  EXPECT_EQ(cis("iam_no_expired_server_certificates_stored"), std::vector<std::string>{"1.19"});
  EXPECT_EQ(cis("accessanalyzer_enabled"), std::vector<std::string>{"1.20"});
  EXPECT_EQ(find_check("iam_customer_policy_no_wildcard_service_actions")->meta.fsbp, std::vector<std::string>{"IAM.21"});
  for (const Check* c : all_checks()) {
    if (c->meta.service != "iam" && c->meta.service != "accessanalyzer") continue;
    EXPECT_FALSE(c->meta.title.empty()) << c->meta.id;
    EXPECT_FALSE(c->meta.remediation.cli.empty()) << c->meta.id;
    EXPECT_FALSE(c->meta.references.empty()) << c->meta.id;
  }
}

}  // namespace
}  // namespace cloudpeek::checks
