// What the IAM collector emits (global; region "global"). Times are epoch
// seconds (numbers) or null when AWS has none ("N/A", "no_information").
// Policy documents are parsed JSON (AWS sends them URL-encoded).
//
// AWS::IAM::User   arn: the user's ARN
//   user_name, user_id, path, create_date, groups: [name],
//   attached_policies: [{name, arn}], inline_policies: [name],
//   credential_report: {password_enabled, password_last_used, password_last_changed,
//                       mfa_active, access_keys: [{slot, active, last_rotated, last_used}]}
//   report_time: when the credential report was generated (the checks' "now")
//   missing: credential_report (report not readable or the user not in it)
// AWS::IAM::Root   arn: arn:aws:iam::ACCOUNT:root
//   credential_report, report_time (as users, from the <root_account> row),
//   account_mfa_enabled, account_access_keys_present (GetAccountSummary),
//   virtual_mfa (true when a virtual MFA device is assigned to the root user)
//   missing: credential_report, account_summary, virtual_mfa
// AWS::IAM::Group  group_name, attached_policies, inline_policies
//   permissions_boundary: the boundary policy's ARN, or null
// AWS::IAM::Role   role_name, path, trust_policy (document), attached_policies, inline_policies,
//   permissions_boundary (ARN or null), create_date, last_used (RoleLastUsed: epoch
//   seconds, null when not used in AWS's 400-day window), last_used_region
// AWS::IAM::Policy arn: the policy's ARN; managed policies: customer managed ones
//   and the AWS managed ones attached to something.
//   policy_name, aws_managed, attachment_count, default_version_id, document
// AWS::IAM::InlinePolicy  arn: "<principal arn>/inline-policy/<name>" (inline
//   policies have no ARN of their own)
//   policy_name, principal_type ("user"|"group"|"role"), principal_name, principal_arn, document
// AWS::IAM::PasswordPolicy  arn: arn:aws:iam::ACCOUNT:account-password-policy
//   exists (false when AWS answers NoSuchEntity), policy: GetAccountPasswordPolicy's
//   PasswordPolicy as AWS returns it (MinimumPasswordLength, RequireSymbols, ...)
// AWS::IAM::ServerCertificate  name, expiration, upload_date, collected_at
// AWS::IAM::SAMLProvider  valid_until
// AWS::IAM::OIDCProvider  url, client_ids (the audiences STS accepts), thumbprints,
//   create_date: GetOpenIDConnectProvider, one call per provider, made only when a
//   selected check reads them (else missing: "not collected")
// AWS::IAM::SupportAccessPolicy  arn: arn:aws:iam::ACCOUNT:policy-entities/AWSSupportAccess
//   users, groups, roles: names of the entities AWSSupportAccess is attached to
#pragma once

namespace cloudpeek::collect::iam {
inline constexpr const char* kUser = "AWS::IAM::User";
inline constexpr const char* kRoot = "AWS::IAM::Root";
inline constexpr const char* kGroup = "AWS::IAM::Group";
inline constexpr const char* kRole = "AWS::IAM::Role";
inline constexpr const char* kPolicy = "AWS::IAM::Policy";
inline constexpr const char* kInlinePolicy = "AWS::IAM::InlinePolicy";
inline constexpr const char* kPasswordPolicy = "AWS::IAM::PasswordPolicy";
inline constexpr const char* kServerCertificate = "AWS::IAM::ServerCertificate";
inline constexpr const char* kSamlProvider = "AWS::IAM::SAMLProvider";
inline constexpr const char* kOidcProvider = "AWS::IAM::OIDCProvider";
inline constexpr const char* kSupportAccess = "AWS::IAM::SupportAccessPolicy";
}  // namespace cloudpeek::collect::iam
