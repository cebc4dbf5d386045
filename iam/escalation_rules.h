// Privilege-escalation techniques as data: what a principal must be allowed to
// do, on which resource, and what it gains. The graph (iam/graph.h) evaluates
// every step with iam::evaluate for each principal and each concrete target,
// so a rule holds only where AWS would allow all of its steps.
//
// The techniques follow the public research: Rhino Security Labs, "AWS IAM
// Privilege Escalation – Methods and Mitigation" (2018, 21 methods) and its
// follow-ups, Bishop Fox's iam-vulnerable, and Datadog's pathfinding.cloud
// catalogue of later additions. Each rule names its source in `reference`.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace cloudpeek::iam {

// What a rule acts on.
enum class TargetKind : std::uint8_t {
  kUser,         // an IAM user of the account (the principal itself included when `self` allows)
  kGroup,        // an IAM group
  kRole,         // an IAM role of the account
  kPolicy,       // a customer managed policy (AWS managed ones cannot be changed)
  kServiceRole,  // a role `service` may assume (its trust policy says so), passed to that service
  kWorkload,     // something of kind `workload` that already runs as a role trusting `service`
  kSelf,         // the principal itself (its permissions boundary)
};

// What the principal gains.
enum class Yield : std::uint8_t {
  kBecomeTarget,   // it acts as the target principal (credentials or a session of it)
  kEmpowerTarget,  // it can give the target principal(s) any permission: the target becomes an administrator
  kJoinGroup,      // (users) it adds itself to the target group and gains the group's policies
  kDropBoundary,   // it removes its own permissions boundary
};

// Which targets a rule considers.
enum class Self : std::uint8_t { kOthers, kSelfAndOthers, kSelfOnly };

// The resource a step's action is evaluated against.
enum class ResourceOf : std::uint8_t {
  kTarget,    // the target's ARN (user, group, role, policy; the role passed, for iam:PassRole)
  kNew,       // a resource the principal creates and names: any ARN of `resource_type` it is allowed
  kWorkload,  // the existing workload (or, when workloads are not listed, any of `resource_type`)
  kFixed,     // `arn`, with {partition}, {region}, {account} filled in
  kAny,       // "*": actions without a resource type
};

struct Step {
  std::string_view action;
  ResourceOf resource = ResourceOf::kAny;
  std::string_view resource_type = {};  // kNew, kWorkload: the catalogue's resource type ("function")
  std::string_view arn = {};            // kFixed
  bool passes_role = false;             // iam:PassRole: iam:PassedToService is the rule's service
  bool policy_arn = false;              // the request's iam:PolicyARN is an administrator policy
};

struct EscalationRule {
  std::string_view id;    // stable: "iam-create-policy-version"
  std::string_view name;  // "iam:CreatePolicyVersion"
  TargetKind target = TargetKind::kRole;
  Yield yield = Yield::kBecomeTarget;
  Self self = Self::kOthers;
  std::string_view service = {};   // kServiceRole, kWorkload: the service principal the role must trust
  std::string_view workload = {};  // kWorkload: "lambda", "ec2" (listed by CloudPeek) or another kind (never listed)
  std::string_view principals = {};  // "user" or "role": the kind of principal the rule is for; empty: both
  std::vector<Step> steps;
  std::string_view assumption = {};  // what is assumed when the inventory cannot tell
  std::string_view description;
  std::string_view reference;
};

const std::vector<EscalationRule>& escalation_rules();
const EscalationRule* find_rule(std::string_view id);

}  // namespace cloudpeek::iam
