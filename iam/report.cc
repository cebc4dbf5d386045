#include "iam/report.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <set>

#include "iam/catalogue.h"
#include "iam/escalation_rules.h"

namespace cloudpeek::iam::report {

// ---- moved from cli/iam_command.cc: the CLI prints its text from these ----------------

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

static std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The candidates closest to `wanted` (case-insensitive): those containing it or
// contained in it first, then those within a few edits, at most `limit`.
std::vector<std::string> close_matches(std::string_view wanted, const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  std::string w = lower(wanted);
  std::vector<std::pair<std::size_t, std::string>> scored;
  std::set<std::string> seen;
  for (const auto& c : candidates) {
    if (c.empty() || !seen.insert(c).second) continue;
    std::string l = lower(c);
    std::size_t d = edit_distance(w, l);
    bool contains = w.size() >= 3 && (l.find(w) != std::string::npos || w.find(l) != std::string::npos);
    std::size_t tolerance = std::max<std::size_t>(2, w.size() / 3);
    if (contains) d = std::min<std::size_t>(d, 1);
    if (d <= tolerance) scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [d, c] : scored) {
    if (out.size() >= limit) break;
    out.push_back(std::move(c));
  }
  return out;
}

std::string kind_id(NodeKind k) {
  switch (k) {
    case NodeKind::kUser: return "user";
    case NodeKind::kRole: return "role";
    case NodeKind::kRoot: return "root";
    case NodeKind::kSamlProvider: return "saml_provider";
    case NodeKind::kOidcProvider: return "oidc_provider";
    case NodeKind::kExternalAccount: return "external_account";
    case NodeKind::kAnyone: return "anyone";
  }
  return "";
}

std::string decision_id(iam::Decision d) {
  switch (d) {
    case iam::Decision::kAllowed: return "allowed";
    case iam::Decision::kExplicitDeny: return "explicit_deny";
    case iam::Decision::kImplicitDeny: return "implicit_deny";
    case iam::Decision::kConditional: return "conditional";
  }
  return "";
}

std::string edge_kind_id(iam::EdgeKind k) {
  switch (k) {
    case iam::EdgeKind::kAssumeRole: return "assume_role";
    case iam::EdgeKind::kAssumeRoleWithSaml: return "assume_role_with_saml";
    case iam::EdgeKind::kAssumeRoleWithWebIdentity: return "assume_role_with_web_identity";
    case iam::EdgeKind::kEscalation: return "escalation";
  }
  return "";
}

std::string policy_kind_id(iam::PolicyKind k) {
  switch (k) {
    case iam::PolicyKind::kIdentity: return "identity";
    case iam::PolicyKind::kPermissionsBoundary: return "permissions_boundary";
    case iam::PolicyKind::kSession: return "session";
    case iam::PolicyKind::kResource: return "resource";
    case iam::PolicyKind::kScp: return "scp";
    case iam::PolicyKind::kRcp: return "rcp";
  }
  return "";
}

// "user alice", "role AWSReservedSSO_Admin_0123 (permission set Admin)", "external account 999988887777".
std::string label(const Node& n) {
  if (n.kind == NodeKind::kRoot) return "root user of " + n.account;
  std::string out = std::string(iam::to_string(n.kind)) + " " + n.name;
  if (!n.permission_set.empty()) out += " (permission set " + n.permission_set + ")";
  return out;
}

ojson principal_json(const Node& n) {
  ojson j;
  j["type"] = kind_id(n.kind);
  j["name"] = n.name;
  j["arn"] = n.arn;
  j["account"] = n.account;
  j["permission_set"] = n.permission_set.empty() ? ojson(nullptr) : ojson(n.permission_set);
  return j;
}

ojson statement_ref_json(const iam::StatementRef& s) {
  ojson j;
  j["policy"] = s.policy ? s.policy->name : "";
  j["kind"] = policy_kind_id(s.kind);
  j["statement"] = s.statement ? ojson(s.statement->index) : ojson(nullptr);
  j["sid"] = s.statement ? s.statement->sid : "";
  j["text"] = iam::describe(s);
  return j;
}

ojson statement_refs_json(const std::vector<iam::StatementRef>& refs) {
  ojson a = ojson::array();
  for (const auto& r : refs) a.push_back(statement_ref_json(r));
  return a;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

Resolved resolve_principal(const AuthorizationData& d, const std::string& wanted) {
  if (auto i = d.find(wanted)) return {i, {}};
  // page ids: "user:NAME", "role:NAME", "root".
  for (std::size_t i = 0; i < d.nodes().size(); ++i)
    if (d.node(i).internal && page_id(d.node(i)) == wanted) return {i, {}};
  // "user/NAME", "role/NAME": when a user and a role share a name.
  for (auto [prefix, kind] : {std::pair{"user/", NodeKind::kUser}, std::pair{"role/", NodeKind::kRole}}) {
    if (!wanted.starts_with(prefix)) continue;
    std::string name = wanted.substr(std::string_view(prefix).size());
    for (std::size_t i = 0; i < d.nodes().size(); ++i)
      if (d.node(i).kind == kind && d.node(i).internal && d.node(i).name == name) return {i, {}};
  }
  // A role session ARN (what `auth check` prints): the role.
  if (auto at = wanted.find(":assumed-role/"); at != std::string::npos) {
    std::string rest = wanted.substr(at + 14);
    std::string role = rest.substr(0, rest.find('/'));
    for (std::size_t i = 0; i < d.nodes().size(); ++i)
      if (d.node(i).kind == NodeKind::kRole && d.node(i).name == role) return {i, {}};
  }
  // IAM names are unique regardless of case.
  std::string w = lower(wanted);
  for (std::size_t i = 0; i < d.nodes().size(); ++i) {
    const Node& n = d.node(i);
    if (lower(n.arn) == w || (n.internal && lower(n.name) == w) ||
        (!n.permission_set.empty() && lower(n.permission_set) == w))
      return {i, {}};
  }
  std::vector<std::string> names;
  for (const Node& n : d.nodes()) {
    if (!n.internal) continue;
    names.push_back(n.name);
    if (!n.permission_set.empty()) names.push_back(n.permission_set);
  }
  std::string bare = wanted;
  if (auto slash = bare.rfind('/'); slash != std::string::npos && wanted.starts_with("arn:")) bare = bare.substr(slash + 1);
  auto close = close_matches(bare, names);
  std::string msg = "No principal \"" + wanted + "\" in account " + d.account() + ".";
  if (!close.empty()) {
    msg += " Close matches:";
    for (const auto& c : close) {
      auto i = d.find(c);
      msg += "\n  " + c + (i ? "  (" + label(d.node(*i)) + ", " + d.node(*i).arn + ")" : "");
    }
  } else {
    msg += " Name it by ARN, user or role name, or IAM Identity Center permission set name; `cloudpeek iam paths` "
           "lists the principals that can escalate.";
  }
  return {std::nullopt, msg};
}

// What is wrong with an action name, or nullopt when the catalogue knows it.
std::optional<std::string> action_error(const std::string& action) {
  const auto& cat = iam::Catalogue::get();
  if (action.find_first_of("*?") != std::string::npos)
    return "who-can takes one action, not a pattern: \"" + action + "\" (e.g. iam:PassRole, s3:GetObject).";
  if (cat.find_action(action)) return std::nullopt;
  auto colon = action.find(':');
  if (colon == std::string::npos)
    return "\"" + action + "\" is not an action: write it as service:Action (e.g. iam:PassRole, s3:GetObject).";
  std::string service = action.substr(0, colon);
  auto sid = cat.find_service(service);
  std::string msg;
  if (!sid) {
    std::vector<std::string> prefixes;
    for (iam::ServiceId s = 0; s < cat.service_count(); ++s) prefixes.emplace_back(cat.service_prefix(s));
    msg = "Unknown action \"" + action + "\": no AWS service has the prefix \"" + service + "\" (AWS Service " +
          "Authorization Reference, " + std::string(cat.package()) + " " + std::string(cat.version()) + ").";
    // Services that have the action come first.
    std::vector<std::string> with_action;
    for (const auto& p : prefixes)
      if (cat.find_action(p + action.substr(colon))) with_action.push_back(p);
    auto close = close_matches(service, with_action);
    if (close.empty()) close = close_matches(service, prefixes);
    if (!close.empty()) {
      msg += " Did you mean:";
      for (const auto& c : close) msg += " " + c + ":" + action.substr(colon + 1);
    }
    return msg;
  }
  std::vector<std::string> names;
  for (iam::ActionId id : cat.service_actions(*sid)) names.emplace_back(cat.action(id).full_name());
  msg = "Unknown action \"" + action + "\": " + std::string(cat.service_name(*sid)) + " has no action \"" +
        action.substr(colon + 1) + "\" (" + std::string(cat.package()) + " " + std::string(cat.version()) + ").";
  auto close = close_matches(action, names);
  if (!close.empty()) {
    msg += " Did you mean:";
    for (const auto& c : close) msg += "\n  " + c;
  }
  return msg;
}

std::vector<std::string> notes_of(const AuthorizationData& d) {
  std::vector<std::string> notes = {d.scp_note(), d.rcp_note()};
  if (!d.functions_listed())
    notes.push_back("Lambda functions were not listed: edges through an existing function assume one may run as the role.");
  if (!d.instances_listed())
    notes.push_back("EC2 instances were not listed: edges through an existing instance assume one may run as the role.");
  return notes;
}

ojson grant_json(const iam::Grant& g) {
  ojson j;
  j["action"] = g.action;
  j["resource"] = g.resource;
  j["decision"] = decision_id(g.decision);
  j["statements"] = statement_refs_json(g.statements);
  j["conditions"] = g.conditions;
  j["controlled"] = g.controlled;
  return j;
}

ojson edge_json(const AuthorizationData& d, const iam::Edge& e) {
  ojson j;
  j["from"] = principal_json(d.node(e.from));
  j["to"] = principal_json(d.node(e.to));
  j["kind"] = edge_kind_id(e.kind);
  if (e.rule) {
    j["rule"] = {{"id", e.rule->id}, {"name", e.rule->name}, {"reference", e.rule->reference}};
  } else {
    j["rule"] = nullptr;
  }
  j["empowers"] = e.empowers;
  j["conditional"] = e.conditional;
  j["detail"] = e.detail;
  ojson grants = ojson::array();
  for (const auto& g : e.grants) grants.push_back(grant_json(g));
  j["grants"] = std::move(grants);
  j["assumptions"] = e.assumptions;
  return j;
}

ojson path_json(const Graph& g, const iam::Path& p) {
  const AuthorizationData& d = g.data();
  ojson j;
  j["summary"] = p.summary;
  j["conditional"] = p.conditional;
  j["end"] = principal_json(d.node(p.end));
  ojson steps = ojson::array();
  for (const iam::Edge* e : p.steps) steps.push_back(edge_json(d, *e));
  j["steps"] = std::move(steps);
  return j;
}

ojson admin_json(const iam::AdminStatus& st) {
  ojson j;
  j["level"] = st.level == iam::AdminLevel::kNo           ? "no"
               : st.level == iam::AdminLevel::kFullAccess ? "full_access"
                                                          : "grants_itself";
  j["conditional"] = st.conditional;
  ojson ev = ojson::array();
  for (const auto& g : st.evidence) ev.push_back(grant_json(g));
  j["evidence"] = std::move(ev);
  j["self_grant_rule"] = st.self_grant && st.self_grant->rule ? ojson(st.self_grant->rule->id) : ojson(nullptr);
  return j;
}

std::string admin_text(const iam::AdminStatus& st) {
  std::string c = st.conditional ? " (only if conditions CloudPeek cannot check hold)" : "";
  switch (st.level) {
    case iam::AdminLevel::kNo: return "no";
    case iam::AdminLevel::kFullAccess: return "yes: allowed everything" + c;
    case iam::AdminLevel::kGrantsItself:
      return "yes: can give itself everything" +
             (st.self_grant && st.self_grant->rule ? " (" + std::string(st.self_grant->rule->id) + ")" : std::string()) +
             c;
  }
  return "";
}

ojson entry_points_json(const Node& n) {
  if (n.kind != NodeKind::kUser) return nullptr;
  ojson j;
  j["console_password"] = n.console_password ? ojson(*n.console_password) : ojson(nullptr);
  j["mfa"] = n.mfa ? ojson(*n.mfa) : ojson(nullptr);
  j["active_access_keys"] = n.active_access_keys ? ojson(*n.active_access_keys) : ojson(nullptr);
  return j;
}

std::string entry_points_text(const Node& n) {
  if (n.kind != NodeKind::kUser) return {};
  if (!n.console_password && !n.mfa && !n.active_access_keys) return "not known (the IAM credential report was not collected)";
  auto yes_no = [](const std::optional<bool>& b) { return b ? (*b ? std::string("yes") : std::string("no")) : std::string("not known"); };
  return "console password " + yes_no(n.console_password) + ", MFA " + yes_no(n.mfa) + ", active access keys " +
         (n.active_access_keys ? std::to_string(*n.active_access_keys) : std::string("not known"));
}

ResourcePolicy resource_policy_of(const Inventory& inv, AuthorizationData& d, const std::string& resource) {
  ResourcePolicy out;
  if (resource == "*") return out;
  const Resource* r = inv.find_arn(resource);
  if (!r && resource.starts_with("arn:aws:s3:::") && resource.find('/') != std::string::npos)
    r = inv.find_arn(resource.substr(0, resource.find('/')));
  if (!r) {
    out.note = "No resource " + resource + " in the inventory: its resource-based policy (if it has one) is not " +
               "counted, only the principals' own policies.";
    return out;
  }
  if (r->type == "AWS::KMS::Key") out.rule = iam::ResourcePolicyRule::kRequired;
  const json* doc = r->prop("policy");
  if (!doc) {
    if (auto why = r->missing_reason("policy"))
      out.note = "The resource policy of " + r->arn + " was not collected (" + *why + "): it is not counted.";
    return out;
  }
  auto parsed = iam::parse_policy(*doc, r->arn);
  if (!parsed) {
    out.note = "The resource policy of " + r->arn + " could not be read: " + parsed.error().describe();
    return out;
  }
  out.policy = d.keep(std::move(*parsed));
  return out;
}

// Actions some escalation technique uses: a statement allowing one is marked.
static const std::vector<std::string>& escalation_actions() {
  static const std::vector<std::string> actions = [] {
    std::set<std::string> s;
    for (const auto& r : iam::escalation_rules())
      for (const auto& step : r.steps) s.insert(std::string(step.action));
    // IAM's own first: they say the most to a reader.
    std::vector<std::string> v(s.begin(), s.end());
    std::stable_partition(v.begin(), v.end(), [](const std::string& a) { return a.starts_with("iam:"); });
    return v;
  }();
  return actions;
}

std::vector<std::string> risky_actions(const iam::Statement& s) {
  std::vector<std::string> out;
  if (s.effect != iam::Effect::kAllow) return out;
  for (const auto& a : escalation_actions())
    if (s.matches_action(lower(a))) out.push_back(a);
  return out;
}

std::vector<std::string> sources(const std::vector<iam::Pattern>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(p.source());
  return out;
}

std::vector<std::string> principal_names(const iam::PrincipalSet& p) {
  std::vector<std::string> out;
  if (p.any) out.push_back("*");
  for (const auto& x : p.accounts) out.push_back("account " + x);
  for (const auto& x : p.arns) out.push_back(x);
  for (const auto& x : p.unique_ids) out.push_back(x);
  for (const auto& x : p.services) out.push_back("service " + x);
  for (const auto& x : p.federated) out.push_back("federated " + x);
  for (const auto& x : p.canonical_users) out.push_back("canonical user " + x);
  return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

ojson statement_json(const iam::Statement& s) {
  ojson j;
  j["index"] = s.index;
  j["sid"] = s.sid;
  j["effect"] = s.effect == iam::Effect::kAllow ? "Allow" : "Deny";
  if (s.has_principal) j[s.not_principal ? "not_principal" : "principal"] = principal_names(s.principals);
  j[s.not_action ? "not_action" : "action"] = sources(s.actions);
  if (s.has_resource) j[s.not_resource ? "not_resource" : "resource"] = sources(s.resources);
  std::vector<std::string> conds;
  for (const auto& c : s.condition.clauses) conds.push_back(c.text);
  j["conditions"] = conds;
  auto risky = risky_actions(s);
  j["risky"] = !risky.empty();
  j["escalation_actions"] = risky;
  return j;
}

std::vector<PolicyEntry> policies_of(const AuthorizationData& d, const Node& n) {
  std::vector<PolicyEntry> out;
  for (const iam::Policy* p : n.principal.identity_policies) {
    std::string origin = "inline";
    for (const auto& gname : n.groups)
      if (const iam::Group* g = d.group(gname); g && std::count(g->policies.begin(), g->policies.end(), p))
        origin = "via group " + g->name;
    if (origin == "inline")
      for (const auto& m : d.managed_policies())
        if (m.policy == p) origin = m.aws_managed ? "AWS managed" : "customer managed";
    out.push_back({origin, p});
  }
  if (n.principal.permissions_boundary) out.push_back({"permissions boundary", n.principal.permissions_boundary});
  return out;
}

std::string page_id(const Node& n) {
  switch (n.kind) {
    case NodeKind::kUser: return n.internal ? "user:" + n.name : "";
    case NodeKind::kRole: return n.internal ? "role:" + n.name : "";
    case NodeKind::kRoot: return n.internal ? "root" : "";
    default: return "";
  }
}

// ---- who-can ------------------------------------------------------------------------

WhoCanAnswer answer_who_can(const Inventory& inv, AuthorizationData& d, const Graph& g, const std::string& action,
                            const std::string& resource) {
  WhoCanAnswer a;
  a.action = action;
  a.resource = resource;
  a.resource_policy = resource_policy_of(inv, d, resource);
  a.answers = iam::who_can(g, action, resource, a.resource_policy.policy, a.resource_policy.rule);
  for (const auto& w : a.answers) {
    switch (w.decision) {
      case iam::Decision::kAllowed: a.allowed.push_back(&w); break;
      case iam::Decision::kConditional: a.conditional.push_back(&w); break;
      default: a.denied.push_back(&w);
    }
  }
  return a;
}

ojson who_can_json(const Graph& g, const WhoCanAnswer& a) {
  const AuthorizationData& data = g.data();
  ojson j;
  j["account"] = data.account();
  j["action"] = a.action;
  j["resource"] = a.resource;
  j["resource_policy"] = a.resource_policy.policy ? ojson(a.resource_policy.policy->name) : ojson(nullptr);
  auto group = [&](const std::vector<const iam::WhoCan*>& list) {
    ojson arr = ojson::array();
    for (const auto* w : list) {
      ojson e;
      e["principal"] = principal_json(data.node(w->node));
      e["decision"] = decision_id(w->decision);
      e["reason"] = first_line(w->explanation);
      e["statements"] = statement_refs_json(w->statements);
      e["conditions"] = w->conditions;
      arr.push_back(std::move(e));
    }
    return arr;
  };
  j["allowed"] = group(a.allowed);
  j["conditional"] = group(a.conditional);
  j["denied"] = group(a.denied);
  std::vector<std::string> notes = notes_of(data);
  if (!a.resource_policy.note.empty()) notes.push_back(a.resource_policy.note);
  j["notes"] = notes;
  j["warnings"] = data.warnings();
  return j;
}

// ---- paths --------------------------------------------------------------------------

PathsAnswer answer_paths(const Graph& g, std::optional<std::size_t> one, std::size_t to, std::size_t limit) {
  const AuthorizationData& d = g.data();
  PathsAnswer a;
  a.to = to;
  a.every_principal = !one;
  a.limit = limit > 0 ? limit : (one ? 5 : 1);
  std::vector<std::size_t> from;
  if (one) {
    from.push_back(*one);
  } else {
    for (std::size_t i = 0; i < d.nodes().size(); ++i)
      if (i != to) from.push_back(i);
  }
  for (std::size_t i : from) {
    // Listing every principal: administrators themselves are listed apart, not as empty paths.
    if (!one && to == iam::kAdmin) {
      const auto& full = g.full_access(i);
      if (full.level == iam::AdminLevel::kFullAccess && !full.conditional) {
        a.admins.push_back(i);
        continue;
      }
    }
    auto ps = iam::paths(g, i, to, a.limit);
    if (!ps.empty() || one) a.found.push_back({i, std::move(ps)});
  }
  return a;
}

ojson paths_json(const Graph& g, const PathsAnswer& a) {
  const AuthorizationData& d = g.data();
  ojson j;
  j["account"] = d.account();
  j["to"] = a.to == iam::kAdmin ? ojson("admin") : principal_json(d.node(a.to));
  ojson admins_j = ojson::array();
  for (std::size_t x : a.admins) admins_j.push_back(principal_json(d.node(x)));
  j["administrators"] = std::move(admins_j);
  ojson list = ojson::array();
  for (const auto& f : a.found) {
    ojson e;
    e["principal"] = principal_json(d.node(f.node));
    ojson ps = ojson::array();
    for (const auto& p : f.paths) ps.push_back(path_json(g, p));
    e["paths"] = std::move(ps);
    list.push_back(std::move(e));
  }
  j["principals"] = std::move(list);
  j["notes"] = notes_of(d);
  j["warnings"] = d.warnings();
  return j;
}

// ---- explain --------------------------------------------------------------------------

Explanation explain(const Graph& g, std::size_t i, std::size_t limit) {
  const AuthorizationData& d = g.data();
  Explanation x;
  x.node = i;
  x.admin = iam::is_admin(g, i);
  if (x.admin.level == iam::AdminLevel::kNo || x.admin.conditional)
    x.paths = iam::paths(g, i, iam::kAdmin, limit > 0 ? limit : 5);
  // Who can become it (assume it, or act as it through a technique), and who can make it an administrator.
  for (std::size_t e : g.in(i)) {
    const iam::Edge& edge = g.edges()[e];
    if (edge.from == i) continue;
    (edge.empowers ? x.empower : x.become).push_back(&edge);
  }
  x.policies = policies_of(d, d.node(i));
  return x;
}

ojson explanation_json(const Graph& g, const Explanation& x) {
  const AuthorizationData& d = g.data();
  const Node& n = d.node(x.node);
  ojson j;
  j["principal"] = principal_json(n);
  j["admin"] = admin_json(x.admin);
  j["entry_points"] = entry_points_json(n);
  ojson pj = ojson::array();
  for (const auto& p : x.paths) pj.push_back(path_json(g, p));
  j["escalation_paths"] = std::move(pj);
  ojson bj = ojson::array(), ej = ojson::array();
  for (const auto* e : x.become) bj.push_back(edge_json(d, *e));
  for (const auto* e : x.empower) ej.push_back(edge_json(d, *e));
  j["can_become_it"] = std::move(bj);
  j["can_make_it_admin"] = std::move(ej);
  if (n.trust) {
    ojson t = ojson::array();
    for (const auto& s : n.trust->statements) t.push_back(statement_json(s));
    j["trust_policy"] = std::move(t);
  } else {
    j["trust_policy"] = nullptr;
  }
  ojson pol = ojson::array();
  for (const auto& p : x.policies) {
    ojson e;
    e["name"] = p.policy->name;
    e["origin"] = p.origin;
    ojson st = ojson::array();
    for (const auto& s : p.policy->statements) st.push_back(statement_json(s));
    e["statements"] = std::move(st);
    pol.push_back(std::move(e));
  }
  j["policies"] = std::move(pol);
  j["groups"] = n.groups;
  j["instance_profiles"] = n.instance_profiles;
  j["notes"] = n.notes;
  j["analysis_notes"] = notes_of(d);
  j["warnings"] = d.warnings();
  return j;
}

// ---- the /iam page --------------------------------------------------------------------

namespace {

std::string iso_time(double epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The newest use of a user's (or root's) password or access keys, from the
// credential report; a role's RoleLastUsed (the collector's last_used, or AWS's
// answer when it was kept).
ojson last_used(const Inventory& inv, const Node& n) {
  const Resource* r = inv.find_arn(n.arn);
  if (!r) return nullptr;
  if (n.kind == NodeKind::kRole) {
    // collect/iam.h: last_used, RoleLastUsed as epoch seconds (null: not used in AWS's 400-day window).
    if (const json* when = r->prop("last_used"); when && when->is_number()) return iso_time(when->get<double>());
    auto it = r->raw.find("RoleLastUsed");
    if (it != r->raw.end() && it->is_object()) {
      auto date = it->find("LastUsedDate");
      if (date != it->end() && date->is_string() && !date->get<std::string>().empty()) return date->get<std::string>();
    }
    return nullptr;
  }
  const json* report = r->prop("credential_report");
  if (!report || !report->is_object()) return nullptr;
  double newest = -1;
  auto take = [&](const json& v) {
    if (v.is_number()) newest = std::max(newest, v.get<double>());
  };
  if (auto p = report->find("password_last_used"); p != report->end()) take(*p);
  if (auto keys = report->find("access_keys"); keys != report->end() && keys->is_array())
    for (const auto& k : *keys)
      if (auto u = k.find("last_used"); u != k.end()) take(*u);
  if (newest < 0) return nullptr;
  return iso_time(newest);
}

}  // namespace

ojson principal_summaries_json(const Inventory& inv, const Graph& g) {
  const AuthorizationData& d = g.data();
  ojson rows = ojson::array();
  for (std::size_t i = 0; i < d.nodes().size(); ++i) {
    const Node& n = d.node(i);
    if (!n.internal || page_id(n).empty()) continue;
    // "Administrator" as issue 10 and the checks count it: allowed everything, or able to
    // give itself everything in one step on itself (grants_itself says which).
    AdminStatus admin = iam::is_admin(g, i);
    ojson row;
    row["id"] = page_id(n);
    row["type"] = kind_id(n.kind);
    row["name"] = n.name;
    row["arn"] = n.arn;
    row["permission_set"] = n.permission_set.empty() ? ojson(nullptr) : ojson(n.permission_set);
    row["admin"] = admin.level != AdminLevel::kNo;
    row["admin_conditional"] = admin.level != AdminLevel::kNo && admin.conditional;
    row["grants_itself"] = admin.level == AdminLevel::kGrantsItself;
    ojson escalation = nullptr;
    if (admin.level == AdminLevel::kNo || admin.conditional) {
      // A path that needs another principal or resource (giving itself everything is the admin column's).
      for (const Path& p : iam::paths(g, i, iam::kAdmin, 3)) {
        if (p.steps.empty() || (p.steps.size() == 1 && p.steps[0]->empowers && p.steps[0]->to == p.steps[0]->from)) continue;
        escalation = {{"summary", p.summary}, {"steps", p.steps.size()}, {"conditional", p.conditional},
                      {"end", principal_json(d.node(p.end))}};
        break;
      }
    }
    row["can_escalate"] = !escalation.is_null();
    row["shortest_path"] = std::move(escalation);
    // From outside: an edge into it from a node that is not a principal of the account.
    ojson outside = ojson::array();
    std::set<std::size_t> seen;
    for (std::size_t e : g.in(i)) {
      const Edge& edge = g.edges()[e];
      const Node& from = d.node(edge.from);
      if (from.internal || edge.empowers || !seen.insert(edge.from).second) continue;
      outside.push_back({{"principal", principal_json(from)}, {"how", edge_kind_id(edge.kind)},
                         {"conditional", edge.conditional}});
    }
    row["trusted_from_outside"] = !outside.empty();
    row["outside"] = std::move(outside);
    row["last_used"] = last_used(inv, n);
    row["entry_points"] = entry_points_json(n);
    row["groups"] = n.groups;
    row["incomplete"] = !n.notes.empty();
    rows.push_back(std::move(row));
  }
  return rows;
}

ojson identity_providers_json(const Graph& g) {
  const AuthorizationData& d = g.data();
  ojson out = ojson::array();
  for (std::size_t i = 0; i < d.nodes().size(); ++i) {
    const Node& n = d.node(i);
    if (n.kind != NodeKind::kSamlProvider && n.kind != NodeKind::kOidcProvider) continue;
    ojson roles = ojson::array();
    for (std::size_t e : g.out(i)) {
      const Edge& edge = g.edges()[e];
      const Node& to = d.node(edge.to);
      ojson conditions = ojson::array();
      for (const auto& gr : edge.grants)
        for (const auto& c : gr.conditions) conditions.push_back(c);
      ojson statements = ojson::array();
      for (const auto& gr : edge.grants)
        for (const auto& s : gr.statements) statements.push_back(describe(s));
      roles.push_back({{"id", page_id(to)}, {"principal", principal_json(to)}, {"how", edge_kind_id(edge.kind)},
                       {"conditional", edge.conditional}, {"conditions", std::move(conditions)},
                       {"statements", std::move(statements)}});
    }
    out.push_back({{"type", kind_id(n.kind)}, {"name", n.name}, {"arn", n.arn}, {"roles", std::move(roles)}});
  }
  return out;
}

ojson effective_permissions_json(const Graph& g, std::size_t node) {
  const AuthorizationData& d = g.data();
  const Node& n = d.node(node);
  const Catalogue& cat = Catalogue::get();
  // The actions any Allow statement of its identity policies names: the rest is implicitly denied.
  std::vector<bool> named(cat.action_count(), false);
  std::vector<const Statement*> allows;
  for (const Policy* p : n.principal.identity_policies) {
    for (const Statement& s : p->statements) {
      if (s.effect != Effect::kAllow) continue;
      allows.push_back(&s);
      std::vector<std::string> patterns = sources(s.actions);
      ActionSet set = s.not_action ? cat.expand_not(patterns) : cat.expand(patterns);
      for (ActionId id : set) named[id] = true;
    }
  }
  struct Counts {
    std::size_t allowed = 0, limited = 0, conditional = 0, denied = 0;
    std::map<std::string, std::size_t> levels;  // access level -> granted actions (allowed, limited or conditional)
  };
  std::map<ServiceId, Counts> by_service;
  for (ActionId id = 0; id < cat.action_count(); ++id) {
    if (!named[id]) continue;
    Action action = cat.action(id);
    std::string name(action.full_name());
    Request req;
    req.principal = &n.principal;
    req.action = name;
    req.resource = "*";
    req.context = &g.context();
    req.explain = false;
    Evaluation ev = evaluate(req);
    Counts& c = by_service[cat.service_of(id)];
    bool granted = true;
    switch (ev.decision) {
      case Decision::kAllowed: ++c.allowed; break;
      case Decision::kConditional: ++c.conditional; break;
      case Decision::kExplicitDeny: ++c.denied; granted = false; break;
      case Decision::kImplicitDeny: {
        // Allowed only on named resources (not on "*")? An Allow with a narrower
        // Resource names it; a boundary may still deny it there, which "*" cannot tell.
        bool narrower = false;
        std::string l = lower(name);
        for (const Statement* s : allows)
          if (s->matches_action(l) && s->has_resource && !s->not_resource &&
              std::none_of(s->resources.begin(), s->resources.end(), [](const Pattern& p) { return p.is_star(); }))
            narrower = true;
        if (narrower) {
          ++c.limited;
        } else {
          ++c.denied;
          granted = false;
        }
        break;
      }
    }
    if (granted) ++c.levels[std::string(to_string(action.access_level()))];
  }
  ojson services = ojson::array();
  for (const auto& [sid, c] : by_service) {
    ojson levels = ojson::object();
    for (const auto& [lvl, k] : c.levels) levels[lvl] = k;
    services.push_back({{"service", std::string(cat.service_prefix(sid))},
                        {"name", std::string(cat.service_name(sid))},
                        {"actions", cat.service_actions(sid).size()},
                        {"allowed", c.allowed},
                        {"limited", c.limited},
                        {"conditional", c.conditional},
                        {"denied", c.denied},
                        {"access_levels", std::move(levels)}});
  }
  // Services it can do the most in first.
  std::stable_sort(services.begin(), services.end(), [](const ojson& a, const ojson& b) {
    auto score = [](const ojson& s) {
      return s["allowed"].get<std::size_t>() + s["limited"].get<std::size_t>() + s["conditional"].get<std::size_t>();
    };
    return score(a) > score(b);
  });
  ojson j;
  j["resource"] = "*";
  j["catalogue"] = std::string(cat.package()) + " " + std::string(cat.version());
  j["services"] = std::move(services);
  return j;
}

}  // namespace cloudpeek::iam::report
