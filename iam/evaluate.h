// AWS's evaluation logic for one request, as documented in "Policy evaluation
// logic", "How AWS enforcement code logic evaluates requests to allow or deny
// access", "Policy evaluation for requests within a single account" (the role
// and user flow charts) and "Cross-account policy evaluation logic":
//
//   1. An explicit Deny in any applicable policy (identity, group, boundary,
//      session, resource, SCP, RCP) decides: denied.
//   2. RCPs (resource's account) and SCPs (principal's account), when given:
//      every level of the organization must allow, else implicitly denied.
//   3. Same account: a resource-based policy that names the user, the role
//      session, the federated-user session, or everyone ("*") allows by itself,
//      whatever the identity policies, boundary or session policies say. One
//      that names the role (role ARN) stands in for the identity policies but
//      stays limited by the boundary and session policies. One that names the
//      account delegates to the identity policies.
//   4. Otherwise identity-based policies must allow, and then the permissions
//      boundary (if any) and the session policies (if any) too.
//   5. IAM role trust policies and KMS key policies must themselves allow
//      (ResourcePolicyRule::kRequired): an identity-policy allow alone is not
//      enough; a trust policy naming the account enables identity policies.
//   6. Cross-account: the principal's side (identity ∩ boundary ∩ session) AND
//      the resource policy must both allow.
//   The root user is allowed everything in its own account (but for SCPs,
//   RCPs, explicit denies and resources that require their own policy).
//
// The answer is Allowed, ExplicitDeny, ImplicitDeny or Conditional: it depends
// on request context CloudPeek could not know, with the statements and
// conditions it depends on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "iam/condition.h"
#include "iam/context.h"
#include "iam/policy.h"
#include "iam/principal.h"
#include "iam/tri.h"

namespace cloudpeek::iam {

enum class PolicyKind : std::uint8_t { kIdentity, kPermissionsBoundary, kSession, kResource, kScp, kRcp };
std::string_view to_string(PolicyKind kind);

enum class ResourcePolicyRule : std::uint8_t {
  kOptional,  // S3, SQS, SNS, Lambda, Secrets Manager, ECR, ...: identity OR resource policy in one account
  kRequired,  // IAM role trust policies, KMS key policies: the resource policy must allow
};

// The services whose resources resource control policies restrict (AWS
// Organizations User Guide, "Resource control policies (RCPs)", "List of AWS
// services that support RCPs"): Amazon S3, AWS STS, AWS KMS, Amazon SQS and
// AWS Secrets Manager at launch (November 2024), then Amazon Cognito (user
// and identity pools), Amazon CloudWatch Logs, Amazon DynamoDB, Amazon ECR
// and Amazon OpenSearch Serverless (2025). An action of another service is
// not limited by RCPs.
inline constexpr std::string_view kRcpServices[] = {"s3",           "sts",     "kms",      "sqs",
                                                    "secretsmanager", "cognito-idp", "cognito-identity",
                                                    "logs",         "dynamodb", "ecr",      "aoss"};
// Whether `action`'s service is one RCPs restrict.
bool rcp_service(std::string_view action);
// Whether RCPs apply to `principal` making `action`: an RCP service, and not an
// AWS service principal or a service-linked role (RCPs do not restrict them).
bool rcps_apply_to(const Principal& principal, std::string_view action);

// Organization policies that apply: one list per level of the hierarchy
// (root, each OU, the account). Every level must allow.
struct OrgPolicies {
  std::vector<std::vector<const Policy*>> levels;
};

struct Request {
  const Principal* principal = nullptr;
  std::string_view action;              // "s3:GetObject", any case
  std::string_view resource = "*";      // the resource ARN ("*" for actions without one)
  std::string_view resource_account;    // empty: the principal's account
  const Policy* resource_policy = nullptr;
  ResourcePolicyRule resource_rule = ResourcePolicyRule::kOptional;
  const OrgPolicies* scps = nullptr;    // nullptr: SCPs not considered (could not be read)
  const OrgPolicies* rcps = nullptr;    // nullptr: RCPs not considered; the resource account's RCPs
                                        // (pass none for the organization's management account: RCPs do not apply there)
  const Context* context = nullptr;     // request keys; keys it lacks come from principal->context
  bool explain = true;                  // false: the decision only, no statement lists (faster)
};

enum class Decision : std::uint8_t { kAllowed, kExplicitDeny, kImplicitDeny, kConditional };
std::string_view to_string(Decision decision);

struct StatementRef {
  const Policy* policy = nullptr;
  PolicyKind kind = PolicyKind::kIdentity;
  const Statement* statement = nullptr;
};

// A statement whose applying CloudPeek could not decide.
struct Unresolved {
  StatementRef ref;
  std::vector<const Clause*> conditions;  // the clauses on unknown keys (empty if only the resource was unknown)
  bool resource_unknown = false;          // a policy variable in Resource had an unknown value
};

struct Evaluation {
  Decision decision = Decision::kImplicitDeny;
  std::string_view reason;                 // one sentence: which rule decided
  std::vector<StatementRef> statements;    // Allowed: the allows that grant it; ExplicitDeny: the denies
  std::vector<Unresolved> unresolved;      // Conditional: allows that may hold, denies that may apply
  std::vector<const Clause*> controlled;   // conditions met by values the principal chooses
  bool scps_considered = false;
  bool rcps_considered = false;
};

Evaluation evaluate(const Request& request);

// "identity-based policy ReadLogs, statement 2 (Sid AllowRead)".
std::string describe(const StatementRef& ref);
// The decision in words, with what decided it: the statements, or for a
// conditional decision "conditional on: IpAddress aws:SourceIp [...] (Allow in
// identity-based policy OfficeOnly, statement 0)". One item per line.
std::string describe(const Evaluation& evaluation);

// Statement-level building block: does `statement` apply to the request?
// kUnknown when it depends on unknown context; `match` receives how its
// Principal element names the principal (kDirect when it has none).
Tri statement_applies(const Statement& statement, const Request& request, const Lookup& lookup,
                      PrincipalMatch* match = nullptr, ConditionResult* condition = nullptr,
                      bool* resource_unknown = nullptr);

}  // namespace cloudpeek::iam
