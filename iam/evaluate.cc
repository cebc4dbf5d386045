#include "iam/evaluate.h"

#include <algorithm>

namespace cloudpeek::iam {
namespace {

bool is_iam_principal(PrincipalType t) {
  return t == PrincipalType::kUser || t == PrincipalType::kRoleSession || t == PrincipalType::kFederatedUser;
}

// What the statements of one policy layer say about the request.
struct Scan {
  Tri allow = Tri::kFalse;
  Tri deny = Tri::kFalse;
  // Resource-based policies: allows by how they name the principal.
  Tri direct = Tri::kFalse;
  Tri role = Tri::kFalse;
  Tri account = Tri::kFalse;
};

struct Collector {
  bool explain = true;
  std::vector<StatementRef> allows, denies;
  std::vector<Unresolved> maybe_allows, maybe_denies;
  std::vector<const Clause*> controlled;
};

void scan(const Policy& policy, PolicyKind kind, const Request& r, const Lookup& lookup, Scan& out, Collector& col,
          bool collect_allows = true) {
  for (const Statement& s : policy.statements) {
    if (!s.matches_action(r.action)) continue;  // the cheap test first: most statements stop here
    PrincipalMatch pm = PrincipalMatch::kDirect;
    ConditionResult cond;
    bool resource_unknown = false;
    Tri t = statement_applies(s, r, lookup, &pm, &cond, &resource_unknown);
    if (t == Tri::kFalse) continue;
    StatementRef ref{&policy, kind, &s};
    bool deny = s.effect == Effect::kDeny;
    if (deny) {
      out.deny = out.deny || t;
    } else {
      out.allow = out.allow || t;
      if (kind == PolicyKind::kResource) {
        Tri& slot = pm == PrincipalMatch::kDirect ? out.direct : pm == PrincipalMatch::kRole ? out.role : out.account;
        slot = slot || t;
      }
    }
    if (!col.explain) continue;
    if (t == Tri::kTrue) {
      if (deny) {
        col.denies.push_back(ref);
      } else if (collect_allows) {
        col.allows.push_back(ref);
      }
      col.controlled.insert(col.controlled.end(), cond.controlled.begin(), cond.controlled.end());
    } else {
      (deny ? col.maybe_denies : col.maybe_allows).push_back(Unresolved{ref, std::move(cond.unknown), resource_unknown});
    }
  }
}

// Organization policies: every level must allow; a deny anywhere counts.
Tri scan_levels(const OrgPolicies& org, PolicyKind kind, const Request& r, const Lookup& lookup, Tri& deny,
                Collector& col) {
  Tri all = Tri::kTrue;
  for (const auto& level : org.levels) {
    Scan s;
    for (const Policy* p : level) {
      if (p) scan(*p, kind, r, lookup, s, col, /*collect_allows=*/false);
    }
    deny = deny || s.deny;
    all = all && s.allow;
  }
  return all;
}

}  // namespace

bool rcp_service(std::string_view action) {
  std::string_view service = action.substr(0, action.find(':'));
  for (std::string_view s : kRcpServices)
    if (service.size() == s.size() && std::equal(service.begin(), service.end(), s.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
        }))
      return true;
  return false;
}

bool rcps_apply_to(const Principal& p, std::string_view action) {
  if (!rcp_service(action)) return false;
  if (p.type == PrincipalType::kService) return false;
  // Service-linked roles (path /aws-service-role/) act for an AWS service.
  if (p.type == PrincipalType::kRoleSession && p.arn.find(":role/aws-service-role/") != std::string::npos) return false;
  return true;
}

std::string_view to_string(PolicyKind kind) {
  switch (kind) {
    case PolicyKind::kIdentity: return "identity-based policy";
    case PolicyKind::kPermissionsBoundary: return "permissions boundary";
    case PolicyKind::kSession: return "session policy";
    case PolicyKind::kResource: return "resource-based policy";
    case PolicyKind::kScp: return "service control policy";
    case PolicyKind::kRcp: return "resource control policy";
  }
  return "";
}

std::string_view to_string(Decision d) {
  switch (d) {
    case Decision::kAllowed: return "allowed";
    case Decision::kExplicitDeny: return "explicit deny";
    case Decision::kImplicitDeny: return "implicit deny";
    case Decision::kConditional: return "conditional";
  }
  return "";
}

