// The account's principals, ready for iam::evaluate: built once from what the
// IAM collector put in the inventory (collect/iam.h documents the props; iam/
// may not include collect/, so the type names are repeated here).
//
// Nodes are the principals of issue 10 section 2: IAM users (with the policies
// of their groups), IAM roles (analysed as sessions of the role, any session
// name), the account's root user, SAML and OIDC identity providers, IAM
// Identity Center roles (AWSReservedSSO_<PermissionSet>_<hash>, shown with the
// permission set's name), and the outsiders that role trust policies name:
// other accounts (one node per account, whatever principal of it is named) and
// "*" (anyone with AWS credentials).
//
// Policy documents are parsed once here; every Principal points into this
// object's storage, so it must outlive any Request made with them (the object
// is movable: the storage is a deque, whose elements never move).
//
// What the inventory does not carry is approximated and said so in the node's
// notes: a permissions boundary whose document was not collected is ignored
// (over-reporting, never hiding a path), a policy that could not be read makes
// the node "incomplete".
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "iam/evaluate.h"
#include "iam/policy.h"
#include "iam/principal.h"
#include "model/inventory.h"
#include "model/resource.h"

namespace cloudpeek::iam {

// Inventory types read here (as collect/iam.h, collect/lambda.cc and collect/ec2.cc emit them).
namespace inventory_type {
inline constexpr std::string_view kUser = "AWS::IAM::User";
inline constexpr std::string_view kRoot = "AWS::IAM::Root";
inline constexpr std::string_view kGroup = "AWS::IAM::Group";
inline constexpr std::string_view kRole = "AWS::IAM::Role";
inline constexpr std::string_view kPolicy = "AWS::IAM::Policy";
inline constexpr std::string_view kInlinePolicy = "AWS::IAM::InlinePolicy";
inline constexpr std::string_view kSamlProvider = "AWS::IAM::SAMLProvider";
inline constexpr std::string_view kOidcProvider = "AWS::IAM::OIDCProvider";
inline constexpr std::string_view kLambdaFunction = "AWS::Lambda::Function";
inline constexpr std::string_view kEc2Instance = "AWS::EC2::Instance";
// collect/organizations.cc: the SCPs that apply to the account, level by level.
inline constexpr std::string_view kServiceControlPolicies = "AWS::Organizations::ServiceControlPolicies";
// collect/organizations.cc: the RCPs that apply to the account's resources, level by level.
inline constexpr std::string_view kResourceControlPolicies = "AWS::Organizations::ResourceControlPolicies";
}  // namespace inventory_type

struct OrgPolicyWords;

enum class NodeKind : std::uint8_t {
  kUser,
  kRole,
  kRoot,             // this account's root user
  kSamlProvider,
  kOidcProvider,     // also web identity providers trust policies name (cognito-identity.amazonaws.com, ...)
  kExternalAccount,  // another account, or a principal of it, named in a trust policy
  kAnyone,           // "*" in a trust policy: any AWS principal of any account
};
std::string_view to_string(NodeKind kind);

struct Node {
  NodeKind kind = NodeKind::kUser;
  std::string arn;      // the node's id: principal ARN, provider ARN, arn:aws:iam::<account>:root, "*"
  std::string name;     // user or role name, permission set name, provider host, account id
  std::string account;
  std::string permission_set;  // IAM Identity Center roles: the permission set's name
  bool internal = false;       // a principal of this account (user, role, root)
  // Users, roles, root: ready for evaluate(). Outsiders: a stand-in whose own
  // account's policies are unknown (allowed everything on their side).
  Principal principal;
  const Policy* trust = nullptr;            // roles: the trust policy
  std::vector<std::string> groups;          // users: group names
  std::vector<std::string> managed_policies;  // ARNs attached directly
  std::vector<std::string> inline_policies;   // names
  std::string boundary_arn;                 // users and roles: the permissions boundary's ARN, if any
  std::vector<std::string> instance_profiles;  // roles: instance profile ARNs
  // Users: the ways in as it, from the IAM credential report (collect/iam.h
  // credential_report); nullopt when the report was not collected or lacks the user.
  std::optional<bool> console_password;   // a login profile (password_enabled)
  std::optional<bool> mfa;                // an MFA device is active
  std::optional<int> active_access_keys;  // 0, 1 or 2
  std::vector<std::string> notes;           // what is approximated or could not be read
};

struct ManagedPolicy {
  std::string arn;
  std::string name;
  bool aws_managed = false;
  const Policy* policy = nullptr;  // nullptr: its document was not collected
  std::vector<std::size_t> users, groups, roles;  // attached to (node indexes; groups: group indexes)
};

struct Group {
  std::string arn;
  std::string name;
  std::vector<const Policy*> policies;       // inline and managed
  std::vector<std::string> managed_policies;  // ARNs
  std::vector<std::size_t> members;          // node indexes of users
};

// Something that already runs as a role: a Lambda function, an EC2 instance.
struct Workload {
  std::string kind;     // "lambda", "ec2"
  std::string arn;
  std::string region;
  std::string role_arn;  // empty: not known
};

struct BuildOptions {
  // "Now" for time conditions (epoch seconds); 0: the system clock.
  double now = 0;
  // The resources given are the complete listing of Lambda functions and EC2
  // instances (the vector form; the Inventory form decides from the inventory).
  bool workloads_listed = false;
};

class AuthorizationData {
 public:
  static AuthorizationData build(const Inventory& inventory, BuildOptions options = {});
  static AuthorizationData build(std::string account, const std::vector<Resource>& resources, BuildOptions options = {});

