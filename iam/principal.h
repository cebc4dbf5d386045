// Who makes a request, and whether a policy's Principal / NotPrincipal names
// them ("AWS JSON policy elements: Principal" and "NotPrincipal").
//
// A role is analysed as a session of that role (that is what calls AWS); its
// `session_name` may be left empty, meaning "whatever name the one assuming it
// picks", so a policy naming one session ARN of the role still matches.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "iam/context.h"
#include "iam/policy.h"

namespace cloudpeek::iam {

enum class PrincipalType : std::uint8_t {
  kUser,           // an IAM user
  kRoleSession,    // a session of an IAM role (AssumeRole*, instance profile, IAM Identity Center)
  kFederatedUser,  // a session from sts:GetFederationToken
  kRoot,           // the account's root user
  kService,        // an AWS service principal, "lambda.amazonaws.com"
  kFederated,      // a caller an identity provider vouches for (AssumeRoleWithWebIdentity / WithSAML)
  kAnonymous,      // an unauthenticated caller
};

std::string_view to_string(PrincipalType type);

struct Principal {
  PrincipalType type = PrincipalType::kUser;
  // User ARN, role ARN (with its path), federated-user ARN, arn:aws:iam::<account>:root;
  // for a service its name ("ec2.amazonaws.com"); for kFederated the provider as
  // trust policies name it ("cognito-identity.amazonaws.com", an OIDC/SAML provider ARN).
  std::string arn;
  std::string account;
  std::string session_name;  // role sessions; empty: any name
  std::string unique_id;     // AIDA... for users, AROA... for roles (aws:userid)
  std::string canonical_id;  // S3 canonical user id, when known
  std::map<std::string, std::string> tags;

  // What it may do. Pointers to policies the caller keeps alive.
  std::vector<const Policy*> identity_policies;  // managed, inline, and those of its groups
  const Policy* permissions_boundary = nullptr;
  std::vector<const Policy*> session_policies;   // empty: no session policy was passed

  // Keys derived from the principal (aws:PrincipalArn, aws:username, ...), set by
  // derive_context(); the request's own context overrides them.
  Context context;

  std::string partition() const;        // "aws", "aws-cn", "aws-us-gov"
  std::string_view role_name() const;   // role sessions: the last segment of the role ARN's path
  // arn:aws:sts::<account>:assumed-role/<role name>/<session> (session "*" when any).
  std::string session_arn() const;
};

// Fill principal.context with the global keys AWS sets for this principal
// (AWS global condition context keys): aws:PrincipalArn, aws:PrincipalAccount,
// aws:PrincipalType, aws:userid, aws:username (users), aws:PrincipalTag/<k>,
// aws:PrincipalIsAWSService, aws:PrincipalServiceName (services). Keys already
// in principal.context are kept.
void derive_context(Principal& principal);

// Builders that parse the account from the ARN and derive the context.
Principal make_user(std::string arn, std::string unique_id = {});
Principal make_role_session(std::string role_arn, std::string session_name = {}, std::string unique_id = {});
Principal make_root(std::string account, std::string partition = "aws");
Principal make_service(std::string name);
Principal make_federated(std::string provider);
Principal make_anonymous();

// How a Principal element names a principal, weakest to strongest. The kind
// matters to the evaluation order: naming the account delegates to the
// account's identity policies, naming a role is limited by the session's
// boundary and session policies, naming the user or session itself is not.
enum class PrincipalMatch : std::uint8_t { kNone, kAccount, kRole, kDirect };

PrincipalMatch match_principal(const PrincipalSet& set, const Principal& principal);

// Whether a statement with NotPrincipal applies to the principal: AWS checks
// the account, then the role, then the session, and the statement applies
// unless every one of them is listed (NotPrincipal, "Key points"). A Deny with
// NotPrincipal always applies to a principal with a permissions boundary.
bool applies_despite_not_principal(const PrincipalSet& set, const Principal& principal, Effect effect);

}  // namespace cloudpeek::iam