Tri statement_applies(const Statement& s, const Request& r, const Lookup& lookup, PrincipalMatch* match,
                      ConditionResult* condition, bool* resource_unknown) {
  if (!s.matches_action(r.action)) return Tri::kFalse;
  Tri res = Tri::kTrue;
  bool controlled = false;
  if (s.has_resource) {
    Tri any = Tri::kFalse;
    for (const Pattern& p : s.resources) {
      any = any || match_resource(p, r.resource, lookup, &controlled);
      if (any == Tri::kTrue) break;
    }
    res = s.not_resource ? !any : any;
    if (res == Tri::kFalse) return Tri::kFalse;
    if (resource_unknown) *resource_unknown = res == Tri::kUnknown;
  }
  PrincipalMatch pm = PrincipalMatch::kDirect;
  if (s.has_principal) {
    if (!r.principal) return Tri::kFalse;
    if (s.not_principal) {
      // Everyone but those listed: as broad as "*".
      pm = applies_despite_not_principal(s.principals, *r.principal, s.effect) ? PrincipalMatch::kDirect
                                                                                : PrincipalMatch::kNone;
    } else {
      pm = match_principal(s.principals, *r.principal);
    }
    if (pm == PrincipalMatch::kNone) return Tri::kFalse;
  }
  if (match) *match = pm;
  if (s.condition.empty()) return res;
  ConditionResult cr =
      evaluate_condition(s.condition, lookup, s.effect == Effect::kDeny ? Want::kFail : Want::kHold);
  Tri out = res && cr.value;
  if (condition) *condition = std::move(cr);
  return out;
}