  AuthorizationData(AuthorizationData&&) = default;
  AuthorizationData& operator=(AuthorizationData&&) = default;

  const std::string& account() const { return account_; }
  const std::string& partition() const { return partition_; }
  double now() const { return now_; }

  const std::vector<Node>& nodes() const { return nodes_; }
  const Node& node(std::size_t i) const { return nodes_[i]; }
  // By ARN, or by user / role name, or (SSO roles) permission set name.
  std::optional<std::size_t> find(std::string_view arn_or_name) const;

  const std::vector<ManagedPolicy>& managed_policies() const { return managed_; }
  const ManagedPolicy* managed(std::string_view arn) const;
  const std::vector<Group>& groups() const { return groups_; }
  const Group* group(std::string_view name_or_arn) const;
  // The identity policies of a user, without one group's (for "add to group").
  std::vector<const Policy*> policies_with_group(std::size_t user, const Group& group) const;

  // Workloads that run as roles. `*_listed`: the listing is complete, so a
  // role no workload runs as has none; otherwise one may exist unseen.
  const std::vector<Workload>& workloads() const { return workloads_; }
  bool functions_listed() const { return functions_listed_; }
  bool instances_listed() const { return instances_listed_; }
  // Instance profile ARN → role ARN.
  const std::unordered_map<std::string, std::string>& instance_profiles() const { return profiles_; }

  // The service control policies that apply to the account's principals, for
  // Request::scps: nullptr when they were not considered (not collected, not
  // readable from this account, a document not readable). When none apply (no
  // organization, the management account, SCPs not enabled) they are
  // considered, with no level.
  const OrgPolicies* scps() const { return scps_considered_ ? &scps_ : nullptr; }
  // "SCPs considered: ..." or "SCPs not considered: <why>", one sentence for
  // the notes of every answer.
  const std::string& scp_note() const { return scp_note_; }
  // The resource control policies that apply to the account's resources, for
  // Request::rcps, and their note ("RCPs considered: ..." / "RCPs not
  // considered: <why>"), as for SCPs. None apply to the management account's
  // resources (considered, with no level).
  const OrgPolicies* rcps() const { return rcps_considered_ ? &rcps_ : nullptr; }
  const std::string& rcp_note() const { return rcp_note_; }
  // The organization of the account ("o-..."), when the organizations collector read it.
  const std::string& organization_id() const { return organization_id_; }

  // Documents that could not be parsed, props that were missing.
  const std::vector<std::string>& warnings() const { return warnings_; }

  // Policies made by the analysis (a stand-in "anything" policy for outsiders).
  const Policy* keep(Policy policy);

 private:
  AuthorizationData() = default;
  void load(const std::vector<const Resource*>& resources, const BuildOptions& options);
  std::size_t add_node(Node node);
  std::size_t outsider(NodeKind kind, const std::string& account);
  void add_trust_outsiders(std::size_t role);

  std::string account_;
  std::string partition_ = "aws";
  double now_ = 0;
  std::deque<Policy> storage_;
  std::vector<Node> nodes_;
  std::unordered_map<std::string, std::size_t> by_arn_;
  std::unordered_map<std::string, std::size_t> by_name_;
  std::vector<ManagedPolicy> managed_;
  std::unordered_map<std::string, std::size_t> managed_by_arn_;
  std::vector<Group> groups_;
  std::unordered_map<std::string, std::size_t> group_by_name_;
  std::vector<Workload> workloads_;
  bool functions_listed_ = false;
  bool instances_listed_ = false;
  std::unordered_map<std::string, std::string> profiles_;
  std::vector<std::string> warnings_;
  const Policy* anything_ = nullptr;
  OrgPolicies scps_;
  bool scps_considered_ = false;
  std::string scp_note_;
  OrgPolicies rcps_;
  bool rcps_considered_ = false;
  std::string rcp_note_;
  std::string organization_id_;
  void load_scps(const std::vector<const Resource*>& resources);  // and RCPs
  bool load_org_policies(const std::vector<const Resource*>& resources, const OrgPolicyWords& words,
                         OrgPolicies& out, std::string& note);
};

// "AWSReservedSSO_AdministratorAccess_0123456789abcdef" → "AdministratorAccess"; nullopt otherwise.
std::optional<std::string> permission_set_of(std::string_view role_name);

}  // namespace cloudpeek::iam
