// IAM and Access Analyzer checks on small inventories: PASS, FAIL and
// NOT_ASSESSED (naming what was missing) for each.
#include <gtest/gtest.h>

#include <optional>
#include <thread>

#include "checks/check.h"
#include "checks/iam_analysis.h"
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
  EXPECT_FALSE(run_on("iam_user_mfa_enabled_console_access", user("svc", row(false, std::nullopt, false))).applicable);
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
  EXPECT_FALSE(run_on("iam_user_no_setup_initial_access_key", user("svc", row(false, std::nullopt, false, {key(1, true, 10, std::nullopt)}))).applicable);
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
  EXPECT_FALSE(run_on("iam_user_console_access_unused", user("svc", row(false, std::nullopt, false))).applicable);
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

TEST(IamPolicies, PrivilegeEscalationCategory) {
  const char* id = "iam_policy_allows_privilege_escalation";
  auto r = run_on(id, policy("Ci", doc({allow({"iam:PassRole", "iam:AttachUserPolicy"})})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Policy Ci allows privilege escalation on all resources: techniques iam:AttachUserPolicy; "
                      "granted by identity-based policy Ci, statement 0.");
  EXPECT_EQ(status(id, policy("IamStar", doc({allow("iam:*")}))), CheckStatus::kFail);
  // NotAction that leaves iam:* allowed, and a technique split over two statements.
  EXPECT_EQ(status(id, policy("NotAction", doc({{{"Effect", "Allow"}, {"NotAction", "s3:*"}, {"Resource", "*"}}}))), CheckStatus::kFail);
  r = run_on(id, policy("Lambda", doc({allow("iam:PassRole"), allow({"lambda:CreateFunction", "lambda:InvokeFunction"})})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction"), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("statement 0; identity-based policy Lambda, statement 1"), std::string::npos) << r.detail;
  // iam:PassRole alone is not a technique: it needs a service to pass the role to.
  EXPECT_EQ(status(id, policy("PassOnly", doc({allow("iam:PassRole")}))), CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("Scoped", doc({allow("iam:CreatePolicyVersion", "arn:aws:iam::111122223333:policy/app")}))), CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("Denied", doc({{{"Effect", "Deny"}, {"Action", "iam:*"}, {"Resource", "*"}}}))), CheckStatus::kPass);
  // Allow and an unconditional Deny in one policy: the Deny wins.
  EXPECT_EQ(status(id, policy("AllowDeny", doc({allow("iam:*"), {{"Effect", "Deny"}, {"Action", "iam:*"}, {"Resource", "*"}}}))),
            CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("Unattached", doc({allow("*")}), 0)), CheckStatus::kPass);
  EXPECT_FALSE(run_on(id, policy("AwsOwned", doc({allow("*")}), 1, true)).applicable);
  expect_na(id, without_document([] { return policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");

  const char* inl = "iam_inline_policy_allows_privilege_escalation";
  EXPECT_EQ(status(inl, inline_policy("put", doc({allow("iam:PutRolePolicy")}))), CheckStatus::kFail);
  EXPECT_EQ(status(inl, inline_policy("read", doc({allow("iam:Get*")}))), CheckStatus::kPass);
  expect_na(inl, without_document([] { return inline_policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");
}

TEST(IamPolicies, DataExfiltrationCategory) {
  const char* id = "iam_policy_allows_data_exfiltration";
  auto r = run_on(id, policy("Dev", doc({allow({"s3:*", "ec2:Describe*"})})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Policy Dev allows data exfiltration on all resources: actions s3:GetObject, s3:GetObjectVersion; "
                      "granted by identity-based policy Dev, statement 0.");
  EXPECT_EQ(status(id, policy("Ssm", doc({allow("ssm:GetParameter*")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Secrets", doc({allow("secretsmanager:Get*")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Kms", doc({allow("kms:Decrypt")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("OneBucket", doc({allow("s3:GetObject", "arn:aws:s3:::example-data/*")}))), CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("List", doc({allow({"s3:ListBucket", "ssm:DescribeParameters"})}))), CheckStatus::kPass);
  const char* inl = "iam_inline_policy_allows_data_exfiltration";
  EXPECT_EQ(status(inl, inline_policy("all", doc({{{"Effect", "Allow"}, {"NotAction", "iam:*"}, {"NotResource", "arn:aws:s3:::x"}}}))),
            CheckStatus::kFail);
  EXPECT_EQ(status(inl, inline_policy("s3-read", doc({allow("s3:GetObject", "arn:aws:s3:::example-data/*")}))), CheckStatus::kPass);
}

TEST(IamPolicies, ResourceExposureCategory) {
  const char* id = "iam_policy_allows_resource_exposure";
  auto r = run_on(id, policy("Kms", doc({allow("kms:PutKeyPolicy")})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Policy Kms allows resource exposure on all resources: actions kms:PutKeyPolicy; "
                      "granted by identity-based policy Kms, statement 0.");
  EXPECT_EQ(status(id, policy("S3", doc({allow("s3:PutBucketPolicy")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Trust", doc({allow("iam:UpdateAssumeRolePolicy")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Lambda", doc({allow("lambda:AddPermission")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Write", doc({allow({"s3:PutObject", "iam:PassRole", "ec2:Describe*"})}))), CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("OneKey", doc({allow("kms:PutKeyPolicy", "arn:aws:kms:us-east-1:111122223333:key/k")}))), CheckStatus::kPass);
  // Long lists are cut.
  r = run_on(id, policy("Everything", doc({allow("*")})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find(" more; granted by"), std::string::npos) << r.detail;
  EXPECT_EQ(status("iam_inline_policy_allows_resource_exposure", inline_policy("sqs", doc({allow("sqs:AddPermission")}))),
            CheckStatus::kFail);
}

TEST(IamPolicies, CredentialsExposureCategory) {
  const char* id = "iam_policy_allows_credentials_exposure";
  auto r = run_on(id, policy("Ci", doc({allow("sts:AssumeRole"), allow("ecr:GetAuthorizationToken")})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Policy Ci allows credentials exposure on all resources: actions ecr:GetAuthorizationToken, sts:AssumeRole; "
                      "granted by identity-based policy Ci, statement 0; identity-based policy Ci, statement 1.");
  EXPECT_EQ(status(id, policy("Keys", doc({allow("iam:CreateAccessKey")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("OneRole", doc({allow("sts:AssumeRole", "arn:aws:iam::111122223333:role/deploy")}))), CheckStatus::kPass);
  // What iam_policy_no_permissive_role_assumption reported (it was replaced by this category).
  r = run_on(id, policy("Sts", doc({allow("sts:*")})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("sts:AssumeRole"), std::string::npos) << r.detail;
  EXPECT_EQ(status(id, policy("AnyRole", doc({allow("sts:AssumeRole", "arn:aws:iam::*:role/*")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Unattached", doc({allow("sts:AssumeRole")}), 0)), CheckStatus::kPass);
  expect_na(id, without_document([] { return policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");
  // A condition does not exclude the statement; it is named.
  json conditional = allow("iam:CreateAccessKey");
  conditional["Condition"] = {{"Bool", {{"aws:MultiFactorAuthPresent", "true"}}}};
  r = run_on("iam_inline_policy_allows_credentials_exposure", inline_policy("mfa", doc({conditional})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("with condition Bool aws:MultiFactorAuthPresent"), std::string::npos) << r.detail;
}

TEST(IamPolicies, InfrastructureModificationCategory) {
  const char* id = "iam_policy_allows_infrastructure_modification";
  auto r = run_on(id, policy("Ops", doc({allow({"ec2:TerminateInstances", "ec2:Describe*"})})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Policy Ops allows unrestricted infrastructure modification on all resources: actions "
                      "ec2:TerminateInstances; granted by identity-based policy Ops, statement 0.");
  // The catalogue's access levels decide, not a hand list: Tagging and
  // Permissions management count, List and Read do not.
  EXPECT_EQ(status(id, policy("Tag", doc({allow("ec2:CreateTags")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Perms", doc({allow("s3:PutBucketPolicy")}))), CheckStatus::kFail);
  EXPECT_EQ(status(id, policy("Read", doc({allow({"ec2:Describe*", "s3:Get*", "s3:List*", "iam:Get*"})}))), CheckStatus::kPass);
  // A wildcard over a service's writes expands against the catalogue.
  r = run_on(id, policy("DynamoPut", doc({allow("dynamodb:*Item")})));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("dynamodb:DeleteItem"), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("dynamodb:PutItem"), std::string::npos) << r.detail;
  EXPECT_EQ(r.detail.find("dynamodb:GetItem"), std::string::npos) << r.detail;
  // Resource constraints: a named resource constrains.
  EXPECT_EQ(status(id, policy("OneInstance", doc({allow("ec2:TerminateInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc")}))),
            CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("OneBucket", doc({allow("s3:PutObject", "arn:aws:s3:::example-data/*")}))), CheckStatus::kPass);
  // An unconditional Deny of the same policy takes the writes away.
  EXPECT_EQ(status(id, policy("Guarded", doc({allow("ec2:*"), {{"Effect", "Deny"}, {"NotAction", "ec2:Describe*"}, {"Resource", "*"}}}))),
            CheckStatus::kPass);
  EXPECT_EQ(status(id, policy("Unattached", doc({allow("*")}), 0)), CheckStatus::kPass);
  expect_na(id, without_document([] { return policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");

  const char* inl = "iam_inline_policy_allows_infrastructure_modification";
  EXPECT_EQ(status(inl, inline_policy("lambda", doc({allow("lambda:UpdateFunctionCode")}))), CheckStatus::kFail);
  EXPECT_EQ(status(inl, inline_policy("logs-read", doc({allow({"logs:Describe*", "logs:Get*", "logs:FilterLogEvents"})}))),
            CheckStatus::kPass);
  expect_na(inl, without_document([] { return inline_policy("X", json()); }), "iam:GetAccountAuthorizationDetails failed: Throttling");
}

// A Resource that names every resource of a type is no constraint: the
// categories treat it as "*", for the actions acting on that type.
TEST(IamPolicies, CategoriesSeeThroughUnconstrainedResourcePatterns) {
  // Every bucket (and, as "*" also matches "/", every object).
  auto r = run_on("iam_policy_allows_data_exfiltration", policy("AllBuckets", doc({allow("s3:GetObject", "arn:aws:s3:::*")})));
  EXPECT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_EQ(r.detail, "Policy AllBuckets allows data exfiltration on all resources: actions s3:GetObject; "
                      "granted by identity-based policy AllBuckets, statement 0.");
  EXPECT_EQ(status("iam_policy_allows_data_exfiltration", policy("AllObjects", doc({allow("s3:GetObject", "arn:aws:s3:::*/*")}))),
            CheckStatus::kFail);
  // Every role of every account (or of this one): passing any role, updating any trust policy.
  EXPECT_EQ(status("iam_policy_allows_resource_exposure",
                   policy("AnyTrust", doc({allow("iam:UpdateAssumeRolePolicy", "arn:aws:iam::*:role/*")}))),
            CheckStatus::kFail);
  EXPECT_EQ(status("iam_inline_policy_allows_privilege_escalation",
                   inline_policy("put-any-role", doc({allow("iam:PutRolePolicy", "arn:aws:iam::111122223333:role/*")}))),
            CheckStatus::kFail);
  EXPECT_EQ(status("iam_policy_allows_infrastructure_modification",
                   policy("AnyInstance", doc({allow("ec2:TerminateInstances", "arn:aws:ec2:*:*:instance/*")}))),
            CheckStatus::kFail);
  EXPECT_EQ(status("iam_policy_allows_infrastructure_modification", policy("Everything", doc({allow("*", "arn:*:*:*:*:*")})))
, CheckStatus::kFail);
  EXPECT_EQ(status("iam_inline_policy_allows_privilege_escalation",
                   inline_policy("all-iam", doc({allow("iam:AttachUserPolicy", "arn:aws:iam::111122223333:*")}))),
            CheckStatus::kFail);
  // A resource type of another service's ARN: sts:AssumeRole acts on iam roles.
  EXPECT_EQ(status("iam_policy_allows_credentials_exposure", policy("AnyRole", doc({allow("sts:AssumeRole", "arn:aws:iam::*:role/*")}))),
            CheckStatus::kFail);
  // The pattern covers only its own type: every role is not every policy.
  EXPECT_EQ(status("iam_policy_allows_privilege_escalation",
                   policy("RolesOnly", doc({allow("iam:CreatePolicyVersion", "arn:aws:iam::*:role/*")}))),
            CheckStatus::kPass);
  // A name, a path, a prefix or a policy variable constrains.
  for (const char* res : {"arn:aws:iam::*:role/app/*", "arn:aws:iam::*:role/app-*", "arn:aws:iam::*:role/${aws:username}",
                          "arn:aws:iam::111122223333:role/deploy"})
    EXPECT_EQ(status("iam_policy_allows_resource_exposure", policy("Scoped", doc({allow("iam:UpdateAssumeRolePolicy", res)})))
, CheckStatus::kPass)
        << res;
  EXPECT_EQ(status("iam_policy_allows_data_exfiltration", policy("OneBucket", doc({allow("s3:GetObject", "arn:aws:s3:::data-*")}))),
            CheckStatus::kPass);
  // An unconditional Deny on every role takes the Allow away.
  EXPECT_EQ(status("iam_policy_allows_resource_exposure",
                   policy("AllowDeny", doc({allow("iam:UpdateAssumeRolePolicy"),
                                            {{"Effect", "Deny"}, {"Action", "iam:*"}, {"Resource", "arn:aws:iam::*:role/*"}}}))),
            CheckStatus::kPass);
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

// An inventory holding the given resources.
Inventory inventory_of(std::vector<Resource> resources) {
  Inventory inv;
  inv.account = "111122223333";
  for (auto& r : resources) inv.add(std::move(r));
  return inv;
}

CheckResult run_in(std::string_view id, const Inventory& inv, std::string_view arn) {
  const Resource* r = inv.find_arn(arn);
  if (!r) return {CheckStatus::kManual, "no resource " + std::string(arn)};
  return run_on(id, *r, inv);
}

TEST(IamRoles, PublicTrust) {
  const char* id = "iam_role_trust_no_public_principal";
  Inventory inv = inventory_of({role("pub", {{"AWS", "*"}}), role("pub2", "*"),
                                role("org", {{"AWS", "*"}}, {{"StringEquals", {{"aws:PrincipalOrgID", "o-1"}}}}),
                                // A condition the caller satisfies by choice restricts nothing.
                                role("named", {{"AWS", "*"}}, {{"StringLike", {{"sts:RoleSessionName", "*"}}}}),
                                role("svc", {{"Service", "lambda.amazonaws.com"}}),
                                role("own", {{"AWS", "arn:aws:iam::111122223333:root"}})});
  auto arn = [](const char* n) { return std::string("arn:aws:test:global:111122223333:AWS::IAM::Role/") + n; };
  auto r = run_in(id, inv, arn("pub"));
  EXPECT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.detail.find("any AWS principal of any account"), std::string::npos) << r.detail;
  EXPECT_EQ(run_in(id, inv, arn("pub2")).status, CheckStatus::kFail);
  EXPECT_EQ(run_in(id, inv, arn("named")).status, CheckStatus::kFail);
  r = run_in(id, inv, arn("org"));
  EXPECT_EQ(r.status, CheckStatus::kPass);
  EXPECT_NE(r.detail.find("aws:PrincipalOrgID"), std::string::npos) << r.detail;
  EXPECT_EQ(run_in(id, inv, arn("svc")).status, CheckStatus::kPass);
  EXPECT_EQ(run_in(id, inv, arn("own")).status, CheckStatus::kPass);
  expect_na(id, role_unknown_trust(), "iam:GetRole denied (AccessDenied)");
}

Resource web_identity_role(const std::string& name, const std::string& federated, json condition) {
  json st = {{"Effect", "Allow"}, {"Principal", {{"Federated", federated}}}, {"Action", "sts:AssumeRoleWithWebIdentity"}};
  if (!condition.is_null()) st["Condition"] = condition;
  return resource("AWS::IAM::Role", name, {{"role_name", name}, {"trust_policy", doc({st})}}, "global");
}

TEST(IamRoles, OidcTrustWithoutSubject) {
  const char* id = "iam_role_oidc_trust_without_subject";
  const std::string gh = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
  json aud = {{"token.actions.githubusercontent.com:aud", "sts.amazonaws.com"}};
  auto r = run_on(id, web_identity_role("gh", gh, {{"StringEquals", aud}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Role gh can be assumed with a token of any identity of its OIDC provider: token.actions.githubusercontent.com "
                      "in statement 0 without a condition restricting token.actions.githubusercontent.com:sub.");
  EXPECT_EQ(status(id, web_identity_role("bare", gh, nullptr)), CheckStatus::kFail);
  // A wildcard owner restricts nothing; a fixed one does.
  EXPECT_EQ(status(id, web_identity_role("any-repo", gh, {{"StringEquals", aud},
                                                          {"StringLike", {{"token.actions.githubusercontent.com:sub", "repo:*"}}}})),
            CheckStatus::kFail);
  EXPECT_EQ(status(id, web_identity_role("negated", gh, {{"StringEquals", aud},
                                                         {"StringNotEquals", {{"token.actions.githubusercontent.com:sub", "repo:a/b:ref:refs/heads/main"}}}})),
            CheckStatus::kFail);
  EXPECT_EQ(status(id, web_identity_role("scoped", gh, {{"StringEquals", aud},
                                                        {"StringLike", {{"token.actions.githubusercontent.com:sub", "repo:example-org/*"}}}})),
            CheckStatus::kPass);
  // Sub but no audience.
  EXPECT_EQ(status(id, web_identity_role("no-aud", gh, {{"StringEquals", {{"token.actions.githubusercontent.com:sub", "repo:a/b:ref:refs/heads/main"}}}})),
            CheckStatus::kFail);
  // EKS: the provider's path is part of the key.
  const std::string eks = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC";
  EXPECT_EQ(status(id, web_identity_role("eks", eks, {{"StringEquals", {{"oidc.eks.us-east-1.amazonaws.com/id/ABC:aud", "sts.amazonaws.com"},
                                                                         {"oidc.eks.us-east-1.amazonaws.com/id/ABC:sub", "system:serviceaccount:ns:sa"}}}})),
            CheckStatus::kPass);
  // Cognito identity pools: the audience (the pool) is the restriction.
  EXPECT_EQ(status(id, web_identity_role("cognito", "cognito-identity.amazonaws.com",
                                         {{"StringEquals", {{"cognito-identity.amazonaws.com:aud", "us-east-1:pool"}}}})),
            CheckStatus::kPass);
  EXPECT_EQ(status(id, web_identity_role("cognito-open", "cognito-identity.amazonaws.com", nullptr)), CheckStatus::kFail);
  EXPECT_EQ(status(id, role("svc", {{"Service", "lambda.amazonaws.com"}})), CheckStatus::kPass);
  expect_na(id, role_unknown_trust(), "iam:GetRole denied (AccessDenied)");
}

TEST(IamRoles, CrossAccountExternalId) {
  const char* id = "iam_role_cross_account_requires_external_id";
  auto r = run_on(id, role("vendor", {{"AWS", "arn:aws:iam::999988887777:root"}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "Role vendor trusts other accounts without sts:ExternalId: arn:aws:iam::999988887777:root. "
                      "Granted by resource-based policy trust policy of vendor, statement 0.");
  // The account as a bare id, as its root ARN, or one role of it.
  EXPECT_EQ(status(id, role("bare", {{"AWS", {"123456789012"}}})), CheckStatus::kFail);
  EXPECT_EQ(status(id, role("root-arn", {{"AWS", "arn:aws:iam::123456789012:root"}})), CheckStatus::kFail);
  r = run_on(id, role("one-role", {{"AWS", "arn:aws:iam::123456789012:role/vendor-scanner"}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("arn:aws:iam::123456789012:role/vendor-scanner"), std::string::npos) << r.detail;
  // A fixed external id protects; one that accepts any value or no value does not.
  r = run_on(id, role("ext", {{"AWS", "123456789012"}}, {{"StringEquals", {{"sts:ExternalId", "x"}}}}));
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_EQ(status(id, role("ext-like", {{"AWS", "123456789012"}}, {{"StringLike", {{"sts:ExternalId", "cust-*-id"}}}})),
            CheckStatus::kPass);
  EXPECT_EQ(status(id, role("any-id", {{"AWS", "123456789012"}}, {{"StringLike", {{"sts:ExternalId", "*"}}}})), CheckStatus::kFail);
  EXPECT_EQ(status(id, role("if-exists", {{"AWS", "123456789012"}}, {{"StringEqualsIfExists", {{"sts:ExternalId", "x"}}}})),
            CheckStatus::kFail);
  EXPECT_EQ(status(id, role("present", {{"AWS", "123456789012"}}, {{"Null", {{"sts:ExternalId", "false"}}}})), CheckStatus::kFail);
  // A condition a third party's service meets for every customer does not restrict.
  r = run_on(id, role("ip", {{"AWS", "123456789012"}}, {{"IpAddress", {{"aws:SourceIp", "203.0.113.0/24"}}}}));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("only under IpAddress aws:SourceIp"), std::string::npos) << r.detail;
  // The organization, or MFA-authenticated people, do.
  r = run_on(id, role("org", {{"AWS", "123456789012"}}, {{"StringEquals", {{"aws:PrincipalOrgID", "o-abc123"}}}}));
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("aws:PrincipalOrgID"), std::string::npos) << r.detail;
  EXPECT_EQ(status(id, role("mfa", {{"AWS", "123456789012"}}, {{"Bool", {{"aws:MultiFactorAuthPresent", "true"}}}})),
            CheckStatus::kPass);
  // A condition on the caller's account, which CloudPeek knows, decides.
  EXPECT_EQ(status(id, role("acct-cond", {{"AWS", "123456789012"}}, {{"StringEquals", {{"aws:PrincipalAccount", "111122223333"}}}})),
            CheckStatus::kPass);
  // One protected and one open statement: the open one counts.
  json two = doc({{{"Effect", "Allow"}, {"Principal", {{"AWS", "123456789012"}}}, {"Action", "sts:AssumeRole"},
                   {"Condition", {{"StringEquals", {{"sts:ExternalId", "x"}}}}}},
                  {{"Effect", "Allow"}, {"Principal", {{"AWS", "444455556666"}}}, {"Action", "sts:AssumeRole"}}});
  r = run_on(id, resource("AWS::IAM::Role", "two", {{"role_name", "two"}, {"trust_policy", two}}, "global"));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("without sts:ExternalId: arn:aws:iam::444455556666:root."), std::string::npos) << r.detail;
  // An explicit Deny without the external id closes it.
  json guarded = doc({{{"Effect", "Allow"}, {"Principal", {{"AWS", "123456789012"}}}, {"Action", "sts:AssumeRole"}},
                      {{"Effect", "Deny"}, {"Principal", "*"}, {"Action", "sts:AssumeRole"},
                       {"Condition", {{"StringNotEquals", {{"sts:ExternalId", "x"}}}}}}});
  EXPECT_EQ(status(id, resource("AWS::IAM::Role", "guarded", {{"role_name", "guarded"}, {"trust_policy", guarded}}, "global")),
            CheckStatus::kPass);
  // Not applicable: the same account, a service, an identity provider.
  r = run_on(id, role("own", {{"AWS", "arn:aws:iam::111122223333:root"}}));
  EXPECT_FALSE(r.applicable);
  EXPECT_EQ(r.detail, "Role own is not trusted by another account.");
  EXPECT_FALSE(run_on(id, role("svc", {{"Service", "lambda.amazonaws.com"}})).applicable);
  EXPECT_FALSE(run_on(id, web_identity_role("gh", "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com", nullptr)).applicable);
  expect_na(id, role_unknown_trust(), "iam:GetRole denied (AccessDenied)");
}

// ---- principals, on the IAM engine ----

const std::string kIamArn = "arn:aws:iam::111122223333:";
const std::string kAdmin = "arn:aws:iam::aws:policy/AdministratorAccess";

Resource iam_resource(const char* type, std::string arn, std::string name, json props) {
  Resource r;
  r.type = type;
  r.arn = std::move(arn);
  r.account = "111122223333";
  r.region = "global";
  r.id = name;
  r.name = std::move(name);
  r.props = std::move(props);
  return r;
}

// A small account: policies, users and roles with their inline policies, as the IAM collector emits them.
struct Account {
  std::vector<Resource> resources;
  json attached(const std::vector<std::string>& arns) {
    json a = json::array();
    for (const auto& arn : arns) a.push_back({{"name", arn.substr(arn.rfind('/') + 1)}, {"arn", arn}});
    return a;
  }
  json inlines(const char* type, const std::string& owner, const std::string& owner_arn, const std::vector<json>& docs) {
    json names = json::array();
    for (std::size_t i = 0; i < docs.size(); ++i) {
      std::string n = "inline" + std::to_string(i);
      names.push_back(n);
      resources.push_back(iam_resource("AWS::IAM::InlinePolicy", owner_arn + "/inline-policy/" + n, n,
                                       {{"policy_name", n}, {"principal_type", type}, {"principal_name", owner},
                                        {"principal_arn", owner_arn}, {"document", docs[i]}}));
    }
    return names;
  }
  void managed(const std::string& arn, json document) {
    std::string name = arn.substr(arn.rfind('/') + 1);
    resources.push_back(iam_resource("AWS::IAM::Policy", arn, name,
                                     {{"policy_name", name}, {"aws_managed", arn.find(":aws:policy/") != std::string::npos},
                                      {"attachment_count", 1}, {"document", document}}));
  }
  void user(const std::string& name, const std::vector<json>& docs, const std::vector<std::string>& managed_arns = {}) {
    std::string arn = kIamArn + "user/" + name;
    json names = inlines("user", name, arn, docs);
    resources.push_back(iam_resource("AWS::IAM::User", arn, name,
                                     {{"user_name", name}, {"user_id", "AIDA" + name}, {"path", "/"}, {"groups", json::array()},
                                      {"attached_policies", attached(managed_arns)}, {"inline_policies", names}}));
  }
  void role(const std::string& name, json trust, const std::vector<json>& docs, const std::vector<std::string>& managed_arns = {}) {
    std::string arn = kIamArn + "role/" + name;
    json names = inlines("role", name, arn, docs);
    resources.push_back(iam_resource("AWS::IAM::Role", arn, name,
                                     {{"role_name", name}, {"path", "/"}, {"trust_policy", trust},
                                      {"attached_policies", attached(managed_arns)}, {"inline_policies", names}}));
  }
};

json trust_of(json principal, json condition = nullptr) {
  json st = {{"Effect", "Allow"}, {"Principal", principal}, {"Action", "sts:AssumeRole"}};
  if (!condition.is_null()) st["Condition"] = condition;
  return doc({st});
}

Inventory planted_account() {
  Account a;
  a.managed(kAdmin, doc({allow("*")}));
  a.user("admin", {}, {kAdmin});
  a.user("reader", {doc({allow("s3:GetObject", "arn:aws:s3:::example-data/*")})});
  // PassRole of an administrator role to a new Lambda function.
  a.user("deployer", {doc({allow("iam:PassRole", kIamArn + "role/fn-admin"), allow({"lambda:CreateFunction", "lambda:InvokeFunction"})})});
  // The same, but the role it may pass is harmless: no path.
  a.user("harmless-deployer", {doc({allow("iam:PassRole", kIamArn + "role/fn-harmless"), allow({"lambda:CreateFunction", "lambda:InvokeFunction"})})});
  // The actions, then an explicit Deny of one of them.
  a.user("denied", {doc({allow("iam:AttachUserPolicy"), {{"Effect", "Deny"}, {"Action", "iam:AttachUserPolicy"}, {"Resource", "*"}}})});
  // A break-glass role only with MFA (which CloudPeek cannot know about a future session).
  a.user("oncall", {doc({allow("sts:AssumeRole", kIamArn + "role/break-glass")})});
  a.role("fn-admin", trust_of({{"Service", "lambda.amazonaws.com"}}), {}, {kAdmin});
  a.role("fn-harmless", trust_of({{"Service", "lambda.amazonaws.com"}}), {doc({allow("logs:PutLogEvents")})});
  a.role("break-glass", trust_of({{"AWS", kIamArn + "root"}}, {{"Bool", {{"aws:MultiFactorAuthPresent", "true"}}}}), {doc({allow("*")})});
  a.role("ci", trust_of({{"AWS", kIamArn + "root"}}), {doc({allow("iam:CreatePolicyVersion")})});
  return inventory_of(std::move(a.resources));
}

TEST(IamPrincipals, EffectiveAdmin) {
  Inventory inv = planted_account();
  auto r = run_in("iam_user_effective_admin", inv, kIamArn + "user/admin");
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.detail, "User admin is allowed every action on every resource. Granted by: identity-based policy "
                      "arn:aws:iam::aws:policy/AdministratorAccess, statement 0. SCPs not considered: Service control "
                      "policies were not collected (the organizations collector did not run), so an organization policy "
                      "may still deny what is shown as allowed. RCPs not considered: Resource control policies were not "
                      "collected (the organizations collector did not run), so an organization policy may still deny what "
                      "is shown as allowed.");
  EXPECT_EQ(run_in("iam_user_effective_admin", inv, kIamArn + "user/deployer").status, CheckStatus::kPass);
  EXPECT_EQ(run_in("iam_user_effective_admin", inv, kIamArn + "user/reader").status, CheckStatus::kPass);
  EXPECT_EQ(run_in("iam_role_effective_admin", inv, kIamArn + "role/fn-admin").status, CheckStatus::kFail);
  EXPECT_EQ(run_in("iam_role_effective_admin", inv, kIamArn + "role/break-glass").status, CheckStatus::kFail);
  EXPECT_EQ(run_in("iam_role_effective_admin", inv, kIamArn + "role/ci").status, CheckStatus::kPass);
  // A listing with a gap: never a PASS.
  inv.add_gap(testing::denied("iam", "iam:GetAccountAuthorizationDetails", "global", "AWS::IAM::Group"));
  r = run_in("iam_user_effective_admin", inv, kIamArn + "user/reader");
  EXPECT_EQ(r.status, CheckStatus::kNotAssessed);
  EXPECT_EQ(r.detail, "the AWS::IAM::Group listing is incomplete (iam:GetAccountAuthorizationDetails denied (AccessDenied))");
  EXPECT_EQ(run_in("iam_user_can_escalate_to_admin", inv, kIamArn + "user/reader").status, CheckStatus::kNotAssessed);
}

TEST(IamPrincipals, CanEscalateToAdmin) {
  Inventory inv = planted_account();
  const char* user = "iam_user_can_escalate_to_admin";
  auto r = run_in(user, inv, kIamArn + "user/deployer");
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_TRUE(r.detail.starts_with("User deployer can escalate to administrator in 1 step: user deployer -> passrole-lambda-invoke -> role fn-admin."))
      << r.detail;
  EXPECT_NE(r.detail.find("1. "), std::string::npos) << r.detail;  // step by step, with the statements
  EXPECT_NE(r.detail.find("allowed by identity-based policy"), std::string::npos) << r.detail;
  EXPECT_EQ(run_in(user, inv, kIamArn + "user/harmless-deployer").status, CheckStatus::kPass);
  EXPECT_EQ(run_in(user, inv, kIamArn + "user/denied").status, CheckStatus::kPass);
  EXPECT_EQ(run_in(user, inv, kIamArn + "user/reader").status, CheckStatus::kPass);
  r = run_in(user, inv, kIamArn + "user/admin");
  EXPECT_EQ(r.status, CheckStatus::kPass);
  EXPECT_NE(r.detail.find("already allowed everything"), std::string::npos) << r.detail;
  // Conditional on MFA: reported, naming the condition.
  r = run_in(user, inv, kIamArn + "user/oncall");
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_TRUE(r.detail.starts_with("User oncall can conditionally escalate to administrator")) << r.detail;
  EXPECT_NE(r.detail.find("Conditional on Bool aws:MultiFactorAuthPresent"), std::string::npos) << r.detail;
  // A role that can rewrite its own customer managed policy? ci may only create versions of policies: none attached to it is
  // customer managed, so there is nothing to rewrite.
  EXPECT_EQ(run_in("iam_role_can_escalate_to_admin", inv, kIamArn + "role/ci").status, CheckStatus::kPass);
  EXPECT_EQ(run_in("iam_role_can_escalate_to_admin", inv, kIamArn + "role/fn-harmless").status, CheckStatus::kPass);
}

// The service control policies that apply, as collect/organizations.cc emits them.
Resource scps(json levels) {
  return iam_resource("AWS::Organizations::ServiceControlPolicies",
                      "arn:aws:organizations::111122223333:service-control-policies/111122223333", "scps",
                      {{"applies", true}, {"reason", ""}, {"levels", levels}});
}
json scp_level(const char* id, const char* type, std::vector<std::pair<std::string, json>> policies) {
  json ps = json::array();
  for (auto& [name, document] : policies)
    ps.push_back({{"id", "p-" + name}, {"arn", "arn:aws:organizations::999999999999:policy/o-1/service_control_policy/p-" + name},
                  {"name", name}, {"aws_managed", name == "FullAWSAccess"}, {"document", document}});
  return {{"target_id", id}, {"target_type", type}, {"policies", ps}};
}

TEST(IamPrincipals, ServiceControlPoliciesRemoveEscalations) {
  const json full = doc({allow("*")});
  const json no_lambda = doc({{{"Effect", "Deny"}, {"Action", "lambda:CreateFunction"}, {"Resource", "*"}}});
  auto with = [&](Resource scp) {
    Inventory inv = planted_account();
    inv.add(std::move(scp));
    return inv;
  };
  const std::string deployer = kIamArn + "user/deployer";
  // Without SCPs, deployer passes fn-admin to a new Lambda function.
  ASSERT_EQ(run_in("iam_user_can_escalate_to_admin", planted_account(), deployer).status, CheckStatus::kFail);

  // An OU's SCP denies lambda:CreateFunction: the path is gone, and the verdict says SCPs were considered.
  Inventory denied = with(scps({scp_level("r-root", "ROOT", {{"FullAWSAccess", full}}),
                                scp_level("ou-dev", "ORGANIZATIONAL_UNIT", {{"FullAWSAccess", full}, {"NoLambda", no_lambda}}),
                                scp_level("111122223333", "ACCOUNT", {{"FullAWSAccess", full}})}));
  auto r = run_in("iam_user_can_escalate_to_admin", denied, deployer);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("SCPs considered: 4 policies at 3 levels (root r-root: FullAWSAccess; OU ou-dev: "
                          "FullAWSAccess, NoLambda; account 111122223333: FullAWSAccess)."),
            std::string::npos)
      << r.detail;
  // The administrator is no longer allowed everything either: an SCP caps it.
  EXPECT_EQ(run_in("iam_user_effective_admin", denied, kIamArn + "user/admin").status, CheckStatus::kPass);

  // A level that allows nothing of the kind (no FullAWSAccess at the account): every level must allow.
  Inventory capped = with(scps({scp_level("r-root", "ROOT", {{"FullAWSAccess", full}}),
                                scp_level("111122223333", "ACCOUNT", {{"S3Only", doc({allow("s3:*")})}})}));
  EXPECT_EQ(run_in("iam_user_can_escalate_to_admin", capped, deployer).status, CheckStatus::kPass);

  // SCPs that allow everything change nothing, and say they were considered.
  Inventory open = with(scps({scp_level("r-root", "ROOT", {{"FullAWSAccess", full}}),
                              scp_level("111122223333", "ACCOUNT", {{"FullAWSAccess", full}})}));
  r = run_in("iam_user_can_escalate_to_admin", open, deployer);
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("SCPs considered: 2 policies at 2 levels"), std::string::npos) << r.detail;

  // None apply (the management account, no organization): considered, nothing removed.
  Resource none = scps(json::array());
  none.props["applies"] = false;
  none.props["reason"] = "service control policies do not apply to the organization's management account";
  r = run_in("iam_user_can_escalate_to_admin", with(none), deployer);
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("SCPs considered: none apply (service control policies do not apply to the organization's "
                          "management account)."),
            std::string::npos)
      << r.detail;

  // Not readable from this account: not considered, saying why; the path stays.
  Resource unread = scps(json::array());
  unread.props.erase("levels");
  unread.missing["levels"] = "organizations:ListRoots denied (AccessDeniedException)";
  r = run_in("iam_user_can_escalate_to_admin", with(unread), deployer);
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("SCPs not considered: organizations:ListRoots denied (AccessDeniedException)."), std::string::npos)
      << r.detail;
}

// Issue 10: "Admin = can do everything or can grant itself everything (e.g.
// iam:* on *)". One that can give itself everything in one step on itself is
// an effective administrator (saying how), not "can escalate"; one that needs
// another principal or resource still escalates.
TEST(IamPrincipals, GrantingItselfEverythingIsBeingAnAdministrator) {
  Account a;
  a.managed(kAdmin, doc({allow("*")}));
  a.user("self-writer", {doc({allow("iam:PutUserPolicy", kIamArn + "user/self-writer")})});
  a.user("iam-star", {doc({allow("iam:*")})});
  a.role("self-attacher", trust_of({{"AWS", kIamArn + "root"}}), {doc({allow("iam:AttachRolePolicy", kIamArn + "role/self-attacher")})});
  // Writes another user's policy (and that user is then made administrator): an escalation, not admin.
  a.user("other-writer", {doc({allow({"iam:PutUserPolicy", "iam:CreateAccessKey"}, kIamArn + "user/target")})});
  a.user("target", {doc({allow("s3:ListAllMyBuckets")})});
  Inventory inv = inventory_of(std::move(a.resources));

  auto r = run_in("iam_user_effective_admin", inv, kIamArn + "user/self-writer");
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_TRUE(r.detail.starts_with("User self-writer can grant itself everything: iam:PutUserPolicy on itself "
                                   "(identity-based policy user/self-writer inline inline0, statement 0)"))
      << r.detail;
  r = run_in("iam_user_can_escalate_to_admin", inv, kIamArn + "user/self-writer");
  EXPECT_EQ(r.status, CheckStatus::kPass);
  EXPECT_NE(r.detail.find("can already grant itself everything"), std::string::npos) << r.detail;

  EXPECT_EQ(run_in("iam_user_effective_admin", inv, kIamArn + "user/iam-star").status, CheckStatus::kFail);
  EXPECT_EQ(run_in("iam_user_can_escalate_to_admin", inv, kIamArn + "user/iam-star").status, CheckStatus::kPass);
  r = run_in("iam_role_effective_admin", inv, kIamArn + "role/self-attacher");
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_TRUE(r.detail.starts_with("Role self-attacher can grant itself everything: iam:AttachRolePolicy on itself"))
      << r.detail;
  EXPECT_EQ(run_in("iam_role_can_escalate_to_admin", inv, kIamArn + "role/self-attacher").status, CheckStatus::kPass);

  EXPECT_EQ(run_in("iam_user_effective_admin", inv, kIamArn + "user/other-writer").status, CheckStatus::kPass);
  r = run_in("iam_user_can_escalate_to_admin", inv, kIamArn + "user/other-writer");
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_TRUE(r.detail.starts_with("User other-writer can escalate to administrator in ")) << r.detail;
}

// The resource control policies that apply to the account's resources, as collect/organizations.cc emits them.
Resource rcps(json levels) {
  return iam_resource("AWS::Organizations::ResourceControlPolicies",
                      "arn:aws:organizations::111122223333:resource-control-policies/111122223333", "rcps",
                      {{"applies", true}, {"reason", ""}, {"levels", levels}, {"organization_id", "o-exampleorg1"}});
}

// An RCP denying sts:AssumeRole to principals outside an allow-list of accounts
// (AWS's data perimeter example) blocks a role trust on another account and on
// "*": neither is reported as outside access, and the notes say RCPs were considered.
TEST(IamPrincipals, ResourceControlPoliciesBlockOutsideTrust) {
  const json rcp_full = {{"Version", "2012-10-17"},
                         {"Statement", json::array({{{"Effect", "Allow"}, {"Principal", "*"}, {"Action", "*"}, {"Resource", "*"}}})}};
  const json perimeter = {{"Version", "2012-10-17"},
                          {"Statement", json::array({{{"Sid", "OnlyOurAccounts"}, {"Effect", "Deny"}, {"Principal", "*"},
                                                      {"Action", "sts:AssumeRole"}, {"Resource", "*"},
                                                      {"Condition", {{"StringNotEqualsIfExists", {{"aws:PrincipalAccount", json::array({"111122223333", "222233334444"})}}},
                                                                     {"BoolIfExists", {{"aws:PrincipalIsAWSService", "false"}}}}}}})}};
  auto account = [&](bool with_rcp) {
    Account a;
    a.managed(kAdmin, doc({allow("*")}));
    a.role("vendor-admin", trust_of({{"AWS", "arn:aws:iam::444455556666:root"}}), {}, {kAdmin});
    a.role("public-admin", trust_of("*"), {}, {kAdmin});
    a.role("partner-admin", trust_of({{"AWS", "arn:aws:iam::222233334444:root"}}), {}, {kAdmin});
    if (with_rcp)
      a.resources.push_back(rcps({scp_level("r-root", "ROOT", {{"RCPFullAWSAccess", rcp_full}}),
                                  scp_level("111122223333", "ACCOUNT", {{"RCPFullAWSAccess", rcp_full}, {"AccountPerimeter", perimeter}})}));
    return inventory_of(std::move(a.resources));
  };
  Inventory open = account(false);
  EXPECT_EQ(run_in("iam_role_trust_no_public_principal", open, kIamArn + "role/public-admin").status, CheckStatus::kFail);
  auto outside_edges = [](const Inventory& inv, const std::string& role) {
    auto a = iam_analysis(inv);
    std::size_t n = *a->data.find(role), count = 0;
    for (std::size_t e : a->graph->in(n))  // unconditional ways in from outside the account
      if (!a->data.node(a->graph->edges()[e].from).internal && !a->graph->edges()[e].conditional) ++count;
    return count;
  };
  EXPECT_EQ(outside_edges(open, kIamArn + "role/vendor-admin"), 1u);

  Inventory fenced = account(true);
  auto r = run_in("iam_role_trust_no_public_principal", fenced, kIamArn + "role/public-admin");
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_EQ(outside_edges(fenced, kIamArn + "role/vendor-admin"), 0u);
  // Nor is it a confused-deputy finding: the RCP denies that account sts:AssumeRole on the role.
  const char* external_id = "iam_role_cross_account_requires_external_id";
  EXPECT_EQ(run_in(external_id, open, kIamArn + "role/vendor-admin").status, CheckStatus::kFail);
  auto ext = run_in(external_id, fenced, kIamArn + "role/vendor-admin");
  EXPECT_EQ(ext.status, CheckStatus::kPass) << ext.detail;
  EXPECT_NE(ext.detail.find("arn:aws:iam::444455556666:root (denied by resource control policy RCP AccountPerimeter on "
                            "111122223333, statement 0 (Sid OnlyOurAccounts))"),
            std::string::npos)
      << ext.detail;
  EXPECT_EQ(run_in(external_id, fenced, kIamArn + "role/partner-admin").status, CheckStatus::kFail);
  // "*" may be a principal of a listed account (conditional on aws:PrincipalAccount); the listed account keeps its way in.
  EXPECT_EQ(outside_edges(fenced, kIamArn + "role/public-admin"), 1u);
  EXPECT_NE(r.detail.find("only under conditions: StringNotEqualsIfExists aws:PrincipalAccount"), std::string::npos) << r.detail;
  EXPECT_EQ(outside_edges(fenced, kIamArn + "role/partner-admin"), 1u);
  r = run_in("iam_role_effective_admin", fenced, kIamArn + "role/vendor-admin");
  EXPECT_NE(r.detail.find("RCPs considered: 3 policies at 2 levels (root r-root: RCPFullAWSAccess; account 111122223333: "
                          "RCPFullAWSAccess, AccountPerimeter)."),
            std::string::npos)
      << r.detail;
  // The account's own principals stay unaffected (in the allow-list): no change to who is administrator.
  EXPECT_EQ(r.status, CheckStatus::kFail);
}

// RCPs that could not be read, or that do not apply: the verdicts say so, as for SCPs.
TEST(IamPrincipals, ResourceControlPoliciesNotConsideredSayWhy) {
  auto with = [](Resource rcp) {
    Account a;
    a.managed(kAdmin, doc({allow("*")}));
    a.user("admin", {}, {kAdmin});
    a.resources.push_back(std::move(rcp));
    return inventory_of(std::move(a.resources));
  };
  Resource unread = rcps(json::array());
  unread.props.erase("levels");
  unread.missing["levels"] = "organizations:ListPoliciesForTarget denied (AccessDeniedException) (only the organization's "
                             "management account or a delegated administrator may read resource control policies: scan "
                             "with its credentials to have them considered)";
  // All three alive at once: the analysis memo keys on where an inventory's listings live.
  Resource none = rcps(json::array());
  none.props["applies"] = false;
  none.props["reason"] = "resource control policies do not apply to the resources of the organization's management account";
  Resource bad = rcps({scp_level("r-root", "ROOT", {{"Broken", json("not a policy")}})});
  Inventory unread_inv = with(unread), none_inv = with(none), bad_inv = with(bad);
  auto r = run_in("iam_user_effective_admin", unread_inv, kIamArn + "user/admin");
  EXPECT_NE(r.detail.find("RCPs not considered: organizations:ListPoliciesForTarget denied (AccessDeniedException)"),
            std::string::npos)
      << r.detail;
  EXPECT_NE(r.detail.find("Resource control policies may still deny access to the account's resources that is shown as allowed."),
            std::string::npos)
      << r.detail;
  r = run_in("iam_user_effective_admin", none_inv, kIamArn + "user/admin");
  EXPECT_NE(r.detail.find("RCPs considered: none apply (resource control policies do not apply to the resources of the "
                          "organization's management account)."),
            std::string::npos)
      << r.detail;
  // A policy document that cannot be read: not considered, naming it.
  r = run_in("iam_user_effective_admin", bad_inv, kIamArn + "user/admin");
  EXPECT_NE(r.detail.find("RCPs not considered: RCP Broken on r-root could not be read"), std::string::npos) << r.detail;
}

TEST(IamPrincipals, GraphBuiltOncePerInventory) {
  Inventory inv = planted_account();
  std::size_t before = iam_analysis_builds();
  for (const char* id : {"iam_user_effective_admin", "iam_user_can_escalate_to_admin"})
    for (const auto& u : inv.of_type("AWS::IAM::User")) run_on(id, u, inv);
  for (const auto& r : inv.of_type("AWS::IAM::Role")) run_on("iam_role_can_escalate_to_admin", r, inv);
  EXPECT_EQ(iam_analysis_builds(), before + 1);
  // Another inventory (a new listing of users): built anew.
  Inventory other = planted_account();
  run_on("iam_user_effective_admin", other.of_type("AWS::IAM::User").front(), other);
  EXPECT_EQ(iam_analysis_builds(), before + 2);
  // Several threads asking at once share one build.
  Inventory third = planted_account();
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] { for (const auto& u : third.of_type("AWS::IAM::User")) run_on("iam_user_can_escalate_to_admin", u, third); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(iam_analysis_builds(), before + 3);
}

// The analysis belongs to one state of one inventory: a resource added after
// it, or a new inventory built where a destroyed one lived (same address, same
// counts, possibly the same buffers), is analysed anew.
TEST(IamPrincipals, AnalysisFollowsTheInventorysContentNotItsAddress) {
  std::optional<Inventory> slot;
  slot.emplace(planted_account());
  const Inventory* first = &*slot;
  run_on("iam_user_effective_admin", slot->of_type("AWS::IAM::User").front(), *slot);
  std::size_t builds = iam_analysis_builds();
  slot.reset();
  slot.emplace(planted_account());
  ASSERT_EQ(&*slot, first);
  run_on("iam_user_effective_admin", slot->of_type("AWS::IAM::User").front(), *slot);
  EXPECT_EQ(iam_analysis_builds(), builds + 1);
  builds = iam_analysis_builds();
  Resource extra = slot->of_type("AWS::IAM::User").front();
  extra.arn += "-copy";
  slot->add(extra);
  run_on("iam_user_effective_admin", slot->of_type("AWS::IAM::User").front(), *slot);
  EXPECT_EQ(iam_analysis_builds(), builds + 1);
  // A copy holds the same content: it shares the analysis.
  Inventory copy = *slot;
  run_on("iam_user_effective_admin", copy.of_type("AWS::IAM::User").front(), copy);
  EXPECT_EQ(iam_analysis_builds(), builds + 1);
}

// The scan engine frees the analysis when the checks that share it have run
// (release_shared_analyses): the memo no longer holds it, and asking again
// builds it anew.
TEST(IamPrincipals, ReleasedAnalysisIsNoLongerHeld) {
  Inventory inv = planted_account();
  const auto& user = inv.of_type("AWS::IAM::User").front();
  run_on("iam_user_effective_admin", user, inv);
  const std::size_t builds = iam_analysis_builds(), held = iam_analyses_held();
  ASSERT_GE(held, 1u);
  release_shared_analyses(inv);
  EXPECT_LT(iam_analyses_held(), held);  // (and any stale one of an inventory that lived at its address)
  run_on("iam_user_effective_admin", user, inv);
  EXPECT_EQ(iam_analysis_builds(), builds + 1);
}

// ---- account-level IAM ----

// The provider's client IDs (GetOpenIDConnectProvider) restrict the audience
// STS accepts; the subject still needs the trust policy's condition.
TEST(IamRoles, OidcTrustUsesTheProvidersAudiences) {
  const char* id = "iam_role_oidc_trust_without_subject";
  const std::string gh = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
  json sub = {{"StringLike", {{"token.actions.githubusercontent.com:sub", "repo:example-org/infra:*"}}}};
  auto provider = [&](json client_ids) {
    return iam_resource("AWS::IAM::OIDCProvider", gh, "token.actions.githubusercontent.com",
                        {{"url", "token.actions.githubusercontent.com"}, {"client_ids", client_ids}, {"thumbprints", json::array()}});
  };
  auto role_arn = [](const char* n) { return std::string("arn:aws:test:global:111122223333:AWS::IAM::Role/") + n; };

  Inventory fixed = inventory_of({web_identity_role("sub-only", gh, sub), web_identity_role("no-sub", gh, nullptr),
                                  provider({"sts.amazonaws.com"})});
  auto r = run_in(id, fixed, role_arn("sub-only"));
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("accepts only the audiences sts.amazonaws.com"), std::string::npos) << r.detail;
  r = run_in(id, fixed, role_arn("no-sub"));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("restricting token.actions.githubusercontent.com:sub."), std::string::npos) << r.detail;
  EXPECT_EQ(r.detail.find(":aud"), std::string::npos) << r.detail;

  // A wildcard client ID restricts nothing; details not collected: the trust must say it.
  Inventory open = inventory_of({web_identity_role("sub-only", gh, sub), provider({"*"})});
  EXPECT_EQ(run_in(id, open, role_arn("sub-only")).status, CheckStatus::kFail);
  Resource unread = provider(json::array());
  unread.props.erase("client_ids");
  unread.missing["client_ids"] = "iam:GetOpenIDConnectProvider denied (AccessDenied)";
  Inventory unknown = inventory_of({web_identity_role("sub-only", gh, sub), unread});
  r = run_in(id, unknown, role_arn("sub-only"));
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("token.actions.githubusercontent.com:aud"), std::string::npos) << r.detail;
}

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
