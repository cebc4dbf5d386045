// AWS Organizations: discovering the accounts of an organization and reaching
// each member by AssumeRole (issue 11 §2).
//
// How to use it (CLI `cloudpeek scan --organization`, and the server's
// organization providers):
//
//   auto caller = std::make_shared<ClientCaller>(transport, endpoints, retry);
//   auto org = scan::discover_organization(*caller, base_credentials);
//   if (!org) { show org.error().describe(); }        // not in an organization, a member account, ...
//   scan::MemberAccess access{.role_name = "CloudPeekAudit", .external_id = installation_external_id};
//   auto reach = scan::probe_members(*org, access, base_credentials, caller);   // one per account, same order
//   for (auto& m : reach)
//     if (m.status == scan::MemberStatus::kOk) scan m.account_id with m.credentials
//     else show m.account_id, to_string(m.status), m.message, m.advice         // a visible gap, never a PASS
//
// - discover_organization() needs the management account's credentials or a
//   delegated administrator's: ListAccounts, ListRoots,
//   ListOrganizationalUnitsForParent, ListAccountsForParent (for the OU path),
//   DescribeOrganization, and ListDelegatedAdministrators (optional: when
//   denied, delegated_admins_readable is false and nothing else changes).
// - member_credentials() is the credential source for one member: STS
//   AssumeRole into arn:<partition>:iam::<account>:role/<role_name> with the
//   ExternalId, refreshed before it expires. The caller's own account is
//   reached with the base credentials (status kCallerAccount, credentials =
//   base), never by assuming a role in itself.
// - probe_members() calls AssumeRole + GetCallerIdentity for each ACTIVE
//   account (K at a time); a SUSPENDED or PENDING_CLOSURE account is not
//   called. A denied AssumeRole keeps AWS's exact message and says what to do
//   (deploy the role with organization_templates.h, check the ExternalId).
// Every call goes through the AwsCaller (aws/credentials/aws_caller.h), so a
// test may pass a fake; secrets stay in the providers and never reach a message.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aws/core/credentials.h"
#include "aws/core/result.h"
#include "aws/credentials/aws_caller.h"

namespace cloudpeek::scan {

inline constexpr const char* kDefaultAuditRoleName = "CloudPeekAudit";

struct OrganizationAccount {
  std::string id;
  std::string name;
  std::string email;
  std::string arn;
  std::string status;         // ACTIVE, SUSPENDED, PENDING_CLOSURE (AWS's Status)
  std::string joined_method;  // INVITED, CREATED
  std::string ou_path;        // "Root/Workloads/Prod": the root's name, then each OU's
  std::string parent_id;      // the OU (or root) that holds the account
  bool management = false;    // the organization's management account
  // Service principals the account is a delegated administrator for
  // ("guardduty.amazonaws.com", ...); empty when none or not readable.
  std::vector<std::string> delegated_services;
};

struct Organization {
  std::string id, arn, feature_set;  // feature_set: ALL or CONSOLIDATED_BILLING
  std::string management_account_id;
  std::string caller_account;        // whose credentials discovered it
  bool caller_is_management = false;
  bool caller_is_delegated_admin = false;
  bool delegated_admins_readable = false;  // ListDelegatedAdministrators answered
  std::string delegated_admins_error;      // why not, when it did not (AWS's message)
  std::vector<OrganizationAccount> accounts;  // ordered by OU path, then name

  const OrganizationAccount* find(std::string_view account_id) const;
};

struct DiscoverOptions {
  std::string region;  // Organizations' endpoint region; empty: us-east-1
};

// Errors (kind, AWS code kept): AWSOrganizationsNotInUseException when the
// caller's account is in no organization; kAccessDenied when it is a member
// that is not a delegated administrator (advice: use the management account's
// credentials or a delegated administrator's).
Result<Organization> discover_organization(AwsCaller& caller, CredentialsProviderPtr base,
                                           const DiscoverOptions& options = {});

struct MemberAccess {
  std::string role_name = kDefaultAuditRoleName;
  std::string external_id;               // empty: no ExternalId sent
  std::string session_name = "CloudPeek";
  std::string partition = "aws";
  std::string sts_region;                // empty: us-east-1
};

enum class MemberStatus {
  kOk,             // the role was assumed and GetCallerIdentity answered as the member
  kRoleDenied,     // AssumeRole AccessDenied: role missing, not trusting the caller, or ExternalId differs
  kSuspended,      // SUSPENDED / PENDING_CLOSURE in the organization: not called
  kCallerAccount,  // the caller's own account: reached with the base credentials
  kError,          // any other failure (network, throttled out, malformed answer), with its message
};
std::string_view to_string(MemberStatus s);  // "ok", "role_denied", "suspended", "caller_account", "error"

struct MemberReach {
  std::string account_id;
  MemberStatus status = MemberStatus::kError;
  std::string role_arn;   // what was (or would be) assumed
  std::string identity_arn;  // GetCallerIdentity's Arn when reached
  std::string message;    // a failure, with AWS's own message ("... AWS said: <message>"); why not called otherwise
  std::string advice;     // what to do
  std::string error_code; // AWS's code ("AccessDenied") when a call failed
  CredentialsProviderPtr credentials;  // kOk / kCallerAccount: the source to scan the account with
  bool reachable() const { return status == MemberStatus::kOk || status == MemberStatus::kCallerAccount; }
};

// A role name IAM accepts and an ExternalId STS accepts (kInvalidInput naming what is wrong).
Status validate(const MemberAccess& access);

std::string member_role_arn(const MemberAccess& access, std::string_view account_id);

// The AssumeRole source for one member, refreshed before expiry (no call is made here).
CredentialsProviderPtr member_credentials(const MemberAccess& access, std::string_view account_id,
                                          CredentialsProviderPtr base, AwsCallerPtr caller);

// One MemberReach per account of `org`, in its order; `only` (account ids,
// empty: all) narrows it. concurrency: accounts probed at once (>= 1).
std::vector<MemberReach> probe_members(const Organization& org, const MemberAccess& access,
                                       CredentialsProviderPtr base, AwsCallerPtr caller,
                                       const std::vector<std::string>& only = {}, int concurrency = 4);

}  // namespace cloudpeek::scan
