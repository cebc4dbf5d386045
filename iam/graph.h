// The principal graph of one account: who can become whom, and who can make
// whom an administrator, each edge with the policy statements that grant it.
//
// Edges:
// - sts:AssumeRole into a role: the role's trust policy AND, for a caller of
//   the same account that the trust policy names only through the account,
//   the caller's identity policy, as iam::evaluate decides with
//   ResourcePolicyRule::kRequired;
// - sts:AssumeRoleWithSAML / sts:AssumeRoleWithWebIdentity from identity
//   providers;
// - escalation techniques (iam/escalation_rules.h): every step evaluated for
//   the principal against the concrete resource (the role passed, the policy
//   changed, the user whose key is made, a resource the principal creates and
//   names), so explicit denies, boundaries, resource constraints and conditions
//   count. A condition on a key CloudPeek cannot know makes the edge
//   conditional (with the condition's text); one on a key the principal
//   controls (a request tag, the time of its own request) does not; one that
//   can never hold (a token issued before 2015) blocks it.
//
// "Administrator": allowed everything (a set of sentinel actions across
// services on "*"), or able to give itself everything (an escalation edge that
// empowers the principal itself: iam:* on * does).
//
// The request context of an attacker's request: keys it chooses are
// controlled (aws:RequestTag/*, aws:TagKeys, sts:RoleSessionName,
// sts:SourceIdentity, sts:ExternalId, aws:RequestedRegion,
// aws:SecureTransport, iam:AssociatedResourceArn, time keys from now on),
// those of the principal are known, anything else is unknown.
//
// Service control policies and resource control policies are considered when
// the organizations collector could read them (AuthorizationData::scps() and
// rcps(); scp_note() and rcp_note() say whether and why not); the RCPs as the
// account's resources' (every request here is to one of them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "iam/authorization_data.h"
#include "iam/escalation_rules.h"
#include "iam/evaluate.h"

namespace cloudpeek::iam {

// One evaluated request behind an edge.
struct Grant {
  std::string action;
  std::string resource;
  Decision decision = Decision::kAllowed;  // kAllowed or kConditional on an edge
  std::vector<StatementRef> statements;    // the allows (and the trust policy's) that grant it
  std::vector<std::string> conditions;     // conditional: "StringEquals aws:SourceIp [...] (Allow in ...)"
  std::vector<std::string> controlled;     // conditions met by values the principal chooses
  // (No iam::describe text: half a million edges would carry it, and the
  // statements and conditions above are what a path shows.)
};

enum class EdgeKind : std::uint8_t { kAssumeRole, kAssumeRoleWithSaml, kAssumeRoleWithWebIdentity, kEscalation };
std::string_view to_string(EdgeKind kind);

struct Edge {
  std::size_t from = 0;
  std::size_t to = 0;
  EdgeKind kind = EdgeKind::kAssumeRole;
  const EscalationRule* rule = nullptr;  // kEscalation
  // false: `from` becomes (acts as) `to`. true: `from` can make `to` an
  // administrator; `to == from` means `from` gives itself everything.
  bool empowers = false;
  bool conditional = false;
  std::vector<Grant> grants;
  std::string detail;                    // "passes role Admin to a new Lambda function ..."
  std::vector<std::string> assumptions;  // what the inventory could not tell
};

enum class AdminLevel : std::uint8_t {
  kNo,
  kFullAccess,    // allowed everything
  kGrantsItself,  // can give itself everything (one edge)
};

struct AdminStatus {
  AdminLevel level = AdminLevel::kNo;
  bool conditional = false;             // only if conditions CloudPeek cannot know hold
  std::vector<Grant> evidence;          // kFullAccess: the sentinel requests
  const Edge* self_grant = nullptr;     // kGrantsItself
};

class Graph {
 public:
  // `data` must outlive the graph and stay where it is (edges point into it).
  // Principals allowed everything get no escalation edges: no path goes past them.
  static std::unique_ptr<Graph> build(const AuthorizationData& data);

  const AuthorizationData& data() const { return *data_; }
  // A deque: half a million edges are not copied as they are added.
  const std::deque<Edge>& edges() const { return edges_; }
  std::span<const std::size_t> out(std::size_t node) const;  // edge indexes
  std::span<const std::size_t> in(std::size_t node) const;
  // The out edges of a node in the order of out(), compact for traversals.
  struct Arc {
    std::uint32_t to = 0;
    std::uint32_t edge = 0;  // index into edges()
    bool empowers = false;
    bool conditional = false;
  };
  std::span<const Arc> arcs(std::size_t node) const;
  // Allowed everything (self-granting is in is_admin()).
  const AdminStatus& full_access(std::size_t node) const { return full_[node]; }
  // The attacker's request context the graph evaluated with.
  const Context& context() const { return base_; }

  struct Impl;

 private:
  Graph() = default;
  friend struct Impl;
  const AuthorizationData* data_ = nullptr;
  std::deque<Edge> edges_;
  // Edge indexes by node, flat: node i's are [offsets[i], offsets[i + 1]).
  std::vector<std::size_t> out_offsets_, out_edges_, in_offsets_, in_edges_;
  std::vector<Arc> arcs_;  // parallel to out_edges_
  std::vector<AdminStatus> full_;
  Context base_;
};

AdminStatus is_admin(const Graph& graph, std::size_t node);

// A path, step by step: each edge from the principal to where the previous
// step led; an edge that empowers another principal is followed by the steps
// that reach it.
struct Path {
  std::vector<const Edge*> steps;
  bool conditional = false;
  std::size_t end = 0;    // the administrator (or the role) reached
  std::string summary;    // "alice -> assume role Dev -> passrole-lambda-invoke -> role Admin (full access)"
};

inline constexpr std::size_t kAdmin = std::numeric_limits<std::size_t>::max();

// Paths from `from` to an administrator (to == kAdmin) or to one principal,
// shortest first; unconditional paths before conditional ones of the same
// length. A principal that is an administrator itself has one empty path.
std::vector<Path> paths(const Graph& graph, std::size_t from, std::size_t to = kAdmin, std::size_t limit = 5);

// Who can do `action` on `resource`: every principal of the account (and, for
// a role's sts:AssumeRole* or with a resource policy, the outsiders), with the
// decision and what decided it.
struct WhoCan {
  std::size_t node = 0;
  Decision decision = Decision::kImplicitDeny;
  std::vector<StatementRef> statements;  // the allows, or the denies
  std::vector<std::string> conditions;   // conditional: the conditions it depends on
  std::string explanation;
};
std::vector<WhoCan> who_can(const Graph& graph, std::string_view action, std::string_view resource = "*",
                            const Policy* resource_policy = nullptr,
                            ResourcePolicyRule rule = ResourcePolicyRule::kOptional);

// A path in words, one line per step, with the statements.
std::string describe(const Graph& graph, const Path& path);

}  // namespace cloudpeek::iam
