// The IAM analyzer's answers as data: who can do an action, escalation paths,
// one principal explained, the principal summaries and effective permissions
// of the `/iam` page. Shared by `cloudpeek iam` (cli/iam_command.cc prints
// the text form from these and writes the JSON as is) and the HTTP API
// (server/api_iam.cc), so both give the same answer.
//
// Pure (iam/ and model/ only); JSON with keys in a fixed order.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iam/graph.h"
#include "model/inventory.h"

namespace cloudpeek::iam::report {

using ojson = nlohmann::ordered_json;

// ---- names and ids ------------------------------------------------------------
std::string lower(std::string_view s);
// The candidates closest to `wanted` (case-insensitive): those containing it or
// contained in it first, then those within a few edits, at most `limit`.
std::vector<std::string> close_matches(std::string_view wanted, const std::vector<std::string>& candidates,
                                       std::size_t limit = 5);
std::string kind_id(NodeKind k);      // "user", "role", "root", "saml_provider", ...
std::string decision_id(Decision d);  // "allowed", "explicit_deny", "implicit_deny", "conditional"
std::string edge_kind_id(EdgeKind k);
std::string policy_kind_id(PolicyKind k);
// "user alice", "role AWSReservedSSO_Admin_0123 (permission set Admin)", "root user of 111122223333".
std::string label(const Node& n);
std::string first_line(const std::string& s);
std::string join(const std::vector<std::string>& v, const std::string& sep = ", ");
// The id of a principal in URLs: "user:alice", "role:Admin", "root"; empty
// for nodes that have no page (providers, outsiders). No '/' (a path segment).
std::string page_id(const Node& n);

// ---- resolving what a person named -----------------------------------------------
struct Resolved {
  std::optional<std::size_t> node;
  std::string error;  // when not found: what was not, and the close matches
};
// By ARN, user or role name ("user/NAME", "role/NAME"), page_id ("user:NAME"),
// an assumed-role session ARN, or a permission set name.
Resolved resolve_principal(const AuthorizationData& d, const std::string& wanted);
// What is wrong with an action name (with close matches), or nullopt when the catalogue knows it.
std::optional<std::string> action_error(const std::string& action);

// ---- pieces -------------------------------------------------------------------------
std::vector<std::string> notes_of(const AuthorizationData& d);
std::vector<std::string> risky_actions(const Statement& s);  // escalation actions an Allow statement allows
std::vector<std::string> sources(const std::vector<Pattern>& ps);
std::vector<std::string> principal_names(const PrincipalSet& p);
std::string admin_text(const AdminStatus& st);
// A user's ways in (console password, MFA, active access keys, from the
// credential report): {"console_password", "mfa", "active_access_keys"}, each
// null when not known; null for other principals. And in words.
ojson entry_points_json(const Node& n);
std::string entry_points_text(const Node& n);

ojson principal_json(const Node& n);
ojson statement_ref_json(const StatementRef& s);
ojson statement_refs_json(const std::vector<StatementRef>& refs);
ojson grant_json(const Grant& g);
ojson edge_json(const AuthorizationData& d, const Edge& e);
ojson path_json(const Graph& g, const Path& p);
ojson admin_json(const AdminStatus& st);
ojson statement_json(const Statement& s);

struct PolicyEntry {
  std::string origin;  // "AWS managed", "customer managed", "inline", "via group Admins", "permissions boundary"
  const Policy* policy;
};
std::vector<PolicyEntry> policies_of(const AuthorizationData& d, const Node& n);

// ---- who-can ------------------------------------------------------------------------
// The resource policy that governs RESOURCE, when the inventory has it: the
// resource's own "policy" prop, or its bucket's for an S3 object.
struct ResourcePolicy {
  const Policy* policy = nullptr;
  ResourcePolicyRule rule = ResourcePolicyRule::kOptional;
  std::string note;
};
// Parses the policy into `d` (AuthorizationData::keep): not thread-safe on one `d`.
ResourcePolicy resource_policy_of(const Inventory& inv, AuthorizationData& d, const std::string& resource);

struct WhoCanAnswer {
  std::string action;
  std::string resource;
  ResourcePolicy resource_policy;
  std::vector<WhoCan> answers;
  std::vector<const WhoCan*> allowed, conditional, denied;  // into answers
  WhoCanAnswer() = default;
  WhoCanAnswer(const WhoCanAnswer&) = delete;  // the groups point into answers
  WhoCanAnswer(WhoCanAnswer&&) = default;
};
// `action` must have passed action_error.
WhoCanAnswer answer_who_can(const Inventory& inv, AuthorizationData& d, const Graph& g, const std::string& action,
                            const std::string& resource);
ojson who_can_json(const Graph& g, const WhoCanAnswer& a);

// ---- paths --------------------------------------------------------------------------
struct PathsAnswer {
  std::size_t to = kAdmin;
  bool every_principal = false;       // no principal was named
  std::size_t limit = 1;
  std::vector<std::size_t> admins;  // every principal, to admin: the administrators already
  struct Found {
    std::size_t node;
    std::vector<Path> paths;
  };
  std::vector<Found> found;
};
// `from` empty: every principal. `limit` 0: 5 for one principal, 1 for all.
PathsAnswer answer_paths(const Graph& g, std::optional<std::size_t> from, std::size_t to, std::size_t limit);
ojson paths_json(const Graph& g, const PathsAnswer& a);

// ---- explain ------------------------------------------------------------------------
struct Explanation {
  std::size_t node = 0;
  AdminStatus admin;
  std::vector<Path> paths;             // to admin, when not an administrator already (or only conditionally)
  std::vector<const Edge*> become;     // who can become it (assume it, act as it)
  std::vector<const Edge*> empower;    // who can make it an administrator
  std::vector<PolicyEntry> policies;
};
Explanation explain(const Graph& g, std::size_t node, std::size_t limit = 5);
ojson explanation_json(const Graph& g, const Explanation& e);

// ---- the /iam page ------------------------------------------------------------------
// One row per user, role and the root user: type, admin (allowed everything, as
// the checks count it), can escalate (a path to administrator exists; one that
// can give itself everything has a one-step path), trusted from outside the
// account (and by whom), last used (users and root: the credential report;
// roles: RoleLastUsed; null when unknown).
ojson principal_summaries_json(const Inventory& inv, const Graph& g);
// Identity providers with the roles that trust them.
ojson identity_providers_json(const Graph& g);
// What the principal may do on "*" per service, for the actions its identity
// policies name: allowed, allowed only on named resources, conditional,
// denied (explicitly, or by a boundary), with access levels.
ojson effective_permissions_json(const Graph& g, std::size_t node);

}  // namespace cloudpeek::iam::report