Evaluation evaluate(const Request& r) {
  Evaluation ev;
  ev.scps_considered = r.scps != nullptr;
  ev.rcps_considered = r.rcps != nullptr;
  if (!r.principal) {
    ev.reason = "no principal";
    return ev;
  }
  const Principal& p = *r.principal;
  const Lookup lookup(r.context, &p.context);
  Collector col;
  col.explain = r.explain;
  const bool iam = is_iam_principal(p.type);
  const bool same_account = r.resource_account.empty() || r.resource_account == p.account;
  const bool required = r.resource_rule == ResourcePolicyRule::kRequired;

  Scan id, boundary, session, resource;
  if (iam) {
    for (const Policy* pol : p.identity_policies) {
      if (pol) scan(*pol, PolicyKind::kIdentity, r, lookup, id, col);
    }
  }
  const bool has_boundary = iam && p.permissions_boundary;
  if (has_boundary) scan(*p.permissions_boundary, PolicyKind::kPermissionsBoundary, r, lookup, boundary, col);
  const bool has_session = iam && !p.session_policies.empty();
  if (has_session) {
    for (const Policy* pol : p.session_policies) {
      if (pol) scan(*pol, PolicyKind::kSession, r, lookup, session, col);
    }
  }
  if (r.resource_policy) scan(*r.resource_policy, PolicyKind::kResource, r, lookup, resource, col);

  Tri deny = id.deny || boundary.deny || session.deny || resource.deny;
  Tri scp_ok = Tri::kTrue, rcp_ok = Tri::kTrue;
  // SCPs limit the principals of member accounts, not service principals.
  if (r.scps && (iam || p.type == PrincipalType::kRoot)) scp_ok = scan_levels(*r.scps, PolicyKind::kScp, r, lookup, deny, col);
  // RCPs limit requests to the resources of the services that support them,
  // from any principal of any account, but not AWS service principals and
  // service-linked roles (the caller passes none for the management account's resources).
  if (r.rcps && rcps_apply_to(p, r.action)) rcp_ok = scan_levels(*r.rcps, PolicyKind::kRcp, r, lookup, deny, col);

  if (deny == Tri::kTrue) {
    ev.decision = Decision::kExplicitDeny;
    ev.reason = "an explicit Deny applies";
    ev.statements = std::move(col.denies);
    return ev;
  }

  const Tri b = has_boundary ? boundary.allow : Tri::kTrue;
  const Tri s = has_session ? session.allow : Tri::kTrue;
  const Tri rb_any = resource.direct || resource.role || resource.account;
  Tri allowed = Tri::kFalse;
  std::string_view why;
  if (iam) {
    if (same_account) {
      // A resource policy naming the role stands in for the identity policies;
      // one naming the account delegates to them.
      Tri identity = required ? (resource.role || (resource.account && id.allow)) : (id.allow || resource.role);
      allowed = resource.direct || (identity && b && s);
      if (allowed == Tri::kFalse) {
        if (required && rb_any == Tri::kFalse) {
          why = "the role trust policy or key policy does not allow the principal, and it must";
        } else if (identity == Tri::kFalse) {
          why = required ? "the trust or key policy names only the account, and no identity-based policy allows it"
                         : "no identity-based or resource-based policy allows it";
        } else if (b == Tri::kFalse) {
          why = "the permissions boundary does not allow it";
        } else {
          why = "no session policy allows it";
        }
      }
    } else {
      allowed = id.allow && b && s && rb_any;
      if (allowed == Tri::kFalse) {
        if (rb_any == Tri::kFalse) {
          why = r.resource_policy ? "cross-account: the resource-based policy does not allow the principal"
                                  : "cross-account: no resource-based policy allows the principal (both sides must)";
        } else if (id.allow == Tri::kFalse) {
          why = "cross-account: no identity-based policy of the principal allows it (both sides must)";
        } else if (b == Tri::kFalse) {
          why = "the permissions boundary does not allow it";
        } else {
          why = "no session policy allows it";
        }
      }
    }
  } else if (p.type == PrincipalType::kRoot) {
    allowed = same_account && !required ? Tri::kTrue : rb_any;
    why = "the resource-based policy does not allow the account";
  } else {
    allowed = resource.direct;
    why = r.resource_policy ? "the resource-based policy does not allow this principal"
                            : "only a resource-based policy can allow this principal, and there is none";
  }
  if (rcp_ok == Tri::kFalse) why = "no resource control policy (RCP) of one organization level allows it";
  if (scp_ok == Tri::kFalse) why = "no service control policy (SCP) of one organization level allows it";
  allowed = allowed && scp_ok && rcp_ok;

  if (allowed == Tri::kFalse) {
    ev.decision = Decision::kImplicitDeny;
    ev.reason = why;
    return ev;
  }
  ev.controlled = std::move(col.controlled);
  if (allowed == Tri::kTrue && deny == Tri::kFalse) {
    ev.decision = Decision::kAllowed;
    ev.reason = "allowed";
    ev.statements = std::move(col.allows);
    return ev;
  }
  ev.decision = Decision::kConditional;
  ev.reason = allowed == Tri::kUnknown ? "allowed only if conditions CloudPeek cannot know hold"
                                       : "allowed unless a Deny whose condition CloudPeek cannot know applies";
  ev.statements = std::move(col.allows);
  if (allowed == Tri::kUnknown) ev.unresolved = std::move(col.maybe_allows);
  if (deny == Tri::kUnknown) {
    ev.unresolved.insert(ev.unresolved.end(), std::make_move_iterator(col.maybe_denies.begin()),
                         std::make_move_iterator(col.maybe_denies.end()));
  }
  return ev;
}

std::string describe(const StatementRef& ref) {
  std::string out(to_string(ref.kind));
  if (ref.policy && !ref.policy->name.empty()) out += " " + ref.policy->name;
  if (ref.statement) {
    out += ", statement " + std::to_string(ref.statement->index);
    if (!ref.statement->sid.empty()) out += " (Sid " + ref.statement->sid + ")";
  }
  return out;
}

std::string describe(const Evaluation& ev) {
  std::string out(to_string(ev.decision));
  out += ": ";
  out += ev.reason;
  for (const StatementRef& ref : ev.statements) {
    out += ev.decision == Decision::kExplicitDeny ? "\ndenied by " : "\nallowed by ";
    out += describe(ref);
  }
  for (const Unresolved& u : ev.unresolved) {
    std::string where = std::string(u.ref.statement && u.ref.statement->effect == Effect::kDeny ? "Deny" : "Allow") +
                        " in " + describe(u.ref);
    if (u.resource_unknown) out += "\nconditional on a policy variable in Resource (" + where + ")";
    for (const Clause* c : u.conditions) out += "\nconditional on: " + c->text + " (" + where + ")";
  }
  for (const Clause* c : ev.controlled) out += "\nholds for a value the principal chooses: " + c->text;
  if (!ev.scps_considered) out += "\nservice control policies not considered";
  return out;
}

}  // namespace cloudpeek::iam
